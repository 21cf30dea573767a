import type { Brand } from '../brands/brand.ts';
import { careersSentence } from '../brands/brand-text.ts';
import { hostParts, registrableDomain } from '../domain/registrable-domain.ts';
import type { Reason } from '../types.ts';
import { labelToUnicode } from '../unicode/punycode.ts';
import { isMixedScript, scriptOf, scriptsIn } from '../unicode/scripts.ts';
import { confusableWith, skeleton } from '../unicode/skeleton.ts';
import { allowedEdits, deletions, editDistance } from './edit-distance.ts';
import { hasRiskStem, isRiskWordSequence } from './risk-words.ts';

export interface LookalikeContext {
  /** Brands named in the surrounding post: a common-word brand then counts even without a risk word. */
  mentionedBrandIds?: ReadonlySet<string>;
}

export interface BrandIndex {
  readonly brands: readonly Brand[];
  byId(id: string): Brand | undefined;
  /** The host is an official domain (or a subdomain of one) of this brand. */
  officialBrandOf(host: string): Brand | undefined;
  /** The URL is on an official careers page or ATS board of this brand. */
  officialJobBrandOf(url: URL): Brand | undefined;
  /** Lookalike reasons for a host; none for official hosts and unrelated ones. */
  lookalikesOf(host: string, context?: LookalikeContext): Reason[];
  /** Brands named in free text, by alias, in order of first appearance. */
  brandsMentioned(text: string): Brand[];
}

interface TokenOwner {
  token: string;
  brand: Brand;
}

const MAX_TYPO_DEPTH = 2;
const MAX_ALIAS_WORDS = 4;
const COMBINING_MARK = /\p{M}/gu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Skeleton for domains: UTS #39 skeleton, lower case, diacritics and hyphens dropped. */
function looseSkeleton(label: string): string {
  return skeleton(label).toLowerCase().normalize('NFD').replace(COMBINING_MARK, '').replace(/-/g, '');
}

/**
 * Compiled once from the catalog (and brands from signed lists). Every check is a fixed
 * number of hash lookups: token maps by length, a symmetric-delete index for typos and a
 * skeleton map for homoglyphs. Nothing loops over brands, so 5,000 brands cost what 30 do.
 */
export function createBrandIndex(brands: readonly Brand[]): BrandIndex {
  const byId = new Map<string, Brand>();
  const officialDomains = new Map<string, Brand>();
  const careers = new Map<string, Array<{ path: string; brand: Brand }>>();
  const tokens = new Map<string, TokenOwner>();
  const tokenLengths = new Set<number>();
  const typoIndex = new Map<string, string[]>();
  const skeletons = new Map<string, string>();
  const aliases = new Map<string, Brand>();
  const cjkAliases = new Map<string, Brand>();
  const cjkLengths = new Set<number>();

  for (const brand of brands) {
    byId.set(brand.id, brand);
    for (const domain of brand.domains) officialDomains.set(registrableDomain(domain), brand);
    for (const page of brand.careers) {
      const url = new URL(page);
      const list = careers.get(url.hostname) ?? [];
      list.push({ path: url.pathname.replace(/\/$/, '').toLowerCase(), brand });
      careers.set(url.hostname, list);
    }
    for (const token of brand.tokens) {
      if (tokens.has(token)) continue;
      tokens.set(token, { token, brand });
      tokenLengths.add(token.length);
      skeletons.set(looseSkeleton(token), token);
      const depth = Math.min(MAX_TYPO_DEPTH, allowedEdits(token.length));
      if (depth === 0) continue;
      for (const variant of deletions(token, depth)) {
        const owners = typoIndex.get(variant);
        if (owners) owners.push(token);
        else typoIndex.set(variant, [token]);
      }
    }
    for (const alias of brand.aliases) {
      if (CJK.test(alias)) {
        cjkAliases.set(alias, brand);
        cjkLengths.add(alias.length);
      } else {
        // Common-word brands are matched only as written ("Circle", not "circle back").
        aliases.set(
          brand.commonWord ? alias.replace(/\s+/g, ' ') : alias.toLowerCase().replace(/\s+/g, ' '),
          brand,
        );
      }
    }
  }
  const sortedLengths = [...tokenLengths].sort((a, b) => b - a);

  function officialBrandOf(host: string): Brand | undefined {
    return officialDomains.get(registrableDomain(host));
  }

  function officialJobBrandOf(url: URL): Brand | undefined {
    const pages = careers.get(url.hostname.toLowerCase());
    if (!pages) return undefined;
    const path = url.pathname.toLowerCase();
    return pages.find((p) => path === p.path || path.startsWith(`${p.path}/`))?.brand;
  }

  /** The longest brand token inside `text`, with what stands before and after it. */
  function findToken(text: string): { owner: TokenOwner; before: string; after: string } | undefined {
    for (const length of sortedLengths) {
      for (let start = 0; start + length <= text.length; start++) {
        const owner = tokens.get(text.slice(start, start + length));
        if (owner) return { owner, before: text.slice(0, start), after: text.slice(start + length) };
      }
    }
    return undefined;
  }

  function skeletonOwner(loose: string): TokenOwner | undefined {
    const token = skeletons.get(loose);
    return token === undefined ? undefined : tokens.get(token);
  }

  function typoOf(word: string): { owner: TokenOwner; edits: number } | undefined {
    if (word.length < 4 || word.length > 40) return undefined;
    for (const variant of deletions(word, MAX_TYPO_DEPTH)) {
      for (const token of typoIndex.get(variant) ?? []) {
        if (token === word) continue;
        const edits = editDistance(word, token, allowedEdits(token.length));
        if (edits <= allowedEdits(token.length)) return { owner: tokens.get(token)!, edits };
      }
    }
    return undefined;
  }

  /** A token is a whole hyphen-separated part, or the rest of the label is only risk words. */
  function embeddedAsCombo(
    label: string,
    found: { owner: TokenOwner; before: string; after: string },
  ): boolean {
    if (label.split('-').includes(found.owner.token)) return true;
    const before = found.before.length === 0 || isRiskWordSequence(found.before);
    const after = found.after.length === 0 || isRiskWordSequence(found.after);
    return before && after;
  }

  function lookalikesOf(rawHost: string, context: LookalikeContext = {}): Reason[] {
    const parts = hostParts(rawHost);
    if (parts.isIp || !parts.domain || !parts.suffix) return [];
    if (officialDomains.has(parts.domain)) return [];
    const host = parts.host;
    const label = parts.domain.slice(0, parts.domain.length - parts.suffix.length - 1);
    const unicodeLabel = labelToUnicode(label);
    const squashed = label.replace(/-/g, '');
    const unicodeHost = host.split('.').map(labelToUnicode).join('.');
    const reasons: Reason[] = [];
    const flagged = new Set<string>();

    /** Common-word brands need a recruiting or account word in the host, or the brand named nearby. */
    const allowed = (brand: Brand, withoutToken: string) =>
      !brand.commonWord || context.mentionedBrandIds?.has(brand.id) === true || hasRiskStem(withoutToken);
    const hostWithout = (token: string) => unicodeHost.replace(token, ' ');
    const add = (id: string, brand: Brand, message: string) => {
      if (flagged.has(brand.id)) return;
      flagged.add(brand.id);
      reasons.push({
        id,
        level: 'suspicious',
        escalatesWithJobContext: true,
        brand: brand.name,
        host: unicodeHost === host ? host : `${host} (${unicodeHost})`,
        message,
      });
    };
    const notOurs = (brand: Brand) => `${unicodeHost} is not a ${brand.name} domain`;

    // Homoglyphs: the label reads as a brand once confusable characters are mapped.
    const loose = looseSkeleton(unicodeLabel);
    // Whole-label matches for ASCII tricks ("c0inbase"); tokens inside the label only for IDNs.
    const isIdn = unicodeLabel !== label;
    const homoglyphToken =
      loose !== squashed
        ? (skeletons.get(loose) ?? (isIdn ? findToken(loose)?.owner.token : undefined))
        : undefined;
    if (homoglyphToken !== undefined && squashed !== homoglyphToken) {
      const { brand } = tokens.get(homoglyphToken)!;
      add(
        'lookalike-homoglyph',
        brand,
        `${notOurs(brand)}: it imitates “${homoglyphToken}” with ${describeOddCharacter(unicodeLabel)}. ${careersSentence(brand)}`,
      );
    }

    // Brand token inside the registrable label: exact (TLD swap, hyphenation) or with other words.
    const found = findToken(squashed);
    if (found && allowed(found.owner.brand, hostWithout(found.owner.token))) {
      const { brand, token } = found.owner;
      const official = brand.domains[0] ? registrableDomain(brand.domains[0]) : undefined;
      if (squashed === token) {
        const sameSuffix = official?.endsWith(`.${parts.suffix}`) === true;
        if (label.includes('-') && sameSuffix) {
          add(
            'lookalike-hyphenation',
            brand,
            `${notOurs(brand)}: it splits the name with a hyphen; the real one is ${official}. ${careersSentence(brand)}`,
          );
        } else {
          add(
            'lookalike-tld-swap',
            brand,
            `${notOurs(brand)}: ${brand.name} uses ${official ?? 'another domain'}, not .${parts.suffix}. ${careersSentence(brand)}`,
          );
        }
      } else if (embeddedAsCombo(label, found)) {
        const extra = [found.before, found.after].filter(Boolean).join('…');
        add(
          'lookalike-combosquat',
          brand,
          `${notOurs(brand)}: it adds “${extra}” to the ${brand.name} name. ${careersSentence(brand)}`,
        );
      }
    }

    // Typos of a brand token, in the whole label or in one hyphen-separated part.
    const typoWords = isIdn ? [loose] : [squashed, ...label.split('-')];
    for (const word of new Set(typoWords)) {
      const typo = typoOf(word);
      if (!typo || !allowed(typo.owner.brand, hostWithout(word))) continue;
      const { brand, token } = typo.owner;
      add(
        'lookalike-typo',
        brand,
        `${notOurs(brand)}: “${word}” is ${typo.edits === 1 ? 'one letter' : 'two letters'} away from “${token}”. ${careersSentence(brand)}`,
      );
    }

    // The brand in a subdomain of someone else's domain: coinbase.com.careers-portal.xyz.
    for (const sub of parts.subdomain ? parts.subdomain.split('.') : []) {
      const plain = sub.replace(/-/g, '');
      const unicodeSub = looseSkeleton(labelToUnicode(sub));
      const inSub = tokens.get(plain) ?? findToken(plain) ?? skeletonOwner(unicodeSub);
      if (!inSub) continue;
      const owner = 'owner' in inSub ? inSub.owner : inSub;
      const isCombo = 'owner' in inSub ? embeddedAsCombo(sub, inSub) : true;
      if (!isCombo || !allowed(owner.brand, hostWithout(owner.token))) continue;
      add(
        'lookalike-brand-subdomain',
        owner.brand,
        `${notOurs(owner.brand)}: “${sub}” is only a subdomain of ${parts.domain}, which does not belong to ${owner.brand.name}. ${careersSentence(owner.brand)}`,
      );
    }

    if (isMixedScript(unicodeLabel)) {
      reasons.push({
        id: 'lookalike-mixed-script',
        level: 'suspicious',
        escalatesWithJobContext: true,
        host: `${host} (${unicodeHost})`,
        message: `${unicodeHost} mixes ${[...scriptsIn(unicodeLabel)].join(' and ')} letters in one name, a common disguise.`,
      });
    }
    return reasons;
  }

  function brandsMentioned(text: string): Brand[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const found = new Map<Brand, number>();
    const note = (brand: Brand | undefined, at: number) => {
      if (brand && !found.has(brand)) found.set(brand, at);
    };
    // Words with dots kept ("Crypto.com"), up to MAX_ALIAS_WORDS in a row.
    const words = [...text.slice(0, 20_000).matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'&-]*/gu)];
    for (let i = 0; i < words.length; i++) {
      let phrase = '';
      for (let n = 0; n < MAX_ALIAS_WORDS && i + n < words.length; n++) {
        const word = words[i + n]![0].replace(/[.'-]+$/, '');
        phrase = n === 0 ? word : `${phrase} ${word}`;
        note(aliases.get(phrase) ?? aliases.get(phrase.toLowerCase()), words[i]!.index!);
      }
    }
    if (cjkAliases.size > 0 && CJK.test(text)) {
      for (let at = 0; at < Math.min(text.length, 20_000); at++) {
        for (const length of cjkLengths) note(cjkAliases.get(text.slice(at, at + length)), at);
      }
    }
    return [...found].sort((a, b) => a[1] - b[1]).map(([brand]) => brand);
  }

  return {
    brands,
    byId: (id) => byId.get(id),
    officialBrandOf,
    officialJobBrandOf,
    lookalikesOf,
    brandsMentioned,
  };
}

/** "Cyrillic 'о' (U+043E) at position 2" — the first character that is not what it seems. */
function describeOddCharacter(label: string): string {
  let position = 0;
  for (const ch of label) {
    position++;
    const code = ch.codePointAt(0)!;
    const lookalike = confusableWith(ch);
    if (code < 0x80 && lookalike === undefined) continue;
    if (code < 0x80 && !/[0-9]/.test(ch) && ch !== 'l' && ch !== 'I') continue;
    const name = code < 0x80 ? (/[0-9]/.test(ch) ? 'the digit' : 'the letter') : scriptOf(code);
    const looks = lookalike ? `, which looks like '${lookalike.normalize('NFC')}'` : '';
    return `${name} '${ch}' (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at position ${position}${looks}`;
  }
  return 'characters that look alike';
}

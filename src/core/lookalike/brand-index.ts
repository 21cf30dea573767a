import type { Brand } from '../brands/brand.ts';
import { aOrAn, careersSentence } from '../brands/brand-text.ts';
import { hostParts, registrableDomain } from '../domain/registrable-domain.ts';
import { KeyFilter } from '../hashing/key-filter.ts';
import { hasJobLanguage } from '../text/lure-text.ts';
import type { Reason } from '../types.ts';
import { looseSkeleton } from '../unicode/loose-skeleton.ts';
import { labelToUnicode } from '../unicode/punycode.ts';
import { isMixedScript, scriptOf, scriptsIn } from '../unicode/scripts.ts';
import { confusableWith } from '../unicode/skeleton.ts';
import {
  allowedEdits,
  deletions,
  editDistance,
  foldedHashStep,
  someDeletionHash,
  stringHash,
} from './edit-distance.ts';
import { hasRiskStem, isRiskWordSequence, JOB_WORDS } from './risk-words.ts';
import { TokenAutomaton } from './token-automaton.ts';
import { isPlausibleTypo } from './typo-plausibility.ts';

export interface LookalikeContext {
  /** Brands named in the surrounding post: a common-word brand then counts even without a risk word. */
  mentionedBrandIds?: ReadonlySet<string>;
  /** The post's own text: a typo on a suffix the brand never uses needs job words in it (or the brand named). */
  postText?: string;
}

export interface BrandIndex {
  readonly brands: readonly Brand[];
  byId(id: string): Brand | undefined;
  /** The host is an official domain (or a subdomain of one) of this brand. */
  officialBrandOf(host: string): Brand | undefined;
  /**
   * The URL is on an official careers page or ATS board of this brand. `host` is the URL's hostname
   * when the caller has read it already (the getter builds a new string).
   */
  officialJobBrandOf(url: URL, host?: string): Brand | undefined;
  /**
   * Lookalike reasons for a host; none for official hosts and unrelated ones. `url` is the link
   * or page the host came from, if any: risk words in its path are context too.
   */
  lookalikesOf(host: string, context?: LookalikeContext, url?: URL): Reason[];
  /** Brands named in free text, by alias, in order of first appearance. */
  brandsMentioned(text: string): Brand[];
}

interface TokenOwner {
  token: string;
  brand: Brand;
  /**
   * An ordinary word too, so it needs context (see below): "common" for common-word brands
   * ("kraken"), "named" for a generic official label ("crypto" of crypto.com).
   */
  needsContext: false | 'common' | 'named';
  /** The brand's first official registrable domain, for messages; parsed once, not per host. */
  officialDomain: string | undefined;
}

const MAX_TYPO_DEPTH = 2;
/** What an ASCII label can hold that reads as another letter: "rn" for "m", 0 for o, 1 for l. */
const ASCII_CONFUSABLE = /rn|[01]/;
const MAX_ALIAS_WORDS = 4;
/** Map keys in small-integer range: V8 hashes those fastest. Collisions are confirmed away anyway. */
const SMI_MASK = 0x3fffffff;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * How common-word brands stay quiet on unrelated sites (kraken.io, circle.so, gemini.google.com,
 * cryptocompare.com, robinhood.org):
 * - A token is "context-only" when its brand is marked `commonWord` (Kraken, Gemini, Circle,
 *   Ledger, Ripple, Robinhood...) or when it is an official domain label shorter than the brand's
 *   own token ("crypto" of crypto.com beside "cryptocom", "gate" of gate.io beside "gateio").
 * - A common-word token counts when the post names the brand, or the host carries a recruiting
 *   or account stem (RISK_STEMS: "kraken.livehiringpro.com"), or the rest of the label is only
 *   recruiting words (JOB_WORDS: "hr-ledger.com", "kraken-careers.io").
 * - A generic official label ("crypto", "gate", "blockchain") counts only when the post names the
 *   brand: crypto.jobs and blockchain-careers.com are job boards, not Crypto.com.
 * - Homoglyphs ("krаken" with Cyrillic 'а') count everywhere: nobody innocent writes a word so.
 * - Tokens under 5 letters ("okx", "gate") are never matched by edit distance: too many real
 *   names sit one letter away (olx.com, gale.io).
 */

/**
 * Compiled once from the catalog (and brands from signed lists). Every check is a fixed
 * number of hash lookups: token maps by length, a symmetric-delete index for typos and a
 * skeleton map for homoglyphs. Nothing loops over brands, so 5,000 brands cost what 30 do.
 */
export function createBrandIndex(brands: readonly Brand[]): BrandIndex {
  const byId = new Map<string, Brand>();
  const officialDomains = new Map<string, Brand>();
  /** "brandId suffix" for each public suffix a brand's official domains use. */
  const ownSuffixes = new Set<string>();
  const careers = new Map<string, Array<{ path: string; brand: Brand }>>();
  const tokens = new Map<string, TokenOwner>();
  const tokenLengths = new Set<number>();
  const tokenSkeletons = new Map<string, string>();
  /** Hash of each deletion variant of each token -> tokens (symmetric-delete index). */
  const typoIndex = new Map<number, string[]>();
  /** The same neighbourhoods over token skeletons: a homoglyph plus a typo ("cоinbse"). */
  const skeletonTypoIndex = new Map<number, string[]>();
  const skeletons = new Map<string, string>();
  const capsSkeletons = new Map<string, string>();
  /** Tokens with one or two letters starred ("bi*ge*"): an IDN glyph with no ASCII prototype stands in. */
  const starred = new Map<string, string>();
  const aliases = new Map<string, Brand>();
  const cjkAliases = new Map<string, Brand>();
  const cjkLengths = new Set<number>();

  for (const brand of brands) {
    byId.set(brand.id, brand);
    const officialDomain = brand.domains[0] ? registrableDomain(brand.domains[0]) : undefined;
    for (const domain of brand.domains) {
      officialDomains.set(registrableDomain(domain), brand);
      ownSuffixes.add(`${brand.id} ${hostParts(domain).suffix}`);
    }
    for (const page of brand.careers) {
      const url = new URL(page);
      const list = careers.get(url.hostname) ?? [];
      list.push({ path: url.pathname.replace(/\/$/, '').toLowerCase(), brand });
      careers.set(url.hostname, list);
    }
    for (const { token, needsContext } of tokensOf(brand)) {
      if (tokens.has(token)) continue;
      tokens.set(token, { token, brand, needsContext, officialDomain });
      tokenLengths.add(token.length);
      const tokenSkeleton = looseSkeleton(token);
      tokenSkeletons.set(token, tokenSkeleton);
      skeletons.set(tokenSkeleton, token);
      capsSkeletons.set(looseSkeleton(token.toUpperCase()), token);
      for (const key of starredForms(token)) if (!starred.has(key)) starred.set(key, token);
      const depth = Math.min(MAX_TYPO_DEPTH, allowedEdits(token.length));
      if (depth === 0) continue;
      for (const variant of deletions(token, depth)) addTo(typoIndex, stringHash(variant), token);
      for (const variant of deletions(tokenSkeleton, depth))
        addTo(skeletonTypoIndex, stringHash(variant), token);
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
  /** Every token, for findToken: one step per character of a label, whatever the number of brands. */
  const tokenAutomaton = TokenAutomaton.from([...tokens].map(([token, owner]) => [token, owner] as const));
  /** Caps skeletons as long as some token (the only ones a search by token length can find). */
  const capsAutomaton = TokenAutomaton.from(
    [...capsSkeletons].filter(([key]) => tokenLengths.has(key.length)),
  );
  /**
   * First word of each alias (lower case) -> the most words an alias starting with it has. A phrase
   * of n words has n - 1 spaces, as an alias key of n words does: longer phrases match nothing.
   */
  const aliasFirstWords = new Map<string, number>();
  for (const alias of aliases.keys()) {
    const words = alias.split(' ');
    const first = words[0]!.toLowerCase();
    aliasFirstWords.set(
      first,
      Math.min(MAX_ALIAS_WORDS, Math.max(aliasFirstWords.get(first) ?? 0, words.length)),
    );
  }
  /** Case-folded hashes of those first words: an ASCII word is tested without becoming a string. */
  const aliasFirstWordHashes = new Set([...aliasFirstWords.keys()].map((w) => stringHash(w) & SMI_MASK));
  // Almost every deletion hash of a query misses: a miss in a compact filter is far cheaper than
  // one in a map of thousands of brands' neighbourhoods.
  const typoFilter = filterOf(typoIndex);
  const skeletonTypoFilter = filterOf(skeletonTypoIndex);
  // Nearly every host and label asked about is none of these keys: a miss in a compact filter of
  // their hashes is cheaper than one in a map of thousands of brands' keys, scattered in memory.
  // A catalog's few dozen keys stay in cache, and there hashing for the filter is the dearer step.
  const officialFilter = stringFilterOf(officialDomains.keys());
  const skeletonFilter = stringFilterOf([...skeletons.keys(), ...capsSkeletons.keys()]);
  const tokenFilter = stringFilterOf(tokens.keys());
  const maxTokenLength = sortedLengths[0] ?? 0;
  const minTokenLength = sortedLengths.at(-1) ?? 0;
  /** A plain "m" can pass for "rn" only where some token has one ("tumkey" for "turnkey"). */
  const someTokenHasRn = [...tokens.keys()].some((token) => token.includes('rn'));

  function officialBrandOf(host: string): Brand | undefined {
    return officialBrandOfDomain(registrableDomain(host));
  }

  function officialBrandOfDomain(domain: string): Brand | undefined {
    if (officialFilter !== null && !officialFilter.mayHave(stringHash(domain) & SMI_MASK)) return undefined;
    return officialDomains.get(domain);
  }

  /** The brand's own domains use this public suffix (a typo there is strong evidence on its own). */
  function onOwnSuffix(brand: Brand, suffix: string): boolean {
    return ownSuffixes.has(`${brand.id} ${suffix}`);
  }

  /** Letters in a plain ASCII label that can pass for others ("rn", 0, 1; "m" where a token has "rn"). */
  function hasAsciiLookAlike(label: string): boolean {
    return ASCII_CONFUSABLE.test(label) || (someTokenHasRn && label.includes('m'));
  }

  /** The owner of the token that `text` is, whole. */
  function tokenOwnerOf(text: string): TokenOwner | undefined {
    if (tokenFilter !== null && !tokenFilter.mayHave(stringHash(text) & SMI_MASK)) return undefined;
    return tokens.get(text);
  }

  /** The token whose skeleton (plain, or of its capitals) is `loose`. */
  function skeletonToken(loose: string, ofCaps: boolean): string | undefined {
    if (skeletonFilter !== null && !skeletonFilter.mayHave(stringHash(loose) & SMI_MASK)) return undefined;
    return (ofCaps ? capsSkeletons : skeletons).get(loose);
  }

  function officialJobBrandOf(url: URL, host = url.hostname): Brand | undefined {
    const pages = careers.get(host.toLowerCase());
    if (!pages) return undefined;
    const path = url.pathname.toLowerCase();
    return pages.find((p) => path === p.path || path.startsWith(`${p.path}/`))?.brand;
  }

  /** The longest brand token inside `text` (the leftmost of equals), with what stands before and after it. */
  function findToken(text: string): { owner: TokenOwner; before: string; after: string } | undefined {
    const owner = tokenAutomaton.longestIn(text);
    if (!owner) return undefined;
    const start = tokenAutomaton.matchStart;
    return { owner, before: text.slice(0, start), after: text.slice(start + owner.token.length) };
  }

  /** A token inside a capitals skeleton: the longest caps skeleton of a token in it, the leftmost of equals. */
  function capsSkeletonToken(looseCaps: string): string | undefined {
    return capsAutomaton.longestIn(looseCaps);
  }

  /**
   * An IDN whose skeleton still holds letters with no ASCII prototype ("biƫgeƫ", "ɢatɇ"): each
   * such glyph may stand for any one letter, at most one in three.
   */
  function starredToken(loose: string): string | undefined {
    let odd = 0;
    let key = '';
    for (const ch of loose) {
      const ascii = /[a-z0-9]/.test(ch);
      if (!ascii) odd++;
      key += ascii ? ch : '*';
    }
    if (odd === 0 || odd > maxStars(key.length)) return undefined;
    return starred.get(key);
  }

  /**
   * IDNA folds case, so a name that reads as the brand in capitals counts too ("ԍате" as "GATE");
   * then a token inside an IDN. The capitals skeleton is made only when the plain one missed.
   */
  function capsHomoglyphToken(loose: string, unicodeLabel: string, isIdn: boolean): string | undefined {
    const looseCaps = isIdn ? looseSkeleton(unicodeLabel.toUpperCase()) : loose;
    return (
      skeletonToken(looseCaps, true) ??
      (isIdn
        ? (findToken(loose)?.owner.token ?? capsSkeletonToken(looseCaps) ?? starredToken(loose))
        : undefined)
    );
  }

  function skeletonOwner(loose: string): TokenOwner | undefined {
    const token = skeletonToken(loose, false);
    return token === undefined ? undefined : tokens.get(token);
  }

  /**
   * What one typo search looks for and what it found: `visitDeletion` reads and writes these, so
   * no closure and no result object is made per search (the search runs for nearly every host).
   */
  let searchWord = '';
  let searchSkeletons = false;
  let foundOwner: TokenOwner | undefined;
  let foundEdits = 0;

  function visitDeletion(hash: number): boolean {
    const key = hash & SMI_MASK;
    if (!(searchSkeletons ? skeletonTypoFilter : typoFilter).mayHave(key)) return false;
    const owners = (searchSkeletons ? skeletonTypoIndex : typoIndex).get(key);
    if (!owners) return false;
    for (const token of owners) {
      const target = searchSkeletons ? tokenSkeletons.get(token)! : token;
      if (target === searchWord) continue;
      const edits = editDistance(searchWord, target, allowedEdits(token.length));
      if (edits <= allowedEdits(token.length) && isPlausibleTypo(searchWord, target)) {
        foundOwner = tokens.get(token)!;
        foundEdits = edits;
        return true;
      }
    }
    return false;
  }

  /** The first brand token within its allowed edits of `word` (then `foundEdits` says how many). */
  function typoOf(word: string, ofSkeletons = false): TokenOwner | undefined {
    if (word.length < 4 || word.length > 40) return undefined;
    // A token within two edits is at most two letters longer or shorter.
    if (word.length > maxTokenLength + MAX_TYPO_DEPTH || word.length < minTokenLength - MAX_TYPO_DEPTH)
      return undefined;
    // Only tokens of nine letters and more allow two edits (allowedEdits). An alignment deletes
    // (edits - (token length - word length)) letters of the word at most, so a word under nine
    // letters needs one deletion even for those: its two edits include a letter the token adds.
    const depth = word.length >= 9 ? MAX_TYPO_DEPTH : 1;
    searchWord = word;
    searchSkeletons = ofSkeletons;
    foundOwner = undefined;
    someDeletionHash(word, depth, visitDeletion);
    return foundOwner;
  }

  /** A plain typo of a brand token in `word` (the whole label or one hyphen-separated part). */
  function checkTypo(check: HostCheck, word: string, suffix: string): void {
    const owner = typoOf(word);
    if (!owner) return;
    const edits = foundEdits;
    if (!check.allowed(owner, word)) return;
    if (!onOwnSuffix(owner.brand, suffix) && !check.weakTypoAllowed(owner, word)) return;
    const { brand, token } = owner;
    check.add(
      'lookalike-typo',
      brand,
      `${check.notOurs(brand)}: “${word}” is ${edits === 1 ? 'one letter' : 'two letters'} away from “${token}”. ${careersSentence(brand)}`,
    );
  }

  /**
   * A token is a whole hyphen-separated part, or the rest of the label is only risk words, or
   * (for a distinctive token at either end) the rest carries a recruiting stem, misspelt words
   * and all ("paxosvideointerviewassesment").
   */
  function embeddedAsCombo(
    label: string,
    found: { owner: TokenOwner; before: string; after: string },
  ): boolean {
    if (label.includes('-') ? label.split('-').includes(found.owner.token) : label === found.owner.token)
      return true;
    const atEdge = found.before.length === 0 || found.after.length === 0;
    if (!found.owner.needsContext && atEdge && hasRiskStem(found.before + found.after)) return true;
    const before = found.before.length === 0 || isRiskWordSequence(found.before);
    const after = found.after.length === 0 || isRiskWordSequence(found.after);
    return before && after;
  }

  function lookalikesOf(rawHost: string, context: LookalikeContext = {}, url?: URL): Reason[] {
    const parts = hostParts(rawHost);
    if (parts.isIp || !parts.domain || !parts.suffix || !parts.listed) return NO_REASONS;
    if (officialBrandOfDomain(parts.domain)) return NO_REASONS;
    const host = parts.host;
    const label = parts.domain.slice(0, parts.domain.length - parts.suffix.length - 1);
    const unicodeLabel = labelToUnicode(label);
    const squashed = withoutHyphens(label);
    // The registrable label is decoded already: the labels before it and the suffix only.
    const unicodeHost = host.includes('xn--')
      ? `${labelsToUnicode(host.slice(0, host.length - parts.domain.length))}${unicodeLabel}.${labelsToUnicode(parts.suffix)}`
      : host;
    const check = new HostCheck(host, unicodeHost, context, url);

    // Homoglyphs: the label reads as a brand once confusable characters are mapped.
    const loose = looseSkeleton(unicodeLabel);
    // Whole-label matches for ASCII tricks ("c0inbase"); tokens inside the label only for IDNs.
    const isIdn = unicodeLabel !== label;
    // ASCII labels differ from their skeleton only by "m" -> "rn": "rnoonpay" reads as "moonpay".
    const homoglyphToken =
      loose !== squashed || squashed.includes('rn')
        ? (skeletonToken(loose, false) ?? capsHomoglyphToken(loose, unicodeLabel, isIdn))
        : undefined;
    // A token written plainly inside an IDN ("krakenbücher") is no homoglyph; the combo checks judge it.
    const plain =
      isIdn && homoglyphToken !== undefined && unicodeLabel.replace(/-/g, '').includes(homoglyphToken);
    if (homoglyphToken !== undefined && squashed !== homoglyphToken && !plain) {
      const { brand } = tokens.get(homoglyphToken)!;
      check.add(
        'lookalike-homoglyph',
        brand,
        `${check.notOurs(brand)}: it imitates “${homoglyphToken}” with ${describeOddCharacter(unicodeLabel)}. ${careersSentence(brand)}`,
      );
    }

    // Brand token inside the registrable label: exact (TLD swap, hyphenation) or with other words.
    const found = findToken(squashed);
    if (found && check.allowed(found.owner, found.owner.token, found.before + found.after)) {
      const { brand, token, officialDomain: official } = found.owner;
      if (squashed === token) {
        const sameSuffix = official?.endsWith(`.${parts.suffix}`) === true;
        if (label.includes('-') && sameSuffix) {
          check.add(
            'lookalike-hyphenation',
            brand,
            `${check.notOurs(brand)}: it splits the name with a hyphen; the real one is ${official}. ${careersSentence(brand)}`,
          );
        } else {
          check.add(
            'lookalike-tld-swap',
            brand,
            `${check.notOurs(brand)}: ${brand.name} uses ${official ?? 'another domain'}, not .${parts.suffix}. ${careersSentence(brand)}`,
          );
        }
      } else if (embeddedAsCombo(label, found)) {
        const extra = [found.before, found.after].filter(Boolean).join('…');
        check.add(
          'lookalike-combosquat',
          brand,
          `${check.notOurs(brand)}: it adds “${extra}” to the ${brand.name} name. ${careersSentence(brand)}`,
        );
      }
    }

    // Typos of a brand token, in the whole label or in one hyphen-separated part. Skipped once the
    // host is flagged: one lookalike reason explains it, and typo search is the costly step.
    // IDNs go to the skeleton comparison below, which names the odd character.
    if (check.reasons.length === 0 && !isIdn) {
      checkTypo(check, squashed, parts.suffix);
      // The parts one by one, on hyphens found by hand: no array of parts for the usual unhyphenated label.
      for (let start = 0; squashed !== label && start <= label.length; ) {
        const end = label.indexOf('-', start);
        const stop = end === -1 ? label.length : end;
        checkTypo(check, label.slice(start, stop), parts.suffix);
        start = stop + 1;
      }
    }

    // A homoglyph plus a typo ("cоinbse", "rnetamsk"): compare skeletons with skeletons.
    // After plain typos, so "coinbsae" stays a typo; "rnoonpey" (rn for m) is caught here.
    // Plain ASCII differs from its skeleton only where it has rn, 0 or 1 (or an m that can pass
    // for a token's rn); elsewhere a match of skeletons is a plain typo, judged above, and
    // naming it a homoglyph would be wrong.
    if (check.reasons.length === 0 && (isIdn || hasAsciiLookAlike(squashed))) {
      const owner = typoOf(loose, true);
      const edits = foundEdits;
      // An ASCII label here is a plain typo spelt with "rn" or digits: the same rule as checkTypo.
      const weak = owner !== undefined && !isIdn && !onOwnSuffix(owner.brand, parts.suffix);
      if (owner && check.allowed(owner, label) && (!weak || check.weakTypoAllowed(owner, label))) {
        const { brand, token } = owner;
        check.add(
          'lookalike-homoglyph',
          brand,
          `${check.notOurs(brand)}: it imitates “${token}” with ${describeOddCharacter(unicodeLabel)}, and ${edits === 1 ? 'one more letter' : 'two more letters'} changed. ${careersSentence(brand)}`,
        );
      }
    }

    // The labels left of the registrable domain, split once for both checks below; most hosts have none.
    const labels = parts.subdomain ? parts.subdomain.split('.') : NO_LABELS;

    // The brand in a subdomain of someone else's domain: coinbase.com.careers-portal.xyz.
    for (const sub of labels) {
      const plain = withoutHyphens(sub);
      const unicodeSub = looseSkeleton(labelToUnicode(sub));
      const inSub = tokenOwnerOf(plain) ?? findToken(plain) ?? skeletonOwner(unicodeSub);
      if (!inSub) continue;
      const owner = 'owner' in inSub ? inSub.owner : inSub;
      const isCombo = 'owner' in inSub ? embeddedAsCombo(sub, inSub) : true;
      const rest = 'owner' in inSub ? inSub.before + inSub.after : '';
      if (!isCombo || !check.allowed(owner, owner.token, rest)) continue;
      check.add(
        'lookalike-brand-subdomain',
        owner.brand,
        `${check.notOurs(owner.brand)}: “${sub}” is only a subdomain of ${parts.domain}, which does not belong to ${owner.brand.name}. ${careersSentence(owner.brand)}`,
      );
    }

    // The name split by a dot ("con.sensys.io", "axie.infinity.com"): only the last part is registered.
    if (labels.length > 0) {
      let joined = squashed;
      for (let k = labels.length - 1; k >= Math.max(0, labels.length - 3); k--) {
        joined = withoutHyphens(labels[k]!) + joined;
        const owner = tokenOwnerOf(joined);
        if (!owner || !check.allowed(owner, labels[k]!)) continue;
        check.add(
          'lookalike-split-label',
          owner.brand,
          `${check.notOurs(owner.brand)}: it splits “${owner.token}” with a dot, so only ${parts.domain} is registered, and not by ${owner.brand.name}. ${careersSentence(owner.brand)}`,
        );
        break;
      }
    }

    if (isIdn && isMixedScript(unicodeLabel)) {
      check.push({
        id: 'lookalike-mixed-script',
        level: 'suspicious',
        escalatesWithJobContext: true,
        host: `${host} (${unicodeHost})`,
        message: `${unicodeHost} mixes ${[...scriptsIn(unicodeLabel)].join(' and ')} letters in one name, a common disguise.`,
      });
    }
    return check.reasons;
  }

  /** Aliases that start with `words[i]`, noted at `start` unless the brand was named before. */
  function noteAliasesAt(
    words: readonly string[],
    i: number,
    start: number,
    found: Map<Brand, number>,
  ): void {
    const maxWords = aliasFirstWords.get(words[i]!.toLowerCase());
    if (maxWords === undefined) return;
    let phrase = '';
    for (let n = 0; n < maxWords && i + n < words.length; n++) {
      const word = words[i + n]!;
      phrase = n === 0 ? word : `${phrase} ${word}`;
      const brand = aliases.get(phrase) ?? aliases.get(phrase.toLowerCase());
      if (brand && !found.has(brand)) found.set(brand, start);
    }
  }

  function brandsMentioned(text: string): Brand[] {
    if (typeof text !== 'string' || !/[\p{L}\p{N}]/u.test(text)) return [];
    // Brand -> where it is first named; no closure to note one, as this runs for every post.
    const found = new Map<Brand, number>();
    // Words with dots kept ("Crypto.com"), up to MAX_ALIAS_WORDS in a row.
    const capped = text.slice(0, 20_000);
    // Plain ASCII, the usual post: words are found as spans and tested by a case-folded hash, so
    // only the few that may start an alias become strings.
    const count = asciiWordSpans(capped);
    const ascii = count !== -1;
    if (!ascii) {
      const { words, starts } = wordsOf(capped);
      for (let i = 0; i < words.length; i++) noteAliasesAt(words, i, starts[i]!, found);
    } else {
      for (let i = 0; i < count; i++) {
        if (!aliasFirstWordHashes.has(WORD_HASHES[i]!)) continue;
        const words: string[] = [];
        for (let k = i; k < Math.min(count, i + MAX_ALIAS_WORDS); k++)
          words.push(capped.slice(WORD_STARTS[k]!, WORD_ENDS[k]!));
        noteAliasesAt(words, 0, WORD_STARTS[i]!, found);
      }
    }
    // CJK aliases are read in the first 20,000 characters only, and plain ASCII holds none.
    if (!ascii && cjkAliases.size > 0 && CJK.test(text)) {
      for (let at = 0; at < Math.min(text.length, 20_000); at++) {
        for (const length of cjkLengths) {
          const brand = cjkAliases.get(text.slice(at, at + length));
          if (brand && !found.has(brand)) found.set(brand, at);
        }
      }
    }
    if (found.size === 1) return [...found.keys()];
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

/**
 * One host's lookalike reasons, at most one per brand. A class, not closures made per call:
 * checks run for every link on every page.
 */
class HostCheck {
  /** Shared and empty until the first reason: most hosts get none, and then no array is made. */
  reasons: Reason[] = NO_REASONS;
  /** Ids of brands already flagged: one or two, so a list beats a set. */
  private flagged: string[] | undefined;

  constructor(
    private readonly host: string,
    private readonly unicodeHost: string,
    private readonly context: LookalikeContext,
    private readonly url: URL | undefined,
  ) {}

  /**
   * Context-only tokens need the brand named nearby, a risk stem in the host without `token`,
   * or job words beside them. The host without the token is built only when it is needed.
   */
  allowed(owner: TokenOwner, token: string, rest = ''): boolean {
    return (
      !owner.needsContext ||
      this.context.mentionedBrandIds?.has(owner.brand.id) === true ||
      (owner.needsContext === 'common' &&
        (hasRiskStem(this.hostWithout(token)) || isRiskWordSequence(rest.replace(/[-0-9]/g, ''), JOB_WORDS)))
    );
  }

  /**
   * A typo on a suffix its brand never uses ("metamusk.eu") is a weak sign on its own: other
   * names sit one letter from a brand. It counts with the brand named in the post, job words in
   * the post, or a risk stem in the host beside it or in the link's path ("fireblock.io/careers").
   */
  weakTypoAllowed(owner: TokenOwner, word: string): boolean {
    const { mentionedBrandIds, postText } = this.context;
    return (
      mentionedBrandIds?.has(owner.brand.id) === true ||
      hasRiskStem(this.hostWithout(word)) ||
      (this.url !== undefined && hasRiskStem(this.url.pathname.toLowerCase())) ||
      (postText !== undefined && postText !== '' && hasJobLanguage(postText))
    );
  }

  hostWithout(token: string): string {
    return this.unicodeHost.replace(token, ' ');
  }

  notOurs(brand: Brand): string {
    return `${this.unicodeHost} is not ${aOrAn(brand.name)} domain`;
  }

  add(id: string, brand: Brand, message: string): void {
    if (this.flagged === undefined) this.flagged = [brand.id];
    else if (this.flagged.includes(brand.id)) return;
    else this.flagged.push(brand.id);
    const { host, unicodeHost } = this;
    this.push({
      id,
      level: 'suspicious',
      escalatesWithJobContext: true,
      brand: brand.name,
      host: unicodeHost === host ? host : `${host} (${unicodeHost})`,
      message,
    });
  }

  push(reason: Reason): void {
    if (this.reasons === NO_REASONS) this.reasons = [reason];
    else this.reasons.push(reason);
  }
}

/** The reasons of every host that has none; frozen, as callers share it. */
const NO_REASONS = Object.freeze([]) as unknown as Reason[];

const NO_LABELS: readonly string[] = [];

/** The text without its hyphens, by slices: a global regex replace costs a call into the engine per label. */
function withoutHyphens(text: string): string {
  let hyphen = text.indexOf('-');
  if (hyphen === -1) return text;
  let out = text.slice(0, hyphen);
  for (;;) {
    const next = text.indexOf('-', hyphen + 1);
    out += text.slice(hyphen + 1, next === -1 ? text.length : next);
    if (next === -1) return out;
    hyphen = next;
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'&-]*/gu;

/** The words of a text as WORD finds them (dots kept: "Crypto.com"), each trimmed at the end, with where it starts. */
function wordsOf(text: string): { words: string[]; starts: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push(trimWordEnd(match[0]));
    starts.push(match.index);
  }
  return { words, starts };
}

/** Where each word of `asciiWordSpans` starts and ends, and its case-folded hash (as alias keys are hashed). */
const WORD_STARTS = new Int32Array(10_001);
const WORD_ENDS = new Int32Array(10_001);
const WORD_HASHES = new Int32Array(10_001);

/**
 * The words of plain ASCII text (at most 20,000 characters) in WORD_STARTS/ENDS/HASHES, the same
 * words as `wordsOf`: there WORD's letters and digits are exactly [A-Za-z0-9]. Returns the count,
 * or -1 at the first character that is not ASCII. One pass: no word becomes a string here.
 */
function asciiWordSpans(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; ) {
    const first = text.charCodeAt(at);
    if (first > 0x7f) return -1;
    if (!isAsciiAlnum(first)) {
      at++;
      continue;
    }
    let hash = foldedHashStep(0, first);
    // Trailing dots, apostrophes and hyphens are not part of the word (trimWordEnd).
    let trimmedHash = hash;
    let last = at + 1;
    let end = at + 1;
    for (; ; end++) {
      const c = text.charCodeAt(end);
      if (isAsciiAlnum(c) || c === 38) {
        hash = foldedHashStep(hash, c);
        trimmedHash = hash;
        last = end + 1;
      } else if (c === 46 || c === 39 || c === 45) hash = foldedHashStep(hash, c);
      else break;
    }
    WORD_STARTS[count] = at;
    WORD_ENDS[count] = last;
    WORD_HASHES[count] = trimmedHash & SMI_MASK;
    count++;
    at = end;
  }
  return count;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A word without trailing dots, apostrophes or hyphens ("Coinbase." -> "Coinbase"; "..." stays). */
function trimWordEnd(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Most words end in a letter or digit: skip the regex then.
  if (last !== 46 && last !== 39 && last !== 45) return word;
  return word.replace(/(?<![.'-])[.'-]+$/, '');
}

function maxStars(length: number): number {
  return length < 3 ? 0 : length < 6 ? 1 : 2;
}

/** A token with every choice of one (or, for six letters and more, two) positions starred. */
function starredForms(token: string): string[] {
  const out: string[] = [];
  const stars = maxStars(token.length);
  for (let i = 0; i < token.length && stars > 0; i++) {
    const one = `${token.slice(0, i)}*${token.slice(i + 1)}`;
    out.push(one);
    if (stars < 2) continue;
    for (let j = i + 1; j < token.length; j++) out.push(`${one.slice(0, j)}*${one.slice(j + 1)}`);
  }
  return out;
}

/** Maps smaller than this are asked directly (see stringFilterOf's callers). */
const MIN_FILTERED_KEYS = 1_024;

/** A filter of the keys' hashes, or null when they are few enough to ask the map itself. */
function stringFilterOf(keys: Iterable<string>): KeyFilter | null {
  const list = [...keys];
  if (list.length < MIN_FILTERED_KEYS) return null;
  const filter = new KeyFilter(list.length);
  for (const key of list) filter.add(stringHash(key) & SMI_MASK);
  return filter;
}

function filterOf(index: ReadonlyMap<number, unknown>): KeyFilter {
  const filter = new KeyFilter(index.size);
  for (const key of index.keys()) filter.add(key);
  return filter;
}

function addTo(index: Map<number, string[]>, hash: number, token: string): void {
  const key = hash & SMI_MASK;
  const owners = index.get(key);
  if (!owners) index.set(key, [token]);
  else if (!owners.includes(token)) owners.push(token);
}

/**
 * A brand's tokens, plus the labels of its official domains ("bybitglobal" of bybitglobal.com).
 * A label shorter than one of the brand's tokens ("crypto" of crypto.com) is an ordinary word.
 */
function tokensOf(brand: Brand): Array<{ token: string; needsContext: TokenOwner['needsContext'] }> {
  const common: TokenOwner['needsContext'] = brand.commonWord === true ? 'common' : false;
  const out: Array<{ token: string; needsContext: TokenOwner['needsContext'] }> = brand.tokens.map(
    (token) => ({ token, needsContext: common }),
  );
  for (const domain of brand.domains) {
    const parts = hostParts(domain);
    if (!parts.domain || !parts.suffix) continue;
    const label = parts.domain.slice(0, parts.domain.length - parts.suffix.length - 1).replace(/-/g, '');
    if (label.length < 4 || !/^[a-z0-9]+$/.test(label) || out.some((t) => t.token === label)) continue;
    const word = brand.tokens.some((t) => t.length > label.length && t.startsWith(label));
    out.push({ token: label, needsContext: word ? 'named' : common });
  }
  return out;
}

/** Dotted labels decoded one by one; most subdomains and suffixes hold no IDN, so nothing is split then. */
function labelsToUnicode(labels: string): string {
  return labels.includes('xn--') ? labels.split('.').map(labelToUnicode).join('.') : labels;
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
  // The one ASCII sequence UTS #39 confuses with a letter: "rn" for "m".
  if (label.includes('rn')) return "the letters 'rn', which look like 'm'";
  return 'characters that look alike';
}

import type { Brand } from '../brands/brand.ts';
import type { Reason } from '../types.ts';
import type { Indicator, IndicatorPayload } from './indicator-payload.ts';

export interface IndicatorHit {
  indicator: Indicator;
  feedId: string;
  /** What matched: the host, URL, file name, address or phrase. */
  matched: string;
}

export interface IndicatorIndex {
  readonly size: number;
  readonly brands: Brand[];
  matchHost(host: string): IndicatorHit[];
  /** URL indicators (exact or path prefix) plus domain indicators for the URL's host. */
  matchUrl(url: URL): IndicatorHit[];
  matchSha256(hex: string): IndicatorHit[];
  matchFileName(name: string): IndicatorHit[];
  matchEmail(address: string): IndicatorHit[];
  matchHandle(value: string, platform?: string): IndicatorHit[];
  matchNpmPackage(name: string): IndicatorHit[];
  matchText(text: string): IndicatorHit[];
  isAllowlisted(url: URL): boolean;
}

interface Entry {
  indicator: Indicator;
  feedId: string;
}

const MAX_TEXT_SCAN = 20_000;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._-]{2,}/gu;

/** LinkedIn profile URLs and @handles reduce to one comparable id ("linkedin:adam-majoros-a73944105"). */
export function normalizeHandle(value: string, platform?: string): { platform: string; id: string } {
  const trimmed = value.trim().toLowerCase();
  const linkedIn = /linkedin\.com\/in\/([^/?#\s]+)/.exec(trimmed);
  if (linkedIn) return { platform: 'linkedin', id: decodeURIComponentSafe(linkedIn[1]!) };
  const xProfile = /(?:^|\/\/)(?:www\.)?(?:x|twitter)\.com\/([a-z0-9_]{1,15})(?:[/?#]|$)/.exec(trimmed);
  if (xProfile) return { platform: 'x', id: xProfile[1]! };
  const telegram = /(?:^|\/\/)t\.me\/([a-z0-9_]{3,64})/.exec(trimmed);
  if (telegram) return { platform: 'telegram', id: telegram[1]! };
  return { platform: platform ?? 'other', id: trimmed.replace(/^@/, '') };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const NONE: readonly Entry[] = [];

/** key -> entries. Nearly every key has one entry, stored bare: a million lists of one cost real memory. */
class Buckets {
  private readonly map = new Map<string, Entry | Entry[]>();

  add(key: string, entry: Entry): void {
    const current = this.map.get(key);
    if (current === undefined) this.map.set(key, entry);
    else if (Array.isArray(current)) current.push(entry);
    else this.map.set(key, [current, entry]);
  }

  get(key: string): readonly Entry[] {
    const current = this.map.get(key);
    return current === undefined ? NONE : Array.isArray(current) ? current : [current];
  }
}

/** Every parent domain of a host, itself first: a.b.example.com, b.example.com, example.com, com. */
function* suffixes(host: string): Generator<string> {
  let h = host;
  for (;;) {
    yield h;
    const dot = h.indexOf('.');
    if (dot === -1) return;
    h = h.slice(dot + 1);
  }
}

function normalizeUrlKey(url: URL): string {
  return `${url.hostname.toLowerCase()}${url.pathname.replace(/(?<!\/)\/+$/, '')}${url.search}`;
}

/**
 * Compiles the active lists once into hash maps, so every check is a handful of lookups
 * (a suffix walk over the host's labels, a walk over the path's segments), never a scan
 * of the indicators. Indicators past their validUntil are left out.
 */
export function buildIndicatorIndex(
  lists: ReadonlyArray<{ feedId: string; payload: IndicatorPayload }>,
  now: Date = new Date(),
): IndicatorIndex {
  const hosts = new Buckets();
  const exactUrls = new Buckets();
  const prefixUrls = new Buckets();
  // A path key longer than every stored prefix cannot match: skip hashing it (4 KB hrefs of '/').
  let longestPrefixKey = 0;
  const hashes = new Buckets();
  const fileNames = new Buckets();
  const emails = new Buckets();
  const handles = new Buckets();
  const packages = new Buckets();
  const literalsByWord = new Buckets();
  const shortLiterals: Entry[] = [];
  const regexes: Array<{ entry: Entry; pattern: RegExp }> = [];
  const allow = new Set<string>();
  const brands: Brand[] = [];
  let size = 0;

  for (const { feedId, payload } of lists) {
    brands.push(...payload.brands);
    for (const host of payload.allowlist) allow.add(host);
    for (const indicator of payload.indicators) {
      if (indicator.validUntil && Date.parse(indicator.validUntil) <= now.getTime()) continue;
      const entry = { indicator, feedId };
      size++;
      switch (indicator.kind) {
        case 'domain':
          hosts.add(indicator.value, entry);
          break;
        case 'url': {
          let url: URL;
          try {
            url = new URL(indicator.value);
          } catch {
            break;
          }
          if (indicator.match === 'exact') exactUrls.add(normalizeUrlKey(url), entry);
          else {
            const key = `${url.hostname.toLowerCase()}${url.pathname.replace(/(?<!\/)\/+$/, '')}`;
            longestPrefixKey = Math.max(longestPrefixKey, key.length);
            prefixUrls.add(key, entry);
          }
          break;
        }
        case 'sha256':
          hashes.add(indicator.value, entry);
          break;
        case 'filename':
          fileNames.add(indicator.value.normalize('NFKC').toLowerCase(), entry);
          break;
        case 'email':
          emails.add(indicator.value, entry);
          break;
        case 'handle':
          handles.add(normalizeHandle(indicator.value, indicator.platform).id, entry);
          break;
        case 'npm-package':
          packages.add(indicator.value, entry);
          break;
        case 'text': {
          if (indicator.regex) {
            regexes.push({ entry, pattern: new RegExp(indicator.value, 'iu') });
            break;
          }
          const first = indicator.value.toLowerCase().match(WORD)?.[0];
          if (first) literalsByWord.add(first, entry);
          else shortLiterals.push(entry);
          break;
        }
      }
    }
  }

  const hits = (entries: readonly Entry[], matched: string): IndicatorHit[] =>
    entries.map((e) => ({ indicator: e.indicator, feedId: e.feedId, matched }));

  function matchHost(rawHost: string): IndicatorHit[] {
    const host = rawHost.toLowerCase().replace(/(?<!\.)\.+$/, '');
    const out: IndicatorHit[] = [];
    for (const suffix of suffixes(host)) {
      // Domain values are at most 253 characters (indicator-payload.ts): skip hashing longer keys.
      if (suffix.length > 253) continue;
      for (const entry of hosts.get(suffix)) {
        if (suffix === host || (entry.indicator.kind === 'domain' && entry.indicator.includeSubdomains)) {
          out.push({ indicator: entry.indicator, feedId: entry.feedId, matched: host });
        }
      }
    }
    return out;
  }

  function matchUrl(url: URL): IndicatorHit[] {
    const out = matchHost(url.hostname);
    out.push(...hits(exactUrls.get(normalizeUrlKey(url)), url.href));
    // Path prefixes on segment boundaries: /a/b/c checks /a/b/c, /a/b, /a and the bare host.
    const host = url.hostname.toLowerCase();
    let path = url.pathname.replace(/(?<!\/)\/+$/, '');
    for (;;) {
      if (host.length + path.length <= longestPrefixKey)
        out.push(...hits(prefixUrls.get(`${host}${path}`), url.href));
      if (path === '') break;
      path = path.slice(0, path.lastIndexOf('/'));
    }
    return out;
  }

  function matchText(text: string): IndicatorHit[] {
    const lower = text.slice(0, MAX_TEXT_SCAN).toLowerCase();
    const out: IndicatorHit[] = [];
    const seen = new Set<Entry>();
    for (const word of lower.matchAll(WORD)) {
      for (const entry of literalsByWord.get(word[0])) {
        if (seen.has(entry) || !lower.includes(entry.indicator.value.toLowerCase())) continue;
        seen.add(entry);
        out.push({ indicator: entry.indicator, feedId: entry.feedId, matched: entry.indicator.value });
      }
    }
    for (const entry of shortLiterals) {
      if (lower.includes(entry.indicator.value.toLowerCase())) {
        out.push({ indicator: entry.indicator, feedId: entry.feedId, matched: entry.indicator.value });
      }
    }
    for (const { entry, pattern } of regexes) {
      const match = pattern.exec(lower);
      if (match)
        out.push({ indicator: entry.indicator, feedId: entry.feedId, matched: match[0].slice(0, 200) });
    }
    return out;
  }

  return {
    size,
    brands,
    matchHost,
    matchUrl,
    matchSha256: (hex) => hits(hashes.get(hex.toLowerCase()), hex.toLowerCase()),
    matchFileName: (name) => hits(fileNames.get(name.normalize('NFKC').toLowerCase().trim()), name),
    matchEmail: (address) => hits(emails.get(address.toLowerCase()), address.toLowerCase()),
    matchHandle: (value, platform) => {
      const handle = normalizeHandle(value, platform);
      return hits(handles.get(handle.id), value).filter(
        (h) =>
          h.indicator.kind !== 'handle' ||
          h.indicator.platform === handle.platform ||
          handle.platform === 'other',
      );
    },
    matchNpmPackage: (name) => hits(packages.get(name.toLowerCase()), name),
    matchText,
    isAllowlisted: (url) => {
      if (allow.size === 0) return false;
      for (const suffix of suffixes(url.hostname.toLowerCase())) if (allow.has(suffix)) return true;
      return false;
    },
  };
}

const KIND_WORDS: Record<Indicator['kind'], string> = {
  domain: 'This site',
  url: 'This link',
  sha256: 'This file',
  filename: 'A file with this name',
  email: 'This e-mail address',
  handle: 'This profile',
  'npm-package': 'This npm package',
  text: 'This wording',
};

/** A plain-English reason for an indicator hit, citing the list and the source. */
export function indicatorReason(hit: IndicatorHit): Reason {
  const { indicator, feedId, matched } = hit;
  const hijack = indicator.kind === 'handle' ? ' The account may be a hijacked real profile.' : '';
  const note = indicator.note ? ` (${indicator.note.slice(0, 200)})` : '';
  return {
    id: `indicator-${indicator.kind}`,
    level: indicator.severity,
    message: `${KIND_WORDS[indicator.kind]} (${matched.slice(0, 200)}) was reported in connection with a recruiting scam${note}.${hijack} Source: ${indicator.source.slice(0, 300)} [list ${feedId}].`,
    source: indicator.source,
    indicatorId: indicator.id,
    ...(indicator.kind === 'domain' || indicator.kind === 'url' ? { host: matched } : {}),
  };
}

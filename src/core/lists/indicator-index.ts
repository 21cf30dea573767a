import type { Brand } from '../brands/brand.ts';
import { hashStep, hostBlock, KeyFilter, keyHash, writeHostKey } from '../hashing/key-filter.ts';
import { KeyTable } from '../hashing/key-table.ts';
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
  /**
   * URL indicators (exact or path prefix) plus domain indicators for the URL's host. `lowerHost` is
   * the URL's hostname in lower case when the caller has it already (an http(s) URL's hostname is):
   * the getter builds a new string, and toLowerCase copies even a lower-case one.
   */
  matchUrl(url: URL, lowerHost?: string): IndicatorHit[];
  matchSha256(hex: string): IndicatorHit[];
  matchFileName(name: string): IndicatorHit[];
  matchEmail(address: string): IndicatorHit[];
  matchHandle(value: string, platform?: string): IndicatorHit[];
  matchNpmPackage(name: string): IndicatorHit[];
  matchText(text: string): IndicatorHit[];
  isAllowlisted(url: URL): boolean;
}

const MAX_TEXT_SCAN = 20_000;
/** What nearly every host and URL gets; frozen, as every caller shares it. */
const NO_HITS = Object.freeze([]) as unknown as IndicatorHit[];
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

/**
 * Keys the filter may hold, as where they start or end in the host or path, with their hashes.
 * Typed arrays with a count, reused: emptying a JS array by `length = 0` drops its backing store,
 * so the next push allocated a new one on every check.
 */
class KeyCandidates {
  at = new Int32Array(16);
  hash = new Int32Array(16);
  count = 0;

  push(at: number, hash: number): void {
    if (this.count === this.at.length) {
      const at2 = new Int32Array(this.count * 2);
      const hash2 = new Int32Array(this.count * 2);
      at2.set(this.at);
      hash2.set(this.hash);
      this.at = at2;
      this.hash = hash2;
    }
    this.at[this.count] = at;
    this.hash[this.count++] = hash;
  }
}
/** Where the parent domains of a host start (matchHost). */
const suffixCandidates = new KeyCandidates();
/** Where URL prefix keys end in the path (matchUrl). */
const prefixCandidates = new KeyCandidates();

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
  const hosts = new KeyTable();
  const exactUrls = new KeyTable();
  const prefixUrls = new KeyTable();
  // A path key longer than every stored prefix cannot match: skip hashing it (4 KB hrefs of '/').
  let longestPrefixKey = 0;
  const hashes = new KeyTable();
  const fileNames = new KeyTable();
  const emails = new KeyTable();
  const handles = new KeyTable();
  const packages = new KeyTable();
  const literalsByWord = new KeyTable();
  const shortLiterals: number[] = [];
  const regexes: Array<{ at: number; pattern: RegExp }> = [];
  const allow = new Set<string>();
  const brands: Brand[] = [];
  // Every indexed indicator by position; its list is found from where each list's positions end.
  const indicators: Indicator[] = [];
  const feedIds: string[] = [];
  const feedEnds: number[] = [];
  let expectedKeys = 0;
  for (const { payload } of lists) expectedKeys += payload.indicators.length;
  /**
   * Hashes of the host keys (read right to left) and URL keys (left to right) the maps above hold,
   * written in order here and into the filter after the loop: scattered filter writes between
   * map insertions stall on memory, while one tight pass over them overlaps the misses.
   */
  const keyHashes = new Int32Array(expectedKeys);
  /** The block of each key (hostBlock of its host), beside its hash. */
  const keyBlocks = new Int32Array(expectedKeys);
  let keyCount = 0;

  for (const { feedId, payload } of lists) {
    brands.push(...payload.brands);
    for (const host of payload.allowlist) allow.add(host);
    for (const indicator of payload.indicators) {
      if (indicator.validUntil && Date.parse(indicator.validUntil) <= now.getTime()) continue;
      const at = indicators.length;
      indicators.push(indicator);
      switch (indicator.kind) {
        case 'domain':
          writeHostKey(indicator.value, keyHashes, keyBlocks, keyCount);
          hosts.add(indicator.value, at, keyHashes[keyCount++]);
          break;
        case 'url': {
          let url: URL;
          try {
            url = new URL(indicator.value);
          } catch {
            break;
          }
          const host = url.hostname.toLowerCase();
          if (indicator.match === 'exact') {
            const key = normalizeUrlKey(url);
            const hash = keyHash(key);
            exactUrls.add(key, at, hash);
            keyBlocks[keyCount] = hostBlock(host);
            keyHashes[keyCount++] = hash;
          } else {
            const key = `${host}${url.pathname.replace(/(?<!\/)\/+$/, '')}`;
            longestPrefixKey = Math.max(longestPrefixKey, key.length);
            const hash = keyHash(key);
            prefixUrls.add(key, at, hash);
            keyBlocks[keyCount] = hostBlock(host);
            keyHashes[keyCount++] = hash;
          }
          break;
        }
        case 'sha256':
          hashes.add(indicator.value, at);
          break;
        case 'filename':
          fileNames.add(indicator.value.normalize('NFKC').toLowerCase(), at);
          break;
        case 'email':
          emails.add(indicator.value, at);
          break;
        case 'handle':
          handles.add(normalizeHandle(indicator.value, indicator.platform).id, at);
          break;
        case 'npm-package':
          packages.add(indicator.value, at);
          break;
        case 'text': {
          if (indicator.regex) {
            regexes.push({ at, pattern: new RegExp(indicator.value, 'iu') });
            break;
          }
          const first = indicator.value.toLowerCase().match(WORD)?.[0];
          if (first) literalsByWord.add(first, at);
          else shortLiterals.push(at);
          break;
        }
      }
    }
    feedIds.push(feedId);
    feedEnds.push(indicators.length);
  }
  const size = indicators.length;
  for (const table of [
    hosts,
    exactUrls,
    prefixUrls,
    hashes,
    fileNames,
    emails,
    handles,
    packages,
    literalsByWord,
  ])
    table.seal();
  const listed = new KeyFilter(keyCount);
  for (let i = 0; i < keyCount; i++) listed.add(keyHashes[i]!, keyBlocks[i]!);

  /** The hit for the indicator at a position: lists are few, so a walk over their ends is enough. */
  const hit = (at: number, matched: string): IndicatorHit => {
    let list = 0;
    while (at >= feedEnds[list]!) list++;
    return { indicator: indicators[at]!, feedId: feedIds[list]!, matched };
  };
  const hits = (entries: readonly number[], matched: string): IndicatorHit[] =>
    entries.map((at) => hit(at, matched));
  /** `out` with the hits of `entries` added; the shared empty list is never written to. */
  const withHits = (out: IndicatorHit[], entries: readonly number[], matched: string): IndicatorHit[] => {
    if (entries.length === 0) return out;
    const list = out === NO_HITS ? [] : out;
    for (const at of entries) list.push(hit(at, matched));
    return list;
  };

  function matchHost(rawHost: string): IndicatorHit[] {
    return matchLowerHost(rawHost.toLowerCase());
  }

  /** Hits for a lower-case host (trailing dots aside); the shared empty list when there are none. */
  function matchLowerHost(lower: string): IndicatorHit[] {
    const host = lower.endsWith('.') ? lower.replace(/(?<!\.)\.+$/, '') : lower;
    let out = NO_HITS;
    // The host and each parent domain (a.b.example.com, b.example.com, ..., com) hashed from the
    // right in one pass; only those the filter may hold are looked up, the host itself first.
    // Domain values are at most 253 characters (indicator-payload.ts): longer keys are skipped.
    const starts = suffixCandidates;
    starts.count = 0;
    let hash = 0;
    // A suffix's block (hostBlock): its own hash while it has at most one dot, then that one's.
    let block = 0;
    let dots = 0;
    for (let i = host.length - 1; ; i--) {
      if (i === -1 || host.charCodeAt(i) === 46) {
        if (dots <= 1) block = hash;
        if (host.length - i - 1 <= 253 && listed.mayHave(hash, block)) {
          starts.push(i + 1, hash);
        }
        dots++;
      }
      if (i === -1) break;
      hash = hashStep(hash, host.charCodeAt(i));
    }
    for (let k = starts.count - 1; k >= 0; k--) {
      const suffix = host.slice(starts.at[k]);
      for (const at of hosts.get(suffix, starts.hash[k]!)) {
        const indicator = indicators[at]!;
        if (suffix === host || (indicator.kind === 'domain' && indicator.includeSubdomains)) {
          if (out === NO_HITS) out = [];
          out.push(hit(at, host));
        }
      }
    }
    return out;
  }

  function matchUrl(url: URL, lowerHost?: string): IndicatorHit[] {
    // URL getters build a new string on every read: each is read once, and `search` only when
    // some URL is listed exactly.
    const { pathname } = url;
    const host = lowerHost ?? url.hostname.toLowerCase();
    let out = matchLowerHost(host);
    if (exactUrls.size === 0 && prefixUrls.size === 0) return out;
    // The path without its trailing slashes (as the keys were made), as a length: no new string.
    let pathLength = pathname.length;
    while (pathLength > 0 && pathname.charCodeAt(pathLength - 1) === 47) pathLength--;
    const block = hostBlock(host);
    // Path prefixes on segment boundaries: /a/b/c checks /a/b/c, /a/b, /a and the bare host. Their
    // keys are hashed on one walk over host and path; the filter rules out nearly all of them.
    const ends = prefixCandidates;
    ends.count = 0;
    let hash = keyHash(host);
    for (let i = 0; ; i++) {
      if (
        (i === pathLength || pathname.charCodeAt(i) === 47) &&
        host.length + i <= longestPrefixKey &&
        listed.mayHave(hash, block)
      ) {
        ends.push(i, hash);
      }
      if (i === pathLength) break;
      hash = hashStep(hash, pathname.charCodeAt(i));
    }
    if (exactUrls.size > 0) {
      const { search } = url;
      for (let i = 0; i < search.length; i++) hash = hashStep(hash, search.charCodeAt(i));
      if (listed.mayHave(hash, block))
        out = withHits(
          out,
          exactUrls.get(`${host}${pathname.slice(0, pathLength)}${search}`, hash),
          url.href,
        );
    }
    for (let k = ends.count - 1; k >= 0; k--)
      out = withHits(out, prefixUrls.get(`${host}${pathname.slice(0, ends.at[k])}`, ends.hash[k]!), url.href);
    return out;
  }

  function matchText(text: string): IndicatorHit[] {
    // Most lists carry no text indicators: then there is nothing to scan for.
    if (literalsByWord.size === 0 && shortLiterals.length === 0 && regexes.length === 0) return [];
    const lower = text.slice(0, MAX_TEXT_SCAN).toLowerCase();
    const out: IndicatorHit[] = [];
    const seen = new Set<number>();
    for (const word of lower.matchAll(WORD)) {
      for (const at of literalsByWord.get(word[0])) {
        const value = indicators[at]!.value;
        if (seen.has(at) || !lower.includes(value.toLowerCase())) continue;
        seen.add(at);
        out.push(hit(at, value));
      }
    }
    for (const at of shortLiterals) {
      const value = indicators[at]!.value;
      if (lower.includes(value.toLowerCase())) out.push(hit(at, value));
    }
    for (const { at, pattern } of regexes) {
      const match = pattern.exec(lower);
      if (match) out.push(hit(at, match[0].slice(0, 200)));
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
    evidence: matched.slice(0, 200),
    ...(indicator.kind === 'domain' || indicator.kind === 'url' ? { host: matched } : {}),
  };
}

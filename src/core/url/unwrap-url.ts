import type { Reason } from '../types.ts';

export type UnwrapResult =
  | {
      ok: true;
      url: URL;
      /** `url.hostname`, read once here (the getter builds a new string on every read). */
      host: string;
      chain: string[];
      hiddenBy?: string;
    }
  | { ok: false; problem: string };

const MAX_HOPS = 3;
const MAX_HREF_CHARS = 4_096;

/**
 * Redirectors whose target sits in a query parameter, trusted only on their real host and
 * path: a `?url=` on any other host is a destination, not a wrapper.
 */
const REDIRECTORS: Array<{ host: RegExp; path: RegExp; params: string[] }> = [
  { host: /^(www\.)?linkedin\.com$/, path: /^\/(safety\/go\/?|redir\/redirect\/?)$/, params: ['url'] },
  { host: /^(www\.)?google\.[a-z.]{2,6}$/, path: /^\/url$/, params: ['q', 'url'] },
  { host: /^(l|lm|www|m)\.facebook\.com$/, path: /^\/l\.php$/, params: ['u'] },
  { host: /^out\.reddit\.com$/, path: /^\/[^/]*$/, params: ['url'] },
  { host: /^[a-z0-9]+\.safelinks\.protection\.outlook\.com$/, path: /^\/?$/, params: ['url'] },
  { host: /^slack-redir\.net$/, path: /^\/link$/, params: ['url'] },
];

/** Shorteners whose destination cannot be known offline. */
const SHORTENERS = new Set([
  'lnkd.in',
  't.co',
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'is.gd',
  't.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
  'bl.ink',
  'short.io',
  's.id',
  'v.gd',
  'shorturl.me',
  'linktr.ee',
  'trib.al',
  'dlvr.it',
  'qrco.de',
  'surl.li',
  'u.to',
  'clck.ru',
  'x.gd',
]);

function parseHttp(href: string, base?: string): URL | null {
  if (href.length > MAX_HREF_CHARS) return null;
  try {
    const url = new URL(href, base);
    // The serialised URL starts with its scheme; the protocol getter would build a string.
    const serialized = url.href;
    return serialized.startsWith('https:') || serialized.startsWith('http:') ? url : null;
  } catch {
    return null;
  }
}

/** A word every redirector host above contains: most hosts are none, and one test rules out all six. */
const REDIRECTOR_HINT = /linkedin|google|facebook|reddit|safelinks|slack-redir/;

/** `host` is the URL's lower-case hostname, read once by the caller. */
function redirectTarget(url: URL, host: string): string | null {
  if (!REDIRECTOR_HINT.test(host)) return null;
  for (const redirector of REDIRECTORS) {
    if (!redirector.host.test(host) || !redirector.path.test(url.pathname)) continue;
    for (const param of redirector.params) {
      const target = url.searchParams.get(param);
      if (target) return target;
    }
  }
  return null;
}

/**
 * Follows known redirect wrappers (at most three hops) to the real destination, keeping every
 * hop for the explanation. Shortened links are marked: their destination is hidden.
 */
export function unwrapUrl(href: string, base?: string): UnwrapResult {
  if (typeof href !== 'string') return { ok: false, problem: 'not a string' };
  let url = parseHttp(href.trim(), base);
  if (!url) {
    return { ok: false, problem: /^\s*mailto:/i.test(href) ? 'not-web' : 'not an http(s) URL' };
  }
  const chain = [url.href];
  // An http(s) URL's hostname is lower case already (the URL parser maps case): no copy by toLowerCase.
  let host = url.hostname;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const target = redirectTarget(url, host);
    if (target === null) break;
    const next = parseHttp(target);
    if (!next) break;
    url = next;
    chain.push(url.href);
    host = url.hostname;
  }
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  // The shortener's own home page ("https://bit.ly/") hides nothing; a short code does.
  const shortened = SHORTENERS.has(bare) && url.pathname.length > 1;
  return shortened ? { ok: true, url, host, chain, hiddenBy: bare } : { ok: true, url, host, chain };
}

export function destinationHiddenReason(result: UnwrapResult): Reason | undefined {
  if (!result.ok || !result.hiddenBy) return undefined;
  return {
    id: 'link-destination-hidden',
    level: 'suspicious',
    host: result.hiddenBy,
    message: `The link is shortened with ${result.hiddenBy}, so where it really goes is hidden; open it only if you trust the sender.`,
  };
}

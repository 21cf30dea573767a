import { isBitcointalkTopic } from './bitcointalk/routes.ts';
import { extractBitcointalkPosts } from './bitcointalk/topic-posts.ts';
import { extractDiscordMessages } from './discord/channel-messages.ts';
import { isDiscordChannel } from './discord/routes.ts';
import { extractGeneric } from './generic/generic-article.ts';
import { extractJobBoardPosting } from './job-boards/job-posting.ts';
import { isJobBoardHost, jobBoardJobId } from './job-boards/routes.ts';
import { extractLinkedIn, linkedInShadowRoots } from './linkedin/linkedin-page.ts';
import { isLinkedIn } from './linkedin/routes.ts';
import type { PageRecord } from './page-record.ts';
import { extractNewReddit, extractOldReddit } from './reddit/reddit-posts.ts';
import { isNewReddit, isOldReddit } from './reddit/routes.ts';
import { extractTelegramMessages } from './telegram/chat-messages.ts';
import { isTelegramWeb } from './telegram/routes.ts';
import { isX } from './x/routes.ts';
import { extractXPosts } from './x/tweets.ts';

/** The sites a user can switch on or off one by one (options page). */
export type SiteId =
  | 'linkedin'
  | 'discord'
  | 'telegram'
  | 'reddit'
  | 'x'
  | 'bitcointalk'
  | 'job-boards'
  | 'generic';

interface Route {
  site: SiteId;
  matches: (url: URL) => boolean;
  extract: (document: Document, url: URL) => Iterable<PageRecord>;
  /** Open shadow roots the site renders posts or messages into, which the page's observer cannot see into. */
  shadowRoots?: (document: Document) => ShadowRoot[];
}

/** URL -> adapter, first match wins. Routes are pure predicates tested with example URLs. */
const ROUTES: readonly Route[] = [
  { site: 'linkedin', matches: isLinkedIn, extract: extractLinkedIn, shadowRoots: linkedInShadowRoots },
  { site: 'discord', matches: isDiscordChannel, extract: extractDiscordMessages },
  { site: 'telegram', matches: isTelegramWeb, extract: extractTelegramMessages },
  { site: 'reddit', matches: isNewReddit, extract: extractNewReddit },
  { site: 'reddit', matches: isOldReddit, extract: extractOldReddit },
  { site: 'x', matches: isX, extract: extractXPosts },
  { site: 'bitcointalk', matches: isBitcointalkTopic, extract: extractBitcointalkPosts },
  { site: 'job-boards', matches: (url) => jobBoardJobId(url) !== null, extract: extractJobBoardPosting },
];

/** The route for a URL: the first whose predicate matches. */
function routeOf(url: URL): Route | undefined {
  return ROUTES.find((r) => r.matches(url));
}

/** Hosts whose other pages (a board's listing, a forum index) get the generic adapter under their site's switch. */
const SITE_HOSTS: ReadonlyArray<[SiteId, (url: URL) => boolean]> = [
  ['discord', (url) => /^(ptb\.|canary\.)?discord\.com$/.test(url.hostname)],
  ['telegram', (url) => url.hostname === 'web.telegram.org'],
  ['bitcointalk', (url) => url.hostname === 'bitcointalk.org'],
  ['job-boards', isJobBoardHost],
];

/** Which site a page belongs to, for the per-site on/off setting; undefined for non-web pages. */
export function siteOf(url: URL): SiteId | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const route = routeOf(url);
  if (route) return route.site;
  return SITE_HOSTS.find(([, matches]) => matches(url))?.[0] ?? 'generic';
}

/**
 * How to find the open shadow roots that hold content a page's adapter reads (LinkedIn's
 * messaging overlay), for the content script to observe: a MutationObserver on the document
 * does not report changes inside them. Undefined where the site has none.
 */
export function shadowRootFinder(url: URL): ((document: Document) => ShadowRoot[]) | undefined {
  return routeOf(url)?.shadowRoots;
}

/**
 * Every record on the page: the site's adapter where one knows the route, otherwise the generic
 * fallback (a job board's posting adapter falls back to it by itself, on a page with no posting).
 */
export function extractPage(document: Document, url: URL): PageRecord[] {
  return [...pageRecords(document, url)];
}

/**
 * `extractPage`, one record at a time: the content script reads a big page in short slices,
 * between which the page keeps running (records come in the same order).
 */
export function* pageRecords(document: Document, url: URL): Generator<PageRecord> {
  const route = routeOf(url);
  if (route) {
    yield* route.extract(document, url);
    return;
  }
  if (SITE_HOSTS.some(([site, matches]) => matches(url) && site !== 'job-boards')) return;
  yield* extractGeneric(document, url);
}

import type { PageRecord } from '../page-record.ts';
import { pageDocument, selectFirst } from '../select.ts';
import { extractLinkedInFeedPosts } from './feed-posts.ts';
import { extractLinkedInJobView, isLinkedInJobPage } from './job-view.ts';
import { extractLinkedInMessages } from './messaging.ts';
import { extractLinkedInProfile } from './profile.ts';
import { isLinkedInProfile } from './routes.ts';
import { linkedInSelectors as S } from './selectors.ts';

/** Any message, in any layout, or the outlet that may hold more. */
const MESSAGES_OR_OUTLET = [...S.messageEvent, ...S.interopOutlet].join(', ');

/**
 * Everything LinkedIn can show at once: the route's main content (job, profile), feed updates
 * (feed, company and activity pages), and messaging, whose overlay bubbles sit on every page,
 * sometimes inside the open shadow root of `#interop-outlet`.
 */
export function* extractLinkedIn(document: Document, url: URL): Generator<PageRecord> {
  const pageUrl = url.href;
  if (isLinkedInJobPage(url)) yield* extractLinkedInJobView(document, url);
  if (isLinkedInProfile(url)) yield* extractLinkedInProfile(document, url);
  yield* extractLinkedInFeedPosts(document, pageUrl);
  // Most changes hold no message and no outlet (a feed's next posts): one query rules out both.
  if (document.querySelector(MESSAGES_OR_OUTLET) === null) return;
  yield* extractLinkedInMessages(document, pageUrl);
  // In a scoped read, only when the outlet itself was added: the content script observes its
  // root (`linkedInShadowRoots`), so changes inside come as scoped reads of their own.
  const outlet = outletRoot(document);
  if (outlet) {
    yield* extractLinkedInMessages(outlet, pageUrl);
    yield* extractLinkedInFeedPosts(outlet, pageUrl);
  }
}

/**
 * The open shadow roots LinkedIn renders messages into: `#interop-outlet`'s (the overlay bubbles).
 * Read from the whole page, whatever part of it changed.
 */
export function linkedInShadowRoots(document: Document): ShadowRoot[] {
  const outlet = outletRoot(pageDocument(document));
  return outlet ? [outlet] : [];
}

/** `#interop-outlet`'s shadow root. Only an open root is reachable; a closed one gives null. */
function outletRoot(document: Document): ShadowRoot | null {
  return selectFirst(document, S.interopOutlet)?.shadowRoot ?? null;
}

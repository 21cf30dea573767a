import { isLinkedInJobPage, linkedInJobIdFromUrl } from './job-view.ts';

/** LinkedIn routes, as pure predicates over the URL (tested with example URLs in tests/dom/routes.test.ts). */

export function isLinkedIn(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'www.linkedin.com';
}

/** A single job: `/jobs/view/<id>/` (also with a slug before the id). */
export function isLinkedInJobView(url: URL): boolean {
  return isLinkedIn(url) && /^\/jobs\/view\//.test(url.pathname) && isLinkedInJobPage(url);
}

/** Two-pane search: `/jobs/search/?currentJobId=<id>&keywords=…`; the right pane shows that job. */
export function isLinkedInJobSearch(url: URL): boolean {
  return isLinkedIn(url) && /^\/jobs\/search(-results)?\/?$/.test(url.pathname) && hasCurrentJob(url);
}

/** Collections: `/jobs/collections/<name>/?currentJobId=<id>`, the same two panes. */
export function isLinkedInJobCollection(url: URL): boolean {
  return isLinkedIn(url) && /^\/jobs\/collections\/[\w-]+\/?$/.test(url.pathname) && hasCurrentJob(url);
}

/** `/messaging/thread/<id>/` (and `/messaging/` itself, which opens the latest thread). */
export function isLinkedInMessaging(url: URL): boolean {
  return isLinkedIn(url) && /^\/messaging(\/|$)/.test(url.pathname);
}

/** A member profile: `/in/<handle>/`, not its sub-pages such as `/in/<handle>/recent-activity/`. */
export function isLinkedInProfile(url: URL): boolean {
  return isLinkedIn(url) && linkedInProfileHandle(url) !== null;
}

export function linkedInProfileHandle(url: URL): string | null {
  const match = /^\/in\/([^/]{2,100})\/?$/.exec(url.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function hasCurrentJob(url: URL): boolean {
  return url.searchParams.has('currentJobId') && linkedInJobIdFromUrl(url) !== null;
}

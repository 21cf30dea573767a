import { capText, linksIn, type PageRecord, visibleText } from '../page-record.ts';

/**
 * LinkedIn job view: https://www.linkedin.com/jobs/view/<jobId>/ and the two-pane
 * search (`?currentJobId=<jobId>`). LinkedIn serves two layouts at once.
 */

/** `/jobs/view/4012345678/` or `?currentJobId=4012345678`. */
export function linkedInJobIdFromUrl(url: URL): string | null {
  const view = /^\/jobs\/view\/(?:[^/]*-)?(\d{6,})\/?/.exec(url.pathname);
  if (view) return view[1]!;
  const current = url.searchParams.get('currentJobId');
  return current && /^\d{6,}$/.test(current) ? current : null;
}

export function isLinkedInJobPage(url: URL): boolean {
  return (
    url.hostname === 'www.linkedin.com' &&
    url.pathname.startsWith('/jobs/') &&
    linkedInJobIdFromUrl(url) !== null
  );
}

/** Server-driven layout (seen 2025-2026): no h1; the title is in document.title as "<Title> | <Company> | LinkedIn". */
function extractServerDriven(doc: Document, pageUrl: string, jobId: string): PageRecord | null {
  const screen = doc.querySelector('[data-sdui-screen$=".JobDetails"]');
  if (!screen) return null;
  const about = screen.querySelector(`[componentkey="JobDetails_AboutTheJob_${jobId}"]`);
  // The stale-pane guard: a description for another job id means the pane has not caught up.
  if (!about) return null;
  // Read the whole component, not just the text box: LinkedIn nests lists inside p > span,
  // so the HTML parser closes the box early and moves the rest of the description after it.
  const description = about;
  const [title = '', company = ''] = doc.title.split(' | ');
  const apply = screen.querySelector<HTMLAnchorElement>('a[aria-label*="company website"]');
  return buildRecord(pageUrl, jobId, about, title, company, description, apply);
}

/** Classic layout (seen 2023-2026): top card with h1 and company link, description in #job-details. */
function extractClassic(doc: Document, pageUrl: string, jobId: string): PageRecord | null {
  const description = doc.querySelector('#job-details');
  if (!description) return null;
  // Stale-pane guard: the title links to the job it shows; it must be the job in the URL.
  const titleLink = doc.querySelector<HTMLAnchorElement>(
    '.job-details-jobs-unified-top-card__job-title a[href*="/jobs/view/"]',
  );
  const shownId = titleLink
    ? /\/jobs\/view\/(?:[^/]*-)?(\d{6,})/.exec(titleLink.getAttribute('href') ?? '')?.[1]
    : jobId;
  if (shownId !== jobId) return null;
  const title = visibleText(doc.querySelector('.job-details-jobs-unified-top-card__job-title h1'));
  const company = visibleText(doc.querySelector('.job-details-jobs-unified-top-card__company-name a'));
  const apply =
    doc.querySelector<HTMLAnchorElement>('.jobs-apply-button--top-card a[href], a.jobs-apply-button[href]') ??
    doc.querySelector<HTMLAnchorElement>('a[aria-label*="company website"]');
  return buildRecord(pageUrl, jobId, description, title, company, description, apply);
}

function buildRecord(
  pageUrl: string,
  jobId: string,
  element: Element,
  title: string,
  company: string,
  description: Element,
  apply: HTMLAnchorElement | null,
): PageRecord {
  const links = linksIn(description);
  if (apply?.href.startsWith('http'))
    links.unshift({ element: apply, href: apply.href, text: visibleText(apply) });
  return {
    key: `linkedin-job:${jobId}`,
    element,
    anchor: element,
    targets: links.map((l) => ({ element: l.element, href: l.href })),
    candidate: {
      text: capText([title, company, visibleText(description)].filter(Boolean).join('\n')),
      links: links.map((l) => ({ href: l.href, text: l.text.slice(0, 1_000) })),
      pageUrl,
    },
  };
}

export function extractLinkedInJobView(document: Document, url: URL): PageRecord[] {
  const jobId = linkedInJobIdFromUrl(url);
  if (!jobId) return [];
  const record = extractServerDriven(document, url.href, jobId) ?? extractClassic(document, url.href, jobId);
  return record ? [record] : [];
}

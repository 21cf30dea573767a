import { capText, linkOf, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { pageDocument, selectFirst } from '../select.ts';
import { linkedInSelectors as S } from './selectors.ts';

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
  const screen = selectFirst(doc, S.jobScreen);
  if (!screen) return null;
  const about = screen.querySelector(`[componentkey="JobDetails_AboutTheJob_${jobId}"]`);
  // The stale-pane guard: a description for another job id means the pane has not caught up.
  if (!about) return null;
  // Read the whole component, not just the text box: LinkedIn nests lists inside p > span,
  // so the HTML parser closes the box early and moves the rest of the description after it.
  const description = about;
  const [title = '', company = ''] = doc.title.split(' | ');
  const apply = selectFirst(screen, S.jobApplySdui);
  return buildRecord(pageUrl, jobId, about, title, company, description, apply);
}

/** Classic layout (seen 2023-2026): top card with h1 and company link, description in #job-details. */
function extractClassic(doc: Document, pageUrl: string, jobId: string): PageRecord | null {
  const description = selectFirst(doc, S.jobDescription);
  if (!description) return null;
  // Stale-pane guard: the title links to the job it shows; it must be the job in the URL.
  const titleLink = selectFirst(doc, S.jobTitleLink);
  const shownId = titleLink
    ? /\/jobs\/view\/(?:[^/]*-)?(\d{6,})/.exec(titleLink.getAttribute('href') ?? '')?.[1]
    : jobId;
  if (shownId !== jobId) return null;
  const title = visibleText(selectFirst(doc, S.jobTitle));
  const company = visibleText(selectFirst(doc, S.jobCompany));
  const apply = selectFirst(doc, S.jobApply);
  return buildRecord(pageUrl, jobId, description, title, company, description, apply);
}

function buildRecord(
  pageUrl: string,
  jobId: string,
  element: Element,
  title: string,
  company: string,
  description: Element,
  apply: Element | null,
): PageRecord {
  const { text, links } = textAndLinks(description);
  const applyLink = apply ? linkOf(apply) : null;
  if (applyLink) links.unshift(applyLink);
  return {
    key: `linkedin-job:${jobId}`,
    element,
    anchor: element,
    targets: links.map((l) => ({ element: l.element, href: l.href })),
    candidate: {
      text: capText([title, company, text].filter(Boolean).join('\n')),
      links: links.map((l) => ({ href: l.href, text: l.text.slice(0, 1_000) })),
      pageUrl,
    },
  };
}

export function extractLinkedInJobView(scoped: Document, url: URL): PageRecord[] {
  const jobId = linkedInJobIdFromUrl(url);
  if (!jobId) return [];
  // One job per pane, guarded by the top card: when the scanner hands us only the changed part
  // of the page, read the whole pane once the change touches it, so the guard still applies.
  const document = pageDocument(scoped);
  const pane = '#job-details, [componentkey^="JobDetails_"], [class*="jobs-unified-top-card"]';
  if (scoped !== document && !scoped.querySelector(pane)) return [];
  const record = extractServerDriven(document, url.href, jobId) ?? extractClassic(document, url.href, jobId);
  return record ? [record] : [];
}

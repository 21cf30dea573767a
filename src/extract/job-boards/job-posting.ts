import { buildRecord, type FoundLink } from '../build-record.ts';
import { extractGeneric } from '../generic/generic-article.ts';
import { JSON_LD_SCRIPT, jobPostingsIn } from '../json-ld.ts';
import { linkOf, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { pageDocument, selectAll, selectFirst } from '../select.ts';
import { jobBoardJobId } from './routes.ts';
import { jobBoardSelectors as S } from './selectors.ts';

/**
 * One posting on a crypto job board. The JSON-LD `JobPosting` names the hiring organization and
 * the apply URL even when the visible page hides them behind buttons; the DOM description
 * and apply links give the elements to mark. A posting URL whose page shows no posting (a new
 * layout) is read by the generic adapter.
 */
export function extractJobBoardPosting(scoped: Document, url: URL): PageRecord[] {
  const id = jobBoardJobId(url);
  if (!id) return [];
  const document = pageDocument(scoped);
  const description = selectFirst(document, S.description);
  // One posting per page: once a change touches it, read it from the whole page. Its JSON-LD
  // counts: a client-side router (Next.js) rewrites the head after the body, and a posting
  // judged on the previous job's data must be read again. A change elsewhere is not the
  // posting, and not a page of its own for the generic adapter either.
  if (scoped !== document && !selectFirst(scoped, S.description) && !scoped.querySelector(JSON_LD_SCRIPT))
    return description || jobPostingsIn(document).length > 0 ? [] : extractGeneric(scoped, url);
  const [posting] = jobPostingsIn(document);
  if (!description && !posting) return extractGeneric(scoped, url);
  const element = description ?? document.querySelector('main') ?? document.body;
  const described = textAndLinks(description);
  const links: FoundLink[] = [
    ...selectAll(document, S.apply).flatMap((a) => linkOf(a) ?? []),
    ...described.links,
    // Addresses only in the data have no element of their own to mark.
    ...(posting?.urls ?? []).map((href) => ({ href })),
  ];
  const text = [
    posting?.title || visibleText(selectFirst(document, S.title)),
    posting?.organization ? `Hiring organization: ${posting.organization}` : '',
    description ? described.text : (posting?.description ?? ''),
  ];
  return [
    buildRecord({
      key: `job-board:${url.hostname}:${id}`,
      element,
      text: text.filter(Boolean).join('\n'),
      links,
      pageUrl: url.href,
    }),
  ];
}

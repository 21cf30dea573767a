import { buildRecord, type FoundLink } from '../build-record.ts';
import { jobPostingsIn } from '../json-ld.ts';
import { linkOf, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { pageDocument, selectAll, selectFirst } from '../select.ts';
import { jobBoardJobId } from './routes.ts';
import { jobBoardSelectors as S } from './selectors.ts';

/**
 * One posting on a crypto job board. The JSON-LD `JobPosting` names the hiring organization and
 * the apply URL even when the visible page hides them behind buttons; the DOM description
 * and apply links give the elements to mark.
 */
export function extractJobBoardPosting(scoped: Document, url: URL): PageRecord[] {
  const id = jobBoardJobId(url);
  if (!id) return [];
  // One posting per page: once the change touches it, read it from the whole page.
  const document = pageDocument(scoped);
  if (scoped !== document && !selectFirst(scoped, S.description)) return [];
  const description = selectFirst(document, S.description);
  const [posting] = jobPostingsIn(document);
  if (!description && !posting) return [];
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

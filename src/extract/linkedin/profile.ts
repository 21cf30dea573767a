import { buildRecord } from '../build-record.ts';
import { linkOf, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { pageDocument, selectAll, selectFirst } from '../select.ts';
import { linkedInProfileHandle } from './routes.ts';
import { linkedInSelectors as S } from './selectors.ts';

/**
 * A profile's headline claim ("Technical Recruiter at Coinbase"), with the top-card website and
 * the About text: the engine decides whether the claim comes with a lookalike link or red flags.
 */
export function extractLinkedInProfile(scoped: Document, url: URL): PageRecord[] {
  const handle = linkedInProfileHandle(url);
  // One profile per page: once the change touches the top card or About, read the whole page.
  const document = pageDocument(scoped);
  if (scoped !== document && !selectFirst(scoped, S.profileTopCard) && !selectFirst(scoped, S.profileAbout))
    return [];
  const card = selectFirst(document, S.profileTopCard);
  if (!handle || !card) return [];
  const headline = visibleText(selectFirst(card, S.profileHeadline));
  const about = textAndLinks(selectFirst(document, S.profileAbout));
  const links = [...selectAll(card, S.profileLinks).flatMap((a) => linkOf(a) ?? []), ...about.links];
  return [
    buildRecord({
      key: `linkedin-profile:${handle}`,
      element: card,
      text: [visibleText(selectFirst(card, S.profileName)), headline, about.text].filter(Boolean).join('\n'),
      links,
      pageUrl: url.href,
      author: handle,
    }),
  ];
}

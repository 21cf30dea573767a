import { buildRecord } from '../build-record.ts';
import { type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { selectAll, selectFirst } from '../select.ts';
import { bitcointalkSelectors as S } from './selectors.ts';

/** Posts in a Bitcointalk topic, keyed by message id; the poster name is the author. */
export function* extractBitcointalkPosts(document: Document, url: URL): Generator<PageRecord> {
  for (const cell of selectAll(document, S.postCell)) {
    const body = selectFirst(cell, S.body);
    const msgId = /msg(\d{1,12})/.exec(selectFirst(cell, S.subjectLink)?.getAttribute('href') ?? '')?.[1];
    if (!body || !msgId) continue;
    const author = visibleText(selectFirst(cell, S.poster));
    const said = textAndLinks(body);
    yield buildRecord({
      key: `bitcointalk-post:${msgId}`,
      element: body,
      text: [visibleText(selectFirst(cell, S.subject)), said.text].filter(Boolean).join('\n'),
      links: said.links,
      pageUrl: url.href,
      author,
    });
  }
}

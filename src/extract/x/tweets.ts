import { buildRecord, type FoundLink } from '../build-record.ts';
import { inlineText, linksIn, type PageRecord, textAndLinks } from '../page-record.ts';
import { outermost, selectAll, selectFirst } from '../select.ts';
import { xStatusIdOf } from './routes.ts';
import { xSelectors as S } from './selectors.ts';

/**
 * Posts on X. Every link is wrapped as `https://t.co/<code>`, but X itself prints the expanded
 * address in the link (the scheme and the tail in hidden spans), and an author cannot choose that
 * text. So a t.co link whose text is a full URL is judged as that URL, the way a LinkedIn
 * `/redir/redirect?url=` is unwrapped; a t.co link without one stays hidden to the engine.
 */
export function* extractXPosts(document: Document, url: URL): Generator<PageRecord> {
  for (const tweet of outermost(selectAll(document, S.tweet))) {
    const permalink = selectFirst(tweet, S.timestamp)?.closest('a');
    const id = xStatusIdOf(permalink?.getAttribute('href') ?? '');
    if (!id) continue;
    const texts = selectAll(tweet, S.text);
    const card = textAndLinks(selectFirst(tweet, S.card));
    const expanded = new Map<string, string>();
    const links: FoundLink[] = [];
    for (const link of [...texts.flatMap((t) => linksIn(t)), ...card.links]) {
      const shown = expandedUrl(link.href, link.text) ?? expanded.get(link.href);
      if (shown) expanded.set(link.href, shown);
      links.push({ element: link.element, href: shown ?? link.href, text: link.text.replace(/…$/, '') });
    }
    // Name, @handle and time: one line of inline text, read natively (thousands of posts).
    const userName = inlineText(selectFirst(tweet, S.userName));
    const handle = /@([A-Za-z0-9_]{1,15})/.exec(userName)?.[1];
    yield buildRecord({
      key: `x-post:${id}`,
      element: tweet,
      text: [userName, ...texts.map((element) => inlineText(element)), card.text].filter(Boolean).join('\n'),
      links,
      pageUrl: url.href,
      author: handle ? `@${handle}` : undefined,
    });
  }
}

/** The address X printed for a t.co link ("https://www.coinbase.com/careers…"), if it is a full URL. */
export function expandedUrl(href: string, text: string): string | undefined {
  if (!/^https:\/\/t\.co\/[A-Za-z0-9]{1,20}$/.test(href)) return undefined;
  const shown = text.replace(/…$/, '').trim();
  if (!/^https?:\/\/\S+$/.test(shown)) return undefined;
  try {
    return new URL(shown).href;
  } catch {
    return undefined;
  }
}

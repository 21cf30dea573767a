import { buildRecord, type FoundLink } from '../build-record.ts';
import { linkOf, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { selectAll, selectFirst } from '../select.ts';
import { redditSelectors as S } from './selectors.ts';

/**
 * New Reddit: posts (`shreddit-post`, whose attributes hold title, author and link target)
 * and comments (`shreddit-comment`). A comment's own text sits in its `comment` slot; replies
 * are nested `shreddit-comment` elements and get their own records.
 */
export function* extractNewReddit(document: Document, url: URL): Generator<PageRecord> {
  for (const post of selectAll(document, S.post)) {
    const id = post.getAttribute('id') ?? '';
    if (!/^t3_[a-z0-9]{1,16}$/.test(id)) continue;
    const body = textAndLinks(selectFirst(post, S.postBody));
    const links: FoundLink[] = external(body.links, url);
    const target = absolute(post.getAttribute('content-href'), url);
    const titleAnchor = post.querySelector('a[slot="title"]');
    // A link post's target is an attribute, not an anchor in the body: mark the post title for it.
    if (target && !target.startsWith(`${url.origin}/r/`))
      links.unshift({ element: titleAnchor ?? post, href: target });
    yield buildRecord({
      key: `reddit-post:${id}`,
      element: post,
      text: [post.getAttribute('post-title') ?? '', body.text].filter(Boolean).join('\n'),
      links,
      pageUrl: url.href,
      author: post.getAttribute('author') ?? undefined,
    });
  }
  for (const comment of selectAll(document, S.comment)) {
    const id = comment.getAttribute('thingid') ?? '';
    const body = ownSlot(comment);
    if (!/^t1_[a-z0-9]{1,16}$/.test(id) || !body) continue;
    const said = textAndLinks(body);
    yield buildRecord({
      key: `reddit-comment:${id}`,
      element: body,
      text: said.text,
      links: external(said.links, url),
      pageUrl: url.href,
      author: comment.getAttribute('author') ?? undefined,
    });
  }
}

/**
 * Old Reddit: every link and comment is a `.thing` with `data-fullname`, `data-author` and,
 * for link posts, `data-url`. Outbound links may be wrapped as out.reddit.com, which the
 * engine unwraps.
 */
export function* extractOldReddit(document: Document, url: URL): Generator<PageRecord> {
  for (const thing of selectAll(document, S.thing)) {
    const id = thing.getAttribute('data-fullname') ?? '';
    const entry = selectFirst(thing, S.thingEntry);
    if (!/^t[13]_[a-z0-9]{1,16}$/.test(id) || !entry) continue;
    const title = selectFirst(thing, S.thingTitle);
    const body = textAndLinks(selectFirst(thing, S.thingBody));
    const links: FoundLink[] = external(body.links, url);
    const titleLink = title ? linkOf(title) : null;
    const outbound = title?.getAttribute('data-outbound-url');
    if (titleLink && !titleLink.href.startsWith(`${url.origin}/r/`))
      links.unshift({
        element: titleLink.element,
        href: outbound?.startsWith('https://out.reddit.com/') ? outbound : titleLink.href,
      });
    yield buildRecord({
      key: `reddit-${id.startsWith('t3_') ? 'post' : 'comment'}:${id}`,
      element: entry,
      text: [visibleText(title), body.text].filter(Boolean).join('\n'),
      links,
      pageUrl: url.href,
      author: thing.getAttribute('data-author') ?? undefined,
    });
  }
}

/** Reddit wraps previews in links to the post itself: navigation, not content. */
function external(links: FoundLink[], url: URL): FoundLink[] {
  return links.filter((link) => !link.href.startsWith(`${url.origin}/`));
}

/** The comment's own body slot, not one of a nested reply. */
function ownSlot(comment: Element): Element | null {
  for (const child of comment.children) if (child.getAttribute('slot') === 'comment') return child;
  return null;
}

function absolute(href: string | null, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const resolved = new URL(href, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

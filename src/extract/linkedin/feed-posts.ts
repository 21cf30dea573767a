import { buildRecord, type FoundAttachment } from '../build-record.ts';
import { type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { outermost, selectAll, selectFirst } from '../select.ts';
import { linkedInSelectors as S } from './selectors.ts';

/**
 * Feed posts (`/feed/`, company pages, activity pages): one record per activity urn.
 * The actor line ("Senior Technical Recruiter at Coinbase") is part of the claim; comments are not.
 */
export function* extractLinkedInFeedPosts(root: ParentNode, pageUrl: string): Generator<PageRecord> {
  for (const post of outermost(selectAll(root, S.feedPost))) {
    const urn = post.getAttribute('data-urn') ?? post.getAttribute('data-id') ?? '';
    const activity = /^urn:li:activity:(\d{1,30})$/.exec(urn)?.[1];
    if (!activity) continue;
    const actor = selectFirst(post, S.postActor);
    const commentary = selectFirst(post, S.postCommentary);
    const area = selectFirst(post, S.postAttachmentArea);
    const docTitle = selectFirst(post, S.postDocumentTitle);
    const attachments: FoundAttachment[] = [];
    const title = visibleText(docTitle);
    if (docTitle && /\.[a-z0-9]{2,5}$/i.test(title)) attachments.push({ element: docTitle, name: title });
    // Text and links in one walk each: every node of a post is read once.
    const said = textAndLinks(commentary);
    const shown = textAndLinks(area);
    yield buildRecord({
      key: `linkedin-post:${activity}`,
      element: post,
      // LinkedIn repeats names for screen readers (`.visually-hidden`): read them once.
      text: [visibleText(actor, 'visually-hidden'), said.text, shown.text].filter(Boolean).join('\n'),
      links: [...said.links, ...shown.links],
      attachments,
      pageUrl,
      author: profileHandle(actor?.getAttribute('href')),
    });
  }
}

/** `https://www.linkedin.com/in/<handle>?miniProfileUrn=…` → `<handle>`. */
export function profileHandle(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  const match = /linkedin\.com\/in\/([^/?#]{2,100})/.exec(href) ?? /^\/in\/([^/?#]{2,100})/.exec(href);
  return match?.[1];
}

import { buildRecord, type FoundAttachment, type FoundLink } from '../build-record.ts';
import { linkOf, linksIn, type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { type Fallbacks, inGroup, selectAll, selectFirst } from '../select.ts';
import { messageIdOf } from './message-id.ts';
import { discordSelectors as S } from './selectors.ts';

/**
 * Messages in a Discord channel or DM. Grouped messages carry no header, so the author of the
 * group's first message is carried over. Masked links (`[text](url)`) keep their shown text so
 * the engine can compare it with the real host.
 */
export function* extractDiscordMessages(document: Document, url: URL): Generator<PageRecord> {
  const pageUrl = url.href;
  for (const row of selectAll(document, S.message)) {
    const messageId = messageIdOf(row);
    if (!messageId) continue;
    const author = authorOf(row);
    const content = textAndLinks(partOf(row, `message-content-${messageId}`, S.content));
    const container = partOf(row, `message-accessories-${messageId}`, S.accessories);
    // Most messages have an empty one: no attachment, link or embed to query for. A count, not
    // `firstElementChild`, which would wrap a node nothing else reads.
    const accessories = container && container.childElementCount > 0 ? container : null;
    const attachmentAnchors = accessories ? selectAll(accessories, S.attachmentLink) : [];
    const attachments: FoundAttachment[] = attachmentAnchors.flatMap((anchor) => {
      const link = linkOf(anchor);
      const name = link ? link.text || fileNameOf(link.href) : '';
      return link && name ? [{ element: anchor, name, href: link.href }] : [];
    });
    const fromAttachments = new Set(attachmentAnchors);
    const links: FoundLink[] = [
      ...content.links,
      ...linksIn(accessories).filter((l) => !fromAttachments.has(l.element)),
    ];
    const embeds = accessories ? selectAll(accessories, S.embed).map((element) => visibleText(element)) : [];
    yield buildRecord({
      key: `discord-message:${messageId}`,
      element: row,
      text: [author, content.text, ...embeds].filter(Boolean).join('\n'),
      links,
      attachments,
      pageUrl,
      ...(author ? { author } : {}),
    });
  }
}

/**
 * Discord ids each part of a message with the message id: a hash lookup instead of a subtree
 * query per message (thousands of them). Reply previews reuse the quoted message's content id,
 * so the hit must sit in this row and not be a quote; otherwise the selectors decide.
 */
function partOf(row: Element, id: string, fallbacks: Fallbacks): Element | null {
  const hit = row.ownerDocument.getElementById(id);
  if (hit && row.contains(hit) && !String(hit.className).includes('repliedTextContent')) return hit;
  return selectFirst(row, fallbacks);
}

/** The name in this message's header, or in the header of the group it continues. */
function authorOf(row: Element): string {
  let at: Element | null = row;
  for (let step = 0; at && step <= 100; step++, at = at.previousElementSibling) {
    const header = at.ownerDocument.getElementById(`message-username-${messageIdOf(at) ?? ''}`);
    if (header && at.contains(header)) return visibleText(selectFirst(header, S.authorInHeader) ?? header);
  }
  return visibleText(inGroup(row, S.author));
}

/** The last path segment of a CDN URL: Discord keeps the uploaded file name there. */
function fileNameOf(href: string): string {
  try {
    return decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
}

import { buildRecord, type FoundAttachment } from '../build-record.ts';
import { type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { inGroup, selectAll } from '../select.ts';
import { profileHandle } from './feed-posts.ts';
import { linkedInSelectors as S } from './selectors.ts';

/**
 * Incoming messages and InMail, in `/messaging/` threads and in the overlay bubbles shown on
 * every page. Conversation-list previews are skipped: they repeat the message, cut short.
 */
export function* extractLinkedInMessages(root: ParentNode, pageUrl: string): Generator<PageRecord> {
  for (const event of selectAll(root, S.messageEvent)) {
    // Our own messages (no `--other`) are not offers to us.
    if (!event.classList.contains('msg-s-event-listitem--other')) continue;
    // The sender header shows only on the first message of a group (one `li` per message).
    const item = event.closest('li') ?? event;
    const sender = visibleText(inGroup(item, S.messageSender));
    const senderHandle = profileHandle(inGroup(item, S.messageSenderLink)?.getAttribute('href'));
    const urn = event.getAttribute('data-event-urn') ?? '';
    if (!urn.startsWith('urn:li:')) continue;
    const bodies = selectAll(event, S.messageBody).map((body) => textAndLinks(body));
    const attachments: FoundAttachment[] = selectAll(event, S.messageAttachmentName).map((element) => ({
      element: element.closest('.ui-attachment') ?? element,
      name: visibleText(element) || (element.getAttribute('title') ?? ''),
    }));
    yield buildRecord({
      key: `linkedin-message:${urn}`,
      element: event,
      text: [sender, ...bodies.map((body) => body.text)].filter(Boolean).join('\n'),
      links: bodies.flatMap((body) => body.links),
      attachments,
      pageUrl,
      author: senderHandle ?? sender,
    });
  }
}

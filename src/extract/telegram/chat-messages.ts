import { buildRecord, type FoundAttachment } from '../build-record.ts';
import { linksIn, type PageRecord, visibleText } from '../page-record.ts';
import { inGroup, pageDocument, selectAll, selectFirst } from '../select.ts';
import { telegramChatOf } from './routes.ts';
import { telegramSelectors as S } from './selectors.ts';

/**
 * Messages in the open Telegram Web chat (K or A). Message ids are per chat, so keys carry the
 * chat from the hash route. Our own (outgoing) messages are skipped.
 */
export function* extractTelegramMessages(document: Document, url: URL): Generator<PageRecord> {
  const chat = telegramChatOf(url);
  if (!chat) return;
  const chatTitle = visibleText(selectFirst(pageDocument(document), S.chatTitle));
  for (const bubble of selectAll(document, S.message)) {
    const id = bubble.getAttribute('data-mid') ?? bubble.getAttribute('data-message-id') ?? '';
    if (!/^\d{1,20}$/.test(id)) continue;
    // K marks outgoing bubbles `is-out`, A marks them `own`.
    if (bubble.classList.contains('is-out') || bubble.classList.contains('own')) continue;
    // Groups name the sender on a group's first bubble only; private chats never (the title does).
    const sender = visibleText(inGroup(bubble, S.sender));
    const textBox = selectFirst(bubble, S.text);
    const attachments: FoundAttachment[] = selectAll(bubble, S.documentName).flatMap((element) => {
      const name = element.getAttribute('title') || visibleText(element);
      return name ? [{ element: element.closest('.document, .File') ?? element, name }] : [];
    });
    const author = sender || chatTitle;
    yield buildRecord({
      key: `telegram-message:${chat}:${id}`,
      element: bubble,
      text: [author, textWithoutTime(textBox)].filter(Boolean).join('\n'),
      links: linksIn(textBox),
      attachments,
      pageUrl: url.href,
      author,
    });
  }
}

/** K renders the time and the document card inside the text box; they are not the sender's words. */
const NOT_WORDS = '.time, .MessageMeta, .document-container';

function textWithoutTime(box: Element | null): string {
  if (!box) return '';
  if (!box.querySelector(NOT_WORDS)) return visibleText(box);
  const clone = box.cloneNode(true) as Element;
  for (const meta of clone.querySelectorAll(NOT_WORDS)) meta.remove();
  return visibleText(clone);
}

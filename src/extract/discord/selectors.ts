import type { Fallbacks } from '../select.ts';

/** Discord web client selectors (class names carry build hashes, so match prefixes and ids). */
export const discordSelectors = {
  /** One message row: `li#chat-messages-<channelId>-<messageId>` (2021-2026); list-item id (2023-2026). */
  message: ['li[id^="chat-messages-"]', '[data-list-item-id^="chat-messages___"]'],
  /** Author name in a group's first message (2022-2026); grouped follow-ups have no header. */
  author: ['h3 span[id^="message-username-"] [class*="username"]', 'h3 [class*="username"]'],
  /** The name inside the header span `#message-username-<id>` (2022-2026), found by id first. */
  authorInHeader: ['[class*="username"]'],
  /** The message's own text; replies quote another message in `[id^="message-reply-context"]`, skipped. */
  content: ['[id^="message-content-"]:not([class*="repliedTextContent"])', '[class*="messageContent"]'],
  /** Attachments, embeds and link previews under the text (2021-2026). */
  accessories: ['[id^="message-accessories-"]', '[class*="container"][id*="accessories"]'],
  /** File attachments: the name links to cdn.discordapp.com (2021-2026; `media.discordapp.net` for previews). */
  attachmentLink: ['a[class*="fileNameLink"][href]', 'a[href^="https://cdn.discordapp.com/attachments/"]'],
  /** Rich embeds (2021-2026): title, description, fields. */
  embed: ['article[class*="embed"]', '[class*="embedFull"]'],
} satisfies Record<string, Fallbacks>;

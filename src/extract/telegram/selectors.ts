import type { Fallbacks } from '../select.ts';

/** Telegram Web K (`/k/`, 2021-2026) and Web A (`/a/`, 2022-2026) selectors. */
export const telegramSelectors = {
  /** A message bubble: K `.bubble[data-mid]`; A `.Message[data-message-id]`. */
  message: ['.bubble[data-mid]', '.Message[data-message-id]'],
  /** Sender in group chats: K `.name .peer-title`; A `.sender-title`. */
  sender: ['.name .peer-title', '.message-title .sender-title'],
  /** The chat's title in the top bar, the sender of a private chat: K `.chat-info .peer-title`; A `.ChatInfo .fullName`. */
  chatTitle: ['.chat-info .peer-title', '.ChatInfo .fullName'],
  /** Text and caption: K `.message`; A `.text-content`. K puts the time inside `.message`, removed. */
  text: ['.message', '.text-content'],
  /** Document names: K `.document-name`; A `.file-title`. */
  documentName: ['.document-name', '.file-title'],
} satisfies Record<string, Fallbacks>;

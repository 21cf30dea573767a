import { type MessageKey, registerStrings, type StringTable } from '../ui/i18n/translate.ts';
import { CONTENT_STRINGS } from './generated/content-strings.ts';

/**
 * Only the strings the page warnings show (generated from `_locales` as plain text, without the
 * translators' descriptions or the `{ message }` wrapping), so the rest of the tables stays out of the content script (its budget is 60 KB).
 */
const table = (strings: Partial<Record<MessageKey, string>>): StringTable =>
  Object.fromEntries(Object.entries(strings).map(([key, message]) => [key, { message }]));
registerStrings({ en: table(CONTENT_STRINGS.en), ja: table(CONTENT_STRINGS.ja) });

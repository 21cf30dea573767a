import { registerStrings } from '../ui/i18n/translate.ts';
import { CONTENT_STRINGS } from './generated/content-strings.ts';

/**
 * Only the strings the page warnings show (generated from `_locales` without the translators'
 * descriptions), so the rest of the tables stays out of the content script (its budget is 60 KB).
 */
registerStrings(CONTENT_STRINGS);

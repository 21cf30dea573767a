import type en from '../../../public/_locales/en/messages.json';

/**
 * UI strings. `_locales/<lang>/messages.json` stays the single source (Chrome reads it for the
 * manifest); the tables are bundled too because chrome.i18n cannot switch language at runtime,
 * and the content script must not fetch extension files (no web_accessible_resources).
 * Each bundle registers only the strings it shows (`page-strings.ts`, `content-strings.ts`).
 */
export type MessageKey = keyof typeof en;
export type Language = 'en' | 'ja';
export type StringTable = Partial<Record<MessageKey, { message: string }>>;

const tables: Record<Language, StringTable> = { en: {}, ja: {} };
let uiLocale: string | undefined;
let current: Language = browserLanguage();

export function registerStrings(strings: Record<Language, StringTable>): void {
  Object.assign(tables.en, strings.en);
  Object.assign(tables.ja, strings.ja);
}

/** The browser's UI locale, such as en-GB or ja. */
function browserLocale(): string {
  uiLocale ??= globalThis.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
  return uiLocale;
}

function browserLanguage(): Language {
  return browserLocale().toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** 'auto' (or anything unknown) follows the browser's UI language. */
export function setLanguage(choice: string | undefined): Language {
  current = choice === 'en' || choice === 'ja' ? choice : browserLanguage();
  return current;
}

export function currentLanguage(): Language {
  return current;
}

/**
 * For dates and numbers: the browser's own locale when it speaks the chosen language (an en-GB
 * browser keeps day/month order), else the chosen language.
 */
export function locale(): string {
  return browserLanguage() === current ? browserLocale() : current;
}

/** The message in the chosen language (English if missing), with `$1`…`$9` replaced by text. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const template = tables[current][key]?.message ?? tables.en[key]?.message ?? key;
  // Most strings have no placeholder, and a page with hundreds of warnings asks for them often.
  if (!template.includes('$')) return template;
  return template.replace(/\$([1-9])/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

/**
 * Fills `[data-i18n]` elements of an extension page with text (never HTML), and
 * `[data-i18n-placeholder]` fields with their placeholder.
 */
export function translatePage(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n as MessageKey;
    if (tables.en[key]) element.textContent = t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    const key = element.dataset.i18nPlaceholder as MessageKey;
    if (tables.en[key]) element.setAttribute('placeholder', t(key));
  }
  document.documentElement.lang = current;
}

import { normalizeText } from './normalize-text.ts';

const EMAIL = /\b[a-z0-9][a-z0-9._%+-]{0,63}@([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4})\b/g;
const MAX_EMAILS = 20;

/** E-mail addresses written in a text, lower-cased and deduplicated. */
export function emailsIn(text: string): string[] {
  const normalized = normalizeText(text);
  // Every address has an "@": most posts have none, and then the pattern need not scan them.
  if (!normalized.includes('@')) return [];
  const found = new Set<string>();
  for (const match of normalized.matchAll(EMAIL)) {
    found.add(match[0]);
    if (found.size >= MAX_EMAILS) break;
  }
  return [...found];
}

const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'mail.ru',
  'yandex.com',
  'yandex.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'hey.com',
  'fastmail.com',
  'yahoo.co.jp',
  'naver.com',
  'daum.net',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.toLowerCase());
}

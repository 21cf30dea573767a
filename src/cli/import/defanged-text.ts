import type { IndicatorBuilder, Meta } from './indicator-builder.ts';

/** Undoes report defanging: hxxps[:]//evil[.]com, evil(.)com, user[at]evil[dot]com. */
export function refang(text: string): string {
  return text
    .replace(/h[xX]{2}p(s?)/g, 'http$1')
    .replace(/\[\s*:\s*\]/g, ':')
    .replace(/\[\s*\/\s*\]/g, '/')
    .replace(/\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\}|\[dot\]|\(dot\)/gi, '.')
    .replace(/\[\s*@\s*\]|\[at\]|\(at\)/gi, '@');
}

const DEFANGED = /\[\s*\.\s*\]|\(\s*\.\s*\)|\[dot\]|hxxp|\[:\]|\[at\]|\[@\]/i;
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>)\]]{1,2000}/g;
const EMAIL_PATTERN = /\b[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}\b/gi;
const SHA256_PATTERN = /\b[a-f0-9]{64}\b/gi;
/** A host with a path but no scheme, as reports write repositories: github[.]com/user/repo. */
const HOST_PATH_PATTERN =
  /\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,5}\.[a-z]{2,24}\/[^\s"'<>)\]]{1,2000}/gi;
const DOMAIN_PATTERN = /\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,5}\.[a-z]{2,24}\b/gi;

/**
 * Indicators from a threat report's prose. Only defanged hosts count as indicators: a report
 * names plenty of innocent domains (the vendor's own, github.com) in plain text.
 */
export function importDefangedText(text: string, builder: IndicatorBuilder, source: string): void {
  const meta: Meta = { severity: 'dangerous', note: '', source };
  for (const line of text.split(/\r?\n/)) {
    const defanged = DEFANGED.test(line);
    const clean = refang(line);
    const consumed: string[] = [];
    for (const match of clean.matchAll(URL_PATTERN)) {
      const href = match[0].replace(/[.,;:]+$/, '');
      consumed.push(href);
      if (defanged) builder.url(href, meta);
      else builder.skip('URL written plainly (not defanged), likely a reference');
    }
    for (const match of clean.matchAll(SHA256_PATTERN)) builder.other('sha256', match[0], meta);
    let rest = clean;
    for (const href of consumed) rest = rest.replace(href, ' ');
    for (const match of rest.matchAll(HOST_PATH_PATTERN)) {
      const hostPath = match[0].replace(/[.,;:]+$/, '');
      rest = rest.replace(hostPath, ' ');
      // On a shared host the path is the whole indicator; it must not shrink to the bare domain.
      if (defanged) builder.url(`https://${hostPath}`, meta);
      else builder.skip('URL written plainly (not defanged), likely a reference');
    }
    for (const match of rest.matchAll(EMAIL_PATTERN)) {
      if (defanged) builder.other('email', match[0], meta);
      else builder.skip('e-mail written plainly (not defanged), likely a reference');
      rest = rest.replace(match[0], ' ');
    }
    for (const match of rest.matchAll(DOMAIN_PATTERN)) {
      if (/\.(exe|dll|pdf|zip|js|json|txt|png|jpg|docx?|app|dmg|sh|py)$/i.test(match[0])) continue;
      if (defanged) builder.domain(match[0], meta);
      else builder.skip('domain written plainly (not defanged), likely a reference');
    }
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `_locales/{en,ja}/messages.json` are Chrome's message tables and the pages' bundled strings.
 * A key missing in one language, or a `$n` dropped in translation, would show English or an
 * empty gap instead of the value; a `data-i18n` key that does not exist leaves a page untranslated.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
type Table = Record<string, { message: string; description?: string }>;
const table = (lang: string): Table =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Table;
const en = table('en');
const ja = table('ja');

const substitutions = (message: string) => [...message.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();

function uiPages(dir = join(ROOT, 'src/ui')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return uiPages(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

describe('locale tables', () => {
  it('have the same keys in the same order', () => {
    expect(Object.keys(ja)).toEqual(Object.keys(en));
  });

  it('have a non-empty message for every key, with the same $1…$9 substitutions', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), key).not.toBe('');
      expect(ja[key]!.message.trim(), key).not.toBe('');
      expect(substitutions(ja[key]!.message), key).toEqual(substitutions(en[key]!.message));
    }
  });

  it('use no `$` other than $1…$9 (Chrome reads $name$ as a named placeholder)', () => {
    for (const [lang, strings] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      for (const [key, { message }] of Object.entries(strings))
        expect(message.replace(/\$[1-9]/g, ''), `${lang}:${key}`).not.toContain('$');
    }
  });

  it('describe every message for translators, with the same description in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.description?.trim(), key).toBeTruthy();
      expect(ja[key]!.description, key).toBe(en[key]!.description);
    }
  });

  it('leave no English on the extension pages outside data-i18n, but the names of things', () => {
    const NAMES = new Set(['Lureguard', 'English']);
    const untranslated = uiPages().flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/<(\w+)([^>]*)>([^<]*[A-Za-z][^<]*)</g)]
        .filter(([, , attributes, text]) => !attributes!.includes('data-i18n') && !NAMES.has(text!.trim()))
        .map(([element]) => `${page}: ${element}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('hold every key the extension pages name in data-i18n and data-i18n-placeholder', () => {
    const named = uiPages().flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/data-i18n(?:-placeholder)?="([^"]*)"/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((key) => !(key in en))).toEqual([]);
  });
});

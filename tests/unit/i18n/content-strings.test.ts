import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };
import ja from '../../../public/_locales/ja/messages.json' with { type: 'json' };
import { CONTENT_KEYS, generateContentStrings, OUTPUT } from '../../../scripts/gen-content-strings.ts';
import { CONTENT_STRINGS } from '../../../src/content/generated/content-strings.ts';

describe('content-script strings', () => {
  it('are current with public/_locales (npm run gen:content-strings)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generateContentStrings());
  });

  it('carry each message, and nothing else, in every language', () => {
    for (const [language, table] of [
      ['en', en],
      ['ja', ja],
    ] as const) {
      const expected = Object.fromEntries(CONTENT_KEYS.map((key) => [key, table[key].message]));
      expect(CONTENT_STRINGS[language]).toStrictEqual(expected);
    }
  });
});

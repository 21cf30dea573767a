import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../../src/core/brands/catalog.ts';
import { createBrandIndex } from '../../../src/core/lookalike/brand-index.ts';
import { foldedHashStep, stringHash } from '../../../src/core/lookalike/edit-distance.ts';
import { normalizeText } from '../../../src/core/text/normalize-text.ts';
import { check, fuzzTimeout } from './fuzz-config.ts';

const catalog = loadBundledCatalog();
const index = createBrandIndex(catalog);

/** Alias words, their case variants and the punctuation words are split and trimmed on. */
const piece = fc.oneof(
  fc.constantFrom(...catalog.flatMap((b) => b.aliases.flatMap((a) => [a, a.toLowerCase(), a.toUpperCase()]))),
  fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\r\n',
    '.',
    '...',
    "'",
    '-',
    '&',
    ',',
    'is hiring',
    'circle back',
    'x',
  ),
  fc.string({ unit: fc.constantFrom('a', 'B', '.', '-', "'", ' ', '&', '0'), maxLength: 6 }),
);
const asciiText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('ASCII fast paths', () => {
  it(
    'foldedHashStep over a word is the hash of the lower-cased word',
    () => {
      check(
        fc.property(fc.string({ unit: 'binary-ascii', maxLength: 20 }), (word) => {
          let hash = 0;
          for (let i = 0; i < word.length; i++) hash = foldedHashStep(hash, word.charCodeAt(i));
          expect(hash).toBe(stringHash(word.toLowerCase()));
        }),
        2_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'brandsMentioned finds in ASCII text what the general word pattern finds',
    () => {
      // A trailing non-ASCII word sends the same text down the general (regex) path.
      check(
        fc.property(asciiText, (text) => {
          expect(index.brandsMentioned(text)).toEqual(index.brandsMentioned(`${text} é`));
        }),
        2_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'normalizeText folds whitespace exactly as a replace of every run would',
    () => {
      check(
        fc.property(
          asciiText,
          fc.string({ unit: fc.constantFrom(' ', 'a', '\u00a0', '\u2028', '\t'), maxLength: 8 }),
          (a, b) => {
            const text = `${a}${b}`;
            expect(normalizeText(text)).toBe(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' '));
          },
        ),
        2_000,
      );
    },
    fuzzTimeout(),
  );
});

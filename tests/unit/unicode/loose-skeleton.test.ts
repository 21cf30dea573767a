import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFUSABLE_PAIRS } from '../../../src/core/generated/unicode-tables.ts';
import { looseSkeleton } from '../../../src/core/unicode/loose-skeleton.ts';
import { skeleton } from '../../../src/core/unicode/skeleton.ts';
import { check } from '../fuzz/fuzz-config.ts';

/** The definition, step by step over the whole label. */
function definition(label: string): string {
  return skeleton(label).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, '');
}

/** Characters that test each condition of a per-character mapping: marks, decomposable letters, sigma. */
const TRICKY = [
  '\u0301',
  '\u0316',
  '\u0345',
  'é',
  'e\u0301',
  'Σ',
  'σ',
  'ς',
  'İ',
  'ǅ',
  '각',
  'ᄀ',
  'ᅡ',
  'Å',
  'ﬃ',
  '-',
];
const sources = CONFUSABLE_PAIRS.filter((_, i) => i % 2 === 0);

describe('looseSkeleton', () => {
  it('maps homoglyph labels as the definition does', () => {
    for (const label of [
      'cоinbase',
      'ԍате',
      'ΒΙΝΑΝCΕ',
      'bіnаnce-careers',
      'krakén',
      'ΟΔΥΣΣΕΥΣ',
      'rnetamask',
      'c0inbase',
    ])
      expect(looseSkeleton(label)).toBe(definition(label));
    expect(looseSkeleton('cоinbase')).toBe('coinbase');
  });

  it('maps every character between ASCII letters as the definition does', () => {
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const label = `a${String.fromCharCode(code)}b`;
      if (looseSkeleton(label) !== definition(label)) expect(looseSkeleton(label)).toBe(definition(label));
    }
  });

  it('agrees with the definition on plain ASCII labels, odd letters (m, 0, 1) and hyphens anywhere', () => {
    check(
      fc.property(fc.stringMatching(/^[a-z0-9-]{0,20}$/), (label) => {
        expect(looseSkeleton(label)).toBe(definition(label));
      }),
      3_000,
    );
    for (const label of ['m', 'mm', '-m-', 'metamask-m0m1', '0', '1-', 'rnm', 'plainlabel'])
      expect(looseSkeleton(label), label).toBe(definition(label));
  });

  it('agrees with the definition on labels of confusables, marks and cased letters', () => {
    const unit = fc.oneof(
      fc.constantFrom(...sources),
      fc.constantFrom(...TRICKY),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
      fc.constantFrom('a', 'm', '0', '1', 'l', 'I'),
    );
    check(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const label = units.join('');
        expect(looseSkeleton(label)).toBe(definition(label));
      }),
      3_000,
    );
  });
});

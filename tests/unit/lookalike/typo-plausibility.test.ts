import { describe, expect, it } from 'vitest';
import { isPlausibleTypo } from '../../../src/core/lookalike/typo-plausibility.ts';

describe('isPlausibleTypo', () => {
  it.each([
    ['coinbaze', 'coinbase'], // s -> z, neighbours on QWERTY
    ['coinbqse', 'coinbase'], // a -> q, neighbours on AZERTY
    ['binanxe', 'binance'], // c -> x, neighbours
    ['coinbasr', 'coinbase'], // e -> r, neighbours
    ['metamark', 'metamask'], // s -> r, one bit (0x73 ^ 0x72)
    ['cgincheck', 'coincheck'], // o -> g, one bit
    ['metamusk', 'metamask'], // vowel for vowel
    ['binamce', 'binance'], // m for n, look alike
    ['krakem', 'kraken'], // m for n, look alike
    ['bitfiyer', 'bitflyer'], // i for l, look alike
  ])('%s for %s is a plausible replacement', (word, token) => {
    expect(isPlausibleTypo(word, token)).toBe(true);
  });

  it.each([
    ['metatask', 'metamask'],
    ['metacask', 'metamask'],
    ['metamash', 'metamask'],
    ['coinbame', 'coinbase'],
  ])('%s for %s replaces a letter by an unrelated one', (word, token) => {
    expect(isPlausibleTypo(word, token)).toBe(false);
  });

  it.each([
    ['metmask', 'metamask'], // omission
    ['metamasks', 'metamask'], // addition
    ['metamaks', 'metamask'], // transposition: two positions differ
    ['chainalisys', 'chainalysis'], // two replacements: left to the edit distance
    ['coinbase', 'coinbase'],
  ])('%s for %s is not a single replacement, so it is not filtered', (word, token) => {
    expect(isPlausibleTypo(word, token)).toBe(true);
  });

  it('is symmetric', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789-';
    for (const a of letters)
      for (const b of letters)
        expect(isPlausibleTypo(`x${a}y`, `x${b}y`)).toBe(isPlausibleTypo(`x${b}y`, `x${a}y`));
  });
});

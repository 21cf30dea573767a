import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Brand } from '../../../src/core/brands/brand.ts';
import { createBrandIndex } from '../../../src/core/lookalike/brand-index.ts';
import { allowedEdits, editDistance } from '../../../src/core/lookalike/edit-distance.ts';
import { isPlausibleTypo } from '../../../src/core/lookalike/typo-plausibility.ts';
import { check, fuzzTimeout, withEdits } from './fuzz-config.ts';

/**
 * Brand tokens over a few letters (so typos of one land near others), with lengths 6, 8 and 10
 * in buckets big enough to be searched by deletion probes and 5, 7, 9 and 11 in small ones that
 * are scanned. No "m": in plain ASCII only "rn" for "m" makes a homoglyph.
 */
const LETTERS = 'abcdeklnorstu';
function syntheticTokens(): string[] {
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const out = new Set<string>();
  for (const [length, count] of [
    [6, 150],
    [8, 150],
    [10, 150],
    [5, 20],
    [7, 20],
    [9, 20],
    [11, 20],
  ] as const) {
    for (let made = 0; made < count; ) {
      let token = '';
      for (let i = 0; i < length; i++) token += LETTERS[Math.floor(random() * LETTERS.length)];
      if (!out.has(token)) {
        out.add(token);
        made++;
      }
    }
  }
  return [...out];
}
const tokens = syntheticTokens();
const brands: Brand[] = tokens.map((token) => ({
  id: token,
  name: token,
  aliases: [],
  tokens: [token],
  domains: [`${token}.com`],
  careers: [],
  emailDomains: [],
  sources: [{ ref: 'synthetic', date: '2026-11-25' }],
}));
const index = createBrandIndex(brands);

/**
 * Tokens within their allowed edits of `word`, itself aside, by a plausible edit: what a typo
 * search may answer.
 */
function reachOf(word: string): string[] {
  return tokens.filter(
    (t) =>
      t !== word &&
      editDistance(word, t, allowedEdits(t.length)) <= allowedEdits(t.length) &&
      isPlausibleTypo(word, t),
  );
}

/** A token with up to three random edits. */
const word = withEdits(fc.constantFrom(...tokens), [...LETTERS, ''])
  .map(([, edited]) => edited)
  .filter((w) => w.length >= 4);

describe('typo search', () => {
  it(
    'names a token within reach when there is one, the only one when it is alone, and none otherwise',
    () => {
      check(
        fc.property(word, (label) => {
          // On .com, the suffix every synthetic brand uses; on .io a bare typo needs context.
          expect(index.lookalikesOf(`${label}.io`).filter((r) => r.id === 'lookalike-typo')).toEqual([]);
          const reasons = index.lookalikesOf(`${label}.com`);
          // A token inside the label (or the label itself) is judged before typos are searched.
          if (reasons.some((r) => r.id !== 'lookalike-typo')) return;
          const reach = reachOf(label);
          const typo = reasons.find((r) => r.id === 'lookalike-typo');
          if (reach.length === 0) expect(typo).toBeUndefined();
          else {
            const named = /from “([a-z]+)”/.exec(typo?.message ?? '')?.[1];
            if (reach.length === 1) expect(named).toBe(reach[0]);
            else expect(reach).toContain(named);
          }
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );
});

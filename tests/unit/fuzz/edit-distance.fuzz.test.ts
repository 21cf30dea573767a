import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/lookalike/edit-distance.ts';
import { check, fuzzTimeout, withEdits } from './fuzz-config.ts';

/** Optimal string alignment over the whole table, uncapped: the textbook recurrence. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Words over a few letters, so near misses (swaps, doubled letters) are common. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'r', 'm'), maxLength: 14 });
/** A word and a copy with a few random edits. */
const nearPair = withEdits(word, ['a', 'b', 'm', '']);

describe('editDistance', () => {
  it(
    'is exact up to its cap and above the cap beyond it',
    () => {
      check(
        fc.property(
          fc.oneof(nearPair, fc.tuple(word, word)),
          fc.integer({ min: 0, max: 3 }),
          ([a, b], max) => {
            const exact = referenceDistance(a, b);
            const capped = editDistance(a, b, max);
            if (exact <= max) expect(capped).toBe(exact);
            else expect(capped).toBe(max + 1);
          },
        ),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it('handles long words after short ones (the reused rows grow)', () => {
    const long = 'x'.repeat(80);
    expect(editDistance('abc', 'abd', 1)).toBe(1);
    expect(editDistance(long, `${long.slice(2)}yy`, 2)).toBe(2);
    expect(editDistance(long, `y${long}`, 2)).toBe(1);
    expect(editDistance('coinbase', 'coinbsae', 1)).toBe(1);
    expect(editDistance('coinbase', 'conibsae', 1)).toBe(2);
  });
});

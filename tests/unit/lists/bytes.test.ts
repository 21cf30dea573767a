import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/core/lists/bytes.ts';

describe('base64 (list envelopes are decoded without Buffer)', () => {
  it('agrees with Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['missing padding', 'QQ'],
    ['padding in the middle', 'QQ==QUFB'],
    ['three padding characters', 'Q==='],
    ['URL-safe alphabet', 'a-_b'],
    ['a line break', 'QUFB\nQUFB'],
    ['non-ASCII', 'QUF€'],
  ])('refuses %s', (_name, text) => {
    expect(fromBase64(text)).toBeNull();
  });
});

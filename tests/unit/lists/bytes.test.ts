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

  it('decodes lists larger than one decoding block, and refuses a bad character in any block', () => {
    // Blocks are 64 Ki characters (48 KiB of bytes): lengths around one, two and three blocks.
    fc.assert(
      fc.property(
        fc.integer({ min: 49_000, max: 150_000 }),
        fc.nat(),
        fc.constantFrom('!', '=', '-', '\n', 'é'),
        (length, at, bad) => {
          const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919 + length) & 255);
          const text = toBase64(bytes);
          expect(Buffer.from(fromBase64(text)!).equals(Buffer.from(bytes))).toBe(true);
          // Anywhere but the last quad, where '=' is padding.
          const where = at % (text.length - 4);
          expect(fromBase64(text.slice(0, where) + bad + text.slice(where + 1))).toBeNull();
        },
      ),
      { numRuns: 30 },
    );
  }, 30_000);

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

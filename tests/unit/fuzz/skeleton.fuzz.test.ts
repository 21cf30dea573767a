import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFUSABLE_PAIRS } from '../../../src/core/generated/unicode-tables.ts';
import { labelToUnicode } from '../../../src/core/unicode/punycode.ts';
import { isMixedScript, scriptOf } from '../../../src/core/unicode/scripts.ts';
import { confusableWith, skeleton } from '../../../src/core/unicode/skeleton.ts';
import { anyString, check, fuzzTimeout } from './fuzz-config.ts';

const sources = CONFUSABLE_PAIRS.filter((_, i) => i % 2 === 0);
/** Text made of confusable sources, their prototypes and plain ASCII: the skeleton's real workload. */
const confusableText = fc
  .array(
    fc.oneof(fc.constantFrom(...sources), fc.constantFrom(...CONFUSABLE_PAIRS), fc.string({ maxLength: 2 })),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

/**
 * An independent reading of UTS #39 §4 straight from data/unicode/confusables.txt (not from the
 * generated table): NFD, each code point to its prototype, NFD again. The spec's step 2 (drop
 * default-ignorable code points) is left out on both sides: callers strip invisibles first.
 */
const ORACLE = new Map<string, string>();
for (const line of readFileSync(
  resolve(import.meta.dirname, '../../../data/unicode/confusables.txt'),
  'utf8',
).split('\n')) {
  const match = /^([0-9A-F]{4,6})\s*;\s*([0-9A-F ]+?)\s*;\s*MA\b/.exec(line);
  if (!match) continue;
  const codePoints = match[2]!.split(' ').map((h) => Number.parseInt(h, 16));
  ORACLE.set(String.fromCodePoint(Number.parseInt(match[1]!, 16)), String.fromCodePoint(...codePoints));
}
function oracleSkeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) out += ORACLE.get(ch) ?? ch;
  return out.normalize('NFD');
}

/** Characters that look like ASCII (their prototype is ASCII), and ASCII itself: what brand lookalikes use. */
const asciiLookalikes = sources.filter((_, i) => /^[\x20-\x7e]+$/.test(CONFUSABLE_PAIRS[2 * i + 1]!));
const lookalikeText = fc
  .array(fc.oneof(fc.constantFrom(...asciiLookalikes), fc.string({ maxLength: 3 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('skeleton under fuzzing', () => {
  it(
    'never throws and returns NFD text for any string',
    () => {
      check(
        fc.property(fc.oneof(anyString(100), confusableText), (text) => {
          const once = skeleton(text);
          expect(typeof once).toBe('string');
          expect(once.normalize('NFD')).toBe(once);
        }),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'agrees with an independent reading of confusables.txt',
    () => {
      expect(ORACLE.size).toBe(sources.length);
      check(
        fc.property(fc.oneof(confusableText, anyString(60)), (text) => {
          expect(skeleton(text)).toBe(oracleSkeleton(text));
        }),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'is idempotent on ASCII and ASCII lookalikes, so comparing skeletons of brand names is stable',
    () => {
      check(
        fc.property(lookalikeText, (text) => {
          const once = skeleton(text);
          expect(skeleton(once)).toBe(once);
        }),
        5_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'never calls a character confusable with itself',
    () => {
      check(
        fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), (ch) => {
          const proto = confusableWith(ch);
          if (proto !== undefined) expect(proto).not.toBe(ch);
        }),
        5_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'script helpers and punycode decoding never throw on any label',
    () => {
      check(
        fc.property(
          fc.oneof(
            anyString(80),
            fc.string({ maxLength: 60 }).map((s) => `xn--${s}`),
          ),
          (label) => {
            const decoded = labelToUnicode(label);
            expect(typeof decoded).toBe('string');
            expect(typeof isMixedScript(decoded)).toBe('boolean');
            for (const ch of decoded.slice(0, 10)) expect(typeof scriptOf(ch.codePointAt(0)!)).toBe('string');
          },
        ),
        5_000,
      );
    },
    fuzzTimeout(),
  );
});

import { describe, expect, it } from 'vitest';
import { requiredLiteralsHint } from '../../../src/core/text/required-literals.ts';

describe('requiredLiteralsHint', () => {
  it('takes a distinctive run, else the leading group, keeping word starts', () => {
    expect(requiredLiteralsHint([/\b(npm|yarn) (i|install)\b/, /\bpre-?employment test\b/])?.source).toBe(
      '\\b(?:npm|yarn)|(?:employment test)',
    );
    expect(requiredLiteralsHint([/(ab|\bcd)x{0,3}|\bt\.me\/|python3? /])?.source).toBe(
      '\\b(?:cd|t\\.me\\/)|(?:ab|python)',
    );
  });

  it('gives no hint for a pattern it cannot read with certainty', () => {
    expect(requiredLiteralsHint([/abcd/i])).toBeNull();
    expect(requiredLiteralsHint([/[ab]c?/])).toBeNull();
    expect(requiredLiteralsHint([/(?:ab|cd)/])).toBeNull();
    expect(requiredLiteralsHint([/abcd/, /\u0061x/])).toBeNull();
  });
});

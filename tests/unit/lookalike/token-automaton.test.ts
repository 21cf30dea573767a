import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenAutomaton } from '../../../src/core/lookalike/token-automaton.ts';
import { check } from '../fuzz/fuzz-config.ts';

/** What findToken did before the automaton: from each start, every key that begins there. */
function naiveLongest(
  keys: ReadonlyMap<string, number>,
  text: string,
): { value: number; start: number } | undefined {
  let best: { key: string; start: number } | undefined;
  for (let start = 0; start < text.length; start++) {
    for (let end = start + 1; end <= text.length; end++) {
      const key = text.slice(start, end);
      if (keys.has(key) && (!best || key.length > best.key.length)) best = { key, start };
    }
  }
  return best && { value: keys.get(best.key)!, start: best.start };
}

describe('TokenAutomaton', () => {
  it('finds the longest key inside a text, and where it starts', () => {
    const automaton = TokenAutomaton.from([
      ['coin', 1],
      ['coinbase', 2],
      ['base', 3],
    ]);
    expect(automaton.longestIn('mycoinbasewallet')).toBe(2);
    expect(automaton.matchStart).toBe(2);
    expect(automaton.longestIn('basecoin')).toBe(3);
    expect(automaton.matchStart).toBe(0);
    expect(automaton.longestIn('cobase')).toBe(3);
    expect(automaton.matchStart).toBe(2);
    expect(automaton.longestIn('cobas')).toBeUndefined();
  });

  it('finds a key that only a fallback reaches ("cabd" inside "abcabd")', () => {
    const automaton = TokenAutomaton.from([
      ['abcax', 1],
      ['cabd', 2],
    ]);
    expect(automaton.longestIn('abcabd')).toBe(2);
    expect(automaton.matchStart).toBe(2);
  });

  it('keeps the last value of a key given twice, and handles characters no key holds', () => {
    const automaton = TokenAutomaton.from([
      ['gate', 1],
      ['gate', 2],
      ['ɢate', 3],
    ]);
    expect(automaton.longestIn('my-gate.io')).toBe(2);
    expect(automaton.matchStart).toBe(3);
    expect(automaton.longestIn('ɢate')).toBe(3);
    expect(automaton.longestIn('ɢ-ate')).toBeUndefined();
    expect(TokenAutomaton.from<number>([]).longestIn('anything')).toBeUndefined();
  });

  it('agrees with a search from every start: the longest key, the leftmost of equals', () => {
    // A small alphabet makes overlapping keys and repeats common.
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', '1', '-', 'é'),
      minLength: 1,
      maxLength: 6,
    });
    check(
      fc.property(
        fc.uniqueArray(word, { maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '-', 'é', 'z'), maxLength: 30 }),
        (keys, text) => {
          const values = new Map(keys.map((key, i) => [key, i]));
          const automaton = TokenAutomaton.from(values);
          const expected = naiveLongest(values, text);
          const found = automaton.longestIn(text);
          expect(found).toBe(expected?.value);
          if (expected) expect(automaton.matchStart).toBe(expected.start);
        },
      ),
      2_000,
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../../src/extract/page-record.ts';
import { anyString, check, piecesString } from '../fuzz/fuzz-config.ts';

describe('collapseSpaces', () => {
  it('makes every whitespace run one space and trims the ends', () => {
    expect(collapseSpaces('  Senior\n\n  Engineer\tat\u00a0Coinbase  ')).toBe('Senior Engineer at Coinbase');
    expect(collapseSpaces('one two')).toBe('one two');
    expect(collapseSpaces('\u2028\ufeff')).toBe('');
  });

  it('is `replace(/\\s+/g, " ").trim()` on any text', () => {
    const whitespace = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u2028',
      '\v',
      '\f',
    ];
    check(
      fc.property(fc.oneof(piecesString([...whitespace, 'word', 'a']), anyString(50)), (text) => {
        expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      3_000,
    );
  });
});

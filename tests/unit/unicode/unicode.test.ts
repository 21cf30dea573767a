import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateUnicodeTables, OUTPUT } from '../../../scripts/gen-unicode-tables.ts';
import { UNICODE_VERSION } from '../../../src/core/generated/unicode-tables.ts';
import { labelToUnicode, punycodeDecode } from '../../../src/core/unicode/punycode.ts';
import { isMixedScript, scriptOf } from '../../../src/core/unicode/scripts.ts';
import { confusableWith, skeleton } from '../../../src/core/unicode/skeleton.ts';

describe('generated Unicode tables', () => {
  it('are current with data/unicode (npm run gen:unicode)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generateUnicodeTables());
    expect(UNICODE_VERSION).toBe('17.0.0');
  });
});

describe('UTS #39 skeleton', () => {
  it.each([
    ['pаypal', 'paypal'], // Cyrillic а
    ['ѕkymavis', 'skyrnavis'], // Cyrillic ѕ; m itself maps to rn
    ['coinbase', 'coinbase'],
  ])('skeleton(%s) = %s', (input, expected) => {
    expect(skeleton(input)).toBe(expected);
  });
  it('says what a character is confused with', () => {
    expect(confusableWith('а')).toBe('a');
    expect(confusableWith('a')).toBeUndefined();
  });
});

describe('scripts', () => {
  it('looks up the Script property', () => {
    expect(scriptOf('a'.codePointAt(0)!)).toBe('Latin');
    expect(scriptOf('а'.codePointAt(0)!)).toBe('Cyrillic');
    expect(scriptOf('ア'.codePointAt(0)!)).toBe('Katakana');
    expect(scriptOf('1'.codePointAt(0)!)).toBe('Common');
  });
  it.each([
    ['pаypal', true],
    ['paypal', false],
    ['яндекс', false],
    ['コインベースjobs', false],
    ['ソニー銀行', false],
  ])('isMixedScript(%s) = %s', (label, mixed) => {
    expect(isMixedScript(label)).toBe(mixed);
  });
});

describe('punycode (RFC 3492 section 7.1 samples)', () => {
  it.each([
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'],
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['d9juau41awczczp', 'そのスピードで'],
    ['b1abfaaepdrnnbgefbadotcwatmq2g4l', 'почемужеонинеговорятпорусски'],
  ])('decodes %s', (encoded, decoded) => {
    expect(punycodeDecode(encoded)).toBe(decoded);
  });
  it('leaves plain labels alone and refuses garbage', () => {
    expect(labelToUnicode('coinbase')).toBe('coinbase');
    expect(punycodeDecode('99999999999999999999')).toBeNull();
    expect(labelToUnicode('xn--!!!')).toBe('xn--!!!');
  });
});

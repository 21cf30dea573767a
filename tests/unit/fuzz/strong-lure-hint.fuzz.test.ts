import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasStrongLure, type LureFlag, lureSignals } from '../../../src/core/text/lure-text.ts';
import { requiredLiteralsHint } from '../../../src/core/text/required-literals.ts';
import heldOut from '../text/held-out-lures.json' with { type: 'json' };
import { check, fuzzTimeout, piecesString } from './fuzz-config.ts';

const WEAK: ReadonlySet<LureFlag> = new Set(['high-pay', 'urgency']);

/** The words strong red flags start or turn on, and near misses beside them. */
const PIECES = [
  'download ',
  'the job description',
  ' jd ',
  'attached pdf',
  'npm install',
  'npm i',
  'git clone ',
  'clone our repo',
  'run the project',
  'pre-employment test',
  'preemployment test',
  'pre employment test',
  'fix the bug in our code',
  'debug task',
  'node a.js',
  'python3 run.py',
  'python run.py',
  'camera ',
  'mic ',
  'driver',
  'drivers',
  'not working',
  'install zoom',
  'move to',
  ' on ',
  'telegram',
  'whatsapp:',
  't.me/',
  'wa.me/',
  'online',
  'line',
  'で連絡',
  'personal email',
  'connect your wallet',
  'metamask',
  ' sign',
  'seed phrase',
  'private key',
  'demo dapp',
  'training fee',
  'fee',
  'refundable deposit',
  'pay the',
  'for equipment',
  '職務記述書',
  'ダウンロード',
  'リポジトリ',
  'クローン',
  'ウォレット',
  '接続',
  '研修費',
  '支払',
  ' ',
  '.',
  '\n',
  '-',
];

describe('strong lure hint', () => {
  it(
    'hasStrongLure says what lureSignals says about the strong flags',
    () => {
      const texts = fc.oneof(piecesString(PIECES, 8), fc.constantFrom(...heldOut.entries.map((e) => e.text)));
      check(
        fc.property(texts, (text) => {
          expect(hasStrongLure(text)).toBe(lureSignals(text).some((s) => !WEAK.has(s.flag)));
        }),
        5_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'matches every text that one of its patterns matches',
    () => {
      const patterns = [
        /\b(ab|ba)\b.{0,3}\b(cab|c)\b/,
        /\bab?c+ (b|c)a|\bcc{1,2}b/,
        /(a|b)?cab|(bb)ca\bc/,
        /x*a+b[abc]{0,2}caab/,
        /\bba\.c\/?a/,
      ];
      const hint = requiredLiteralsHint(patterns);
      expect(hint).not.toBeNull();
      const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '.', '/', 'x'), maxLength: 12 });
      check(
        fc.property(text, (t) => {
          if (patterns.some((p) => p.test(t))) expect(hint!.test(t)).toBe(true);
        }),
        20_000,
      );
    },
    fuzzTimeout(),
  );
});

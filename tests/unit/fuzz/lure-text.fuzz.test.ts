import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import { ReasonSchema, VerdictSchema } from '../../../src/core/messages.ts';
import { emailsIn } from '../../../src/core/text/emails.ts';
import { hasJobLanguage, lureSignals, lureTextReasons } from '../../../src/core/text/lure-text.ts';
import { normalizeText } from '../../../src/core/text/normalize-text.ts';
import heldOut from '../text/held-out-lures.json' with { type: 'json' };
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

const engine = createEngine();

/** Phrases near the red-flag patterns, so random text lands on and just beside them. */
const LURE_PIECES = [
  'download ',
  'the job description',
  ' jd ',
  'attached pdf',
  'npm install',
  'git clone ',
  'run the project',
  'camera ',
  'driver',
  'not working',
  'telegram',
  ':',
  'connect your wallet',
  'seed phrase',
  'training fee',
  '$',
  '25,000',
  ',000',
  '/month',
  'k',
  'urgent',
  '48 hours',
  '月給',
  '300',
  '万円',
  '職務記述書',
  'ダウンロード',
  '@',
  'gmail.com',
  '.',
  ' ',
  '\n',
  '\u200b',
];

/** Invisible characters the normaliser removes: inserting them must not hide a lure. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u2066'];

/** Real lures (held out from the patterns) plus a few written for this test, each with at least one flag. */
const lures = [
  ...heldOut.entries.map((e) => e.text),
  'Hi! We are hiring a senior engineer. Please download the job description attached and review it today.',
  'For the assessment, git clone our repo and run the project with npm install && npm start.',
  'Your camera is not working on our call; install the meeting app update to fix it.',
  'Let us continue on Telegram: @hr_desk. The pay is $25,000/month.',
  'To start onboarding, connect your wallet and pay the refundable deposit for equipment.',
].filter((text) => lureSignals(text).length > 0);
const flags = (text: string) => lureSignals(text).map((s) => s.flag);

/** Adversarial inputs: long runs of near-matches for every pattern family (a ReDoS probe). */
const ADVERSARIAL_UNITS = [
  'download ',
  'job description ',
  'a.',
  'a-',
  '.',
  '-',
  "'",
  '/',
  ' ',
  '$1',
  ',000',
  '$1,000,000',
  'usdt ',
  'a@',
  'a@b.',
  'npm i ',
  'camera ',
  'install zoom ',
  'wallet ',
  'telegram ',
  'coinbase ',
  'Coinbase.',
  '月給1',
  '\u200b',
  'a\u0301',
];

describe('text analysis under fuzzing', () => {
  it(
    'never throws on any string, and every reason and evidence is well-formed',
    () => {
      check(
        fc.property(fc.oneof(anyString(400), piecesString(LURE_PIECES, 60)), (text) => {
          const normalized = normalizeText(text);
          for (const signal of lureSignals(text)) {
            expect(signal.evidence.length).toBeLessThanOrEqual(120);
            expect(normalized).toContain(signal.evidence);
          }
          for (const reason of lureTextReasons(text, 'Coinbase')) {
            expect(ReasonSchema.safeParse(reason).success).toBe(true);
            expect(reason.message).toContain('Coinbase');
          }
          expect(typeof hasJobLanguage(text)).toBe('boolean');
          expect(normalizeText(normalized)).toBe(normalized);
          const emails = emailsIn(text);
          expect(emails.length).toBeLessThanOrEqual(20);
          for (const email of emails) expect(email).toMatch(/^[^@\s]+@[a-z0-9.-]+$/);
        }),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'finds the same red flags when invisible characters, case and spacing are scrambled',
    () => {
      expect(lures.length).toBeGreaterThanOrEqual(8);
      check(
        fc.property(
          fc.constantFrom(...lures),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 8 }),
          fc.boolean(),
          fc.constantFrom(' ', '  ', '\n', '\t', ' \u00a0'),
          (text, inserts, upper, space) => {
            let scrambled = (upper ? text.toUpperCase() : text).replace(/ /g, space);
            for (const [at, ch] of inserts) {
              const i = at % (scrambled.length + 1);
              scrambled = `${scrambled.slice(0, i)}${ch}${scrambled.slice(i)}`;
            }
            expect(new Set(flags(scrambled))).toEqual(new Set(flags(text)));
          },
        ),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'stays bounded on 100k-character runs of near-matches (hang guard, not a timing claim)',
    () => {
      check(
        fc.property(
          fc.constantFrom(...ADVERSARIAL_UNITS),
          fc.constantFrom('', 'x', '!', '@'),
          (unit, tail) => {
            const text = `${unit.repeat(Math.ceil(100_000 / unit.length))}${tail}`;
            const started = performance.now();
            lureSignals(text);
            emailsIn(text);
            hasJobLanguage(text);
            // The engine without the Candidate schema's 20k cap in front of it.
            expect(VerdictSchema.safeParse(engine.judge({ text })).success).toBe(true);
            // Linear code takes milliseconds here; quadratic code takes seconds to minutes.
            expect(performance.now() - started).toBeLessThan(5_000);
          },
        ),
        ADVERSARIAL_UNITS.length * 4,
      );
    },
    fuzzTimeout(120_000),
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import { VerdictSchema } from '../../../src/core/messages.ts';
import { CANDIDATE_LIMITS, Candidate, LEVEL_RANK, type Verdict } from '../../../src/core/types.ts';
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

const engine = createEngine();
const heuristicsOnly = createEngine({ indicators: null });

/** Words and hosts the engine reacts to, so random candidates reach the interesting branches. */
const TEXT_PIECES = [
  'Coinbase ',
  'Crypto.com ',
  'Kraken ',
  'recruiter ',
  'job description ',
  'please download the JD ',
  'npm install ',
  'git clone ',
  'connect your wallet ',
  'camera driver fix ',
  'telegram: ',
  '$25,000/month ',
  'coinbase-careers.com ',
  'c0inbase.com ',
  'hr@gmail.com ',
  '\u200b',
  '\u202e',
  'а',
  '\n',
  '.',
  '-',
  '/',
];
const HREF_PIECES = [
  'https://',
  'http://',
  'www.linkedin.com/safety/go?url=',
  'https%3A%2F%2F',
  'coinbase.com',
  'coinbase-careers.com',
  'xn--cinbase-0ve.com',
  'careers.',
  'jobs.lever.co/',
  'vercel.app/',
  'github.com/',
  'bit.ly/',
  '/Coinbase_JD.pdf',
  '.exe',
  '.pdf.lnk',
  '/',
  '.',
  '?',
  '#',
  '%',
];
const NAME_PIECES = [
  'Coinbase',
  '_JD',
  '.pdf',
  '.docx',
  '.exe',
  '.app',
  '.zip',
  '\u202e',
  'fdp',
  ' ',
  '.',
  'а',
];

const href = fc.oneof(fc.webUrl({ withQueryParameters: true }), piecesString(HREF_PIECES), anyString(80));
const candidate = fc.record(
  {
    text: fc.oneof(piecesString(TEXT_PIECES, 40), anyString(300)),
    links: fc.array(fc.record({ href, text: fc.option(fc.oneof(href, anyString(30)), { nil: undefined }) }), {
      maxLength: 6,
    }),
    attachments: fc.array(
      fc.record({
        name: fc.oneof(piecesString(NAME_PIECES, 6), anyString(40)),
        href: fc.option(href, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    pageUrl: href,
    author: anyString(40),
  },
  { requiredKeys: [] },
);

/** What every verdict must satisfy, whatever the input. */
function expectSound(verdict: Verdict): void {
  const parsed = VerdictSchema.safeParse(verdict);
  expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
  const worst = verdict.reasons.reduce((w, r) => Math.max(w, LEVEL_RANK[r.level]), 0);
  expect(LEVEL_RANK[verdict.verdict]).toBe(worst);
  for (const reason of verdict.reasons) {
    expect(reason.id).toMatch(/^[a-z0-9-]+$/);
    expect(reason.message.trim().length).toBeGreaterThan(0);
  }
}

describe('the engine under fuzzing', () => {
  it(
    'returns a verdict the message schema accepts for any candidate, the same one each time',
    () => {
      check(
        fc.property(candidate, (input) => {
          const parsed = Candidate.safeParse(input);
          if (!parsed.success) return;
          const verdict = engine.judge(parsed.data);
          expectSound(verdict);
          expect(engine.judge(parsed.data)).toEqual(verdict);
          expectSound(heuristicsOnly.judge(parsed.data));
        }),
        4_000,
      );
    },
    fuzzTimeout(60_000),
  );

  it(
    'keeps reasons within the schema when every field is as long as the limits allow',
    () => {
      const longHost = fc
        .array(fc.constantFrom('coinbase', 'careers', 'c0inbase', 'xn--cinbase-0ve', 'a'.repeat(63), 'hr'), {
          minLength: 1,
          maxLength: 60,
        })
        .map((labels) => `${labels.join('.')}.com`);
      check(
        fc.property(longHost, fc.nat(CANDIDATE_LIMITS.nameChars - 10), (host, pad) => {
          const href = `https://${host}/${'Coinbase_JD'.padEnd(pad, 'x')}.pdf.exe`.slice(
            0,
            CANDIDATE_LIMITS.urlChars,
          );
          const name = `Coinbase_Offer${'\u200b'.repeat(pad)}.pdf.exe`.slice(0, CANDIDATE_LIMITS.nameChars);
          const verdict = engine.judge({
            text: `Coinbase is hiring, apply today. Recruiter site: ${host}`,
            links: [
              { href: `https://${host}/apply`.slice(0, CANDIDATE_LIMITS.urlChars), text: 'Apply' },
              { href, text: `www.${host}`.slice(0, CANDIDATE_LIMITS.nameChars) },
            ],
            attachments: [{ name, href }],
            pageUrl: 'https://www.linkedin.com/feed/',
            author: host.slice(0, CANDIDATE_LIMITS.nameChars),
          });
          // Not vacuous: an off-brand application link names the (long) host in its message.
          expect(verdict.verdict).not.toBe('clean');
          expectSound(verdict);
        }),
        300,
      );
    },
    fuzzTimeout(60_000),
  );

  it(
    'judges a candidate filled to every limit with runs of one character, without hanging',
    () => {
      // Runs of a separator are what made trailing-trim regexes such as /\/+$/ quadratic.
      const units = ['/', '.', '-', ' ', "'", '…', '%2F', 'a/', 'a.', '\u200b'];
      check(
        fc.property(fc.constantFrom(...units), fc.constantFrom(...units), (unit, other) => {
          const fill = (prefix: string, max: number, suffix: string) =>
            `${prefix}${unit.repeat(max)}`.slice(0, max - suffix.length) + suffix;
          const candidate = {
            text: fill('Coinbase ', CANDIDATE_LIMITS.textChars, 'x'),
            links: Array.from({ length: CANDIDATE_LIMITS.links }, (_, i) => ({
              href: fill(`https://a${i}${other}`, CANDIDATE_LIMITS.urlChars, 'b'),
              text: fill('www.coinbase.com', CANDIDATE_LIMITS.nameChars, 'c'),
            })),
            attachments: Array.from({ length: CANDIDATE_LIMITS.attachments }, () => ({
              name: fill('JD', CANDIDATE_LIMITS.nameChars, 'd.pdf'),
            })),
            pageUrl: fill('https://www.linkedin.com/', CANDIDATE_LIMITS.urlChars, 'e'),
            author: fill('@', CANDIDATE_LIMITS.nameChars, 'f'),
          };
          expect(Candidate.safeParse(candidate).success).toBe(true);
          const started = performance.now();
          expectSound(engine.judge(candidate));
          // A hang guard, not a timing claim: the worst case takes under a second on an idle core (10 s
          // leaves room for a loaded CI machine); before the trailing-trim fixes it took over 40 s.
          expect(performance.now() - started).toBeLessThan(10_000);
        }),
        units.length * 3,
      );
    },
    fuzzTimeout(120_000),
  );

  it(
    'judges a candidate filled to every limit with many distinct findings, within the schema',
    () => {
      check(
        fc.property(fc.constantFrom('coinbase', 'kraken', 'binance'), fc.nat(1_000), (brand, seed) => {
          const links = Array.from({ length: CANDIDATE_LIMITS.links }, (_, i) => ({
            href: `https://${brand}-careers-${seed + i}.com/apply/${brand}_JD_${i}.pdf.exe`,
            text: `www.${brand}.com/careers`,
          }));
          const attachments = Array.from({ length: CANDIDATE_LIMITS.attachments }, (_, i) => ({
            name: `${brand}_Offer_${i}.pdf\u202e${i}.exe`,
          }));
          const text = `${brand} recruiter: download the job description, npm install, write to me on telegram`;
          expectSound(
            engine.judge({ text, links, attachments, pageUrl: `https://${brand}-hr-${seed}.com/` }),
          );
        }),
        20,
      );
    },
    fuzzTimeout(60_000),
  );
});

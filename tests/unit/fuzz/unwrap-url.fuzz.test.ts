import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destinationHiddenReason, unwrapUrl } from '../../../src/core/url/unwrap-url.ts';
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

/** Pieces of real redirect wrappers, so random hrefs nest them, break them and mis-encode them. */
const URL_PIECES = [
  'https://',
  'http://',
  'javascript:',
  'mailto:',
  'data:',
  '//',
  'www.linkedin.com/safety/go?url=',
  'www.google.com/url?q=',
  'l.facebook.com/l.php?u=',
  'out.reddit.com/t3_x?url=',
  'eur01.safelinks.protection.outlook.com/?url=',
  'bit.ly/',
  't.co/',
  'lnkd.in/',
  'coinbase.com',
  'xn--cinbase-0ve.com',
  '%2F',
  '%3A',
  '%',
  '&',
  '?',
  '#',
  '@',
  ':443',
  '.',
  '/',
  '\\',
  ' ',
  '\u0000',
  'а',
];

/** A real wrapper around a target, `depth` times over (the unwrapper follows at most three). */
function wrapped(target: string, depth: number): string {
  let href = target;
  for (let i = 0; i < depth; i++) {
    const wrapper = [
      'https://www.linkedin.com/safety/go?url=',
      'https://www.google.com/url?q=',
      'https://l.facebook.com/l.php?u=',
    ][i % 3]!;
    href = `${wrapper}${encodeURIComponent(href)}`;
  }
  return href;
}

function expectWellFormed(result: ReturnType<typeof unwrapUrl>): void {
  if (!result.ok) {
    expect(typeof result.problem).toBe('string');
    expect(result.problem.length).toBeGreaterThan(0);
    return;
  }
  expect(['http:', 'https:']).toContain(result.url.protocol);
  expect(result.chain.length).toBeGreaterThanOrEqual(1);
  expect(result.chain.length).toBeLessThanOrEqual(4);
  expect(result.chain.at(-1)).toBe(result.url.href);
  // The engine takes `host` for the hostname, lower case, as the URL parser gives it.
  expect(result.host).toBe(result.url.hostname);
  expect(result.host).toBe(result.url.hostname.toLowerCase());
  const hidden = destinationHiddenReason(result);
  if (hidden) expect(hidden.message).toContain(result.hiddenBy);
}

describe('unwrapUrl under fuzzing', () => {
  it(
    'never throws on any string, with or without a base, and returns a result of the right shape',
    () => {
      check(
        fc.property(
          fc.oneof(anyString(300), piecesString(URL_PIECES)),
          fc.option(fc.oneof(fc.webUrl(), anyString(50)), { nil: undefined }),
          (href, base) => {
            expectWellFormed(unwrapUrl(href, base));
          },
        ),
        8_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'never throws on non-string input (messages cross a trust boundary)',
    () => {
      check(
        fc.property(fc.anything(), (value) => {
          expectWellFormed(unwrapUrl(value as string));
        }),
        2_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'finds the real destination behind up to three wrappers, and stops after three',
    () => {
      check(
        fc.property(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.nat(5),
          (target, depth) => {
            const result = unwrapUrl(wrapped(target, depth));
            expectWellFormed(result);
            if (!result.ok) return;
            expect(result.chain).toHaveLength(Math.min(depth, 3) + 1);
            if (depth <= 3) expect(result.url.href).toBe(new URL(target).href);
          },
        ),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'is bounded on huge and deeply wrapped input',
    () => {
      check(
        fc.property(
          fc.integer({ min: 1, max: 200 }),
          fc.constantFrom('a', '%25', '?url=', '/'),
          (n, unit) => {
            expectWellFormed(unwrapUrl(`https://www.linkedin.com/safety/go?url=${unit.repeat(n * 50)}`));
            expectWellFormed(unwrapUrl(wrapped('https://evil.example/', 30)));
          },
        ),
        200,
      );
    },
    fuzzTimeout(),
  );
});

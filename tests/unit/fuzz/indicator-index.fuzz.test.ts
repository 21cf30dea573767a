import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndicatorIndex, indicatorReason } from '../../../src/core/lists/indicator-index.ts';
import { IndicatorPayload } from '../../../src/core/lists/indicator-payload.ts';
import { ReasonSchema } from '../../../src/core/messages.ts';
import { payload } from '../lists/list-fixtures.ts';
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

const common = {
  id: fc.string({ minLength: 1, maxLength: 20 }),
  severity: fc.constantFrom('suspicious', 'dangerous'),
  note: anyString(300),
  source: fc.string({ minLength: 1, maxLength: 400 }),
};
const hostname = fc.oneof(
  fc.domain(),
  piecesString(['a', '-', '.', 'xn--', 'github.io', 'vercel.app', 'com'], 8),
);
/** Indicators of every kind, mostly well-formed, sometimes not: the schema decides. */
const indicator = fc.oneof(
  fc.record({ ...common, kind: fc.constant('domain'), value: hostname, includeSubdomains: fc.boolean() }),
  fc.record({
    ...common,
    kind: fc.constant('url'),
    value: fc.oneof(fc.webUrl({ withQueryParameters: true }), anyString(40)),
    match: fc.constantFrom('exact', 'prefix'),
  }),
  fc.record({ ...common, kind: fc.constant('sha256'), value: fc.stringMatching(/^[a-f0-9]{64}$/) }),
  fc.record({ ...common, kind: fc.constant('filename'), value: anyString(60) }),
  fc.record({ ...common, kind: fc.constant('email'), value: fc.emailAddress() }),
  fc.record({
    ...common,
    kind: fc.constant('handle'),
    platform: fc.constantFrom('linkedin', 'x', 'telegram', 'discord', 'github', 'reddit', 'other'),
    value: fc.oneof(anyString(40), fc.webUrl()),
  }),
  fc.record({ ...common, kind: fc.constant('npm-package'), value: fc.stringMatching(/^[a-z0-9._-]{1,30}$/) }),
  fc.record({
    ...common,
    kind: fc.constant('text'),
    value: fc.oneof(
      anyString(60),
      piecesString(['a', 'b', '\\d', '[a-z]', '{1,9}', '?', '(', ')', '|', '.'], 10),
    ),
    regex: fc.boolean(),
  }),
);

describe('compiled indicator lists under fuzzing', () => {
  it(
    'compile any list the schema accepts, and every lookup on any input returns well-formed reasons',
    () => {
      let compiled = 0;
      check(
        fc.property(
          fc.array(indicator, { maxLength: 12 }),
          fc.array(hostname, { maxLength: 3 }),
          fc.oneof(
            fc.webUrl({ withQueryParameters: true }),
            fc.domain().map((d) => `https://${d}/`),
          ),
          anyString(200),
          (indicators, allowlist, href, text) => {
            const parsed = IndicatorPayload.safeParse(payload({ indicators, allowlist }));
            if (!parsed.success) return;
            compiled++;
            const index = buildIndicatorIndex([{ feedId: 'acme', payload: parsed.data }]);
            const url = new URL(href);
            const hits = [
              ...index.matchUrl(url),
              ...index.matchHost(url.hostname),
              ...index.matchText(text),
              ...index.matchFileName(text),
              ...index.matchEmail(text),
              ...index.matchHandle(text),
              ...index.matchNpmPackage(text),
              ...index.matchSha256(text),
            ];
            expect(typeof index.isAllowlisted(url)).toBe('boolean');
            for (const hit of hits) {
              expect(parsed.data.indicators).toContain(hit.indicator);
              expect(ReasonSchema.safeParse(indicatorReason(hit)).success).toBe(true);
            }
            // Every listed domain is found on its own host, and on a subdomain when it says so.
            for (const item of parsed.data.indicators) {
              if (item.kind !== 'domain') continue;
              expect(index.matchHost(item.value).map((h) => h.indicator)).toContain(item);
              const sub = index.matchHost(`careers.${item.value}`).map((h) => h.indicator);
              expect(sub.includes(item)).toBe(item.includeSubdomains);
            }
          },
        ),
        3_000,
      );
      expect(compiled).toBeGreaterThan(300);
    },
    fuzzTimeout(),
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsIndicator,
  Indicator,
  IndicatorPayload,
  parseIndicatorPayload,
} from '../../../src/core/lists/indicator-payload.ts';
import { payload } from '../lists/list-fixtures.ts';
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

/**
 * acceptsIndicator is the Indicator schema written out by hand for speed. It must give the
 * schema's answer: never accept what the schema refuses, and (so that a real list stays on the
 * fast path) accept what it accepts, with zod's output equal to the input.
 */

const repeat = (n: number) => fc.constant('a'.repeat(n));
/** Strings near every limit and pattern in the schema, plus arbitrary ones. */
const edgyString = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    'ab',
    'abc',
    'github.com',
    'gist.github.com',
    'evil.vercel.app',
    'example.com',
    'Example.com',
    '-bad.com',
    'bad-.com',
    'a..b',
    'https://github.com/x',
    'http://a',
    'https://',
    'ftp://a.b',
    'https://a b',
    'a'.repeat(64),
    'ab12'.repeat(16),
    'AB12'.repeat(16),
    'me@example.com',
    'Me@Example.com',
    'me@example.c',
    'a b@x.io',
    '@scope/pkg',
    '@scope/',
    'pkg.name_1-x',
    'Pkg',
    'apply now',
    'a.b',
    'a{1,3}b',
    'a+',
    '(ab)?',
    '2026-11-24T12:00:00Z',
    '2026-11-24T12:00:00.123Z',
    '2026-02-30T12:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-24 12:00:00Z',
    'suspicious',
    'dangerous',
    'exact',
    'prefix',
    'linkedin',
    'telegram',
  ),
  repeat(128),
  repeat(129),
  repeat(253),
  repeat(254),
  repeat(255),
  repeat(256),
  repeat(320),
  repeat(321),
  repeat(500),
  repeat(501),
  repeat(512),
  repeat(513),
  repeat(2048),
  repeat(2049),
  piecesString(['a', '.', '-', '@', '/', ':', 'https://', 'Z', 'T', '0', 'é', ' ', '\n', '*', '{2}']),
  anyString(40),
);
const anyValue = fc.oneof(
  edgyString,
  fc.boolean(),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
);

const common = {
  id: fc.oneof(fc.constantFrom('a1', 'x'.repeat(128)), edgyString),
  severity: fc.constantFrom('suspicious', 'dangerous'),
  note: fc.oneof(fc.constant(''), edgyString),
  source: fc.oneof(fc.constant('Acme SOC'), edgyString),
  validUntil: fc.oneof(
    fc.constantFrom(
      '2026-12-01T00:00:00Z',
      '2026-02-30T12:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-24T25:00:00Z',
    ),
    edgyString,
  ),
};
/** Each kind's fields with values that mostly pass, so the generated set holds many valid ones. */
const byKind = {
  domain: {
    value: fc.oneof(
      fc.constantFrom('coinbase-careers.com', 'a.b-c.io'),
      fc.constantFrom('github.com', 'gist.github.com', 'evil.vercel.app', 'docs.google.com'),
      edgyString,
    ),
    includeSubdomains: fc.boolean(),
  },
  url: {
    value: fc.oneof(fc.constantFrom('https://github.com/x/y', 'http://a.io/'), edgyString),
    match: fc.constantFrom('exact', 'prefix'),
  },
  sha256: { value: fc.oneof(fc.stringMatching(/^[a-f0-9]{64}$/), edgyString) },
  filename: { value: fc.oneof(fc.constant('Job Offer.pdf.exe'), edgyString) },
  email: { value: fc.oneof(fc.constant('hr@coinbase-jobs.com'), edgyString) },
  handle: {
    value: fc.oneof(fc.constant('@recruiter'), edgyString),
    platform: fc.constantFrom('linkedin', 'x', 'telegram', 'discord', 'github', 'reddit', 'other'),
  },
  'npm-package': { value: fc.oneof(fc.constantFrom('left-pad', '@evil/sdk'), edgyString) },
  text: {
    value: fc.oneof(fc.constantFrom('urgent interview', 'pay(ment)? now', 'a+b'), edgyString),
    regex: fc.boolean(),
  },
};
const BRAND = {
  id: 'acme',
  name: 'Acme',
  aliases: ['Acme Corp'],
  tokens: ['acme'],
  domains: ['acme.com'],
  careers: ['https://acme.com/careers'],
  emailDomains: ['acme.com'],
  sources: [{ ref: 'https://acme.com', date: '2026-11', note: 'dropped' }],
};
const KINDS = Object.keys(byKind) as (keyof typeof byKind)[];

/** A well-typed indicator of one kind, optional keys sometimes present, as JSON.parse builds it. */
const OPTIONAL_KEYS = new Set(['validUntil', 'regex']);
const indicator = fc
  .constantFrom(...KINDS)
  .chain((kind) => {
    const model = { ...common, kind: fc.constant(kind), ...byKind[kind] };
    const requiredKeys = Object.keys(model).filter(
      (key) => !OPTIONAL_KEYS.has(key),
    ) as (keyof typeof model)[];
    return fc.record(model, { requiredKeys });
  })
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

/** One change that the schema may or may not allow: a key dropped, added, retyped or re-kinded. */
type Mutation = { op: 'drop'; key: string } | { op: 'set'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), key: fc.string({ maxLength: 20 }) }),
  fc.record({
    op: fc.constant('set' as const),
    key: fc.oneof(
      fc.constantFrom(
        'id',
        'kind',
        'value',
        'severity',
        'note',
        'source',
        'validUntil',
        'includeSubdomains',
        'match',
        'platform',
        'regex',
        '__proto__',
        'toString',
        'extra',
      ),
      fc.string({ maxLength: 8 }),
    ),
    value: fc.oneof(anyValue, fc.constantFrom(...KINDS, 'Domain', '__proto__', 'constructor')),
  }),
);

function mutate(base: Record<string, unknown>, changes: Mutation[]): unknown {
  // Built like JSON.parse builds objects: an own "__proto__" stays a plain key.
  const value = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const change of changes) {
    if (change.op === 'drop') delete value[change.key];
    else
      Object.defineProperty(value, change.key, {
        value: change.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return value;
}

function expectSameAnswer(value: unknown): boolean {
  const schema = Indicator.safeParse(value);
  expect(acceptsIndicator(value)).toBe(schema.success);
  if (schema.success) expect(schema.data).toStrictEqual(value);
  return schema.success;
}

describe('acceptsIndicator gives the Indicator schema’s answer', () => {
  it(
    'on generated indicators of every kind, valid and not',
    () => {
      let accepted = 0;
      check(
        fc.property(indicator, (value) => {
          if (expectSameAnswer(value)) accepted++;
        }),
        3_000,
      );
      // The generator is only a test if both answers are common.
      expect(accepted).toBeGreaterThan(300);
    },
    fuzzTimeout(),
  );

  it(
    'on mutated indicators: keys dropped, added, retyped, the kind changed',
    () => {
      check(
        fc.property(indicator, fc.array(mutation, { minLength: 1, maxLength: 3 }), (base, changes) => {
          expectSameAnswer(mutate(base, changes));
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it('on values that are not plain JSON objects (left to the schema) and on JS-only values', () => {
    const domain = JSON.parse(JSON.stringify(payload().indicators))[0];
    expect(acceptsIndicator(domain)).toBe(true);
    for (const value of [
      null,
      'domain',
      [domain],
      Object.assign(Object.create(null), domain),
      Object.create(domain),
    ]) {
      expect(acceptsIndicator(value)).toBe(false);
    }
    // A sparse array's hole is undefined to the schema, which refuses it.
    const holes: unknown[] = [domain];
    holes[2] = domain;
    const sparse = payload({ indicators: holes });
    expect(parseIndicatorPayload(sparse).success).toBe(false);
    expect(IndicatorPayload.safeParse(sparse).success).toBe(false);
    // An optional key that is present but undefined passes the schema, which copies it as it is.
    expect(expectSameAnswer({ ...domain, validUntil: undefined })).toBe(true);
  });
});

describe('parseIndicatorPayload gives IndicatorPayload.safeParse’s answer', () => {
  it(
    'on payloads of generated and mutated indicators, with the same first problem',
    () => {
      const item = fc.oneof(
        indicator,
        fc.tuple(indicator, fc.array(mutation, { maxLength: 2 })).map(([b, m]) => mutate(b, m)),
      );
      const header = fc.record(
        {
          version: fc.oneof(fc.constant(5), fc.integer({ min: -1, max: 3 })),
          expiresAt: fc.constantFrom('2026-12-24T00:00:00Z', '2026-11-01T00:00:00Z', 'soon'),
          allowlist: fc.constantFrom([], ['example.com'], ['Bad Host']),
          // Brand objects are not strict: the schema drops their unknown keys.
          brands: fc.constantFrom([], [BRAND], [{ ...BRAND, extra: 1 }], [{ ...BRAND, sources: [] }]),
          extra: fc.constant(1),
        },
        { requiredKeys: [] },
      );
      check(
        fc.property(fc.array(item, { maxLength: 6 }), header, (indicators, overrides) => {
          const value = JSON.parse(JSON.stringify(payload({ indicators, ...overrides })));
          const fast = parseIndicatorPayload(value);
          const schema = IndicatorPayload.safeParse(value);
          expect(fast.success).toBe(schema.success);
          if (schema.success) expect(fast.data).toStrictEqual(schema.data);
          else expect(fast.error?.issues).toStrictEqual(schema.error.issues);
        }),
        1_500,
      );
    },
    fuzzTimeout(),
  );
});

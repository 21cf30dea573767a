import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '../../../src/core/lists/bytes.ts';
import { IndicatorPayload } from '../../../src/core/lists/indicator-payload.ts';
import { findDuplicateKey } from '../../../src/core/lists/json-duplicate-keys.ts';
import { checkSafeRegex } from '../../../src/core/lists/safe-regex.ts';
import { type VerifyResult, verifyEnvelope } from '../../../src/core/lists/verify-envelope.ts';
import { VERIFY_PROBLEMS } from '../../../src/core/lists/verify-problems.ts';
import { envelopeOf, NOW, newKey, payload } from '../lists/list-fixtures.ts';
import { anyString, check, checkAsync, fuzzTimeout, piecesString } from './fuzz-config.ts';

/** Every refusal a fresh check can give ("unchanged" needs a held list, which these checks never have). */
const PROBLEMS = new Set<string>(VERIFY_PROBLEMS.filter((p) => p !== 'unchanged'));

function expectClearFailure(result: VerifyResult): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(PROBLEMS.has(result.problem)).toBe(true);
  expect(typeof result.detail).toBe('string');
}

const [signer, other] = [await newKey(), await newKey()];
const policy = { feedId: 'acme', keys: [signer.line], threshold: 1, now: NOW };
const validText = await envelopeOf(payload(), [signer]);
const valid = JSON.parse(validText) as {
  payloadType: string;
  payload: string;
  signatures: { keyid: string; sig: string }[];
};
const validBody = fromBase64(valid.payload)!;

/** One random change to a valid envelope, at the text, JSON or payload-byte level. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('text-byte' as const),
    at: fc.nat(),
    value: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('payload-bit' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('payload-append' as const),
    extra: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('sig-bit' as const), at: fc.nat(63), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('payload-type' as const), type: anyString(40) }),
  fc.record({ kind: fc.constant('keyid' as const), keyid: fc.constantFrom('', 'x', '0'.repeat(64)) }),
  fc.record({ kind: fc.constant('duplicate-signature' as const), copies: fc.integer({ min: 2, max: 40 }) }),
  fc.record({ kind: fc.constant('extra-field' as const), name: fc.string({ maxLength: 10 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(m: Mutation): {
  text: string | Uint8Array;
  body?: Uint8Array;
} {
  const envelope = structuredClone(valid);
  switch (m.kind) {
    case 'text-byte': {
      const bytes = utf8.encode(validText);
      bytes[m.at % bytes.length] = m.value;
      return { text: bytes };
    }
    case 'truncate':
      return { text: validText.slice(0, m.at % validText.length) };
    case 'payload-bit': {
      const body = validBody.slice();
      body[m.at % body.length]! ^= 1 << m.bit;
      envelope.payload = toBase64(body);
      return { text: JSON.stringify(envelope), body };
    }
    case 'payload-append': {
      const body = new Uint8Array([...validBody, ...m.extra]);
      envelope.payload = toBase64(body);
      return { text: JSON.stringify(envelope), body };
    }
    case 'sig-bit': {
      const sig = fromBase64(envelope.signatures[0]!.sig)!;
      sig[m.at]! ^= 1 << m.bit;
      envelope.signatures[0]!.sig = toBase64(sig);
      return { text: JSON.stringify(envelope) };
    }
    case 'payload-type':
      envelope.payloadType = m.type;
      return { text: JSON.stringify(envelope) };
    case 'keyid':
      envelope.signatures[0]!.keyid = m.keyid;
      return { text: JSON.stringify(envelope) };
    case 'duplicate-signature':
      envelope.signatures = Array.from({ length: m.copies }, () => valid.signatures[0]!);
      return { text: JSON.stringify(envelope) };
    case 'extra-field':
      return { text: JSON.stringify({ ...envelope, [`x${m.name}`]: 1 }) };
  }
}

describe('list verification under fuzzing', () => {
  it('accepts the unmutated envelope (the mutations start from a valid list)', async () => {
    expect((await verifyEnvelope(validText, policy)).ok).toBe(true);
  });

  it(
    'never throws on random bytes, strings or JSON, and fails with a named problem',
    async () => {
      await checkAsync(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            anyString(300),
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc
              .record(
                { payloadType: fc.string(), payload: fc.base64String(), signatures: fc.anything() },
                { requiredKeys: [] },
              )
              .map((v) => JSON.stringify(v)),
          ),
          async (input) => {
            expectClearFailure(await verifyEnvelope(input, policy));
          },
        ),
        4_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'never accepts an envelope whose signed bytes changed',
    async () => {
      await checkAsync(
        fc.asyncProperty(mutation, async (m) => {
          const { text, body } = mutate(m);
          const result = await verifyEnvelope(text, policy);
          if (!result.ok) return expectClearFailure(result);
          // Accepted only if the signed payload is byte for byte the original.
          expect(body === undefined || Buffer.from(body).equals(Buffer.from(validBody))).toBe(true);
          expect(result.payload).toEqual(payload());
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'signed but wrong lists fail with a named problem: any version, dates, fields or signer',
    async () => {
      const field = fc.oneof(
        fc.jsonValue(),
        fc.integer(),
        fc.string({ maxLength: 30 }),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      );
      await checkAsync(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(
              'schema',
              'feedId',
              'version',
              'issuedAt',
              'expiresAt',
              'indicators',
              'brands',
              'allowlist',
              'extra',
            ),
            field,
            { maxKeys: 3 },
          ),
          fc.boolean(),
          fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
          async (overrides, bySigner, storedVersion) => {
            const envelope = await envelopeOf(payload(overrides), [bySigner ? signer : other]);
            const result = await verifyEnvelope(envelope, { ...policy, storedVersion });
            if (!result.ok) return expectClearFailure(result);
            expect(bySigner).toBe(true);
            expect(IndicatorPayload.safeParse(result.payload).success).toBe(true);
            if (storedVersion !== undefined) expect(result.payload.version).toBeGreaterThan(storedVersion);
            expect(Date.parse(result.payload.expiresAt)).toBeGreaterThan(NOW.getTime());
          },
        ),
        1_500,
      );
    },
    fuzzTimeout(60_000),
  );
});

describe('list parsing helpers under fuzzing', () => {
  it(
    'base64 round-trips any bytes and agrees with Node on every string it accepts',
    () => {
      check(
        fc.property(
          fc.uint8Array({ maxLength: 200 }),
          fc.oneof(fc.base64String(), anyString(40)),
          (bytes, text) => {
            expect(Buffer.from(fromBase64(toBase64(bytes))!).equals(Buffer.from(bytes))).toBe(true);
            const ours = fromBase64(text);
            if (ours) expect(Buffer.from(ours).equals(Buffer.from(text, 'base64'))).toBe(true);
          },
        ),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'finds a duplicate key exactly when an object in the JSON text has one',
    () => {
      const key = fc.constantFrom('a', 'b', 'version', '\\u0061', 'a\\"', '\\\\', '', 'é');
      const json: fc.Arbitrary<{ text: string; duplicate: boolean }> = fc.letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.jsonValue({ maxDepth: 0 }).map((v) => ({ text: JSON.stringify(v), duplicate: false })),
          tie('object') as fc.Arbitrary<{ text: string; duplicate: boolean }>,
          fc
            .array(tie('value') as fc.Arbitrary<{ text: string; duplicate: boolean }>, { maxLength: 4 })
            .map((items) => ({
              text: `[${items.map((i) => i.text).join(',')}]`,
              duplicate: items.some((i) => i.duplicate),
            })),
        ),
        object: fc
          .array(fc.tuple(key, tie('value') as fc.Arbitrary<{ text: string; duplicate: boolean }>), {
            maxLength: 5,
          })
          .map((entries) => {
            const names = entries.map(([k]) => JSON.parse(`"${k}"`) as string);
            return {
              text: `{${entries.map(([k, v]) => `"${k}" : ${v.text}`).join(',')}}`,
              duplicate: new Set(names).size < names.length || entries.some(([, v]) => v.duplicate),
            };
          }),
      })).value as fc.Arbitrary<{ text: string; duplicate: boolean }>;
      check(
        fc.property(json, ({ text, duplicate }) => {
          JSON.parse(text); // the generator writes well-formed JSON, as the verifier parses first
          expect(findDuplicateKey(text) !== null).toBe(duplicate);
        }),
        8_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'lets through only regexes that compile and match 20k hostile characters without hanging',
    () => {
      const pieces = [
        'a',
        'b',
        '.',
        '\\d',
        '\\w',
        '[a-z]',
        '[^x]',
        '(',
        ')',
        '(?:',
        '|',
        '?',
        '{1,64}',
        '{0,9}',
        '{2,}',
        '*',
        '+',
        '\\1',
        '(?=',
        '^',
        '$',
        '\\',
        ']',
        '[',
      ];
      let accepted = 0;
      check(
        fc.property(piecesString(pieces, 12), fc.constantFrom('a', 'ab', '0', ' ', 'x'), (source, unit) => {
          const verdict = checkSafeRegex(source);
          if (!verdict.ok) return;
          accepted++;
          const started = performance.now();
          new RegExp(source, 'iu').test(unit.repeat(20_000));
          // Hang guard only: an accepted pattern is linear, so this takes well under a millisecond.
          expect(performance.now() - started).toBeLessThan(1_000);
        }),
        8_000,
      );
      expect(accepted).toBeGreaterThan(100);
    },
    fuzzTimeout(),
  );
});

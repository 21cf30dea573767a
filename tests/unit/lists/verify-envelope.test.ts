import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, sha256Hex, toBase64, utf8 } from '../../../src/core/lists/bytes.ts';
import { pae } from '../../../src/core/lists/dsse.ts';
import { LIST_LIMITS } from '../../../src/core/lists/indicator-payload.ts';
import { verifyEnvelope } from '../../../src/core/lists/verify-envelope.ts';
import { envelopeOf, NOW, newKey, payload } from './list-fixtures.ts';

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

// RFC 8032 section 7.1, tests 1-3: secret key, public key, message, signature.
const RFC8032 = [
  [
    '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    '',
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  ],
  [
    '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    '72',
    '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  ],
  [
    'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    'af82',
    '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  ],
] as const;

describe('Ed25519 through WebCrypto (RFC 8032 vectors)', () => {
  it.each(RFC8032)('vector with public key %s…', async (secret, pub, message, signature) => {
    const pkcs8 = hex(`302e020100300506032b657004220420${secret}`);
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, false, ['sign']);
    const sig = new Uint8Array(await webcrypto.subtle.sign({ name: 'Ed25519' }, privateKey, hex(message)));
    expect(Buffer.from(sig).toString('hex')).toBe(signature);
    const publicKey = await webcrypto.subtle.importKey('raw', hex(pub), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    expect(await webcrypto.subtle.verify({ name: 'Ed25519' }, publicKey, hex(signature), hex(message))).toBe(
      true,
    );
    const flipped = hex(signature);
    flipped[0]! ^= 1;
    expect(await webcrypto.subtle.verify({ name: 'Ed25519' }, publicKey, flipped, hex(message))).toBe(false);
  });
});

describe('verifyEnvelope', async () => {
  const [a, b, c] = [await newKey(), await newKey(), await newKey()];
  const policy = { feedId: 'acme', keys: [a.line], threshold: 1, now: NOW };

  it('accepts a list signed by a trusted key', async () => {
    const result = await verifyEnvelope(await envelopeOf(payload(), [a]), policy);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.payload.version).toBe(5);
      expect(result.payloadSha256).toMatch(/^[a-f0-9]{64}$/);
      expect(result.expired).toBe(false);
    }
  });

  it('accepts 2 of 3 distinct keys, and counts a duplicate signer once', async () => {
    const keys = [a.line, b.line, c.line];
    expect(
      (await verifyEnvelope(await envelopeOf(payload(), [a, c]), { ...policy, keys, threshold: 2 })).ok,
    ).toBe(true);
    const doubled = await verifyEnvelope(await envelopeOf(payload(), [a, a]), {
      ...policy,
      keys,
      threshold: 2,
    });
    expect(doubled).toMatchObject({ ok: false, problem: 'threshold' });
  });

  const reject = async (envelope: string | Uint8Array, problem: string, extra: object = {}) => {
    const result = await verifyEnvelope(envelope, { ...policy, ...extra });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
    return result;
  };

  it('rejects a tampered payload byte', async () => {
    const env = JSON.parse(await envelopeOf(payload(), [a]));
    const bytes = fromBase64(env.payload)!;
    bytes[bytes.indexOf(0x35 /* '5' of version */)] = 0x39;
    await reject(JSON.stringify({ ...env, payload: toBase64(bytes) }), 'bad-signature');
  });

  it('rejects a list signed by a key it does not trust', async () => {
    await reject(await envelopeOf(payload(), [b]), 'threshold');
  });

  it('rejects a signature that is not over the payload type (PAE)', async () => {
    const env = JSON.parse(await envelopeOf(payload(), [a]));
    await reject(JSON.stringify({ ...env, payloadType: 'application/json' }), 'payload-type');
  });

  it('rejects below threshold', async () => {
    await reject(await envelopeOf(payload(), [a]), 'threshold', { keys: [a.line, b.line], threshold: 2 });
  });

  it('rejects expired lists, unless the caller keeps an expired list on purpose', async () => {
    const old = await envelopeOf(
      payload({ issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }),
      [a],
    );
    await reject(old, 'expired');
    const kept = await verifyEnvelope(old, policy, { allowExpired: true });
    expect(kept).toMatchObject({ ok: true, expired: true });
  });

  it('rejects lists issued more than 24 hours in the future', async () => {
    await reject(
      await envelopeOf(payload({ issuedAt: '2026-11-26T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }), [a]),
      'future-dated',
    );
    expect(
      (await verifyEnvelope(await envelopeOf(payload({ issuedAt: '2026-11-25T06:00:00Z' }), [a]), policy)).ok,
    ).toBe(true);
  });

  it('rejects rollback and equivocation', async () => {
    const env = await envelopeOf(payload(), [a]);
    await reject(env, 'rollback', { storedVersion: 6 });
    await reject(env, 'rollback', { minVersion: 6 });
    await reject(env, 'equivocation', { storedVersion: 5, storedPayloadSha256: '0'.repeat(64) });
    expect((await verifyEnvelope(env, { ...policy, storedVersion: 4 })).ok).toBe(true);
  });

  it('rejects a signature made for another payload type, even with ours in the envelope', async () => {
    const body = utf8.encode(JSON.stringify(payload()));
    const sig = new Uint8Array(
      await webcrypto.subtle.sign(
        { name: 'Ed25519' },
        a.privateKey,
        pae('application/vnd.in-toto+json', body),
      ),
    );
    const env = JSON.parse(await envelopeOf(payload(), [a]));
    env.signatures[0].sig = toBase64(sig);
    await reject(JSON.stringify(env), 'bad-signature');
  });

  it('tells a re-signed copy of the held list from equivocation', async () => {
    const body = JSON.stringify(payload());
    const held = await sha256Hex(utf8.encode(body));
    // Same bytes, now signed by two keys: nothing new, and not an attack.
    await reject(await envelopeOf(body, [a, b]), 'unchanged', {
      storedVersion: 5,
      storedPayloadSha256: held,
    });
    // Same version, different bytes (one more space): equivocation.
    await reject(await envelopeOf(`${body} `, [a]), 'equivocation', {
      storedVersion: 5,
      storedPayloadSha256: held,
    });
  });

  it('needs at least one usable trusted key', async () => {
    await reject(await envelopeOf(payload(), [a]), 'unknown-key', { keys: ['ed25519:short', 'rsa:AAAA'] });
  });

  it('reports a bad signature by a trusted key, and ignores signatures by keys it does not trust', async () => {
    const env = JSON.parse(await envelopeOf(payload(), [b, a]));
    expect((await verifyEnvelope(JSON.stringify(env), policy)).ok).toBe(true);
    env.signatures[1].sig = env.signatures[0].sig;
    await reject(JSON.stringify(env), 'bad-signature');
    env.signatures[1].sig = 'not base64!';
    await reject(JSON.stringify(env), 'bad-signature');
  });

  it('rejects envelopes with extra fields or a payload that is not strict base64', async () => {
    const env = JSON.parse(await envelopeOf(payload(), [a]));
    await reject(JSON.stringify({ ...env, note: 'unsigned text' }), 'malformed');
    await reject(JSON.stringify({ ...env, payload: env.payload.replace(/=+$/, '') }), 'malformed');
    await reject(JSON.stringify({ ...env, payload: `-${env.payload.slice(1)}` }), 'malformed');
    await reject(
      JSON.stringify({ ...env, payload: `${env.payload.slice(0, 8)}\n${env.payload.slice(8)}` }),
      'malformed',
    );
  });

  it('rejects a wrong feedId', async () => {
    await reject(await envelopeOf(payload({ feedId: 'other' }), [a]), 'feed-id');
  });

  it('rejects oversized, truncated and malformed envelopes', async () => {
    const env = await envelopeOf(payload(), [a]);
    await reject(new Uint8Array(LIST_LIMITS.envelopeBytes + 1), 'oversized');
    await reject(env.slice(0, env.length - 10), 'malformed');
    await reject('{"payloadType": 1}', 'malformed');
    await reject(new Uint8Array([0xff, 0xfe, 0x00]), 'malformed');
    const truncatedPayload = JSON.parse(env);
    truncatedPayload.payload = toBase64(utf8.encode(JSON.stringify(payload()).slice(0, 50)));
    await reject(JSON.stringify(truncatedPayload), 'bad-signature');
  });

  it('rejects a signed payload that is not JSON', async () => {
    await reject(await envelopeOf('not json at all', [a]), 'malformed');
  });

  it('rejects duplicate JSON keys, which two parsers could read differently', async () => {
    const text = JSON.stringify(payload()).replace('"version":5', '"version":5,"version":9');
    await reject(await envelopeOf(text, [a]), 'duplicate-key');
    // Inside an indicator, and spelled with an escape so a naive text search misses it.
    const nested = JSON.stringify(payload()).replace(
      '"severity":"dangerous"',
      '"severity":"dangerous","sev\\u0065rity":"suspicious"',
    );
    const result = await reject(await envelopeOf(nested, [a]), 'duplicate-key');
    if (!result.ok) expect(result.detail).toBe('severity');
  });

  it.each([
    ['a missing field', { issuedAt: undefined }, 'issuedAt'],
    ['a non-integer version', { version: 1.5 }, 'version'],
    ['a local time', { expiresAt: '2026-12-24 00:00' }, 'expiresAt'],
    ['an unknown field', { extra: true }, ''],
    [
      'a shared host as a whole domain',
      {
        indicators: [
          {
            id: 'x',
            kind: 'domain',
            value: 'github.com',
            includeSubdomains: true,
            severity: 'dangerous',
            note: '',
            source: 's',
          },
        ],
      },
      'indicators.0.value',
    ],
    [
      'an unsafe regex',
      {
        indicators: [
          {
            id: 'x',
            kind: 'text',
            value: '(a+)+$',
            regex: true,
            severity: 'dangerous',
            note: '',
            source: 's',
          },
        ],
      },
      'indicators.0.value',
    ],
    [
      'an unknown indicator kind',
      {
        indicators: [{ id: 'x', kind: 'ip', value: '1.2.3.4', severity: 'dangerous', note: '', source: 's' }],
      },
      'indicators.0',
    ],
  ])('rejects a schema violation: %s', async (_name, change, path) => {
    const result = await reject(await envelopeOf(payload(change), [a]), 'schema');
    if (!result.ok) expect(result.detail).toContain(path);
  });
});

import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../../src/cli/commands/key-files.ts';
import { utf8 } from '../../../src/core/lists/bytes.ts';
import { signEnvelope } from '../../../src/core/lists/sign-envelope.ts';
import { run, tempDir } from './cli-harness.ts';

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    feedId: 'acme-security',
    version: 3,
    issuedAt: iso(Date.now() - DAY),
    expiresAt: iso(Date.now() + 30 * DAY),
    indicators: [
      {
        id: 'acme-1',
        kind: 'domain',
        value: 'coinbase-walet.biz',
        includeSubdomains: true,
        severity: 'dangerous',
        note: 'ClickFake Interview lure site',
        source: 'https://blog.sekoia.io/clickfake-interview-campaign-by-lazarus/',
      },
    ],
    brands: [],
    allowlist: [],
    ...overrides,
  };
}

let dir: string;
let keyA: { pem: string; pub: string };
let keyB: { pem: string; pub: string };

async function keygen(name: string) {
  const out = join(dir, name);
  const result = await run(['keygen', '--out', out]);
  expect(result.code).toBe(0);
  return {
    result,
    pem: join(out, 'lureguard-signing-key.pem'),
    pub: readFileSync(join(out, 'lureguard-signing-key.pub'), 'utf8').trim(),
  };
}

function write(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** Signs bytes the CLI's `sign` would refuse, to test what `verify` says about them. */
async function signRaw(name: string, body: object, pem: string): Promise<string> {
  const loaded = await loadSigningKey(pem);
  if (!loaded.ok) throw new Error(loaded.problem);
  return write(name, await signEnvelope(utf8.encode(JSON.stringify(body)), [loaded.key]));
}

beforeAll(async () => {
  dir = tempDir();
  keyA = await keygen('a');
  keyB = await keygen('b');
});

describe('lureguard keygen', () => {
  it('writes a 0600 PKCS#8 PEM and a one-line .pub, and prints the public line and the keyid', async () => {
    const { result, pem, pub } = await keygen('fresh');
    expect(statSync(pem).mode & 0o777).toBe(0o600);
    expect(createPrivateKey(readFileSync(pem, 'utf8')).asymmetricKeyType).toBe('ed25519');
    expect(readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(readFileSync(join(dir, 'fresh', 'lureguard-signing-key.pub'), 'utf8')).toBe(`${pub}\n`);
    expect(pub).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=$/);
    const raw = Buffer.from(pub.slice('ed25519:'.length), 'base64');
    expect(raw).toHaveLength(32);
    expect(result.out).toEqual([pub, `keyid ${createHash('sha256').update(raw).digest('hex')}`]);
  });

  it('refuses to overwrite an existing key, and leaves it untouched', async () => {
    const before = readFileSync(join(dir, 'a', 'lureguard-signing-key.pem'), 'utf8');
    const again = await run(['keygen', '--out', join(dir, 'a')]);
    expect(again.code).toBe(1);
    expect(again.err).toEqual([
      `lureguard keygen: refusing to overwrite the existing key in ${join(dir, 'a')}`,
    ]);
    expect(readFileSync(join(dir, 'a', 'lureguard-signing-key.pem'), 'utf8')).toBe(before);
  });

  it('needs --out', async () => {
    expect((await run(['keygen'])).code).toBe(2);
  });
});

describe('lureguard sign', () => {
  it('prints an envelope that verify accepts, with one signature per key', async () => {
    const signedPayload = payload();
    const file = write('good.json', signedPayload);
    const signed = await run(['sign', '--key', keyA.pem, '--key', keyB.pem, file]);
    expect(signed.code).toBe(0);
    expect(signed.out).toHaveLength(1);
    const envelope = JSON.parse(signed.out[0]!);
    expect(envelope.payloadType).toBe('application/vnd.lureguard.indicators.v1+json');
    expect(envelope.signatures).toHaveLength(2);
    // The exact file bytes are signed: no re-serialisation.
    expect(Buffer.from(envelope.payload, 'base64').toString('utf8')).toBe(readFileSync(file, 'utf8'));
    const path = write('good.envelope.json', signed.out[0]!);
    const verified = await run([
      'verify',
      '--pub',
      keyA.pub,
      '--pub',
      keyB.pub,
      '--threshold',
      '2',
      '--feed-id',
      'acme-security',
      path,
    ]);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toEqual([
      `ok feedId=acme-security version=3 expires=${signedPayload.expiresAt} indicators=1`,
    ]);
  });

  it.each([
    [
      'an expired payload',
      () => payload({ issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }),
      'lureguard sign: expired: 2026-02-01T00:00:00Z',
    ],
    ['malformed JSON', () => '{"schema": 1,', /^lureguard sign: malformed: /],
    [
      'duplicate keys',
      () => JSON.stringify(payload()).replace('"version":3', '"version":3,"version":4'),
      'lureguard sign: duplicate-key: version',
    ],
    ['a schema violation', () => payload({ version: 0 }), /^lureguard sign: schema: version: /],
    [
      'a shared host as a whole domain',
      () =>
        payload({
          indicators: [
            {
              id: 'x',
              kind: 'domain',
              value: 'vercel.app',
              includeSubdomains: true,
              severity: 'dangerous',
              note: '',
              source: 's',
            },
          ],
        }),
      /^lureguard sign: schema: indicators\.0\.value: a shared host/,
    ],
  ])('refuses %s with a one-line reason and exit 1', async (_name, body, reason) => {
    const file = write(`bad-${_name.replace(/\W+/g, '-')}.json`, body());
    const result = await run(['sign', '--key', keyA.pem, file]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(reason);
  });

  it('refuses a key that is not an Ed25519 PKCS#8 PEM', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const wrongType = await run([
      'sign',
      '--key',
      write('rsa.pem', String(rsa)),
      write('p1.json', payload()),
    ]);
    expect(wrongType).toMatchObject({ code: 1, out: [] });
    expect(wrongType.err[0]).toMatch(/rsa\.pem is not an Ed25519 key$/);
    const publicHalf = await run([
      'sign',
      '--key',
      join(dir, 'a', 'lureguard-signing-key.pub'),
      write('p2.json', payload()),
    ]);
    expect(publicHalf.code).toBe(1);
    expect(publicHalf.err[0]).toMatch(/is not a PKCS#8 PEM private key/);
  });
});

describe('lureguard verify', () => {
  let good: string;
  beforeAll(async () => {
    const signed = await run(['sign', '--key', keyA.pem, write('v.json', payload())]);
    good = write('v.envelope.json', signed.out[0]!);
  });

  const verify = (...args: string[]) => run(['verify', ...args]);

  it('accepts the .pub file path as well as the key line', async () => {
    expect((await verify('--pub', join(dir, 'a', 'lureguard-signing-key.pub'), good)).code).toBe(0);
  });

  it('bad-signature: one byte of the payload changed', async () => {
    const envelope = JSON.parse(readFileSync(good, 'utf8'));
    const body = Buffer.from(envelope.payload, 'base64');
    body[body.indexOf('coinbase')] = 'C'.charCodeAt(0);
    const tampered = write('tampered.json', { ...envelope, payload: body.toString('base64') });
    const result = await verify('--pub', keyA.pub, tampered);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(['bad-signature: 0 valid of 1 needed']);
  });

  it('threshold: signed by a key that is not trusted, or by too few', async () => {
    expect((await verify('--pub', keyB.pub, good)).out).toEqual(['threshold: 0 of 1 trusted signatures']);
    const two = await verify('--pub', keyA.pub, '--pub', keyB.pub, '--threshold', '2', good);
    expect(two).toMatchObject({ code: 1, out: ['threshold: 1 of 2 trusted signatures'] });
  });

  it('expired', async () => {
    const path = await signRaw(
      'expired.json',
      payload({ issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-02-01T00:00:00Z' }),
      keyA.pem,
    );
    expect(await verify('--pub', keyA.pub, path)).toMatchObject({
      code: 1,
      out: ['expired: 2026-02-01T00:00:00Z'],
    });
  });

  it('rollback below --min-version', async () => {
    expect(await verify('--pub', keyA.pub, '--min-version', '4', good)).toMatchObject({
      code: 1,
      out: ['rollback: version 3 is below the minimum 4'],
    });
    expect((await verify('--pub', keyA.pub, '--min-version', '3', good)).code).toBe(0);
  });

  it('schema: <path> for a signed payload that breaks the schema', async () => {
    const path = await signRaw(
      'schema.json',
      payload({
        indicators: [{ id: 'h', kind: 'sha256', value: 'ABC', severity: 'dangerous', note: '', source: 's' }],
      }),
      keyA.pem,
    );
    const result = await verify('--pub', keyA.pub, path);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(['schema: indicators.0.value: lower-case hex SHA-256']);
  });

  it('feed-id, and malformed for a file that is not an envelope', async () => {
    expect((await verify('--pub', keyA.pub, '--feed-id', 'acme-staging', good)).out).toEqual([
      'feed-id: expected acme-staging, got acme-security',
    ]);
    const broken = await verify('--pub', keyA.pub, write('broken.json', '{"payloadType": '));
    expect(broken.code).toBe(1);
    expect(broken.out[0]).toMatch(/^malformed: /);
    expect((await verify('--pub', keyA.pub, join(dir, 'missing.json'))).out).toEqual([
      `malformed: cannot read ${join(dir, 'missing.json')}: ENOENT`,
    ]);
  });

  it.each([
    [['--pub', 'ed25519:x']],
    [['ENVELOPE.json']],
    [['--pub', 'ed25519:x', '--threshold', 'two', 'e.json']],
    [['--pub', 'ed25519:x', '--threshold', '2', 'e.json']],
    [['--pub', 'ed25519:x', '--unknown', 'e.json']],
  ])('usage errors exit 2: %j', async (args) => {
    expect((await verify(...args)).code).toBe(2);
  });
});

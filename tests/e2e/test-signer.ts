import { createHash, webcrypto } from 'node:crypto';

/**
 * An independent DSSE + Ed25519 signer for tests, written from the DSSE spec rather than
 * reusing src/core, so the e2e tests also prove the extension interoperates with it.
 */

export const PAYLOAD_TYPE = 'application/vnd.lureguard.indicators.v1+json';

export interface TestKey {
  publicLine: string;
  keyid: string;
  privateKey: webcrypto.CryptoKey;
}

export async function newTestKey(): Promise<TestKey> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const raw = Buffer.from(await webcrypto.subtle.exportKey('raw', pair.publicKey));
  return {
    publicLine: `ed25519:${raw.toString('base64')}`,
    keyid: createHash('sha256').update(raw).digest('hex'),
    privateKey: pair.privateKey,
  };
}

/** DSSE v1 pre-authentication encoding. */
function pae(type: string, body: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${typeBytes.length} `),
    typeBytes,
    Buffer.from(` ${body.length} `),
    body,
  ]);
}

export async function signPayload(payload: object, keys: TestKey[], type = PAYLOAD_TYPE): Promise<string> {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const signatures = [];
  for (const key of keys) {
    const sig = Buffer.from(
      await webcrypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, pae(type, body)),
    );
    signatures.push({ keyid: key.keyid, sig: sig.toString('base64') });
  }
  return JSON.stringify({ payloadType: type, payload: body.toString('base64'), signatures });
}

/** Flips one byte inside the signed payload, keeping the envelope well-formed. */
export function tamper(envelope: string): string {
  const parsed = JSON.parse(envelope) as { payload: string };
  const body = Buffer.from(parsed.payload, 'base64');
  const at = body.indexOf('"version"');
  body[at + 1] = body[at + 1]! ^ 0x20;
  return JSON.stringify({ ...parsed, payload: body.toString('base64') });
}

export function listPayload(feedId: string, version: number, domains: string[], now = new Date()): object {
  const day = 24 * 60 * 60 * 1000;
  return {
    schema: 1,
    feedId,
    version,
    issuedAt: new Date(now.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: new Date(now.getTime() + 30 * day).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    indicators: domains.map((domain, i) => ({
      id: `${feedId}-${version}-${i}`,
      kind: 'domain',
      value: domain,
      includeSubdomains: true,
      severity: 'dangerous',
      note: 'Fake recruiter document host reported by the Acme security team',
      source: 'Acme SOC case 2026-1124',
    })),
    brands: [],
    allowlist: [],
  };
}

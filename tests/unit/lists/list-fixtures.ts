import { webcrypto } from 'node:crypto';
import { toBase64, utf8 } from '../../../src/core/lists/bytes.ts';
import { publicKeyLine } from '../../../src/core/lists/dsse.ts';
import { type SigningKey, signEnvelope } from '../../../src/core/lists/sign-envelope.ts';

export const NOW = new Date('2026-11-24T12:00:00Z');

export async function newKey(): Promise<SigningKey & { line: string }> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const publicRaw = new Uint8Array(await webcrypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicRaw, line: publicKeyLine(publicRaw) };
}

export function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 1,
    feedId: 'acme',
    version: 5,
    issuedAt: '2026-11-24T00:00:00Z',
    expiresAt: '2026-12-24T00:00:00Z',
    indicators: [
      {
        id: 'a1',
        kind: 'domain',
        value: 'coinbase-careers.com',
        includeSubdomains: true,
        severity: 'dangerous',
        note: 'fake careers site',
        source: 'Acme SOC',
      },
    ],
    brands: [],
    allowlist: [],
    ...overrides,
  };
}

export async function envelopeOf(body: string | object, keys: SigningKey[]): Promise<string> {
  const bytes = utf8.encode(typeof body === 'string' ? body : JSON.stringify(body));
  return JSON.stringify(await signEnvelope(bytes, keys));
}

export { toBase64 };

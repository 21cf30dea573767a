import * as z from 'zod/mini';
import { base64DecodedLength, decodeBase64Into, fromBase64, sha256Hex, toBase64, utf8 } from './bytes.ts';

/** DSSE envelope (github.com/secure-systems-lab/dsse), JSON form. */
export const Envelope = z.strictObject({
  payloadType: z.string().check(z.maxLength(256)),
  payload: z.string(),
  signatures: z
    .array(
      z.strictObject({ keyid: z.string().check(z.maxLength(128)), sig: z.string().check(z.maxLength(256)) }),
    )
    .check(z.minLength(1), z.maxLength(32)),
});
export type Envelope = z.infer<typeof Envelope>;

/** "DSSEv1 <len> <type> <len> ": the PAE bytes before the payload. */
function paeHeader(payloadType: string, payloadLength: number): Uint8Array {
  const type = utf8.encode(payloadType);
  return utf8.encode(`DSSEv1 ${type.length} ${payloadType} ${payloadLength} `);
}

/** DSSE v1 pre-authentication encoding: what each signature actually covers. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const head = paeHeader(payloadType, payload.length);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

/**
 * Decodes a base64 payload (its ASCII bytes) straight into its PAE encoding, so a large list
 * exists once in memory: `body` is a view of the tail of `signed`. Null when the base64 is not strict.
 */
export function paeFromBase64(
  payloadType: string,
  payloadBase64: Uint8Array,
): { signed: Uint8Array; body: Uint8Array } | null {
  const length = base64DecodedLength(payloadBase64);
  if (length === null) return null;
  const head = paeHeader(payloadType, length);
  const signed = new Uint8Array(head.length + length);
  signed.set(head, 0);
  if (!decodeBase64Into(payloadBase64, signed, head.length)) return null;
  return { signed, body: signed.subarray(head.length) };
}

export interface PublicKey {
  line: string;
  raw: Uint8Array;
  keyid: string;
}

/** "ed25519:<base64 of 32 raw bytes>" -> key and keyid (hex SHA-256 of the raw key). */
export async function parsePublicKeyLine(line: string): Promise<PublicKey | null> {
  const match = /^ed25519:([A-Za-z0-9+/]{43}=)$/.exec(line.trim());
  const raw = match ? fromBase64(match[1]!) : null;
  if (raw?.length !== 32) return null;
  return { line: line.trim(), raw, keyid: await sha256Hex(raw) };
}

export function publicKeyLine(raw: Uint8Array): string {
  return `ed25519:${toBase64(raw)}`;
}

import * as z from 'zod/mini';
import { fromBase64, sha256Hex, toBase64, utf8 } from './bytes.ts';

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

/** DSSE v1 pre-authentication encoding: what each signature actually covers. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8.encode(payloadType);
  const head = utf8.encode(`DSSEv1 ${type.length} `);
  const middle = utf8.encode(` ${payload.length} `);
  const out = new Uint8Array(head.length + type.length + middle.length + payload.length);
  out.set(head, 0);
  out.set(type, head.length);
  out.set(middle, head.length + type.length);
  out.set(payload, head.length + type.length + middle.length);
  return out;
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

import { sha256Hex, toBase64 } from './bytes.ts';
import { type Envelope, pae } from './dsse.ts';
import { PAYLOAD_TYPE } from './indicator-payload.ts';

/** A WebCrypto private key, typed from `crypto.subtle` so Node, DOM and worker typings all agree. */
type PrivateKey = Parameters<typeof crypto.subtle.sign>[1];

export interface SigningKey {
  privateKey: PrivateKey;
  /** Raw 32-byte public key, for the keyid. */
  publicRaw: Uint8Array;
}

/** Signs the exact payload bytes with each key (DSSE v1, Ed25519). */
export async function signEnvelope(payload: Uint8Array, keys: SigningKey[]): Promise<Envelope> {
  const signedBytes = pae(PAYLOAD_TYPE, payload);
  const signatures = [];
  for (const key of keys) {
    const sig = new Uint8Array(
      await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, signedBytes as Uint8Array<ArrayBuffer>),
    );
    signatures.push({ keyid: await sha256Hex(key.publicRaw), sig: toBase64(sig) });
  }
  return { payloadType: PAYLOAD_TYPE, payload: toBase64(payload), signatures };
}

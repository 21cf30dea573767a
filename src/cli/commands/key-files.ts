import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import type { SigningKey } from '../../core/lists/sign-envelope.ts';
import { INPUT_LIMITS, readInputText } from '../read-input-file.ts';

export const PRIVATE_KEY_FILE = 'lureguard-signing-key.pem';
export const PUBLIC_KEY_FILE = 'lureguard-signing-key.pub';

/** Raw 32-byte Ed25519 public key of a Node key object. */
function rawPublicKey(key: ReturnType<typeof createPublicKey>): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
}

export function generateSigningKeyPair(): { pem: string; publicRaw: Uint8Array } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicRaw: rawPublicKey(publicKey),
  };
}

/** Loads a PKCS#8 PEM Ed25519 private key for WebCrypto signing; a clear problem otherwise. */
export async function loadSigningKey(
  path: string,
): Promise<{ ok: true; key: SigningKey } | { ok: false; problem: string }> {
  const read = await readInputText(path, INPUT_LIMITS.keyBytes);
  if (!read.ok) return { ok: false, problem: read.problem.replace('cannot read', 'cannot read key') };
  const pem = read.text;
  try {
    const keyObject = createPrivateKey(pem);
    if (keyObject.asymmetricKeyType !== 'ed25519')
      return { ok: false, problem: `${path} is not an Ed25519 key` };
    const der = keyObject.export({ type: 'pkcs8', format: 'der' });
    const privateKey = await webcrypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
    return { ok: true, key: { privateKey, publicRaw: rawPublicKey(createPublicKey(keyObject)) } };
  } catch (error) {
    return { ok: false, problem: `${path} is not a PKCS#8 PEM private key: ${(error as Error).message}` };
  }
}

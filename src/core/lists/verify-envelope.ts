import { fromBase64, sha256Hex, utf8 } from './bytes.ts';
import { Envelope, pae, parsePublicKeyLine } from './dsse.ts';
import { firstIssuePath, IndicatorPayload, LIST_LIMITS, PAYLOAD_TYPE } from './indicator-payload.ts';
import { findDuplicateKey } from './json-duplicate-keys.ts';

export type VerifyProblem =
  | 'malformed'
  | 'oversized'
  | 'payload-type'
  | 'unknown-key'
  | 'bad-signature'
  | 'threshold'
  | 'duplicate-key'
  | 'schema'
  | 'feed-id'
  | 'expired'
  | 'future-dated'
  | 'rollback'
  | 'equivocation';

export interface TrustPolicy {
  /** The feedId the payload must carry; omitted only by `lureguard verify` without --feed-id. */
  feedId?: string | undefined;
  /** Trusted keys, each "ed25519:<base64 raw key>". */
  keys: string[];
  threshold: number;
  /** Reject versions below this (CLI --min-version). */
  minVersion?: number | undefined;
  /** The version already held: a new list must be higher. */
  storedVersion?: number | undefined;
  /** SHA-256 of the payload already held, to tell a re-serve from equivocation. */
  storedPayloadSha256?: string | undefined;
  now?: Date;
  maxFutureSkewMs?: number;
}

export type VerifyResult =
  | { ok: true; payload: IndicatorPayload; payloadSha256: string; keyids: string[]; expired: boolean }
  | { ok: false; problem: VerifyProblem; detail: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const fail = (problem: VerifyProblem, detail = ''): VerifyResult => ({ ok: false, problem, detail });

/**
 * Accepts a signed list only when `threshold` distinct trusted keys signed the exact payload
 * bytes (checked before the payload is parsed), the type and feedId match, the version moves
 * forward, the dates make sense and the payload fits the schema. Never throws on bad input.
 */
export async function verifyEnvelope(
  input: Uint8Array | string,
  policy: TrustPolicy,
  options: { allowExpired?: boolean } = {},
): Promise<VerifyResult> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > LIST_LIMITS.envelopeBytes) return fail('oversized', `${size} bytes`);
  let envelopeText: string;
  try {
    envelopeText = typeof input === 'string' ? input : utf8.decode(input);
  } catch {
    return fail('malformed', 'not UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(envelopeText);
  } catch (error) {
    return fail('malformed', (error as Error).message.slice(0, 200));
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return fail('malformed', firstIssuePath(envelope.error));
  const { payloadType, payload, signatures } = envelope.data;
  if (payloadType !== PAYLOAD_TYPE) return fail('payload-type', payloadType.slice(0, 100));
  const body = fromBase64(payload);
  if (!body) return fail('malformed', 'payload is not base64');

  // Signatures first, over the exact bytes: nothing in the payload is trusted before this.
  const trusted = new Map<string, Uint8Array>();
  for (const line of policy.keys) {
    const key = await parsePublicKeyLine(line);
    if (key) trusted.set(key.keyid, key.raw);
  }
  if (trusted.size === 0) return fail('unknown-key', 'no valid trusted key given');
  const signedBytes = pae(payloadType, body);
  const validSigners = new Set<string>();
  let badSignature = false;
  for (const { keyid, sig } of signatures) {
    const raw = trusted.get(keyid);
    if (!raw || validSigners.has(keyid)) continue;
    const signature = fromBase64(sig);
    if (signature?.length !== 64) {
      badSignature = true;
      continue;
    }
    try {
      const key = await crypto.subtle.importKey(
        'raw',
        raw as Uint8Array<ArrayBuffer>,
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      const ok = await crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as Uint8Array<ArrayBuffer>,
        signedBytes as Uint8Array<ArrayBuffer>,
      );
      if (ok) validSigners.add(keyid);
      else badSignature = true;
    } catch {
      badSignature = true;
    }
  }
  if (validSigners.size < policy.threshold) {
    if (badSignature)
      return fail('bad-signature', `${validSigners.size} valid of ${policy.threshold} needed`);
    return fail('threshold', `${validSigners.size} of ${policy.threshold} trusted signatures`);
  }

  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return fail('malformed', 'payload is not UTF-8');
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(text);
  } catch (error) {
    return fail('malformed', `payload: ${(error as Error).message.slice(0, 200)}`);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) return fail('duplicate-key', duplicate.slice(0, 100));
  const parsed = IndicatorPayload.safeParse(parsedJson);
  if (!parsed.success) return fail('schema', firstIssuePath(parsed.error));
  const list = parsed.data;

  if (policy.feedId !== undefined && list.feedId !== policy.feedId) {
    return fail('feed-id', `expected ${policy.feedId}, got ${list.feedId}`);
  }
  const now = (policy.now ?? new Date()).getTime();
  if (Date.parse(list.issuedAt) > now + (policy.maxFutureSkewMs ?? DAY_MS))
    return fail('future-dated', list.issuedAt);
  const expired = Date.parse(list.expiresAt) <= now;
  if (expired && !options.allowExpired) return fail('expired', list.expiresAt);
  if (policy.minVersion !== undefined && list.version < policy.minVersion) {
    return fail('rollback', `version ${list.version} is below the minimum ${policy.minVersion}`);
  }
  const payloadSha256 = await sha256Hex(body);
  if (policy.storedVersion !== undefined) {
    if (list.version < policy.storedVersion) {
      return fail(
        'rollback',
        `version ${list.version} is older than the held version ${policy.storedVersion}`,
      );
    }
    if (list.version === policy.storedVersion) {
      if (policy.storedPayloadSha256 !== undefined && policy.storedPayloadSha256 !== payloadSha256) {
        return fail('equivocation', `version ${list.version} was already seen with different content`);
      }
      return fail('rollback', `version ${list.version} is not newer than the held version`);
    }
  }
  return { ok: true, payload: list, payloadSha256, keyids: [...validSigners], expired };
}

import { fromBase64, sha256Hex, utf8 } from './bytes.ts';
import { Envelope, paeFromBase64, parsePublicKeyLine } from './dsse.ts';
import {
  firstIssuePath,
  type IndicatorPayload,
  LIST_LIMITS,
  PAYLOAD_TYPE,
  parseIndicatorPayload,
} from './indicator-payload.ts';
import { findDuplicateKey } from './json-duplicate-keys.ts';
import { splitEnvelope } from './split-envelope.ts';
import type { VerifyProblem } from './verify-problems.ts';

export type { VerifyProblem };

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

type Failure = { ok: false; problem: VerifyProblem; detail: string };

export type VerifyResult =
  | { ok: true; payload: IndicatorPayload; payloadSha256: string; keyids: string[]; expired: boolean }
  | Failure;

const DAY_MS = 24 * 60 * 60 * 1000;
const fail = (problem: VerifyProblem, detail = ''): Failure => ({ ok: false, problem, detail });

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
  const opened = openEnvelope(input);
  if (!opened.ok) return opened;
  const { signed, body, signatures } = opened;

  // Signatures first, over the exact bytes: nothing in the payload is trusted before this.
  const trusted = new Map<string, Uint8Array>();
  for (const line of policy.keys) {
    const key = await parsePublicKeyLine(line);
    if (key) trusted.set(key.keyid, key.raw);
  }
  if (trusted.size === 0) return fail('unknown-key', 'no valid trusted key given');
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
        signed as Uint8Array<ArrayBuffer>,
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

  // crypto.subtle hashes off the main thread (browsers and Node): start now so it overlaps the parse.
  const digest = sha256Hex(body);
  // Awaited below when the list is accepted; a rejected list must not leave an unhandled rejection.
  digest.catch(() => {});
  const parsed = parsePayload(body);
  if (!parsed.ok) return parsed;
  const list = parsed.list;

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
  const payloadSha256 = await digest;
  if (policy.storedVersion !== undefined) {
    if (list.version < policy.storedVersion) {
      return fail(
        'rollback',
        `version ${list.version} is older than the held version ${policy.storedVersion}`,
      );
    }
    if (list.version === policy.storedVersion) {
      if (policy.storedPayloadSha256 === undefined)
        return fail('rollback', `version ${list.version} is not newer than the held version`);
      if (policy.storedPayloadSha256 !== payloadSha256) {
        return fail('equivocation', `version ${list.version} was already seen with different content`);
      }
      return fail('unchanged', `version ${list.version} is the list already held`);
    }
  }
  return { ok: true, payload: list, payloadSha256, keyids: [...validSigners], expired };
}

type Opened =
  | { ok: true; signed: Uint8Array; body: Uint8Array; signatures: Envelope['signatures'] }
  | Failure;

/**
 * The envelope's shape, type and payload bytes. A helper of its own so that the envelope's text
 * and its base64 payload (hundreds of MB for a large list) can be collected once it returns.
 */
export function openEnvelope(input: Uint8Array | string): Opened {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > LIST_LIMITS.envelopeBytes) return fail('oversized', `${size} bytes`);
  // The fast way, taken only when it gives the answer the whole-text parse below would.
  const split = typeof input === 'string' ? null : splitEnvelope(input);
  if (split) {
    const opened = checkEnvelope(split.json, split.payload);
    if (opened.ok) return opened;
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof input === 'string' ? input : utf8.decode(input));
  } catch (error) {
    const notUtf8 = error instanceof TypeError;
    return fail('malformed', notUtf8 ? 'not UTF-8' : (error as Error).message.slice(0, 200));
  }
  return checkEnvelope(json, null);
}

/** Schema, payload type and the payload decoded into its PAE; `payload` when already cut out as bytes. */
function checkEnvelope(json: unknown, payload: Uint8Array | null): Opened {
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return fail('malformed', firstIssuePath(envelope.error));
  const { payloadType, signatures } = envelope.data;
  if (payloadType !== PAYLOAD_TYPE) return fail('payload-type', payloadType.slice(0, 100));
  const encoded = paeFromBase64(payloadType, payload ?? utf8.encode(envelope.data.payload));
  if (!encoded) return fail('malformed', 'payload is not base64');
  return { ok: true, ...encoded, signatures };
}

/** The authenticated payload bytes as a list: UTF-8, JSON, no duplicate keys, the schema. */
function parsePayload(body: Uint8Array): { ok: true; list: IndicatorPayload } | Failure {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return fail('malformed', 'payload is not UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('malformed', `payload: ${(error as Error).message.slice(0, 200)}`);
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) return fail('duplicate-key', duplicate.slice(0, 100));
  const parsed = parseIndicatorPayload(json);
  if (!parsed.success) return fail('schema', firstIssuePath(parsed.error));
  return { ok: true, list: parsed.data };
}

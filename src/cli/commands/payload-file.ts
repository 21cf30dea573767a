import { firstIssuePath, IndicatorPayload } from '../../core/lists/indicator-payload.ts';
import { findDuplicateKey } from '../../core/lists/json-duplicate-keys.ts';
import { INPUT_LIMITS, readInputFile } from '../read-input-file.ts';

/** Reads and validates an unsigned payload file exactly as a browser would after verifying it. */
export async function readPayloadFile(
  path: string,
  now = new Date(),
): Promise<{ ok: true; bytes: Uint8Array; payload: IndicatorPayload } | { ok: false; problem: string }> {
  const read = await readInputFile(path, INPUT_LIMITS.listBytes);
  if (!read.ok) return read;
  const { bytes } = read;
  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `malformed: ${(error as Error).message}` };
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) return { ok: false, problem: `duplicate-key: ${duplicate}` };
  const parsed = IndicatorPayload.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `schema: ${firstIssuePath(parsed.error)}` };
  if (Date.parse(parsed.data.expiresAt) <= now.getTime())
    return { ok: false, problem: `expired: ${parsed.data.expiresAt}` };
  return { ok: true, bytes, payload: parsed.data };
}

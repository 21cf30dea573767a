import { utf8 } from './bytes.ts';

/** Stands in for the payload in the envelope text that is parsed; see splitEnvelope. */
const PLACEHOLDER = 'lureguard:payload-placeholder';
const PAYLOAD_KEY = utf8.encode('payload"');
const QUOTE = 0x22;
const COLON = 0x3a;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * An envelope's JSON with its payload string left as bytes: the payload of a large list is
 * hundreds of MB of base64, and JSON.parse plus a string decode of it cost seconds. The payload
 * is cut out and PLACEHOLDER put in its place; the rest (small) is parsed as usual.
 *
 * The cut is found by a byte search that may be fooled, so it is only trusted when the parsed
 * rest proves it: `payload` is PLACEHOLDER, PLACEHOLDER occurs once and there is no backslash in
 * the rest (so no other string can decode to it), and the cut bytes are base64 (checked by the
 * caller's decode: no quote, backslash or control byte). The envelope is then that JSON with
 * those bytes as `payload`. Null when anything is in doubt: the caller parses the whole text.
 */
export function splitEnvelope(
  input: Uint8Array,
): { json: Record<string, unknown>; payload: Uint8Array } | null {
  const open = payloadValueStart(input);
  if (open === -1) return null;
  const close = input.indexOf(QUOTE, open + 1);
  if (close === -1) return null;
  const placeholder = utf8.encode(PLACEHOLDER);
  const rest = new Uint8Array(open + 1 + placeholder.length + (input.length - close));
  rest.set(input.subarray(0, open + 1), 0);
  rest.set(placeholder, open + 1);
  rest.set(input.subarray(close), open + 1 + placeholder.length);
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(rest);
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const proven =
    typeof json === 'object' &&
    json !== null &&
    (json as { payload?: unknown }).payload === PLACEHOLDER &&
    text.indexOf(PLACEHOLDER) === text.lastIndexOf(PLACEHOLDER) &&
    !text.includes('\\');
  return proven ? { json: json as Record<string, unknown>, payload: input.subarray(open + 1, close) } : null;
}

/** The index of the quote opening the first `"payload": "` value, or -1. */
function payloadValueStart(input: Uint8Array): number {
  for (let at = input.indexOf(QUOTE); at !== -1; at = input.indexOf(QUOTE, at + 1)) {
    let i = at + 1;
    let k = 0;
    while (k < PAYLOAD_KEY.length && input[i] === PAYLOAD_KEY[k]) {
      i++;
      k++;
    }
    if (k < PAYLOAD_KEY.length) continue;
    while (isSpace(input[i])) i++;
    if (input[i] !== COLON) continue;
    i++;
    while (isSpace(input[i])) i++;
    if (input[i] === QUOTE) return i;
  }
  return -1;
}

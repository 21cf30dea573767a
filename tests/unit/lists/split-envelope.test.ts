import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64, utf8 } from '../../../src/core/lists/bytes.ts';
import { PAYLOAD_TYPE } from '../../../src/core/lists/indicator-payload.ts';
import { splitEnvelope } from '../../../src/core/lists/split-envelope.ts';
import { openEnvelope } from '../../../src/core/lists/verify-envelope.ts';
import { check } from '../fuzz/fuzz-config.ts';

// A payload whose base64 has '/' and '+', so an escaped "\/" changes the text but not the value.
const BODY = utf8.encode('{"a":"??>>~~"}');
const B64 = toBase64(BODY);
const OTHER_B64 = toBase64(utf8.encode('{"b":2}'));
const TYPE = `"payloadType":${JSON.stringify(PAYLOAD_TYPE)}`;
const SIGS = '"signatures":[{"keyid":"k","sig":"AAAA"}]';

/** The whole-text parse: what openEnvelope did before splitEnvelope, and still does on a string. */
function slowOpen(bytes: Uint8Array) {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null; // not UTF-8: nothing to compare the string path with
  }
  return openEnvelope(text);
}

describe('splitEnvelope', () => {
  it('cuts the payload of an ordinary envelope out as bytes', () => {
    const text = `{${TYPE},"payload":"${B64}",${SIGS}}`;
    const split = splitEnvelope(utf8.encode(text));
    expect(split).not.toBeNull();
    expect(new TextDecoder().decode(split!.payload)).toBe(B64);
    expect(split!.json.payloadType).toBe(PAYLOAD_TYPE);
  });

  it.each([
    ['an escaped payload key', `{${TYPE},"p\\u0061yload":"${B64}",${SIGS}}`],
    [
      'a second payload key, which JSON.parse lets win',
      `{${TYPE},"payload":"${B64}","payload":"${OTHER_B64}",${SIGS}}`,
    ],
    [
      'a payload key nested before the real one',
      `{"x":{"payload":"${OTHER_B64}"},${TYPE},"payload":"${B64}",${SIGS}}`,
    ],
    [
      'the placeholder elsewhere',
      `{${TYPE},"payload":"${B64}","signatures":[{"keyid":"lureguard:payload-placeholder","sig":"AAAA"}]}`,
    ],
    [
      'an escape elsewhere (a string could decode to the placeholder)',
      `{${TYPE},"payload":"${B64}","signatures":[{"keyid":"\\u006b","sig":"AAAA"}]}`,
    ],
    ['no payload', `{${TYPE},${SIGS}}`],
    ['a payload that is not a string', `{${TYPE},"payload":12,${SIGS}}`],
    ['an unclosed payload', `{${TYPE},"payload":"${B64}`],
  ])('gives up on %s (the whole-text parse then decides)', (_, text) => {
    expect(splitEnvelope(utf8.encode(text))).toBeNull();
  });

  it('opens envelopes exactly as the whole-text parse does, on hostile layouts', () => {
    const payloadMember = fc.constantFrom(
      `"payload":"${B64}"`,
      `"payload" :\n "${B64}"`,
      `"payload":"${B64.replaceAll('/', '\\/')}"`,
      `"p\\u0061yload":"${B64}"`,
      `"payload":"${OTHER_B64}"`,
      `"payload":"${B64.slice(1)}"`,
      `"payload":"${B64}\\u0000"`,
      `"payload":"${B64} "`,
      '"payload":""',
      '"payload":1',
      '"payload":"lureguard:payload-placeholder"',
      // Decodes to the placeholder without spelling it: a later duplicate key would win with it.
      '"payload":"lureguard:payload-placeholde\\u0072"',
    );
    const otherMember = fc.constantFrom(
      TYPE,
      SIGS,
      '"payloadType":"text/plain"',
      `"x":{"payload":"${OTHER_B64}"}`,
      '"x":"lureguard:payload-placeholder"',
      '"x":"\\"payload\\":\\""',
      '"x":"\\u00e9"',
    );
    const envelope = fc
      .tuple(
        fc.array(fc.oneof(payloadMember, otherMember), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('', ' ', '\n', '\uFEFF', '['),
        fc.constantFrom('', ' ', ']', '"'),
      )
      .map(([members, before, after]) => `${before}{${members.join(',')}}${after}`);
    const arbitraryBytes = fc.tuple(envelope, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean());
    check(
      fc.property(arbitraryBytes, ([text, at, byte, flip]) => {
        const bytes = utf8.encode(text);
        if (flip) bytes[at % bytes.length] = byte;
        const slow = slowOpen(bytes);
        const fast = openEnvelope(bytes);
        if (slow === null) expect(fast).toEqual({ ok: false, problem: 'malformed', detail: 'not UTF-8' });
        else expect(fast).toEqual(slow);
      }),
      3_000,
    );
  });
});

/**
 * One open object or array while scanning; frames are reused by depth, so a million objects
 * allocate nothing. Keys are kept as offsets into the text and compared in place (a
 * million-indicator list has millions of keys); an object with an escaped key or many keys
 * switches to decoded strings in a Set.
 */
interface Frame {
  isObject: boolean;
  count: number;
  starts: number[];
  lengths: number[];
  set: Set<string> | null;
}

const LINEAR_KEYS = 16;

/**
 * JSON.parse silently keeps the last of two equal keys, so `{"version": 1, "version": 9}`
 * could mean different things to two parsers. This linear scan finds duplicate keys in any
 * object of an already well-formed JSON text; it returns the first duplicate's key, or null.
 */
export function findDuplicateKey(text: string): string | null {
  const frames: Frame[] = [];
  let depth = -1;
  let expectKey = false;
  // The next backslash at or after the scan position, found once per backslash, not per key.
  let nextBackslash = indexOrEnd(text, 0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = closingQuote(text, i);
      if (end === -1) return null; // not well-formed: JSON.parse reports it
      if (expectKey) {
        if (nextBackslash < i) nextBackslash = indexOrEnd(text, i);
        const duplicate = addKey(frames[depth]!, text, i + 1, end, nextBackslash < end);
        if (duplicate !== null) return duplicate;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      let frame = frames[depth];
      if (!frame) {
        frame = { isObject: false, count: 0, starts: [], lengths: [], set: null };
        frames.push(frame);
      }
      frame.isObject = c === 0x7b;
      frame.count = 0;
      frame.set = null;
      expectKey = frame.isObject;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = depth >= 0 && frames[depth]!.isObject;
    }
  }
  return null;
}

/** Records the key `text[start, end)` in its object; returns it (decoded) if the object had it already. */
function addKey(frame: Frame, text: string, start: number, end: number, escaped: boolean): string | null {
  const length = end - start;
  if (frame.set === null && !escaped) {
    // Raw characters equal decoded ones while no key of this object has an escape.
    for (let k = 0; k < frame.count; k++) {
      if (frame.lengths[k] === length && sameChars(text, frame.starts[k]!, start, length)) {
        return text.slice(start, end);
      }
    }
    if (frame.count < LINEAR_KEYS) {
      frame.starts[frame.count] = start;
      frame.lengths[frame.count] = length;
      frame.count++;
      return null;
    }
  }
  if (frame.set === null) {
    frame.set = new Set();
    for (let k = 0; k < frame.count; k++)
      frame.set.add(text.slice(frame.starts[k]!, frame.starts[k]! + frame.lengths[k]!));
  }
  const raw = text.slice(start, end);
  const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  if (frame.set.has(key)) return key;
  frame.set.add(key);
  return null;
}

/** The index of the quote that closes the string opening at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let end = open + 1;
  for (;;) {
    end = text.indexOf('"', end);
    if (end === -1) return -1;
    let backslashes = 0;
    for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return end;
    end++;
  }
}

function indexOrEnd(text: string, from: number): number {
  const at = text.indexOf('\\', from);
  return at === -1 ? text.length : at;
}

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

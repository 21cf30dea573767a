/** One open object or array while scanning; frames are reused by depth, so a million objects allocate nothing. */
interface Frame {
  isObject: boolean;
  keys: string[];
  /** Replaces the linear search once an object has many keys. */
  set: Set<string> | null;
}

const LINEAR_KEYS = 16;

/**
 * JSON.parse silently keeps the last of two equal keys, so `{"version": 1, "version": 9}`
 * could mean different things to two parsers. This linear scan finds duplicate keys in any
 * object of an already well-formed JSON text; it returns the first duplicate's key, or null.
 */
export function findDuplicateKey(text: string): string | null {
  const fast = findDuplicateKeyFast(text);
  return fast === UNSURE ? findDuplicateKeyByName(text) : fast;
}

const UNSURE = Symbol('unsure');

/** One open object or array in the fast scan: its keys as offsets into the text, never sliced. */
interface KeyFrame {
  isObject: boolean;
  count: number;
  starts: number[];
  lengths: number[];
}

/**
 * The common case without allocating a string per key (a million-indicator list has millions of
 * keys): keys are compared in place, by length then characters. It gives up (UNSURE) on a key
 * with an escape or an object with many keys, where findDuplicateKeyByName decodes and hashes;
 * up to that point both scans see the same keys in the same order, so they agree.
 */
function findDuplicateKeyFast(text: string): string | null | typeof UNSURE {
  const frames: KeyFrame[] = [];
  let depth = -1;
  let expectKey = false;
  // The next backslash at or after the scan position, found once per backslash, not per key.
  let nextBackslash = text.indexOf('\\');
  if (nextBackslash === -1) nextBackslash = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      for (;;) {
        end = text.indexOf('"', end);
        if (end === -1) return null; // not well-formed: JSON.parse reports it
        let backslashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
        if (backslashes % 2 === 0) break;
        end++;
      }
      if (expectKey) {
        if (nextBackslash < i) {
          nextBackslash = text.indexOf('\\', i);
          if (nextBackslash === -1) nextBackslash = text.length;
        }
        if (nextBackslash < end) return UNSURE;
        const frame = frames[depth]!;
        const start = i + 1;
        const length = end - start;
        for (let k = 0; k < frame.count; k++) {
          if (frame.lengths[k] === length && sameChars(text, frame.starts[k]!, start, length)) {
            return text.slice(start, end);
          }
        }
        if (frame.count === LINEAR_KEYS) return UNSURE;
        frame.starts[frame.count] = start;
        frame.lengths[frame.count] = length;
        frame.count++;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      let frame = frames[depth];
      if (!frame) {
        frame = { isObject: false, count: 0, starts: [], lengths: [] };
        frames.push(frame);
      }
      frame.isObject = c === 0x7b;
      frame.count = 0;
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

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** The general scan: decodes every key (escapes included) and compares them as strings. */
function findDuplicateKeyByName(text: string): string | null {
  const frames: Frame[] = [];
  let depth = -1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (;;) {
        end = text.indexOf('"', end);
        if (end === -1) return null; // not well-formed: JSON.parse reports it
        let backslashes = 0;
        for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) backslashes++;
        if (backslashes % 2 === 0) break;
        escaped = true;
        end++;
      }
      if (expectKey) {
        const frame = frames[depth]!;
        const raw = text.slice(i + 1, end);
        const key = escaped || raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (frame.set) {
          if (frame.set.has(key)) return key;
          frame.set.add(key);
        } else {
          if (frame.keys.includes(key)) return key;
          frame.keys.push(key);
          if (frame.keys.length > LINEAR_KEYS) frame.set = new Set(frame.keys);
        }
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      let frame = frames[depth];
      if (!frame) {
        frame = { isObject: false, keys: [], set: null };
        frames.push(frame);
      }
      frame.isObject = c === 0x7b;
      frame.keys.length = 0;
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

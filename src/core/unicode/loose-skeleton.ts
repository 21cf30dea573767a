import { skeleton } from './skeleton.ts';

const COMBINING_MARK = /\p{M}/gu;
const STARTS_WITH_MARK = /^\p{M}/u;
const PLAIN_ASCII = /^[a-z0-9-]*$/;
const NON_ASCII = /[^\0-\x7f]/;
const CAPITAL_SIGMA = 'Σ';

/**
 * Skeleton for domains: UTS #39 skeleton, lower case, diacritics and hyphens dropped. Plain ASCII
 * labels go by a 128-entry table, most IDN labels character by character (see `pieceOf`); the
 * rest, by the definition.
 */
export function looseSkeleton(label: string): string {
  if (PLAIN_ASCII.test(label)) return asciiSkeleton(label);
  return byCharacter(label) ?? wholeLooseSkeleton(label);
}

function wholeLooseSkeleton(label: string): string {
  const mapped = skeleton(label);
  // A skeleton of ASCII only (most homoglyphs map so) is its own NFD form and has no marks.
  if (!NON_ASCII.test(mapped)) return mapped.toLowerCase().replace(/-/g, '');
  return mapped.toLowerCase().normalize('NFD').replace(COMBINING_MARK, '').replace(/-/g, '');
}

let asciiPrototypes: string[] | null = null;
/** ASCII characters that are their own prototype (most of [a-z0-9]; not "0", "1" or "m"). */
let asciiIdentity: Uint8Array | null = null;

/** The hot path: lower-case ASCII labels, mapped with a 128-entry table taken from the skeleton. */
function asciiSkeleton(label: string): string {
  if (!asciiPrototypes || !asciiIdentity) {
    asciiPrototypes = [];
    asciiIdentity = new Uint8Array(128);
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      asciiPrototypes.push(skeleton(ch).toLowerCase().normalize('NFD').replace(COMBINING_MARK, ''));
      asciiIdentity[c] = asciiPrototypes[c] === ch ? 1 : 0;
    }
  }
  // Most labels map to themselves once hyphens go: then no string is built letter by letter.
  let identity = true;
  for (let i = 0; i < label.length && identity; i++) {
    const c = label.charCodeAt(i);
    identity = c === 45 || asciiIdentity[c] === 1;
  }
  if (identity) return label.includes('-') ? label.replace(/-/g, '') : label;
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c !== 45) out += asciiPrototypes[c]!;
  }
  return out;
}

/** Code point -> its loose skeleton, or null when a label holding it is mapped whole. */
const pieces = new Map<number, string | null>();
/** Past this many distinct code points (a hostile page's), pieces are worked out again each time. */
const MAX_PIECES = 4_096;

/** The loose skeleton of each character in turn, or undefined when one of them needs the whole label. */
function byCharacter(label: string): string | undefined {
  let out = '';
  for (let i = 0; i < label.length; ) {
    const code = label.codePointAt(i)!;
    const piece = pieceOf(code);
    if (piece === null) return undefined;
    out += piece;
    i += code > 0xffff ? 2 : 1;
  }
  return out;
}

function pieceOf(code: number): string | null {
  let piece = pieces.get(code);
  if (piece === undefined) {
    piece = independentPiece(code);
    if (pieces.size < MAX_PIECES) pieces.set(code, piece);
  }
  return piece;
}

/**
 * A character's loose skeleton, when a label's is the concatenation of its characters'. Each step
 * of the definition (NFD, map, NFD, lower case, NFD, drop marks and hyphens) then works character
 * by character, because NFD reorders marks only within a run of them and each character's part
 * starts a new run: its NFD, its mapping and that lower-cased all start with no mark. Lower case
 * depends on the letters around only for a capital sigma (final or not), so none may appear.
 */
function independentPiece(code: number): string | null {
  if (code >= 0xd800 && code <= 0xdfff) return null;
  const ch = String.fromCodePoint(code);
  if (STARTS_WITH_MARK.test(ch.normalize('NFD'))) return null;
  const mapped = skeleton(ch);
  if (mapped.includes(CAPITAL_SIGMA) || STARTS_WITH_MARK.test(mapped)) return null;
  const lower = mapped.toLowerCase().normalize('NFD');
  if (STARTS_WITH_MARK.test(lower)) return null;
  return lower.replace(COMBINING_MARK, '').replace(/-/g, '');
}

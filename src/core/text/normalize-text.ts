/** Caps work on hostile input: heuristics read at most this much text. */
export const MAX_TEXT_CHARS = 20_000;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** NFKC, lower case, no invisible characters, single spaces: what the patterns match against. */
let last: { text: string; normalized: string } | null = null;

export function normalizeText(text: string): string {
  if (typeof text !== 'string') return '';
  // One judgement normalises the same post several times (job language, red flags, reasons).
  if (last?.text === text) return last.normalized;
  const normalized = normalize(text);
  last = { text, normalized };
  return normalized;
}

const NON_ASCII = /[^\0-\x7f]/;
/** Whitespace that `\s+` -> ' ' would change: any but a lone space. Most posts have none, and then the replace is skipped. */
const FOLDABLE_SPACE = /[^\S ]| {2}/;

function foldSpaces(text: string): string {
  return FOLDABLE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

function normalize(text: string): string {
  const capped = text.slice(0, MAX_TEXT_CHARS);
  // Plain ASCII has no surrogates or invisible characters and is its own NFKC form.
  if (!NON_ASCII.test(capped)) return foldSpaces(capped.toLowerCase());
  return foldSpaces(
    capped
      // Lone surrogate halves would make normalize() and later slicing unreliable.
      .replace(LONE_SURROGATE, '')
      .normalize('NFKC')
      .toLowerCase()
      .replace(INVISIBLE, ''),
  );
}

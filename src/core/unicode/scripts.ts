import { SCRIPT_NAMES as NAMES, SCRIPT_RANGES as RANGES } from '../generated/unicode-tables.ts';

// Local bindings: a bundler's module namespace may put a getter behind every imported name.
const SCRIPT_NAMES = NAMES;
const SCRIPT_RANGES = RANGES;

/** The Unicode Script property of a code point ("Latin", "Cyrillic", "Common"...). */
export function scriptOf(codePoint: number): string {
  let lo = 0;
  let hi = SCRIPT_RANGES.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = SCRIPT_RANGES[mid * 3]!;
    const end = SCRIPT_RANGES[mid * 3 + 1]!;
    if (codePoint < start) hi = mid - 1;
    else if (codePoint > end) lo = mid + 1;
    else return SCRIPT_NAMES[SCRIPT_RANGES[mid * 3 + 2]!]!;
  }
  return 'Unknown';
}

/** Scripts a Japanese or Korean name legitimately mixes with Latin (UTS #39 "highly restrictive"). */
const ALLOWED_MIXES = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** Scripts of the ASCII characters, looked up once: most of an IDN label is ASCII. */
const ASCII_SCRIPTS = Array.from({ length: 128 }, (_, code) => scriptOf(code));

/** The scripts of the letters in a label, Common and Inherited (digits, hyphen, marks) left out. */
export function scriptsIn(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of label) {
    const code = ch.codePointAt(0)!;
    const script = code < 128 ? ASCII_SCRIPTS[code]! : scriptOf(code);
    if (script !== 'Common' && script !== 'Inherited') scripts.add(script);
  }
  return scripts;
}

/** More than one script, and not one of the allowed CJK mixes: e.g. Latin with Cyrillic. */
export function isMixedScript(label: string): boolean {
  const scripts = scriptsIn(label);
  if (scripts.size <= 1) return false;
  return !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

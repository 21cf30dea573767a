import { CONFUSABLE_PAIRS } from '../generated/unicode-tables.ts';

/** Code point -> prototype, for confusables that are one code point (all of them: see below). */
let prototypes: Map<number, string> | null = null;

/** Built on first use: the worker pays for the table only when a check needs it. */
function prototypeTable(): Map<number, string> {
  if (!prototypes) {
    prototypes = new Map();
    for (let i = 0; i < CONFUSABLE_PAIRS.length; i += 2) {
      const from = CONFUSABLE_PAIRS[i]!;
      // A key of more than one code point would never equal one character of a string.
      if (from.length === 0 || String.fromCodePoint(from.codePointAt(0)!) !== from) continue;
      prototypes.set(from.codePointAt(0)!, CONFUSABLE_PAIRS[i + 1]!);
    }
  }
  return prototypes;
}

/** UTS #39 skeleton: NFD, map each code point to its confusable prototype, NFD again. */
export function skeleton(text: string): string {
  const table = prototypeTable();
  const nfd = text.normalize('NFD');
  let out = '';
  // By code point, keyed by number: no one-character string is made for characters that map.
  for (let i = 0; i < nfd.length; ) {
    const code = nfd.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const proto = table.get(code);
    out += proto ?? (width === 1 ? nfd[i] : nfd.slice(i, i + 2));
    i += width;
  }
  return out.normalize('NFD');
}

/** What a single character is confusable with, if anything ("а" -> "a"). */
export function confusableWith(ch: string): string | undefined {
  const code = ch.codePointAt(0);
  if (code === undefined || String.fromCodePoint(code) !== ch) return undefined;
  const proto = prototypeTable().get(code);
  return proto === undefined || proto === ch ? undefined : proto;
}

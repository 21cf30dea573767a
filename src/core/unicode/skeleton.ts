import { CONFUSABLE_PAIRS } from '../generated/unicode-tables.ts';

let prototypes: Map<string, string> | null = null;

/** Built on first use: the worker pays for the table only when a check needs it. */
function prototypeOf(ch: string): string | undefined {
  if (!prototypes) {
    prototypes = new Map();
    for (let i = 0; i < CONFUSABLE_PAIRS.length; i += 2)
      prototypes.set(CONFUSABLE_PAIRS[i]!, CONFUSABLE_PAIRS[i + 1]!);
  }
  return prototypes.get(ch);
}

/** UTS #39 skeleton: NFD, map each code point to its confusable prototype, NFD again. */
export function skeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) out += prototypeOf(ch) ?? ch;
  return out.normalize('NFD');
}

/** What a single character is confusable with, if anything ("а" -> "a"). */
export function confusableWith(ch: string): string | undefined {
  const proto = prototypeOf(ch);
  return proto === undefined || proto === ch ? undefined : proto;
}

/**
 * Which one-letter replacements make a typo. A squatter's replaced letter is one a person hits by
 * mistake (a neighbouring key), one a memory fault flips (one bit), a vowel for a vowel, or a
 * letter that reads like the original. Any other replacement ("metatask", "metacask" for
 * "metamask") spells a different word far more often than it imitates the brand: those are not
 * typos. Omissions, insertions, repetitions and transpositions are not filtered. Skeletons (a
 * homoglyph plus a typo) are held to the same rule.
 */

/** Keyboard rows, top to bottom, for the layouts dnstwist models (QWERTY, QWERTZ, AZERTY). */
const LAYOUTS = [
  ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
  ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
];

const VOWELS = 'aeiouy';

/** Letters that read alike in the sans-serif fonts of chat apps and address bars. */
const LOOK_ALIKE = 'ce co nm nh nr hb bd dq pq gq uv vw vy il ij lt ft'.split(' ');

/**
 * One flag per pair of ASCII characters (128 × 128): typo search compares lower-case ASCII labels
 * and their skeletons; a character outside ASCII is not judged here.
 */
const PAIRS = new Uint8Array(128 * 128);

function allow(a: string, b: string): void {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  PAIRS[x * 128 + y] = 1;
  PAIRS[y * 128 + x] = 1;
}

for (const rows of LAYOUTS) {
  // Staggered rows: a key touches its row neighbours, the two keys above it (same and next
  // column) and the two below (previous and same column).
  rows.forEach((row, r) => {
    for (let col = 0; col < row.length; col++) {
      const key = row[col]!;
      if (col + 1 < row.length) allow(key, row[col + 1]!);
      const above = rows[r - 1];
      for (const c of [col, col + 1]) if (above?.[c]) allow(key, above[c]);
    }
  });
}
for (const a of VOWELS) for (const b of VOWELS) if (a !== b) allow(a, b);
for (const pair of LOOK_ALIKE) allow(pair[0]!, pair[1]!);
const HOST_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
for (const a of HOST_CHARS) {
  for (let bit = 1; bit < 128; bit <<= 1) {
    const b = String.fromCharCode(a.charCodeAt(0) ^ bit);
    if (HOST_CHARS.includes(b)) allow(a, b);
  }
}

/**
 * False only when `word` is `token` with exactly one letter replaced, and that replacement is
 * none of the kinds above. Any other difference (or none) is left to the edit distance.
 */
export function isPlausibleTypo(word: string, token: string): boolean {
  if (word.length !== token.length) return true;
  let at = -1;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) === token.charCodeAt(i)) continue;
    if (at !== -1) return true;
    at = i;
  }
  if (at === -1) return true;
  const a = word.charCodeAt(at);
  const b = token.charCodeAt(at);
  return a >= 128 || b >= 128 || PAIRS[a * 128 + b] === 1;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), capped:
 * exact up to `max`, and more than `max` beyond it. Only cells within `max` of the diagonal are
 * computed (an alignment of cost <= max never leaves that band), so a check costs O(n * max).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Reused rows (every cell read is written first, or is a band edge set below): typo checks call
  // this per candidate token.
  if (ROWS[0]!.length < b.length + 2) for (let r = 0; r < 3; r++) ROWS[r] = new Int32Array(b.length + 2);
  const rows = ROWS;
  const beyond = max + 1;
  for (let j = 0; j <= b.length; j++) rows[1]![j] = j;
  rows[1]![b.length + 1] = beyond;
  for (let i = 1; i <= a.length; i++) {
    const twoBack = rows[0]!;
    const prev = rows[1]!;
    const cur = rows[2]!;
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[lo - 1] = lo === 1 ? i : beyond;
    let best = lo === 1 ? i : beyond;
    // Code units compared as numbers: no one-character strings in the inner loop.
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j]! + 1;
      const insert = cur[j - 1]! + 1;
      if (insert < v) v = insert;
      const substitute = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (substitute < v) v = substitute;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const transpose = twoBack[j - 2]! + 1;
        if (transpose < v) v = transpose;
      }
      cur[j] = v;
      if (v < best) best = v;
    }
    // The next row reads one cell past this band.
    cur[hi + 1] = beyond;
    if (best > max) return beyond;
    rows[0] = prev;
    rows[1] = cur;
    rows[2] = twoBack;
  }
  return Math.min(rows[1]![b.length]!, beyond);
}
const ROWS = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** How many edits a token of this length tolerates: short names have too many real neighbours. */
export function allowedEdits(tokenLength: number): number {
  if (tokenLength < 5) return 0;
  return tokenLength < 9 ? 1 : 2;
}

/** Every string reachable by deleting up to `depth` characters (the symmetric-delete neighbourhood). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Deletion neighbourhoods by hash. Checks hash the query's deletions straight from prefix hashes
 * (no string is built), so a typo lookup costs a few dozen multiplications and map reads.
 * A 32-bit polynomial hash collides now and then; every hit is confirmed by `editDistance`.
 */
const BASE = 131;
/** Powers of BASE mod 2^32, enough for any DNS label (63) and then some. */
const POWERS = new Uint32Array(129);
POWERS[0] = 1;
for (let i = 1; i < POWERS.length; i++) POWERS[i] = Math.imul(POWERS[i - 1]!, BASE) >>> 0;
const MAX_HASHED = POWERS.length - 1;
const PREFIX = new Uint32Array(MAX_HASHED + 1);

export function stringHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) >>> 0;
  return h;
}

/** One step of `stringHash` over the lower-cased character, for ASCII codes: a word is hashed as it is read. */
export function foldedHashStep(hash: number, code: number): number {
  return (Math.imul(hash, BASE) + (code >= 65 && code <= 90 ? code + 32 : code)) >>> 0;
}

/**
 * Calls `visit` with the hash of the word and of every deletion of up to `depth` (1 or 2)
 * characters, as `stringHash` would give for each deleted string; stops when `visit` says so.
 */
export function someDeletionHash(word: string, depth: number, visit: (hash: number) => boolean): boolean {
  const n = word.length;
  if (n > MAX_HASHED) return false;
  // One shared buffer: the callback never starts another hash walk, and a fresh array per call is garbage.
  const prefix = PREFIX;
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = Math.imul(prefix[i]!, BASE) + word.charCodeAt(i);
  if (visit(prefix[n]!)) return true;
  for (let i = 0; i < n; i++) {
    const head = prefix[i]!;
    // hash(word without i) = hash(word[..i]) * B^(n-i-1) + hash(word[i+1..])
    const tail = (prefix[n]! - Math.imul(prefix[i + 1]!, POWERS[n - i - 1]!)) >>> 0;
    if (visit((Math.imul(head, POWERS[n - i - 1]!) + tail) >>> 0)) return true;
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const middle = (prefix[j]! - Math.imul(prefix[i + 1]!, POWERS[j - i - 1]!)) >>> 0;
      const left = (Math.imul(head, POWERS[j - i - 1]!) + middle) >>> 0;
      const right = (prefix[n]! - Math.imul(prefix[j + 1]!, POWERS[n - j - 1]!)) >>> 0;
      if (visit((Math.imul(left, POWERS[n - j - 1]!) + right) >>> 0)) return true;
    }
  }
  return false;
}

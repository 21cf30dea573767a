/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = [
    new Array<number>(b.length + 1),
    new Array<number>(b.length + 1),
    new Array<number>(b.length + 1),
  ];
  for (let j = 0; j <= b.length; j++) rows[1]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const [twoBack, prev] = [rows[0]!, rows[1]!];
    const cur = rows[2]!;
    cur[0] = i;
    let best = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, twoBack[j - 2]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    rows[0] = prev;
    rows[1] = cur;
    rows[2] = twoBack;
  }
  return rows[1]![b.length]!;
}

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

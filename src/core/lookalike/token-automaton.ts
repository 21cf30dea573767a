/**
 * Brand tokens as an Aho-Corasick automaton with every transition filled in (a DFA): finding the
 * longest token inside a label is one table step per character, whatever the number of brands.
 * A trie walked from every start position takes a step per character of every partial match
 * instead, and with thousands of brands most positions start one. Built once, never changed.
 */
export class TokenAutomaton<T> {
  /** Where the key found by the last `longestIn` starts. */
  matchStart = 0;

  private constructor(
    /** State * width + symbol -> next state; state 0 is the root (nothing matched). */
    private readonly next: Int32Array,
    private readonly width: number,
    /** Code units beyond a-z and 0-9 that some key holds -> their symbol. */
    private readonly extraSymbols: ReadonlyMap<number, number>,
    /** State -> the longest key that ends there (an index into `values`), or -1. */
    private readonly longestKey: Int32Array,
    private readonly keyLengths: Int32Array,
    private readonly values: readonly T[],
  ) {}

  /** An automaton over the keys; a key given twice keeps its last value. */
  static from<T>(entries: Iterable<readonly [string, T]>): TokenAutomaton<T> {
    const keys = new Map(entries);
    const extraSymbols = new Map<number, number>();
    for (const key of keys.keys()) {
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        if (symbolOf(code) < 0 && !extraSymbols.has(code)) extraSymbols.set(code, BASIC + extraSymbols.size);
      }
    }
    const width = BASIC + extraSymbols.size;
    const symbol = (code: number) => {
      const basic = symbolOf(code);
      return basic >= 0 ? basic : extraSymbols.get(code)!;
    };

    // The trie: children by symbol (0 for none: the root is nobody's child); each state's key, or -1.
    let children = new Int32Array(width * 64);
    const keyAt: number[] = [-1];
    const values: T[] = [];
    const keyLengths: number[] = [];
    for (const [key, value] of keys) {
      // The root stands for no match at all, so it holds no key.
      if (key.length === 0) continue;
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const at = state * width + symbol(key.charCodeAt(i));
        if (children[at] === 0) {
          children[at] = keyAt.length;
          keyAt.push(-1);
          if (keyAt.length * width > children.length) {
            const grown = new Int32Array(children.length * 2);
            grown.set(children);
            children = grown;
          }
        }
        state = children[at]!;
      }
      keyAt[state] = values.length;
      values.push(value);
      keyLengths.push(key.length);
    }

    // Breadth first: a state's fallback (its longest proper suffix in the trie) is complete before
    // its children need it. A missing child becomes the fallback's transition.
    const next = new Int32Array(keyAt.length * width);
    const fallback = new Int32Array(keyAt.length);
    const longestKey = Int32Array.from(keyAt);
    const queue: number[] = [];
    for (let s = 0; s < width; s++) {
      next[s] = children[s]!;
      if (children[s] !== 0) queue.push(children[s]!);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      // A key ending here is the longest; otherwise the longest one ending at the fallback.
      if (longestKey[state] === -1) longestKey[state] = longestKey[fallback[state]!]!;
      for (let s = 0; s < width; s++) {
        const child = children[state * width + s]!;
        const viaFallback = next[fallback[state]! * width + s]!;
        if (child === 0) next[state * width + s] = viaFallback;
        else {
          next[state * width + s] = child;
          fallback[child] = viaFallback;
          queue.push(child);
        }
      }
    }
    return new TokenAutomaton(next, width, extraSymbols, longestKey, Int32Array.from(keyLengths), values);
  }

  /**
   * The longest key inside `text`, the leftmost of equals (`matchStart` says where it starts),
   * or undefined when none is.
   */
  longestIn(text: string): T | undefined {
    let state = 0;
    let best = -1;
    let bestEnd = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let s = symbolOf(code);
      if (s < 0) s = this.extraSymbols.size === 0 ? -1 : (this.extraSymbols.get(code) ?? -1);
      // A character no key holds: no match spans it.
      state = s < 0 ? 0 : this.next[state * this.width + s]!;
      const key = this.longestKey[state]!;
      // Only a strictly longer key replaces the best: of equal keys, the one ending first starts first.
      if (key !== -1 && (best === -1 || this.keyLengths[key]! > this.keyLengths[best]!)) {
        best = key;
        bestEnd = i + 1;
      }
    }
    if (best === -1) return undefined;
    this.matchStart = bestEnd - this.keyLengths[best]!;
    return this.values[best];
  }
}

/** a-z and 0-9: all a validated token holds. */
const BASIC = 36;

/** 0-25 for a-z, 26-35 for 0-9, -1 for any other code unit. */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return -1;
}

/**
 * A blocked Bloom filter over 32-bit key hashes: "certainly not listed" for nearly every host and
 * URL a page shows, in one memory read, before a probe of a million-key map. A hit only means
 * "maybe": the map is still asked, so a false positive costs a lookup, never a wrong verdict.
 */
export class KeyFilter {
  private readonly words: Int32Array;
  private readonly shift: number;

  /** About 16 bits per key, three of them set in one 32-bit word: about 1% false positives. */
  constructor(expectedKeys: number) {
    const log2 = Math.min(26, Math.max(6, Math.ceil(Math.log2(expectedKeys / 2 + 1))));
    this.words = new Int32Array(2 ** log2);
    this.shift = 32 - log2;
  }

  add(hash: number): void {
    this.words[this.wordOf(hash)]! |= bitsOf(hash);
  }

  mayHave(hash: number): boolean {
    const bits = bitsOf(hash);
    return (this.words[this.wordOf(hash)]! & bits) === bits;
  }

  /** Fibonacci hashing: the polynomial hash's low bits mix poorly, the product's high bits do not. */
  private wordOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }
}

function bitsOf(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (1 << (mixed & 31)) | (1 << ((mixed >>> 5) & 31)) | (1 << ((mixed >>> 10) & 31));
}

const BASE = 31;

/** One step of the polynomial string hash that `keyHash` and the incremental walks share. */
export function hashStep(hash: number, code: number): number {
  return (Math.imul(hash, BASE) + code) | 0;
}

/** Hash of a key read left to right (URL keys: their prefixes are hashed on the way). */
export function keyHash(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = hashStep(hash, key.charCodeAt(i));
  return hash;
}

/** Hash of a key read right to left (host keys: every parent domain is hashed on the way). */
export function reversedKeyHash(key: string): number {
  let hash = 0;
  for (let i = key.length - 1; i >= 0; i--) hash = hashStep(hash, key.charCodeAt(i));
  return hash;
}

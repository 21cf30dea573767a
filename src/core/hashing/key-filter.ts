/**
 * A blocked Bloom filter over 32-bit key hashes: "certainly not listed" for nearly every key a
 * check asks about, before a probe of a big map. A hit only means "maybe": the map is still
 * asked, so a false positive costs a lookup, never a wrong verdict. Each key sits in one 64-byte
 * line picked by a block hash: keys asked about together (the parent domains and URL prefixes of
 * one host) can share a block, so one check touches one or two cache lines, not one per key.
 */
export class KeyFilter {
  private readonly words: Int32Array;
  private readonly lineShift: number;

  /** About 16 bits per key, three of them set in one 32-bit word: about 1% false positives. */
  constructor(expectedKeys: number) {
    const log2 = Math.min(26, Math.max(6, Math.ceil(Math.log2(expectedKeys / 2 + 1))));
    this.words = new Int32Array(2 ** log2);
    // Lines of 16 words.
    this.lineShift = 32 - (log2 - 4);
  }

  add(hash: number, block = hash): void {
    this.words[this.wordOf(hash, block)]! |= bitsOf(hash);
  }

  mayHave(hash: number, block = hash): boolean {
    const bits = bitsOf(hash);
    return (this.words[this.wordOf(hash, block)]! & bits) === bits;
  }

  /** Fibonacci hashing picks the line (the polynomial hash's low bits mix poorly); the key, the word in it. */
  private wordOf(hash: number, block: number): number {
    return ((Math.imul(block, 0x9e3779b1) >>> this.lineShift) << 4) | (mix(hash) >>> 28);
  }
}

function mix(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
}

function bitsOf(hash: number): number {
  const mixed = mix(hash);
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

/** Hash of a key from `start` read right to left (host keys: every parent domain is hashed on the way). */
export function reversedKeyHash(key: string, start = 0): number {
  let hash = 0;
  for (let i = key.length - 1; i >= start; i--) hash = hashStep(hash, key.charCodeAt(i));
  return hash;
}

/**
 * The block of a host and of every key under it: the reversed hash of its last two labels
 * ("evil.com" for a.b.evil.com), or of the host itself when it has no dot. All parent domains
 * with a dot share their last two labels, so a suffix walk stays in one block, plus the TLD's.
 */
export function hostBlock(host: string): number {
  const last = host.lastIndexOf('.');
  if (last === -1) return reversedKeyHash(host);
  return reversedKeyHash(host, last === 0 ? 0 : host.lastIndexOf('.', last - 1) + 1);
}

/**
 * `reversedKeyHash` and `hostBlock` of a host in one walk (an index build does this a million
 * times), written to `hashes[at]` and `blocks[at]`.
 */
export function writeHostKey(host: string, hashes: Int32Array, blocks: Int32Array, at: number): void {
  let hash = 0;
  let block = 0;
  let dots = 0;
  for (let i = host.length - 1; i >= 0; i--) {
    const code = host.charCodeAt(i);
    // At the second dot from the right, the hash so far is that of the last two labels.
    if (code === 46 && ++dots === 2) block = hash;
    hash = hashStep(hash, code);
  }
  hashes[at] = hash;
  blocks[at] = dots >= 2 ? block : hash;
}

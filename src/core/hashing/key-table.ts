import { keyHash } from './key-filter.ts';

const NONE: readonly number[] = [];

/**
 * key -> positions (of indicators), keyed by our own 32-bit string hash. Entries are appended as a
 * list is indexed and placed once (`seal`) in an open-addressing table of typed arrays sized for
 * all of them: a Map of a million strings hashes every key again and rehashes
 * itself as it grows, which cost a third of an index build. Positions of one key come back in the
 * order they were added (linear probing without removal keeps that order along a probe run).
 */
export class KeyTable {
  private readonly keys: string[] = [];
  private readonly positions: number[] = [];
  private readonly hashes: number[] = [];
  /** Entry number + 1 per slot, 0 for empty; the slot's hash beside it skips most string compares. */
  private slots = new Int32Array(2);
  private slotHashes = new Int32Array(2);
  private shift = 31;
  private placed = 0;

  /** `hash` defaults to `keyHash(key)`; a caller that hashes keys otherwise passes its own, the same for `get`. */
  add(key: string, position: number, hash = keyHash(key)): void {
    this.keys.push(key);
    this.positions.push(position);
    this.hashes.push(hash);
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * Places the entries added so far in the table; a lookup does it too when something was added
   * since, but an index build calls it itself, so its first lookup does not pay for it.
   */
  seal(): void {
    if (this.placed !== this.keys.length) this.place();
  }

  get(key: string, hash = keyHash(key)): readonly number[] {
    this.seal();
    const mask = this.slots.length - 1;
    let found: number[] | undefined;
    for (let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry === -1) return found ?? NONE;
      if (this.slotHashes[slot] === hash && this.keys[entry] === key) {
        if (found) found.push(this.positions[entry]!);
        else found = [this.positions[entry]!];
      }
    }
  }

  /** A table at most half full: probe runs stay short. */
  private place(): void {
    const log2 = Math.max(1, Math.ceil(Math.log2(this.keys.length * 2)));
    this.slots = new Int32Array(2 ** log2);
    this.slotHashes = new Int32Array(2 ** log2);
    this.shift = 32 - log2;
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      const hash = this.hashes[entry]!;
      let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
      this.slotHashes[slot] = hash;
    }
    this.placed = this.keys.length;
  }
}

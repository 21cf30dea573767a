import { describe, expect, it } from 'vitest';
import {
  hashStep,
  hostBlock,
  KeyFilter,
  keyHash,
  reversedKeyHash,
  writeHostKey,
} from '../../../src/core/hashing/key-filter.ts';

describe('KeyFilter', () => {
  it('never rules out a key it holds', () => {
    const filter = new KeyFilter(10_000);
    const keys = Array.from({ length: 10_000 }, (_, i) => `host-${i}.example.com`);
    for (const key of keys) filter.add(keyHash(key));
    for (const key of keys) expect(filter.mayHave(keyHash(key))).toBe(true);
  });

  it('rules out nearly every key it does not hold', () => {
    const filter = new KeyFilter(10_000);
    for (let i = 0; i < 10_000; i++) filter.add(reversedKeyHash(`listed-${i}.com`));
    let maybe = 0;
    for (let i = 0; i < 10_000; i++) if (filter.mayHave(reversedKeyHash(`other-${i}.net`))) maybe++;
    expect(maybe).toBeLessThan(300);
  });

  it('holds nothing when empty, even with no keys expected', () => {
    const filter = new KeyFilter(0);
    for (const key of ['', 'a', 'example.com']) expect(filter.mayHave(keyHash(key))).toBe(false);
  });
});

describe('key hashes', () => {
  it('hash a key step by step, as the incremental walks in indicator-index.ts do', () => {
    let hash = 0;
    for (const ch of 'evil.example/jd') hash = hashStep(hash, ch.charCodeAt(0));
    expect(hash).toBe(keyHash('evil.example/jd'));
  });

  it('read a key backwards for host suffixes', () => {
    expect(reversedKeyHash('example.com')).toBe(keyHash('moc.elpmaxe'));
    expect(reversedKeyHash('a.example.com')).not.toBe(reversedKeyHash('b.example.com'));
  });
});

describe('host blocks', () => {
  it('put a host and every parent domain with a dot in one block', () => {
    const block = hostBlock('evil.com');
    expect(hostBlock('a.b.evil.com')).toBe(block);
    expect(hostBlock('b.evil.com')).toBe(block);
    expect(hostBlock('com')).toBe(reversedKeyHash('com'));
    expect(hostBlock('..com')).toBe(reversedKeyHash('.com'));
  });

  it('come out of the one-walk writer as from hostBlock and reversedKeyHash', () => {
    const hashes = new Int32Array(1);
    const blocks = new Int32Array(1);
    for (const host of ['evil.com', 'a.b.evil.com', 'com', '.com', '..com', 'a..b.c', '']) {
      writeHostKey(host, hashes, blocks, 0);
      expect([hashes[0], blocks[0]]).toEqual([reversedKeyHash(host), hostBlock(host)]);
    }
  });

  it('still never rule out a key added with its block', () => {
    const filter = new KeyFilter(1_000);
    for (let i = 0; i < 1_000; i++) filter.add(keyHash(`k${i}`), i % 7);
    for (let i = 0; i < 1_000; i++) expect(filter.mayHave(keyHash(`k${i}`), i % 7)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { keyHash, reversedKeyHash } from '../../../src/core/hashing/key-filter.ts';
import { KeyTable } from '../../../src/core/hashing/key-table.ts';

describe('KeyTable', () => {
  it('finds every key it holds, and nothing else', () => {
    const table = new KeyTable();
    for (let i = 0; i < 5_000; i++) table.add(`host-${i}.example.com`, i);
    for (let i = 0; i < 5_000; i++) expect(table.get(`host-${i}.example.com`)).toEqual([i]);
    expect(table.get('host-5000.example.com')).toEqual([]);
    expect(table.get('')).toEqual([]);
    expect(table.size).toBe(5_000);
  });

  it('returns every position of a key in the order they were added', () => {
    const table = new KeyTable();
    table.add('a.com', 3);
    table.add('b.com', 1);
    table.add('a.com', 0);
    table.add('a.com', 7);
    expect(table.get('a.com')).toEqual([3, 0, 7]);
    expect(table.get('b.com')).toEqual([1]);
  });

  it('tells keys apart when their hashes collide', () => {
    const table = new KeyTable();
    table.add('one', 1, 42);
    table.add('two', 2, 42);
    expect(table.get('one', 42)).toEqual([1]);
    expect(table.get('two', 42)).toEqual([2]);
    expect(table.get('three', 42)).toEqual([]);
  });

  it('uses the hash its caller keys by, and sees keys added after a lookup', () => {
    const table = new KeyTable();
    table.add('evil.com', 0, reversedKeyHash('evil.com'));
    expect(table.get('evil.com', reversedKeyHash('evil.com'))).toEqual([0]);
    table.add('bad.io', 1, reversedKeyHash('bad.io'));
    expect(table.get('bad.io', reversedKeyHash('bad.io'))).toEqual([1]);
    expect(table.get('evil.com', reversedKeyHash('evil.com'))).toEqual([0]);
    expect(reversedKeyHash('evil.com')).not.toBe(keyHash('evil.com'));
  });

  it('finds the same after an explicit seal, and keys added after it', () => {
    const table = new KeyTable();
    table.add('a.com', 0);
    table.seal();
    expect(table.get('a.com')).toEqual([0]);
    table.add('b.com', 1);
    table.seal();
    expect(table.get('b.com')).toEqual([1]);
    expect(table.get('a.com')).toEqual([0]);
  });

  it('holds nothing when empty', () => {
    expect(new KeyTable().get('example.com')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../../src/core/lists/json-duplicate-keys.ts';

const many = (n: number, extra = '') =>
  `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}${extra}}`;

describe('findDuplicateKey', () => {
  it.each([
    ['{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}', null],
    ['{"a":1,"b":2,"a":3}', 'a'],
    ['[{"x":1},{"y":{"z":1,"z":2}}]', 'z'],
    ['{"a":{"b":1},"b":2,"a":3}', 'a'],
    ['{"v\\u0065rsion":1,"version":2}', 'version'],
    ['{"a\\"b":1,"a\\\\":2,"a\\"b":3}', 'a"b'],
    ['{"s":"\\"a\\":1,\\"a\\":2","t":["a","a"]}', null],
    ['{"__proto__":1,"__proto__":2}', '__proto__'],
    [many(40), null],
    [many(40, ',"k3":9'), 'k3'],
    [`[${many(20)},${many(20)}]`, null],
  ])('%s -> %s', (text, duplicate) => {
    expect(findDuplicateKey(text)).toBe(duplicate);
  });
});

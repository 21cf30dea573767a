import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile, readInputText } from '../../../src/cli/read-input-file.ts';

describe('readInputFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lureguard-read-'));

  it('reads a regular file within the cap', async () => {
    const path = join(dir, 'key.pub');
    writeFileSync(path, 'ed25519:abc\n');
    expect(await readInputText(path, 100)).toEqual({ ok: true, text: 'ed25519:abc\n' });
  });

  it('refuses a device instead of reading forever', async () => {
    expect(await readInputFile('/dev/zero', 1024)).toEqual({
      ok: false,
      problem: 'cannot read /dev/zero: not a regular file',
    });
  });

  it('refuses a directory and a file over the cap', async () => {
    expect(await readInputFile(dir, 1024)).toMatchObject({ ok: false, problem: /not a regular file/ });
    const big = join(dir, 'big.json');
    writeFileSync(big, 'x'.repeat(2048));
    expect(await readInputFile(big, 1024)).toEqual({
      ok: false,
      problem: `cannot read ${big}: larger than 1024 bytes`,
    });
  });

  it('names the error code of a missing file', async () => {
    expect(await readInputFile(join(dir, 'nope'), 1024)).toEqual({
      ok: false,
      problem: `cannot read ${join(dir, 'nope')}: ENOENT`,
    });
  });
});

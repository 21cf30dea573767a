import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';

/** Runs `lureguard ARGV` in-process and captures what it prints. */
export async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    async *readStdin() {},
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'lureguard-cli-'));

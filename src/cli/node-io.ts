import { createInterface } from 'node:readline';
import type { CliIo } from './cli-io.ts';

/** The real process streams behind the CliIo interface. */
export const nodeIo: CliIo = {
  readStdin: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

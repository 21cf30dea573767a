import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../core/lists/bytes.ts';
import { publicKeyLine } from '../../core/lists/dsse.ts';
import { type CliIo, EXIT } from '../cli-io.ts';
import { parseArgs } from '../parse-args.ts';
import { generateSigningKeyPair, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './key-files.ts';

/** `lureguard keygen --out DIR`: a new Ed25519 signing key pair; never overwrites. */
export async function runKeygen(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['out'] });
  if (!args.ok || !args.values.out || args.positionals.length > 0 || args.values.out.length > 1) {
    io.err(`lureguard keygen: ${args.ok ? 'needs exactly one --out DIR' : args.problem}`);
    io.err('usage: lureguard keygen --out DIR');
    return EXIT.usage;
  }
  const dir = args.values.out[0]!;
  const { pem, publicRaw } = generateSigningKeyPair();
  const line = publicKeyLine(publicRaw);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // 'wx' fails if the file exists: an existing key is never replaced.
    await writeFile(join(dir, PRIVATE_KEY_FILE), pem, { mode: 0o600, flag: 'wx' });
    await writeFile(join(dir, PUBLIC_KEY_FILE), `${line}\n`, { mode: 0o644, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EEXIST'
        ? `lureguard keygen: refusing to overwrite the existing key in ${dir}`
        : `lureguard keygen: cannot write to ${dir}: ${code ?? (error as Error).message}`,
    );
    return EXIT.failure;
  }
  io.out(line);
  io.out(`keyid ${await sha256Hex(publicRaw)}`);
  return EXIT.ok;
}

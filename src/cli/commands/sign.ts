import { type SigningKey, signEnvelope } from '../../core/lists/sign-envelope.ts';
import { type CliIo, EXIT } from '../cli-io.ts';
import { parseArgs } from '../parse-args.ts';
import { loadSigningKey } from './key-files.ts';
import { readPayloadFile } from './payload-file.ts';

/** `lureguard sign --key FILE [--key FILE …] PAYLOAD.json`: the DSSE envelope on stdout. */
export async function runSign(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['key'] });
  if (!args.ok || !args.values.key || args.positionals.length !== 1) {
    io.err(
      `lureguard sign: ${args.ok ? 'needs at least one --key FILE and one PAYLOAD.json' : args.problem}`,
    );
    io.err('usage: lureguard sign --key FILE [--key FILE ...] PAYLOAD.json');
    return EXIT.usage;
  }
  const payload = await readPayloadFile(args.positionals[0]!);
  if (!payload.ok) {
    io.err(`lureguard sign: ${payload.problem}`);
    return EXIT.failure;
  }
  const keys: SigningKey[] = [];
  for (const path of args.values.key) {
    const loaded = await loadSigningKey(path);
    if (!loaded.ok) {
      io.err(`lureguard sign: ${loaded.problem}`);
      return EXIT.failure;
    }
    keys.push(loaded.key);
  }
  io.out(JSON.stringify(await signEnvelope(payload.bytes, keys)));
  return EXIT.ok;
}

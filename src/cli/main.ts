import { type CliIo, EXIT } from './cli-io.ts';
import { runCheck } from './commands/check.ts';
import { runImport } from './commands/import.ts';
import { runKeygen } from './commands/keygen.ts';
import { runSign } from './commands/sign.ts';
import { runVerify } from './commands/verify.ts';
import { nodeIo } from './node-io.ts';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  check: runCheck,
  keygen: runKeygen,
  sign: runSign,
  verify: runVerify,
  import: runImport,
};

const USAGE = `usage: lureguard <command> [options]

commands:
  check [--heuristics-only] [--indicators FILE --key KEY]   judge URLs or JSON candidates, one per stdin line
  keygen --out DIR                                           create an Ed25519 signing key pair
  sign --key FILE [--key FILE ...] PAYLOAD.json              sign an indicator list (DSSE envelope on stdout)
  verify --pub ed25519:<b64> [--pub ...] [--threshold N] [--feed-id ID] [--min-version N] ENVELOPE.json
  import --from stix|misp|csv|text FILE                      convert threat intel into an unsigned list payload`;

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`lureguard: unknown command '${name}'`);
    io.err(USAGE);
    return EXIT.usage;
  }
  return command(rest, io);
}

import { verifyEnvelope } from '../../core/lists/verify-envelope.ts';
import { type CliIo, EXIT } from '../cli-io.ts';
import { parseArgs, readPublicKeys } from '../parse-args.ts';
import { INPUT_LIMITS, readInputFile } from '../read-input-file.ts';

const USAGE =
  'usage: lureguard verify --pub ed25519:<b64> [--pub ...] [--threshold N] [--feed-id ID] [--min-version N] ENVELOPE.json';

function wholeNumber(value: string | undefined, fallback: number | undefined): number | undefined | null {
  if (value === undefined) return fallback;
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * `lureguard verify`: exit 0 with feedId, version, expiry and count, or exit 1 with a one-line
 * reason. Without --feed-id the payload's own feedId is accepted (say --feed-id in automation).
 */
export async function runVerify(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['pub', 'threshold', 'feed-id', 'min-version'] });
  if (!args.ok || !args.values.pub || args.positionals.length !== 1) {
    io.err(`lureguard verify: ${args.ok ? 'needs at least one --pub and one ENVELOPE.json' : args.problem}`);
    io.err(USAGE);
    return EXIT.usage;
  }
  const threshold = wholeNumber(args.values.threshold?.[0], 1);
  const minVersion = wholeNumber(args.values['min-version']?.[0], undefined);
  if (threshold === null || threshold === undefined || threshold < 1 || minVersion === null) {
    io.err('lureguard verify: --threshold and --min-version take whole numbers (threshold ≥ 1)');
    return EXIT.usage;
  }
  if (threshold > args.values.pub.length) {
    io.err(`lureguard verify: --threshold ${threshold} needs at least ${threshold} --pub keys`);
    return EXIT.usage;
  }
  const keys = await readPublicKeys(args.values.pub);
  if (!keys.ok) {
    io.err(`lureguard verify: ${keys.problem}`);
    return EXIT.usage;
  }
  const read = await readInputFile(args.positionals[0]!, INPUT_LIMITS.listBytes);
  if (!read.ok) {
    io.out(`malformed: ${read.problem}`);
    return EXIT.failure;
  }
  const { bytes } = read;
  const result = await verifyEnvelope(bytes, {
    feedId: args.values['feed-id']?.[0],
    keys: keys.keys,
    threshold,
    minVersion,
  });
  if (!result.ok) {
    io.out(result.detail ? `${result.problem}: ${result.detail}` : result.problem);
    return EXIT.failure;
  }
  const p = result.payload;
  io.out(
    `ok feedId=${p.feedId} version=${p.version} expires=${p.expiresAt} indicators=${p.indicators.length}`,
  );
  return EXIT.ok;
}

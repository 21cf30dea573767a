import { createEngine, type Engine } from '../../core/engine.ts';
import { buildIndicatorIndex } from '../../core/lists/indicator-index.ts';
import { verifyEnvelope } from '../../core/lists/verify-envelope.ts';
import { Candidate } from '../../core/types.ts';
import { type CliIo, EXIT } from '../cli-io.ts';
import { parseArgs, readPublicKeys } from '../parse-args.ts';
import { INPUT_LIMITS, readInputFile } from '../read-input-file.ts';

const MAX_LINE_CHARS = 1_000_000;

/**
 * `lureguard check`: one verdict per stdin line, in input order. A line is a bare URL or
 * hostname, or a JSON candidate. A bad line gets `{"error": ...}` and the rest still run.
 */
export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    flags: ['heuristics-only'],
    values: ['indicators', 'key', 'feed-id', 'threshold'],
  });
  if (!args.ok) return usage(io, args.problem);
  const { flags, values, positionals } = args;
  if (positionals.length > 0) return usage(io, `unexpected argument '${positionals[0]}'`);
  if (flags.has('heuristics-only') && values.indicators) {
    return usage(io, '--heuristics-only and --indicators cannot be used together');
  }
  if (values.indicators && !values.key)
    return usage(io, '--indicators needs --key (a public key or .pub file)');

  let engine: Engine;
  if (flags.has('heuristics-only')) {
    engine = createEngine({ indicators: null });
  } else if (values.indicators) {
    const loaded = await loadSignedList(values.indicators[0]!, values);
    if (!loaded.ok) {
      io.err(`lureguard check: ${loaded.problem}`);
      return EXIT.failure;
    }
    engine = loaded.engine;
  } else {
    engine = createEngine();
  }

  for await (const line of io.readStdin()) io.out(JSON.stringify(judgeLine(engine, line)));
  return EXIT.ok;
}

async function loadSignedList(
  file: string,
  values: Record<string, string[]>,
): Promise<{ ok: true; engine: Engine } | { ok: false; problem: string }> {
  const read = await readInputFile(file, INPUT_LIMITS.listBytes);
  if (!read.ok) return read;
  const { bytes } = read;
  const keys = await readPublicKeys(values.key ?? []);
  if (!keys.ok) return keys;
  const threshold = Number(values.threshold?.[0] ?? 1);
  if (!Number.isInteger(threshold) || threshold < 1)
    return { ok: false, problem: '--threshold must be a whole number ≥ 1' };
  const result = await verifyEnvelope(bytes, { feedId: values['feed-id']?.[0], keys: keys.keys, threshold });
  if (!result.ok)
    return { ok: false, problem: `${file}: ${result.problem}${result.detail ? `: ${result.detail}` : ''}` };
  const indicators = buildIndicatorIndex([{ feedId: result.payload.feedId, payload: result.payload }]);
  return { ok: true, engine: createEngine({ indicators }) };
}

export function judgeLine(engine: Engine, line: string): object {
  const trimmed = line.trim();
  if (trimmed === '') return { error: 'empty line' };
  if (trimmed.length > MAX_LINE_CHARS) return { error: `line longer than ${MAX_LINE_CHARS} characters` };
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return { error: `not valid JSON: ${(error as Error).message}` };
    }
    const parsed = Candidate.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { error: `not a candidate: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
    }
    return engine.judge(parsed.data);
  }
  const href = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (/\s/.test(trimmed) || !URL.canParse(href))
    return { error: `not a URL or hostname: ${trimmed.slice(0, 200)}` };
  return engine.judge({ links: [{ href }] });
}

function usage(io: CliIo, problem: string): number {
  io.err(`lureguard check: ${problem}`);
  io.err(
    'usage: lureguard check [--heuristics-only] [--indicators ENVELOPE.json --key ed25519:<b64>|KEY.pub]',
  );
  return EXIT.usage;
}

import { INPUT_LIMITS, readInputText } from './read-input-file.ts';

export type ParsedArgs =
  | { ok: true; flags: Set<string>; values: Record<string, string[]>; positionals: string[] }
  | { ok: false; problem: string };

/**
 * Strict `--name value` / `--name=value` / `--flag` parsing: an unknown option is an error,
 * never silently ignored. Options named in `values` may repeat (`--key A --key B`).
 */
export function parseArgs(argv: string[], spec: { flags?: string[]; values?: string[] }): ParsedArgs {
  const flagNames = new Set(spec.flags ?? []);
  const valueNames = new Set(spec.values ?? []);
  const flags = new Set<string>();
  const values: Record<string, string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (flagNames.has(name)) {
      if (eq !== -1) return { ok: false, problem: `--${name} takes no value` };
      flags.add(name);
    } else if (valueNames.has(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || (eq === -1 && value.startsWith('--'))) {
        return { ok: false, problem: `--${name} needs a value` };
      }
      values[name] = [...(values[name] ?? []), value];
    } else {
      return { ok: false, problem: `unknown option --${name}` };
    }
  }
  return { ok: true, flags, values, positionals };
}

/** Public keys given inline (`ed25519:<b64>`) or as paths to `.pub` files holding that line. */
export async function readPublicKeys(
  specs: string[],
): Promise<{ ok: true; keys: string[] } | { ok: false; problem: string }> {
  const keys: string[] = [];
  for (const spec of specs) {
    if (spec.startsWith('ed25519:')) {
      keys.push(spec);
      continue;
    }
    const read = await readInputText(spec, INPUT_LIMITS.keyBytes);
    if (!read.ok) return { ok: false, problem: read.problem.replace('cannot read', 'cannot read key') };
    keys.push(read.text.trim());
  }
  return { ok: true, keys };
}

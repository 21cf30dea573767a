import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/parse-args.ts';

const spec = { flags: ['heuristics-only'], values: ['key', 'indicators'] };

describe('parseArgs', () => {
  it('reads flags, repeated values and positionals', () => {
    const parsed = parseArgs(['--key', 'a', '--heuristics-only', '--key=b', 'file.json'], spec);
    expect(parsed).toEqual({
      ok: true,
      flags: new Set(['heuristics-only']),
      values: { key: ['a', 'b'] },
      positionals: ['file.json'],
    });
  });

  it.each([
    [['--nope'], 'unknown option --nope'],
    [['--key'], '--key needs a value'],
    [['--key', '--heuristics-only'], '--key needs a value'],
    [['--heuristics-only=yes'], '--heuristics-only takes no value'],
  ])('%j is refused with a clear reason', (argv, problem) => {
    expect(parseArgs(argv, spec)).toEqual({ ok: false, problem });
  });

  it('treats everything after -- as positionals', () => {
    const parsed = parseArgs(['--', '--key'], spec);
    expect(parsed.ok && parsed.positionals).toEqual(['--key']);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';

function fakeIo(stdinLines: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    async *readStdin() {
      yield* stdinLines;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, out, err };
}

describe('lureguard check', () => {
  it('answers each line in order, with errors for bad lines and verdicts for the rest', async () => {
    const { io, out } = fakeIo([
      'coinbase-careers.com',
      '{"text": 5}',
      'https://www.coinbase.com/careers',
      '{not json',
      'two words',
      JSON.stringify({ attachments: [{ name: 'Coinbase_JD.pdf.app' }] }),
    ]);
    expect(await main(['check', '--heuristics-only'], io)).toBe(0);
    const results = out.map((line) => JSON.parse(line));
    expect(results).toHaveLength(6);
    expect(results[0].verdict).toBe('suspicious');
    expect(results[1].error).toMatch(/text/);
    expect(results[2]).toEqual({ verdict: 'clean', reasons: [] });
    expect(results[3].error).toMatch(/JSON/);
    expect(results[4].error).toMatch(/not a URL/);
    expect(results[5].verdict).toBe('dangerous');
    for (const reason of results[0].reasons) {
      expect(reason).toHaveProperty('id');
      expect(reason).toHaveProperty('message');
    }
  });

  it('uses the bundled list unless told --heuristics-only', async () => {
    const listed = fakeIo(['africamall.chat']);
    await main(['check'], listed.io);
    expect(JSON.parse(listed.out[0]!).verdict).toBe('dangerous');
    const bare = fakeIo(['africamall.chat']);
    await main(['check', '--heuristics-only'], bare.io);
    expect(JSON.parse(bare.out[0]!).verdict).toBe('clean');
  });

  it.each([
    [['check', '--bogus'], /unknown option --bogus/],
    [['check', '--indicators', 'x.json'], /needs --key/],
    [['check', '--heuristics-only', '--indicators', 'x.json', '--key', 'k'], /cannot be used together/],
    [['check', 'extra'], /unexpected argument/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const { io, err } = fakeIo([]);
    expect(await main(argv, io)).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });

  it('refuses an indicator file it cannot read, with exit 1', async () => {
    const { io, err } = fakeIo([]);
    expect(await main(['check', '--indicators', '/nonexistent/list.json', '--key', 'ed25519:AAAA'], io)).toBe(
      1,
    );
    expect(err.join('\n')).toMatch(/cannot read/);
  });

  it('an unknown command is a usage error', async () => {
    const { io, err } = fakeIo([]);
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/unknown command/);
  });
});

describe('the README’s lureguard check examples', () => {
  // Each "$ printf '…' | npx lureguard check …" or "$ echo '…' | …" line, and the output lines after it.
  const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');
  const examples = [
    ...readme.matchAll(/^\$ (printf|echo) '(.*)' \| npx lureguard check ([^\n]*)\n((?:[{[][^\n]*\n)+)/gm),
  ];

  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((m) => [m[2]!.slice(0, 40), m] as const))('print what they show: %s', async (_, m) => {
    const input = m[1] === 'printf' ? m[2]!.split('\\n').filter(Boolean) : [m[2]!];
    const { io, out } = fakeIo(input);
    expect(await main(['check', ...m[3]!.trim().split(/\s+/)], io)).toBe(0);
    const shown = m[4]!.trim().split('\n');
    expect(out).toHaveLength(shown.length);
    shown.forEach((line, i) => {
      const actual = JSON.parse(out[i]!) as { verdict: string; reasons: Array<{ id: string }> };
      expect(actual.verdict).toBe(/"verdict":"(\w+)"/.exec(line)![1]);
      const ids = [...line.matchAll(/"id":"([\w-]+)"/g)].map((id) => id[1]);
      expect(actual.reasons.map((r) => r.id).slice(0, ids.length)).toEqual(ids);
    });
  });
});

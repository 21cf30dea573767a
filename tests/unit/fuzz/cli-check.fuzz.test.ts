import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { judgeLine } from '../../../src/cli/commands/check.ts';
import { main } from '../../../src/cli/main.ts';
import { parseArgs } from '../../../src/cli/parse-args.ts';
import { createEngine } from '../../../src/core/engine.ts';
import { VerdictSchema } from '../../../src/core/messages.ts';
import { anyString, check, checkAsync, fuzzTimeout, piecesString } from './fuzz-config.ts';

const engine = createEngine({ indicators: null });
const scratch = mkdtempSync(join(tmpdir(), 'lureguard-cli-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeIo(lines: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    async *readStdin() {
      yield* lines;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  return { io, out, err };
}

/** One output line: a verdict the schema accepts, or `{"error": "..."}` and nothing else. */
function expectOneAnswer(line: string): void {
  expect(line).not.toMatch(/[\n\r]/);
  const answer = JSON.parse(line) as Record<string, unknown>;
  if ('error' in answer) {
    expect(Object.keys(answer)).toEqual(['error']);
    expect(typeof answer.error).toBe('string');
  } else {
    expect(VerdictSchema.safeParse(answer).success).toBe(true);
  }
}

const JSON_PIECES = [
  '{',
  '}',
  '"text"',
  '"links"',
  '"href"',
  ':',
  ',',
  '[',
  ']',
  '"https://coinbase-careers.com"',
  '5',
  'null',
  '"',
  '\\',
  '\\u0000',
];
const inputLine = fc.oneof(
  anyString(200).map((s) => s.replace(/[\n\r]/g, ' ')),
  piecesString(JSON_PIECES, 30),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.webUrl(),
  fc.domain(),
  fc
    .record(
      {
        text: fc.string(),
        links: fc.array(fc.record({ href: fc.webUrl(), text: fc.string() }), { maxLength: 3 }),
        attachments: fc.array(fc.record({ name: fc.string() }), { maxLength: 2 }),
        pageUrl: fc.webUrl(),
      },
      { requiredKeys: [] },
    )
    .map((c) => JSON.stringify(c)),
);

describe('lureguard check under fuzzing', () => {
  it(
    'answers any line with one JSON line: a verdict or an error',
    () => {
      check(
        fc.property(inputLine, (line) => {
          expectOneAnswer(JSON.stringify(judgeLine(engine, line)));
        }),
        8_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'answers every stdin line once, in input order, and exits 0',
    async () => {
      await checkAsync(
        fc.asyncProperty(fc.array(inputLine, { maxLength: 12 }), async (lines) => {
          const { io, out } = fakeIo(lines);
          expect(await main(['check', '--heuristics-only'], io)).toBe(0);
          expect(out).toHaveLength(lines.length);
          out.forEach((line, i) => {
            expectOneAnswer(line);
            expect(line).toBe(JSON.stringify(judgeLine(engine, lines[i]!)));
          });
        }),
        400,
      );
    },
    fuzzTimeout(60_000),
  );

  it(
    'parses any argument vector without throwing, keeping only options it knows',
    () => {
      const arg = fc.oneof(
        fc.constantFrom(
          '--heuristics-only',
          '--indicators',
          '--key',
          '--feed-id',
          '--threshold',
          '--',
          '-',
          '--=',
          '--key=',
        ),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 10 }).map((s) => `--${s}`),
      );
      check(
        fc.property(fc.array(arg, { maxLength: 8 }), (argv) => {
          const parsed = parseArgs(argv, {
            flags: ['heuristics-only'],
            values: ['indicators', 'key', 'feed-id', 'threshold'],
          });
          if (!parsed.ok) {
            expect(parsed.problem.length).toBeGreaterThan(0);
            return;
          }
          for (const flag of parsed.flags) expect(flag).toBe('heuristics-only');
          for (const name of Object.keys(parsed.values))
            expect(['indicators', 'key', 'feed-id', 'threshold']).toContain(name);
        }),
        8_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'refuses a hostile indicator file or key file with one error line and exit code 1 or 2',
    async () => {
      let n = 0;
      await checkAsync(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 400 }),
            fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v))),
          ),
          fc.oneof(
            fc.constant('key-file'),
            fc.string({ maxLength: 60 }),
            fc.constant(`ed25519:${'A'.repeat(43)}=`),
          ),
          fc.constantFrom(
            [],
            ['--threshold', '0'],
            ['--threshold', 'x'],
            ['--feed-id', 'acme'],
            ['--heuristics-only'],
          ),
          async (contents, key, extra) => {
            const file = join(scratch, `list-${n++}.json`);
            writeFileSync(file, contents);
            writeFileSync(join(scratch, 'key-file'), contents);
            const keyArg = key === 'key-file' ? join(scratch, 'key-file') : key;
            const { io, out, err } = fakeIo(['coinbase-careers.com']);
            const code = await main(['check', '--indicators', file, '--key', keyArg, ...extra], io);
            expect([1, 2]).toContain(code);
            expect(out).toEqual([]);
            expect(err.length).toBeGreaterThan(0);
            expect(err[0]).toMatch(/^lureguard check: /);
          },
        ),
        600,
      );
    },
    fuzzTimeout(60_000),
  );
});

import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { firstIssuePath, IndicatorPayload } from '../../core/lists/indicator-payload.ts';
import { type CliIo, EXIT } from '../cli-io.ts';
import { importCsv } from '../import/csv.ts';
import { importDefangedText } from '../import/defanged-text.ts';
import { IndicatorBuilder, skippedSummary } from '../import/indicator-builder.ts';
import { importMisp } from '../import/misp.ts';
import { importStix } from '../import/stix.ts';
import { parseArgs } from '../parse-args.ts';
import { INPUT_LIMITS, readInputText } from '../read-input-file.ts';

const FORMATS = ['stix', 'misp', 'csv', 'text'] as const;
const USAGE = 'usage: lureguard import --from stix|misp|csv|text FILE [--feed-id ID] [--out FILE]';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `lureguard import`: threat intel in, an unsigned list payload out (stdout or --out), with a
 * summary of what was imported and what was skipped and why (stderr when the payload is on stdout).
 */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['from', 'feed-id', 'out'] });
  const format = args.ok ? args.values.from?.[0] : undefined;
  if (!args.ok || !FORMATS.includes(format as (typeof FORMATS)[number]) || args.positionals.length !== 1) {
    io.err(`lureguard import: ${args.ok ? 'needs --from stix|misp|csv|text and one FILE' : args.problem}`);
    io.err(USAGE);
    return EXIT.usage;
  }
  const file = args.positionals[0]!;
  const read = await readInputText(file, INPUT_LIMITS.listBytes);
  if (!read.ok) {
    io.err(`lureguard import: ${read.problem}`);
    return EXIT.failure;
  }
  const { text } = read;
  const builder = new IndicatorBuilder(`import-${format}`);
  const source = `${basename(file)} (${format})`;
  if (format === 'stix' || format === 'misp') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      io.err(`lureguard import: ${file} is not JSON: ${(error as Error).message}`);
      return EXIT.failure;
    }
    if (format === 'stix') importStix(json, builder, source);
    else importMisp(json, builder, source);
  } else if (format === 'csv') importCsv(text, builder, source);
  else importDefangedText(text, builder, source);

  const now = new Date();
  const payload = IndicatorPayload.safeParse({
    schema: 1,
    feedId: args.values['feed-id']?.[0] ?? 'imported',
    version: 1,
    issuedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresAt: new Date(now.getTime() + 90 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    indicators: builder.indicators,
    brands: [],
    allowlist: [],
  });
  if (!payload.success) {
    io.err(`lureguard import: the result does not fit the list schema: ${firstIssuePath(payload.error)}`);
    return EXIT.failure;
  }
  const json = `${JSON.stringify(payload.data, null, 2)}\n`;
  const counts = new Map<string, number>();
  for (const indicator of builder.indicators)
    counts.set(indicator.kind, (counts.get(indicator.kind) ?? 0) + 1);
  const imported = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing';
  const skipped = skippedSummary(builder.skipped);
  const summary = [
    `imported ${builder.indicators.length} (${imported})`,
    skipped ? `skipped: ${skipped}` : 'skipped nothing',
  ];
  const outFile = args.values.out?.[0];
  if (outFile) {
    await writeFile(outFile, json);
    for (const line of summary) io.out(line);
  } else {
    io.out(json.trimEnd());
    for (const line of summary) io.err(line);
  }
  return EXIT.ok;
}

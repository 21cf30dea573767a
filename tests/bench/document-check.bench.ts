import { createHash } from 'node:crypto';
import { contentReasons, sniffFileType } from '../../src/core/files/magic-bytes.ts';
import { checkDocument } from '../../src/core/reports/document-check.ts';
import * as bytes from '../unit/reports/file-bytes.ts';

/**
 * What a document check costs at the 25 MB cap, against the floor measured in the same run:
 * hashing the same bytes with node:crypto. Sniffing must stay a rounding error beside hashing.
 * Run: npx tsx tests/bench/document-check.bench.ts
 */

const CAP = 25 * 1024 * 1024;
function padTo(head: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
}
// A "DOCX" at the cap with 4,000 entries (the directory walk's worst case) and a Mach-O at the cap.
const docx = bytes.zip([
  ...bytes.docxEntries,
  ...Array.from({ length: 4_000 }, (_, i) => ({ name: `word/media/image${i}.png`, data: 'x'.repeat(6_000) })),
]);
const samples = { docx, macho: padTo(bytes.machO64(), CAP), pdf: padTo(bytes.pdf(), CAP) };

function time(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
async function timeAsync(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

for (const [name, data] of Object.entries(samples)) {
  const reference = time(() => createHash('sha256').update(data).digest('hex'));
  const sniff = time(() => contentReasons(sniffFileType(data), `Role.${name === 'docx' ? 'docx' : 'pdf'}`));
  const full = await timeAsync(() => checkDocument(data, { name: 'Role.pdf' }, null));
  console.log(
    `${name.padEnd(6)} ${(data.length / 1024 / 1024).toFixed(1)} MB  node sha256 ${reference.toFixed(1)} ms  ` +
      `sniff ${sniff.toFixed(2)} ms (${(sniff / reference).toFixed(3)}x)  full check ${full.toFixed(1)} ms (${(full / reference).toFixed(2)}x)`,
  );
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createEngine } from '../../src/core/engine.ts';
import { evaluate, isLookalikeHit, lookalikeEntries, pct, type Row, UNTARGETED_KINDS } from './evaluate.ts';

/** `npm run eval`: recall per lookalike kind and false-positive rate per benign set, heuristics only. */
const engine = createEngine({ indicators: null });
const report = evaluate(engine);
const showMisses = process.argv.includes('--misses');
const line = (name: string, total: number, flagged: number, rate: string, extra = '') =>
  console.log(
    name.padEnd(40),
    String(total).padStart(7),
    String(flagged).padStart(8),
    rate.padStart(9),
    extra,
  );
const held = (r: Row) => (r.holdout ? pct(r.holdout.flagged, r.holdout.total).padStart(9) : '');

console.log('Recall (heuristics only, no indicator list)');
console.log(
  'kind'.padEnd(40),
  'total'.padStart(7),
  'flagged'.padStart(8),
  'recall'.padStart(9),
  'held-out'.padStart(9),
);
for (const r of report.recall) {
  const name = UNTARGETED_KINDS.has(r.set) ? `(${r.set}, untargeted)` : r.set;
  line(name, r.total, r.flagged, pct(r.flagged, r.total), held(r));
  if (showMisses && r.misses.length) console.log('   missed:', r.misses.slice(0, 20).join(' '));
}
const o = report.overallRecall;
const h = report.holdoutRecall;
line(
  'overall (targeted kinds)',
  o.total,
  o.flagged,
  pct(o.flagged, o.total),
  pct(h.flagged, h.total).padStart(9),
);

const inContext = lookalikeEntries().filter((e) => e.context === 'job-post');
const bare = inContext.filter((e) =>
  isLookalikeHit(engine.judge({ links: [{ href: `https://${e.host}/` }] })),
);
console.log(
  `\n${inContext.length} entries above (common-word brands, generic labels such as crypto.com's "crypto") were judged`,
  `in a post naming the brand; as bare links with no post, ${pct(bare.length, inContext.length)} are flagged.`,
);

// Context for the real-attacker row: most campaign domains carry no brand at all
// (livehiringpro.com, willoassess.com); only the indicator list catches those.
const indicators = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../data/indicators.json'), 'utf8'),
) as Array<{ kind: string; value: string }>;
const attackerDomains = indicators.filter((i) => i.kind === 'domain').map((i) => i.value);
const withList = createEngine();
const byHeuristics = attackerDomains.filter((h) =>
  isLookalikeHit(engine.judge({ links: [{ href: `https://${h}/` }] })),
);
const byList = attackerDomains.filter(
  (h) => withList.judge({ links: [{ href: `https://${h}/` }] }).verdict !== 'clean',
);
console.log(
  `All ${attackerDomains.length} attacker domains in data/indicators.json, most without a brand name:`,
  `heuristics flag ${pct(byHeuristics.length, attackerDomains.length)}, with the bundled default list ${pct(byList.length, attackerDomains.length)}.`,
);

console.log('\nFalse positives on benign sets');
console.log('set'.padEnd(40), 'total'.padStart(7), 'flagged'.padStart(8), 'FPR'.padStart(9));
for (const r of report.benign) {
  line(r.set, r.total, r.flagged, pct(r.flagged, r.total));
  if (r.misses.length) console.log('   flagged:', r.misses.slice(0, 20).join(' '));
}
const b = report.overallBenign;
line('overall', b.total, b.flagged, pct(b.flagged, b.total));

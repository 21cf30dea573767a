import { createEngine } from '../../src/core/engine.ts';
import { evaluate, pct } from './evaluate.ts';

/** `npm run eval`: recall per lookalike kind and false-positive rate per benign set, heuristics only. */
const report = evaluate(createEngine({ indicators: null }));
const showMisses = process.argv.includes('--misses');

console.log('Recall (heuristics only, no indicator list)');
console.log('kind'.padEnd(22), 'total'.padStart(7), 'flagged'.padStart(8), 'recall'.padStart(9));
for (const r of report.recall) {
  console.log(
    r.set.padEnd(22),
    String(r.total).padStart(7),
    String(r.flagged).padStart(8),
    pct(r.flagged, r.total).padStart(9),
  );
  if (showMisses && r.misses.length) console.log('   missed:', r.misses.slice(0, 15).join(' '));
}
const o = report.overallRecall;
console.log(
  'overall'.padEnd(22),
  String(o.total).padStart(7),
  String(o.flagged).padStart(8),
  pct(o.flagged, o.total).padStart(9),
);

console.log('\nFalse positives on benign sets');
console.log('set'.padEnd(22), 'total'.padStart(7), 'flagged'.padStart(8), 'FPR'.padStart(9));
for (const r of report.benign) {
  console.log(
    r.set.padEnd(22),
    String(r.total).padStart(7),
    String(r.flagged).padStart(8),
    pct(r.flagged, r.total).padStart(9),
  );
  if (r.misses.length) console.log('   flagged:', r.misses.slice(0, 15).join(' '));
}
const b = report.overallBenign;
console.log(
  'overall'.padEnd(22),
  String(b.total).padStart(7),
  String(b.flagged).padStart(8),
  pct(b.flagged, b.total).padStart(9),
);

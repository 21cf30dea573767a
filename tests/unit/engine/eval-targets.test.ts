import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import { evaluate, UNTARGETED_KINDS } from '../../eval/evaluate.ts';

/**
 * The issue 3 targets on the committed corpus (tests/corpus), heuristics only, so a change to
 * the lookalike code that loses recall or gains false positives fails here, not in the field.
 */
const report = evaluate(createEngine({ indicators: null }));
const rate = (r: { total: number; flagged: number }) => r.flagged / r.total;

describe('evaluation corpus targets', () => {
  it('holds a real corpus: every permutation kind dnstwist has, the composed kinds and real attackers', () => {
    const kinds = report.recall.map((r) => r.set);
    for (const kind of [
      'dnstwist addition',
      'dnstwist bitsquatting',
      'dnstwist homoglyph',
      'dnstwist hyphenation',
      'dnstwist insertion',
      'dnstwist omission',
      'dnstwist repetition',
      'dnstwist replacement',
      'dnstwist subdomain',
      'dnstwist transposition',
      'dnstwist vowel-swap',
      'dnstwist dictionary',
      'dnstwist tld-swap',
      'combosquat',
      'brand-subdomain',
      'tld-swap',
      'hyphenation',
      'xn-homoglyph',
      'real-attacker',
    ])
      expect(kinds).toContain(kind);
    expect(report.overallRecall.total).toBeGreaterThan(10_000);
  });

  it('recall is at least 98% overall, also on the held-out split', () => {
    expect(rate(report.overallRecall)).toBeGreaterThanOrEqual(0.98);
    expect(rate(report.holdoutRecall)).toBeGreaterThanOrEqual(0.98);
  });

  it('recall is at least 95% for every targeted kind', () => {
    const low = report.recall
      .filter((r) => !UNTARGETED_KINDS.has(r.set) && rate(r) < 0.95)
      .map((r) => `${r.set}: ${(100 * rate(r)).toFixed(2)}%`);
    expect(low).toEqual([]);
  });

  it('never flags an official domain, its subdomains or careers hosts', () => {
    const official = report.benign.find((r) => r.set === 'official')!;
    expect(official.total).toBeGreaterThan(300);
    expect(official.misses).toEqual([]);
  });

  it('flags at most 0.5% of job boards, common sites and brand-word collisions', () => {
    for (const set of ['job boards / ATS', 'common sites', 'brand-word collisions']) {
      const row = report.benign.find((r) => r.set === set)!;
      expect({ set, rate: rate(row) <= 0.005 ? 'ok' : row.misses }).toEqual({ set, rate: 'ok' });
    }
  });

  it('flags at most 0.5% of all benign sets together', () => {
    const all = report.benign.reduce((sum, r) => sum + r.total, 0);
    const flagged = report.benign.reduce((sum, r) => sum + r.flagged, 0);
    expect(flagged / all).toBeLessThanOrEqual(0.005);
  });

  it('on MetaMask’s allowlist flags only brand names on other TLDs and one-letter typos on the brand’s own TLD, and no more than today', () => {
    // Alone, this set is above 0.5%: it lists brand names on other TLDs (binance.net, uniswap.ch),
    // which issue 3 requires flagged as TLD swaps, and metamusk.io, a vowel swap on MetaMask's
    // own .io that MetaMask passes only by listing it. A name-based check cannot tell them from squats.
    const engine = createEngine({ indicators: null });
    const row = report.benign.find((r) => r.set === 'MetaMask allowlist')!;
    expect(row.total).toBeGreaterThan(1000);
    expect(row.flagged).toBeLessThanOrEqual(7);
    for (const host of row.misses) {
      const ids = engine.judge({ links: [{ href: `https://${host}/` }] }).reasons.map((r) => r.id);
      const kinds = ['lookalike-tld-swap', 'lookalike-typo'];
      expect({ host, ids: ids.filter((id) => !kinds.includes(id)) }).toEqual({ host, ids: [] });
    }
  });
});

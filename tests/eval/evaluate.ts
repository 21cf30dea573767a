import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Brand } from '../../src/core/brands/brand.ts';
import { loadBundledCatalog } from '../../src/core/brands/catalog.ts';
import { registrableDomain } from '../../src/core/domain/registrable-domain.ts';
import type { Engine } from '../../src/core/engine.ts';
import type { Candidate, Verdict } from '../../src/core/types.ts';

/**
 * Scores the engine on the labelled corpus in tests/corpus. Shared by `npm run eval`
 * (prints the table) and a unit test (holds the targets).
 */

const CORPUS = resolve(import.meta.dirname, '../corpus');

export interface LookalikeEntry {
  host: string;
  brand: string;
  /** dnstwist fuzzer name, or the composed kind (combosquat, brand-subdomain, ...). */
  kind: string;
  /** Deterministic hash split: tuning may look at "tune" misses only; "holdout" checks the tuning. */
  split: 'tune' | 'holdout';
  context?: 'job-post';
}

function corpus<T>(name: string): T[] {
  return (JSON.parse(readFileSync(resolve(CORPUS, name), 'utf8')) as { entries: T[] }).entries;
}

/**
 * dnstwist permutations (kind prefixed "dnstwist ") and the composed kinds dnstwist lacks.
 * dnstwist cannot know who owns a name, so a permutation that is a brand's own domain in the
 * catalog (uniswap.io, ledgerwallet.com) is no lookalike: it is left out here and scored as official.
 */
export function lookalikeEntries(): LookalikeEntry[] {
  const owned = new Set(loadBundledCatalog().flatMap((b) => b.domains.map(registrableDomain)));
  return [
    ...corpus<LookalikeEntry>('lookalikes-dnstwist.json').map((e) => ({ ...e, kind: `dnstwist ${e.kind}` })),
    ...corpus<LookalikeEntry>('lookalikes-composed.json'),
  ].filter((e) => !owned.has(registrableDomain(e.host)));
}

export function realAttackerEntries(): LookalikeEntry[] {
  return corpus<LookalikeEntry>('real-attackers.json').map((e) => ({
    ...e,
    brand: '',
    kind: 'real-attacker',
  }));
}

/** Official domains and typical subdomains of every brand, plus the hosts of their careers pages. */
export function officialHosts(brands: readonly Brand[]): string[] {
  const hosts = new Set<string>();
  for (const brand of brands) {
    for (const domain of brand.domains) {
      hosts.add(domain);
      for (const sub of [
        'www',
        'careers',
        'jobs',
        'api',
        'support',
        'help',
        'status',
        'blog',
        'login',
        'app',
      ]) {
        if (!domain.startsWith(`${sub}.`)) hosts.add(`${sub}.${domain.replace(/^www\./, '')}`);
      }
    }
    for (const page of brand.careers) hosts.add(new URL(page).hostname);
  }
  return [...hosts];
}

/** MetaMask's own allowlist, read from the eth-phishing-detect devDependency. */
export function metamaskAllowlist(): string[] {
  const require = createRequire(import.meta.url);
  const config = require('eth-phishing-detect/src/config.json') as { whitelist: string[] };
  return config.whitelist;
}

export function benignSets(brands: readonly Brand[]): Record<string, string[]> {
  const hostsOf = (name: string) => corpus<{ host: string }>(name).map((e) => e.host);
  return {
    official: officialHosts(brands),
    'job boards / ATS': hostsOf('benign-job-boards.json'),
    'MetaMask allowlist': metamaskAllowlist(),
    'common sites': hostsOf('benign-common.json'),
    'brand-word collisions': hostsOf('benign-collisions.json'),
  };
}

export function lookalikeCandidate(entry: LookalikeEntry, brands: ReadonlyMap<string, Brand>): Candidate {
  const link = { href: `https://${entry.host}/` };
  if (entry.context !== 'job-post') return { links: [link] };
  const name = brands.get(entry.brand)?.name ?? entry.brand;
  return { text: `${name} is hiring a Senior Security Engineer. Details and application:`, links: [link] };
}

/** A hit is a lookalike (or indicator) reason, not any warning: job-link checks must not pad recall. */
export function isLookalikeHit(verdict: Verdict): boolean {
  return verdict.verdict !== 'clean' && verdict.reasons.some((r) => r.id.startsWith('lookalike-'));
}

/** Reported apart, outside the targets (see scripts/gen-eval-corpus.py). */
export const UNTARGETED_KINDS = new Set(['dnstwist short-name typo']);

export interface Row {
  set: string;
  total: number;
  flagged: number;
  /** Lookalike rows only: the held-out part of the row. */
  holdout?: { total: number; flagged: number };
  misses: string[];
}

export interface EvalReport {
  recall: Row[];
  overallRecall: { total: number; flagged: number };
  holdoutRecall: { total: number; flagged: number };
  benign: Row[];
  overallBenign: { total: number; flagged: number };
}

export function evaluate(engine: Engine): EvalReport {
  const brands = new Map(engine.brandIndex.brands.map((b) => [b.id, b]));
  const byKind = new Map<string, Row>();
  const holdout = { total: 0, flagged: 0 };
  for (const entry of [...lookalikeEntries(), ...realAttackerEntries()]) {
    let r = byKind.get(entry.kind);
    if (!r) {
      r = { set: entry.kind, total: 0, flagged: 0, holdout: { total: 0, flagged: 0 }, misses: [] };
      byKind.set(entry.kind, r);
    }
    const hit = isLookalikeHit(engine.judge(lookalikeCandidate(entry, brands)));
    r.total++;
    if (hit) r.flagged++;
    else r.misses.push(entry.host);
    if (entry.split === 'holdout' && !UNTARGETED_KINDS.has(entry.kind)) {
      r.holdout!.total++;
      holdout.total++;
      if (hit) {
        r.holdout!.flagged++;
        holdout.flagged++;
      }
    }
  }
  const recall = [...byKind.values()];
  const benign: Row[] = [];
  for (const [set, hosts] of Object.entries(benignSets(engine.brandIndex.brands))) {
    const r: Row = { set, total: hosts.length, flagged: 0, misses: [] };
    for (const host of hosts) {
      if (engine.judge({ links: [{ href: `https://${host}/` }] }).verdict !== 'clean') {
        r.flagged++;
        r.misses.push(host);
      }
    }
    benign.push(r);
  }
  const sum = (rows: Row[]) => ({
    total: rows.reduce((n, r) => n + r.total, 0),
    flagged: rows.reduce((n, r) => n + r.flagged, 0),
  });
  const targeted = recall.filter((r) => !UNTARGETED_KINDS.has(r.set));
  return { recall, overallRecall: sum(targeted), holdoutRecall: holdout, benign, overallBenign: sum(benign) };
}

export const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`);

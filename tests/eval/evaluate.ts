import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Brand } from '../../src/core/brands/brand.ts';
import type { Engine } from '../../src/core/engine.ts';
import type { Candidate } from '../../src/core/types.ts';

/**
 * Scores the engine on the labelled corpus in tests/corpus. Shared by `npm run eval`
 * (prints the table) and a unit test (holds the targets).
 */

const CORPUS = resolve(import.meta.dirname, '../corpus');

interface LookalikeEntry {
  host: string;
  brand: string;
  kind: string;
  fuzzer: string;
  context?: 'job-post';
}

function corpus<T>(name: string): T[] {
  return (JSON.parse(readFileSync(resolve(CORPUS, name), 'utf8')) as { entries: T[] }).entries;
}

export function lookalikeEntries(): LookalikeEntry[] {
  return corpus<LookalikeEntry>('lookalikes.json');
}

export function realAttackerHosts(): string[] {
  return corpus<{ host: string }>('real-attackers.json').map((e) => e.host);
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

export interface Row {
  set: string;
  total: number;
  flagged: number;
  misses: string[];
}

export interface EvalReport {
  recall: Row[];
  overallRecall: { total: number; flagged: number };
  benign: Row[];
  overallBenign: { total: number; flagged: number };
}

export function evaluate(engine: Engine): EvalReport {
  const brands = new Map(engine.brandIndex.brands.map((b) => [b.id, b]));
  const byKind = new Map<string, Row>();
  const row = (set: string) => {
    let r = byKind.get(set);
    if (!r) {
      r = { set, total: 0, flagged: 0, misses: [] };
      byKind.set(set, r);
    }
    return r;
  };
  for (const entry of lookalikeEntries()) {
    const r = row(entry.kind);
    r.total++;
    if (engine.judge(lookalikeCandidate(entry, brands)).verdict !== 'clean') r.flagged++;
    else r.misses.push(entry.host);
  }
  for (const host of realAttackerHosts()) {
    const r = row('real-attacker');
    r.total++;
    if (engine.judge({ links: [{ href: `https://${host}/` }] }).verdict !== 'clean') r.flagged++;
    else r.misses.push(host);
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
  return { recall, overallRecall: sum(recall), benign, overallBenign: sum(benign) };
}

export const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`);

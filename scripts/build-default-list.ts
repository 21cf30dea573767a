/**
 * Builds the bundled default list, src/core/generated/default-indicator-list.json, from
 * data/indicators.json (public indicators of fake-recruiter campaigns, each with its source).
 * The output is an unsigned payload validated by the same schema as any signed list.
 * Run: npm run gen:default-list. A unit test checks the committed file is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Indicator, IndicatorPayload } from '../src/core/lists/indicator-payload.ts';
import { isSharedHost } from '../src/core/lists/shared-hosts.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_LIST_OUTPUT = resolve(ROOT, 'src/core/generated/default-indicator-list.json');

interface RawIndicator {
  kind: string;
  value: string;
  campaign: string;
  source: string;
  date: string;
  role: string;
}

/** Roles that may name innocent parties (hijacked profiles, reused hosting): warn, do not block. */
function severityOf(raw: RawIndicator): 'suspicious' | 'dangerous' {
  return /may be hijacked|verify before blocking|may include compromised|handle with care/i.test(raw.role)
    ? 'suspicious'
    : 'dangerous';
}

export function buildDefaultList(): { payload: IndicatorPayload; skipped: Record<string, number> } {
  const raw = JSON.parse(readFileSync(resolve(ROOT, 'data/indicators.json'), 'utf8')) as RawIndicator[];
  const indicators: Indicator[] = [];
  const skipped: Record<string, number> = {};
  const skip = (why: string) => {
    skipped[why] = (skipped[why] ?? 0) + 1;
  };
  const seen = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const common = {
      id: `lg-default-${String(i + 1).padStart(4, '0')}`,
      severity: severityOf(item),
      note: `${item.role}; ${item.campaign}`.slice(0, 2_000),
      source: `${item.source} (${item.date})`.slice(0, 2_000),
    };
    const value = item.value.trim();
    const key = `${item.kind}:${value.toLowerCase()}`;
    if (seen.has(key)) {
      skip('duplicate');
      continue;
    }
    seen.add(key);
    switch (item.kind) {
      case 'domain': {
        const host = value.toLowerCase();
        if (isSharedHost(host)) {
          skip('shared host as a whole domain');
          continue;
        }
        indicators.push({ ...common, kind: 'domain', value: host, includeSubdomains: true });
        continue;
      }
      case 'url':
        // Some sources write URLs without a scheme ("host/path.asp").
        indicators.push({
          ...common,
          kind: 'url',
          value: /^https?:\/\//i.test(value) ? value : `https://${value}`,
          match: 'prefix',
        });
        continue;
      case 'handle': {
        if (/linkedin\.com\/in\//i.test(value)) {
          indicators.push({ ...common, kind: 'handle', platform: 'linkedin', value });
          continue;
        }
        skip('persona name, not a handle');
        continue;
      }
      case 'sha256':
        indicators.push({ ...common, kind: 'sha256', value: value.toLowerCase() });
        continue;
      case 'filename':
        indicators.push({ ...common, kind: 'filename', value });
        continue;
      case 'email':
        indicators.push({ ...common, kind: 'email', value: value.toLowerCase() });
        continue;
      case 'npm-package':
        indicators.push({ ...common, kind: 'npm-package', value: value.toLowerCase() });
        continue;
      default:
        skip(`unknown kind ${item.kind}`);
    }
  }
  const payload = IndicatorPayload.parse({
    schema: 1,
    feedId: 'lureguard-default',
    version: 1,
    issuedAt: '2026-11-24T00:00:00Z',
    // The bundled list ships with each release; it outlives any one feed refresh.
    expiresAt: '2028-11-24T00:00:00Z',
    indicators,
    brands: [],
    allowlist: [],
  });
  return { payload, skipped };
}

export function serializeDefaultList(payload: IndicatorPayload): string {
  return `${JSON.stringify(payload, null, 1)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { payload, skipped } = buildDefaultList();
  writeFileSync(DEFAULT_LIST_OUTPUT, serializeDefaultList(payload));
  console.log(
    `wrote ${payload.indicators.length} indicators to ${DEFAULT_LIST_OUTPUT}; skipped ${JSON.stringify(skipped)}`,
  );
}

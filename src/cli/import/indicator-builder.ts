import { Indicator } from '../../core/lists/indicator-payload.ts';
import { isSharedHost } from '../../core/lists/shared-hosts.ts';

export type Severity = 'suspicious' | 'dangerous';

/**
 * Collects imported indicators: validates each with the list schema, turns whole shared hosts
 * into URL prefixes (or skips them), drops duplicates, and counts every skip with its reason.
 */
export class IndicatorBuilder {
  readonly indicators: Indicator[] = [];
  readonly skipped = new Map<string, number>();
  private readonly seen = new Set<string>();

  constructor(private readonly prefix: string) {}

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  private add(candidate: Record<string, unknown>): void {
    const key = `${candidate.kind}:${String(candidate.value).toLowerCase()}`;
    if (this.seen.has(key)) return this.skip('duplicate');
    const parsed = Indicator.safeParse({ id: `${this.prefix}-${this.indicators.length + 1}`, ...candidate });
    if (!parsed.success)
      return this.skip(`invalid ${String(candidate.kind)}: ${parsed.error.issues[0]?.message}`);
    this.seen.add(key);
    this.indicators.push(parsed.data);
  }

  domain(host: string, meta: Meta): void {
    const value = host.trim().toLowerCase().replace(/\.$/, '');
    if (isSharedHost(value)) return this.skip(`shared host ${value} cannot be a whole-domain indicator`);
    this.add({ ...meta, kind: 'domain', value, includeSubdomains: true });
  }

  url(href: string, meta: Meta): void {
    let url: URL;
    try {
      url = new URL(href.trim());
    } catch {
      return this.skip('not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return this.skip(`unsupported URL scheme ${url.protocol}`);
    // On shared hosts the path is the indicator; elsewhere too, a path prefix keeps it precise.
    if (url.pathname === '/' && !url.search && !isSharedHost(url.hostname))
      return this.domain(url.hostname, meta);
    if (url.pathname === '/' && isSharedHost(url.hostname))
      return this.skip(`shared host ${url.hostname} without a path`);
    this.add({ ...meta, kind: 'url', value: url.href, match: 'prefix' });
  }

  other(kind: 'sha256' | 'filename' | 'email' | 'npm-package', value: string, meta: Meta): void {
    const v = kind === 'filename' ? value.trim() : value.trim().toLowerCase();
    this.add({ ...meta, kind, value: v });
  }
}

export interface Meta {
  severity: Severity;
  note: string;
  source: string;
}

export function skippedSummary(skipped: Map<string, number>): string {
  return [...skipped].map(([why, n]) => `${n} × ${why}`).join('; ');
}

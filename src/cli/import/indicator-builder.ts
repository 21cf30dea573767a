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
    if (this.seen.has(key)) {
      this.skip('duplicate');
      return;
    }
    const parsed = Indicator.safeParse({ id: `${this.prefix}-${this.indicators.length + 1}`, ...candidate });
    if (!parsed.success) {
      this.skip(`invalid ${String(candidate.kind)}: ${parsed.error.issues[0]?.message}`);
      return;
    }
    this.seen.add(key);
    this.indicators.push(parsed.data);
  }

  domain(host: string, meta: Meta): void {
    const value = host.trim().toLowerCase().replace(/\.$/, '');
    if (isSharedHost(value)) this.skip(`shared host ${value} cannot be a whole-domain indicator`);
    else this.add({ ...meta, kind: 'domain', value, includeSubdomains: true });
  }

  url(href: string, meta: Meta): void {
    let url: URL;
    try {
      url = new URL(href.trim());
    } catch {
      this.skip('not a URL');
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      this.skip(`unsupported URL scheme ${url.protocol}`);
    } else if (url.pathname === '/' && !url.search) {
      // A bare host is a domain indicator, except on shared hosts, where only a path may be listed.
      if (isSharedHost(url.hostname)) this.skip(`shared host ${url.hostname} without a path`);
      else this.domain(url.hostname, meta);
    } else {
      this.add({ ...meta, kind: 'url', value: url.href, match: 'prefix' });
    }
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

import type { Finding } from '../core/messages.ts';
import type { Reason } from '../core/types.ts';
import type { PageRecord } from '../extract/page-record.ts';
import { renderWarning } from './warning-banner.ts';

export type Extractor = (document: Document, url: URL) => PageRecord[];
export type Judge = (records: PageRecord[]) => Promise<Finding[]>;

/**
 * Scans the page with a site adapter, asks the worker to judge what is new or changed,
 * and renders the results. A record is re-judged only when its content changes.
 */
export class PageScanner {
  private readonly seen = new Map<string, string>();
  private readonly banners = new Map<string, Element>();
  private scheduled = false;

  constructor(
    private readonly extract: Extractor,
    private readonly judge: Judge,
  ) {}

  /** Forget everything (SPA navigation): old banners and marks belong to the previous page. */
  reset(): void {
    for (const banner of this.banners.values()) banner.remove();
    this.banners.clear();
    this.seen.clear();
    for (const marked of document.querySelectorAll('[data-lureguard]'))
      marked.removeAttribute('data-lureguard');
  }

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Batch bursts of mutations into one scan when the page is idle.
    requestIdleCallback(() => void this.scan(), { timeout: 500 });
  }

  async scan(): Promise<void> {
    this.scheduled = false;
    const records = this.extract(document, new URL(location.href)).filter((record) => {
      const signature = JSON.stringify(record.candidate);
      if (this.seen.get(record.key) === signature) return false;
      this.seen.set(record.key, signature);
      return true;
    });
    if (records.length === 0) return;
    const findings = await this.judge(records);
    const byKey = new Map(findings.map((f) => [f.key, f]));
    for (const record of records) {
      const finding = byKey.get(record.key);
      if (finding) this.render(record, finding);
    }
  }

  private render(record: PageRecord, finding: Finding): void {
    this.banners.get(record.key)?.remove();
    this.banners.delete(record.key);
    const { verdict } = finding;
    if (verdict.verdict === 'clean') {
      record.element.removeAttribute('data-lureguard');
      return;
    }
    record.element.setAttribute('data-lureguard', verdict.verdict);
    markTargets(record, verdict.reasons);
    const banner = renderWarning(verdict.verdict, verdict);
    record.anchor.before(banner);
    this.banners.set(record.key, banner);
  }
}

/** Marks each link or attachment that a reason points at, with the worst level among its reasons. */
function markTargets(record: PageRecord, reasons: Reason[]): void {
  for (const target of record.targets) {
    const own = reasons.filter(
      (r) =>
        (target.href !== undefined && r.url === target.href) ||
        (target.fileName !== undefined && r.file === target.fileName),
    );
    if (own.length === 0) continue;
    target.element.setAttribute(
      'data-lureguard',
      own.some((r) => r.level === 'dangerous') ? 'dangerous' : 'suspicious',
    );
  }
}

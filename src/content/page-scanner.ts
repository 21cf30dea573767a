import type { PageFinding } from '../core/verdict-messages.ts';
import type { PageRecord } from '../extract/page-record.ts';
import { scopedDocument } from './scoped-document.ts';
import type { WarningRenderer } from './warning-renderer.ts';

/** Records one at a time (a generator), so a big page can be read over several slices. */
export type Extractor = (document: Document, url: URL) => Iterable<PageRecord>;
export type Judge = (records: PageRecord[], signal: AbortSignal) => Promise<PageFinding[]>;

/** Work per slice: well under the 50 ms long-task line, so the page never stutters because of us. */
const SLICE_MS = 8;
/** The worker takes at most this many items per message (messages.ts). */
const JUDGE_BATCH = 200;
/** Past this many changed subtrees in one go, one whole-page pass is cheaper than many scoped ones. */
const MAX_ROOTS_BEFORE_FULL = 2_000;
/** Changed subtrees read in one adapter pass, so the pass's own setup is paid once for many. */
const ROOTS_PER_PASS = 200;

interface Known {
  /** The sent candidate as JSON, made when first compared: most entities are read only once. */
  signature?: string;
  /** The latest record for the key (a virtualized list may have re-created its element). */
  record: PageRecord;
  finding?: PageFinding;
}

/**
 * A read in progress, of the whole page or of changed subtrees: the records still to come,
 * and the keys already read.
 */
interface Reading {
  records: Iterator<PageRecord>;
  seen: Set<string>;
  full: boolean;
}

/**
 * Scans the page with a site adapter: once in full, then only the subtrees the page adds,
 * in idle time and in short slices (the full read too: it stops at the slice's end and goes
 * on in the next). Results are keyed by entity key: a record is sent to the
 * worker only when it is new or its content changed, and a re-added element for a known key
 * gets its warning back from the cache, with no worker round-trip. All work belongs to one
 * AbortSignal, aborted on navigation.
 */
export class PageScanner {
  private readonly known = new Map<string, Known>();
  private readonly dirty = new Set<Element>();
  private fullPending = false;
  private reading: Reading | null = null;
  /** Records waiting for the worker: sent in batches, not one message per slice. */
  private outbox: PageRecord[] = [];
  private scheduled = false;
  /** Batches sent to the worker and not answered yet. */
  private judging = 0;
  private controller = new AbortController();

  constructor(
    private readonly extract: Extractor,
    private readonly judge: Judge,
    private readonly renderer: WarningRenderer,
    /** Also run on each scanned subtree, in the same idle slices (forged-hook stripping). */
    private readonly onRoot: (root: Element) => void = () => undefined,
  ) {}

  /** Forget the old page (SPA navigation): pending work is aborted and its results dropped. */
  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.known.clear();
    this.dirty.clear();
    this.fullPending = false;
    this.reading = null;
    this.outbox = [];
    this.renderer.clear();
  }

  /** Judge everything again (the allowlist changed), keeping what is on screen until results arrive. */
  rejudge(): void {
    this.known.clear();
    this.outbox = [];
    this.scanAll();
  }

  scanAll(): void {
    this.fullPending = true;
    this.dirty.clear();
    this.schedule();
  }

  /** Subtrees the page added or changed: scanned later, in idle time. */
  changed(element: Element): void {
    if (this.fullPending) return;
    if (this.dirty.size >= MAX_ROOTS_BEFORE_FULL) {
      this.scanAll();
      return;
    }
    this.dirty.add(element);
    this.schedule();
  }

  get pendingWork(): boolean {
    return this.fullPending || this.reading !== null || this.dirty.size > 0;
  }

  /**
   * Nothing to read and no verdict on its way: the page is not about to change by our hand.
   * Layout reads wait for this, or each one would lay out what we just inserted.
   */
  get settled(): boolean {
    return !this.pendingWork && this.outbox.length === 0 && this.judging === 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestIdleCallback(() => this.slice(), { timeout: 300 });
  }

  private slice(): void {
    this.scheduled = false;
    const signal = this.controller.signal;
    const started = performance.now();
    const url = new URL(location.href);
    if (this.fullPending) {
      this.fullPending = false;
      this.onRoot(document.documentElement);
      this.reading = { records: this.extract(document, url)[Symbol.iterator](), seen: new Set(), full: true };
    }
    // Subtrees changed during a read wait in `dirty` until it is done.
    for (;;) {
      this.reading ??= this.readChanged(url);
      if (this.reading === null) break;
      const next = this.reading.records.next();
      if (next.done) this.reading = null;
      else this.triage(next.value, this.reading.full, this.reading.seen);
      if (performance.now() - started > SLICE_MS || this.fullPending) break;
    }
    if (this.pendingWork) this.schedule();
    // A full batch goes now; the rest when the work runs out, so a big page costs few messages.
    const flushAll = !this.pendingWork;
    while (this.outbox.length >= JUDGE_BATCH || (flushAll && this.outbox.length > 0))
      void this.send(this.outbox.splice(0, JUDGE_BATCH), signal);
  }

  /**
   * The next changed subtrees (up to `ROOTS_PER_PASS`) as one scoped read; none when nothing
   * changed. A subtree inside another changed one, or no longer on the page, is dropped.
   */
  private readChanged(url: URL): Reading | null {
    const roots: Element[] = [];
    // Siblings share ancestors: one walk up per run of roots with the same parent.
    let parent: Element | null | undefined;
    let parentDirty = false;
    for (const root of this.dirty) {
      if (roots.length === ROOTS_PER_PASS) break;
      if (root.parentElement !== parent) {
        parent = root.parentElement;
        parentDirty = this.hasDirtyAncestor(root);
      }
      if (!root.isConnected || parentDirty) this.dirty.delete(root);
      else roots.push(root);
    }
    if (roots.length === 0) return null;
    for (const root of roots) {
      this.dirty.delete(root);
      this.onRoot(root);
    }
    const records = this.extract(scopedDocument(document, roots), url)[Symbol.iterator]();
    return { records, seen: new Set(), full: false };
  }

  /**
   * Decides for one record: send to the worker, redraw from cache, or (changed) rescan in full.
   * `seen` holds the keys this scan read already: the first element for a key wins.
   */
  private triage(record: PageRecord, full: boolean, seen: Set<string>): void {
    if (seen.has(record.key)) return;
    seen.add(record.key);
    const known = this.known.get(record.key);
    if (known) known.signature ??= JSON.stringify(known.record.candidate);
    if (known && known.signature === JSON.stringify(record.candidate)) {
      known.record = record;
      if (known.finding) this.renderer.render(record, known.finding);
      return;
    }
    if (known && !full) {
      // A known entity changed: a scoped view may miss context outside the subtree, so read it whole.
      this.fullPending = true;
      return;
    }
    this.known.set(record.key, { record });
    this.outbox.push(record);
  }

  private async send(records: PageRecord[], signal: AbortSignal): Promise<void> {
    this.judging++;
    let findings: PageFinding[];
    try {
      findings = await this.judge(records, signal);
    } finally {
      this.judging--;
    }
    if (signal.aborted) return;
    for (const finding of findings) {
      const known = this.known.get(finding.key);
      if (!known) continue;
      known.finding = finding;
      this.renderer.render(known.record, finding);
    }
  }

  private hasDirtyAncestor(element: Element): boolean {
    for (let up = element.parentElement; up; up = up.parentElement) if (this.dirty.has(up)) return true;
    return false;
  }
}

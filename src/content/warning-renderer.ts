import type { Reason, WarningLevel } from '../core/types.ts';
import type { PageFinding } from '../core/verdict-messages.ts';
import type { PageRecord } from '../extract/page-record.ts';
import { ownElements } from './shadow-host.ts';
import { renderMarker } from './target-marker.ts';
import { TopLayerBanner } from './top-layer-banner.ts';
import { ariaLabel, fillWarning, headline, title, warningHost } from './warning-banner.ts';

/** What a click on a marked link or attachment needs to open the interstitial. */
export interface MarkedTarget {
  key: string;
  level: WarningLevel;
  href?: string;
  fileName?: string;
}

interface Shown {
  key: string;
  level: WarningLevel;
  finding: PageFinding;
  record: PageRecord;
  host: HTMLElement;
  /** The flagged links and attachments, each with its level: they get a badge when the warning is built. */
  badges: Array<[Element, WarningLevel]>;
  /** Each badge with the link or attachment it sits after (none until built). */
  markers: Array<[Element, HTMLElement]>;
  /** Times the page took the banner away; past a few, the top-layer banner takes over. */
  attacks: number;
  /** Whether the banner's shadow content and the badges exist yet (the host and all hooks always do). */
  built: boolean;
}

const QA_ATTRIBUTES = ['data-lureguard', 'data-lureguard-warning'];
/** Elements carrying either hook. */
const HOOKED = '[data-lureguard],[data-lureguard-warning]';
const MAX_REINSERTS = 3;
/**
 * Warnings per page drawn in full at once: a page with a few shows them complete straight away.
 * Past these (a feed with hundreds), each is drawn as its post nears the screen: the hooks and
 * the banner's host are placed at once; its shadow content and the link badges (most of the
 * cost) wait.
 */
const BUILT_AT_ONCE = 10;
/** How far off screen a post starts its warning's drawing: a screen's height above and below. */
const NEAR_SCREEN = '100% 0px';

/**
 * Draws results on the page and keeps them there. Every element we mark or create is
 * remembered here (never recognised by its attributes, which the page can forge), so:
 * a removed banner is put back, a restyled host is reset, a hidden or covered one is shown
 * again in the top layer, and `data-lureguard*` attributes the page sets itself are removed.
 */
export class WarningRenderer {
  private readonly shown = new Map<string, Shown>();
  /** The same warnings by host: the page may change attributes of every host at once. */
  private readonly byHost = new WeakMap<Element, Shown>();
  /** Our marks: element -> level we set. */
  private readonly marked = new Map<Element, WarningLevel>();
  readonly targets = new WeakMap<Element, MarkedTarget>();
  private readonly topLayer = new TopLayerBanner();
  private readonly hostWatch: MutationObserver;
  /**
   * Posts that may need a visibility check: near the screen, or rendered with no size at all
   * (hidden by the page). Layout reads cost time, so posts scrolled far away are never read.
   */
  private readonly toCheck = new Set<Element>();
  /** Posts whose warning is not drawn yet: drawn when they near the screen. */
  private readonly unbuilt = new Map<Element, Shown>();
  /**
   * One observer for every warned post, for both jobs: it draws a waiting warning as its post
   * nears the screen, and keeps `toCheck`. One notice per post instead of two (this runs for
   * every flagged post of a feed).
   */
  private readonly screenWatch = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const anchor = entry.target;
        const box = entry.boundingClientRect;
        if (!entry.isIntersecting && (box.width > 0 || box.height > 0)) {
          this.toCheck.delete(anchor);
          continue;
        }
        this.toCheck.add(anchor);
        const waiting = entry.isIntersecting ? this.unbuilt.get(anchor) : undefined;
        if (waiting) this.build(waiting);
      }
    },
    { rootMargin: NEAR_SCREEN },
  );
  private builtAtOnce = 0;
  /**
   * Counts our insertions and removals (hosts, banners, badges): each leaves layout to redo.
   * The periodic check reads layout only after a tick with none, or it would force that layout.
   */
  private domWrites = 0;

  constructor(private readonly onReport: (key: string) => void) {
    // Our own hosts: the page may add style, class, hidden or change our hooks; undo it.
    this.hostWatch = new MutationObserver((records) => {
      for (const record of records) this.restoreHost(record.target as HTMLElement);
    });
  }

  get findingCount(): number {
    return this.shown.size;
  }

  get writes(): number {
    return this.domWrites;
  }

  render(record: PageRecord, finding: PageFinding): void {
    const verdict = finding.verdict;
    const existing = this.shown.get(record.key);
    if (verdict.verdict === 'clean') {
      if (existing) this.remove(existing);
      return;
    }
    const level = verdict.verdict;
    if (existing && existing.finding === finding && existing.record.anchor === record.anchor) {
      // Same result on the same element (a virtualized list re-added it): just make sure it is in place.
      this.place(existing);
      return;
    }
    if (existing) this.remove(existing);
    this.mark(record.element, level);
    const badges: Array<[Element, WarningLevel]> = [];
    for (const target of record.targets) {
      const own = verdict.reasons.filter((r) => targetsReason(target, r));
      if (own.length === 0) continue;
      const targetLevel: WarningLevel = own.some((r) => r.level === 'dangerous') ? 'dangerous' : 'suspicious';
      this.mark(target.element, targetLevel);
      this.targets.set(target.element, {
        key: record.key,
        level: targetLevel,
        href: target.href,
        fileName: target.fileName,
      });
      badges.push([target.element, targetLevel]);
    }
    const host = warningHost(level, verdict);
    this.hostWatch.observe(host, { attributes: true });
    this.screenWatch.observe(record.anchor);
    const shown: Shown = {
      key: record.key,
      level,
      finding,
      record,
      host,
      badges,
      markers: [],
      attacks: 0,
      built: false,
    };
    this.shown.set(record.key, shown);
    this.byHost.set(host, shown);
    this.place(shown);
    if (this.builtAtOnce < BUILT_AT_ONCE) {
      this.builtAtOnce++;
      this.build(shown);
    } else {
      // One waiting warning per post element: another record on the same element draws now.
      const waiting = this.unbuilt.get(record.anchor);
      if (waiting) this.build(waiting);
      this.unbuilt.set(record.anchor, shown);
    }
  }

  /** Draws the banner and badges inside their hosts (closed roots, text only). */
  private build(shown: Shown): void {
    if (shown.built) return;
    shown.built = true;
    this.domWrites++;
    this.stopWaiting(shown);
    const verdict = shown.finding.verdict;
    fillWarning(shown.host, shown.level, verdict, { report: () => this.onReport(shown.key) });
    for (const [target, level] of shown.badges) {
      const marker = renderMarker(level);
      target.after(marker);
      shown.markers.push([target, marker]);
    }
  }

  private stopWaiting(shown: Shown): void {
    if (this.unbuilt.get(shown.record.anchor) === shown) this.unbuilt.delete(shown.record.anchor);
  }

  /** Forget everything (navigation): banners, badges and marks belong to the previous page. */
  clear(): void {
    for (const shown of [...this.shown.values()]) this.remove(shown);
    for (const element of this.marked.keys()) element.removeAttribute('data-lureguard');
    this.marked.clear();
    this.topLayer.hide();
    this.builtAtOnce = 0;
  }

  /** A page element carries one of our hooks but we did not put it there: drop it. */
  stripForged(element: Element): void {
    if (ownElements.has(element)) return;
    const ours = this.marked.get(element);
    for (const name of QA_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'data-lureguard' && ours !== undefined) {
        if (value !== ours) element.setAttribute(name, ours);
      } else element.removeAttribute(name);
    }
  }

  stripForgedIn(root: Element): void {
    if (root.matches(HOOKED)) this.stripForged(root);
    for (const forged of root.querySelectorAll(HOOKED)) this.stripForged(forged);
  }

  /**
   * After the page changed: put back banners it removed (while their post is still there),
   * then check each is really visible; anything hidden, covered or repeatedly removed is
   * shown in the top layer instead.
   */
  guard(): void {
    this.inspect(true);
  }

  /**
   * The once-a-second check: only warnings the user can see or is about to (near the screen,
   * or sized zero by the page), and those the page already fought. Removals anywhere run the
   * full `guard`; a warning removed out of our observer's sight (in a page's shadow root) is
   * put back when its post nears the screen. A feed with hundreds of warnings costs a few.
   */
  guardNearScreen(): void {
    this.inspect(false);
  }

  /** Puts back what the page moved, then judges visibility; `all` or only near the screen. */
  private inspect(all: boolean): void {
    const hidden: Shown[] = [];
    for (const shown of this.shown.values()) {
      if (!all && shown.attacks <= MAX_REINSERTS && !this.toCheck.has(shown.record.anchor)) continue;
      if (!shown.record.anchor.isConnected) continue; // Virtualized away; it comes back with its post.
      if (!shown.host.isConnected || shown.host.nextElementSibling !== shown.record.anchor) {
        shown.attacks++;
        if (shown.attacks <= MAX_REINSERTS) this.place(shown);
      }
      for (const [target, marker] of shown.markers) {
        if (target.isConnected && target.nextSibling !== marker && shown.attacks++ < MAX_REINSERTS) {
          target.after(marker);
          this.domWrites++;
        }
      }
      const anchor = shown.record.anchor;
      const check = this.toCheck.has(anchor) && onScreenOrSizeless(anchor);
      // On screen or sized zero by the page: it must be drawn to be judged visible.
      if (check) this.build(shown);
      if (shown.attacks > MAX_REINSERTS || (check && !isVisible(shown.host))) hidden.push(shown);
    }
    if (hidden.length > 0) {
      this.topLayer.show(
        hidden.map((s) => ({ level: s.level, text: `${title(s.level)}: ${headline(s.finding.verdict)}` })),
      );
    } else if (this.topLayer.element?.isConnected) this.topLayer.hide();
    const top = this.topLayer.element;
    if (hidden.length > 0 && top && top !== this.watchedTop) {
      this.watchedTop = top;
      this.hostWatch.observe(top, { attributes: true });
    }
  }
  private watchedTop: HTMLElement | null = null;

  private place(shown: Shown): void {
    const anchor = shown.record.anchor;
    if (!anchor.isConnected) return;
    if (shown.host.nextElementSibling !== anchor) {
      anchor.before(shown.host);
      this.domWrites++;
    }
    this.mark(shown.record.element, shown.level);
  }

  private restoreHost(host: HTMLElement): void {
    const top = host === this.topLayer.element;
    const shown = top ? undefined : this.byHost.get(host);
    if (!top && !shown) return;
    for (const name of ['style', 'class', 'hidden', 'inert', 'dir'])
      if (host.hasAttribute(name)) host.removeAttribute(name);
    // The top-layer banner is a manual popover; an inline one is none.
    if (!shown) {
      if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
      return;
    }
    if (host.hasAttribute('popover')) host.removeAttribute('popover');
    if (host.getAttribute('data-lureguard-warning') !== shown.level)
      host.setAttribute('data-lureguard-warning', shown.level);
    const label = ariaLabel(shown.level, shown.finding.verdict);
    if (host.getAttribute('aria-label') !== label) host.setAttribute('aria-label', label);
  }

  private remove(shown: Shown): void {
    this.stopWaiting(shown);
    // A waiting warning for another record on the same post still needs the post watched.
    if (!this.unbuilt.has(shown.record.anchor)) {
      this.screenWatch.unobserve(shown.record.anchor);
      this.toCheck.delete(shown.record.anchor);
    }
    shown.host.remove();
    for (const [, marker] of shown.markers) marker.remove();
    this.domWrites++;
    this.unmark(shown.record.element);
    for (const target of shown.record.targets) {
      this.targets.delete(target.element);
      this.unmark(target.element);
    }
    this.shown.delete(shown.key);
    this.byHost.delete(shown.host);
  }

  private mark(element: Element, level: WarningLevel): void {
    this.marked.set(element, level);
    if (element.getAttribute('data-lureguard') !== level) element.setAttribute('data-lureguard', level);
  }

  private unmark(element: Element): void {
    if (this.marked.delete(element)) element.removeAttribute('data-lureguard');
  }
}

function targetsReason(target: PageRecord['targets'][number], reason: Reason): boolean {
  return (
    (target.href !== undefined && reason.url === target.href) ||
    (target.fileName !== undefined && reason.file === target.fileName)
  );
}

/**
 * A post the user can see now, or one the page rendered with no size at all (hidden). Posts
 * just off screen are not judged: content-visibility:auto may skip drawing them.
 */
function onScreenOrSizeless(post: Element): boolean {
  const box = post.getBoundingClientRect();
  return (
    (box.width === 0 && box.height === 0) ||
    (box.bottom >= 0 && box.right >= 0 && box.top <= innerHeight && box.left <= innerWidth)
  );
}

/**
 * Whether a person can see the banner: rendered (no display:none, visibility or opacity 0 on
 * it or an ancestor), on the page, and, when on screen, not covered by another element.
 */
function isVisible(host: HTMLElement): boolean {
  if (!host.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
    return false;
  const rect = host.getBoundingClientRect();
  if (rect.width < 20 || rect.height < 10) return false;
  const docWidth = Math.max(document.documentElement.scrollWidth, innerWidth);
  if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0 || rect.left + scrollX >= docWidth)
    return false;
  const x = rect.left + rect.width / 2;
  const y = rect.top + Math.min(rect.height / 2, 20);
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true; // Off screen: nothing to cover it now.
  const top = document.elementFromPoint(x, y);
  return top === host;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// The page warnings' strings, as the content script registers them.
import '../../src/content/content-strings.ts';
import { WarningRenderer } from '../../src/content/warning-renderer.ts';
import type { PageFinding } from '../../src/core/verdict-messages.ts';
import type { PageRecord } from '../../src/extract/page-record.ts';

/**
 * Big pages: every warning's hooks go on the page at once (QA scripts and the e2e tests read
 * them), while the banner content and link badges of all but the first few are built when
 * their post nears the screen. jsdom has no IntersectionObserver: a fake one lets the test say what is near.
 */
const observers: FakeObserver[] = [];
class FakeObserver {
  readonly watched = new Set<Element>();
  constructor(
    readonly callback: (
      entries: Array<{
        target: Element;
        isIntersecting: boolean;
        boundingClientRect?: { width: number; height: number };
      }>,
    ) => void,
    readonly options: { rootMargin?: string } = {},
  ) {
    observers.push(this);
  }
  observe(target: Element) {
    this.watched.add(target);
  }
  unobserve(target: Element) {
    this.watched.delete(target);
  }
  disconnect() {
    this.watched.clear();
  }
}

/** Roots attached to our hosts (closed, so only the spy sees them). */
const roots = new Map<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  observers.length = 0;
  roots.clear();
});

function post(n: number): PageRecord {
  const element = document.createElement('article');
  element.innerHTML = `<p>post ${n}</p><a href="https://evil.example/jd-${n}.pdf">JD</a>`;
  document.body.append(element);
  const link = element.querySelector('a')!;
  return {
    key: `post:${n}`,
    element,
    anchor: element,
    targets: [{ element: link, href: link.href }],
    candidate: { text: `post ${n}`, pageUrl: 'https://www.linkedin.com/feed/' },
  };
}

function dangerous(record: PageRecord): PageFinding {
  return {
    key: record.key,
    verdict: {
      verdict: 'dangerous',
      reasons: [
        {
          id: 'indicator-url',
          level: 'dangerous',
          message: `Links to evil.example (${record.key})`,
          url: record.targets[0]!.href!,
        },
      ],
    },
  } as PageFinding;
}

/** The renderer's one intersection observer: near-screen drawing and visibility checks both use it. */
function nearScreen(): FakeObserver {
  expect(observers).toHaveLength(1);
  const found = observers[0]!;
  expect(found.options.rootMargin).toBe('100% 0px');
  return found;
}

describe('warnings on a big page', () => {
  it('places every host with its hooks at once, but builds only the first few', () => {
    const renderer = new WarningRenderer(() => undefined);
    const records = Array.from({ length: 30 }, (_, n) => post(n));
    for (const record of records) renderer.render(record, dangerous(record));

    for (const record of records) {
      const host = record.anchor.previousElementSibling!;
      expect(host.getAttribute('data-lureguard-warning')).toBe('dangerous');
      expect(host.getAttribute('aria-label')).toContain(`(${record.key})`);
      expect(record.element.getAttribute('data-lureguard')).toBe('dangerous');
      expect(record.targets[0]!.element.getAttribute('data-lureguard')).toBe('dangerous');
    }
    const built = records.filter((r) => roots.has(r.anchor.previousElementSibling!));
    expect(built.map((r) => r.key)).toEqual(records.slice(0, 10).map((r) => r.key));
    const badged = records.filter((r) => r.targets[0]!.element.nextElementSibling !== null);
    expect(badged.map((r) => r.key)).toEqual(records.slice(0, 10).map((r) => r.key));
    expect(badged[0]!.targets[0]!.element.nextElementSibling?.getAttribute('data-lureguard-marker')).toBe(
      'dangerous',
    );
    // Every warned post is watched: the waiting ones to be drawn, all of them for the visibility check.
    expect(nearScreen().watched.size).toBe(30);
  });

  it('builds a waiting warning and its badge when the post nears the screen, as an alert from text', () => {
    const renderer = new WarningRenderer(() => undefined);
    const records = Array.from({ length: 12 }, (_, n) => post(n));
    for (const record of records) renderer.render(record, dangerous(record));
    const late = records[11]!;
    const host = late.anchor.previousElementSibling!;
    const link = late.targets[0]!.element;
    expect(roots.has(host)).toBe(false);
    expect(link.nextElementSibling).toBeNull();

    nearScreen().callback([{ target: late.anchor, isIntersecting: true }]);
    const root = roots.get(host)!;
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      `Links to evil.example (${late.key})`,
    );
    const badge = link.nextElementSibling!;
    expect(badge.getAttribute('data-lureguard-marker')).toBe('dangerous');
    expect(roots.get(badge)?.textContent).toContain('Lureguard');
    // Still watched, for the visibility check.
    expect(nearScreen().watched.has(late.anchor)).toBe(true);
    // Built once: a second notice changes nothing.
    nearScreen().callback([{ target: late.anchor, isIntersecting: true }]);
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });

  it('stops waiting for a removed warning, and a new page shows its first warnings at once again', () => {
    const renderer = new WarningRenderer(() => undefined);
    const records = Array.from({ length: 12 }, (_, n) => post(n));
    for (const record of records) renderer.render(record, dangerous(record));
    const late = records[11]!;
    renderer.render(late, { key: late.key, verdict: { verdict: 'clean', reasons: [] } } as PageFinding);
    expect(nearScreen().watched.has(late.anchor)).toBe(false);
    expect(document.querySelectorAll('[data-lureguard-warning]')).toHaveLength(11);

    renderer.clear();
    const next = post(100);
    renderer.render(next, dangerous(next));
    expect(roots.has(next.anchor.previousElementSibling!)).toBe(true);
  });
});

describe('visibility checks on a big page', () => {
  /**
   * jsdom has no layout: every checked banner counts as hidden and goes to the top layer. Runs
   * `test` with a renderer holding `count` dangerous posts, then puts everything back.
   */
  function withoutLayout(
    count: number,
    test: (
      renderer: WarningRenderer,
      records: PageRecord[],
      shownInTopLayer: ReturnType<typeof vi.fn>,
    ) => void,
  ): void {
    const shownInTopLayer = vi.fn();
    Object.assign(HTMLElement.prototype, { checkVisibility: () => false, showPopover: shownInTopLayer });
    const renderer = new WarningRenderer(() => undefined);
    try {
      const records = Array.from({ length: count }, (_, n) => post(n));
      for (const record of records) renderer.render(record, dangerous(record));
      test(renderer, records, shownInTopLayer);
    } finally {
      renderer.clear(); // The top-layer banner may sit outside <body>, which the next test empties.
      Reflect.deleteProperty(HTMLElement.prototype, 'checkVisibility');
      Reflect.deleteProperty(HTMLElement.prototype, 'showPopover');
    }
  }

  it('draws and checks a post the page hid (no size), never one scrolled far away', () => {
    withoutLayout(13, (renderer, records, shownInTopLayer) => {
      const [hidden, far] = [records[11]!, records[12]!];
      nearScreen().callback([
        { target: hidden.anchor, isIntersecting: false, boundingClientRect: { width: 0, height: 0 } },
        { target: far.anchor, isIntersecting: false, boundingClientRect: { width: 600, height: 300 } },
      ]);
      renderer.guard();
      expect(roots.has(hidden.anchor.previousElementSibling!)).toBe(true);
      expect(roots.has(far.anchor.previousElementSibling!)).toBe(false);
      expect(shownInTopLayer).toHaveBeenCalledOnce();
    });
  });
  it('counts its insertions and removals, so layout reads can wait for a frame without them', () => {
    withoutLayout(2, (renderer, records) => {
      const drawn = renderer.writes;
      expect(drawn).toBeGreaterThan(0);
      renderer.guard();
      renderer.guard();
      const afterChecks = renderer.writes;
      renderer.guard();
      expect(renderer.writes).toBe(afterChecks);
      records[0]!.anchor.previousElementSibling!.remove();
      renderer.guard();
      expect(renderer.writes).toBe(afterChecks + 1);
      renderer.render(records[1]!, { key: records[1]!.key, verdict: { verdict: 'clean', reasons: [] } });
      expect(renderer.writes).toBe(afterChecks + 2);
    });
  });
  it('once a second, puts back a removed warning near the screen; one far away waits for its post to near', () => {
    withoutLayout(3, (renderer, records) => {
      const [near, far] = [records[0]!, records[1]!];
      nearScreen().callback([
        { target: near.anchor, isIntersecting: true, boundingClientRect: { width: 600, height: 300 } },
        { target: far.anchor, isIntersecting: false, boundingClientRect: { width: 600, height: 300 } },
      ]);
      const [nearHost, farHost] = [near.anchor.previousElementSibling!, far.anchor.previousElementSibling!];
      nearHost.remove();
      farHost.remove();

      renderer.guardNearScreen();
      expect(near.anchor.previousElementSibling).toBe(nearHost);
      expect(farHost.isConnected).toBe(false);

      renderer.guard();
      expect(far.anchor.previousElementSibling).toBe(farHost);
    });
  });
  it('does not judge a post near the screen but not on it (content-visibility may skip its drawing)', () => {
    withoutLayout(12, (renderer, records, shownInTopLayer) => {
      const below = records[11]!;
      const box = { top: innerHeight + 100, bottom: innerHeight + 400, left: 0, right: 600 };
      const place = () =>
        vi.spyOn(below.anchor, 'getBoundingClientRect').mockReturnValue({
          ...box,
          width: 600,
          height: 300,
        } as DOMRect);
      place();
      nearScreen().callback([
        { target: below.anchor, isIntersecting: true, boundingClientRect: { width: 600, height: 300 } },
      ]);
      renderer.guard();
      // Drawn, as it nears the screen, but not judged hidden.
      expect(roots.has(below.anchor.previousElementSibling!)).toBe(true);
      expect(shownInTopLayer).not.toHaveBeenCalled();

      box.top = 100;
      box.bottom = 400;
      place();
      renderer.guard();
      expect(shownInTopLayer).toHaveBeenCalledOnce();
    });
  });
});

describe('hooks the page forged', () => {
  it('are stripped from an added subtree, its root included', () => {
    const renderer = new WarningRenderer(() => undefined);
    document.body.innerHTML =
      '<section id="root" data-lureguard="dangerous"><p data-lureguard-warning="dangerous" aria-label="x">fake</p><p id="plain">ok</p></section>';
    const root = document.getElementById('root')!;
    renderer.stripForgedIn(root);
    expect(root.hasAttribute('data-lureguard')).toBe(false);
    expect(document.querySelectorAll('[data-lureguard],[data-lureguard-warning]')).toHaveLength(0);
    expect(document.getElementById('plain')!.outerHTML).toBe('<p id="plain">ok</p>');
  });
});

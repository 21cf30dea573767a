import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageScanner } from '../../src/content/page-scanner.ts';
import type { WarningRenderer } from '../../src/content/warning-renderer.ts';
import type { PageFinding } from '../../src/core/verdict-messages.ts';
import type { PageRecord } from '../../src/extract/page-record.ts';

/**
 * The first read of a big page goes in short slices (the page runs in between), and the
 * worker gets few big batches rather than a message per slice. jsdom has no idle callbacks:
 * the test runs them one by one, with a clock that moves 1 ms per reading.
 */
let idle: Array<() => void> = [];
let clock = 0;

beforeEach(() => {
  idle = [];
  clock = 0;
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  vi.spyOn(performance, 'now').mockImplementation(() => clock++);
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** One record per `<article id>` under the given document or scoped view. */
function* articles(doc: Document): Generator<PageRecord> {
  for (const element of doc.querySelectorAll('article')) {
    yield {
      key: `post:${element.id}`,
      element,
      anchor: element,
      targets: [],
      candidate: { text: element.textContent ?? '', pageUrl: 'https://example.com/' },
    };
  }
}

function page(count: number, from = 0): void {
  const html: string[] = [];
  for (let n = from; n < from + count; n++) html.push(`<article id="a${n}">post ${n}</article>`);
  document.body.insertAdjacentHTML('beforeend', html.join(''));
}

function setUp(extract = articles) {
  const batches: string[][] = [];
  const judge = vi.fn(async (records: PageRecord[]): Promise<PageFinding[]> => {
    batches.push(records.map((r) => r.key));
    return [];
  });
  const renderer = { render: vi.fn(), clear: vi.fn() } as unknown as WarningRenderer;
  const scanner = new PageScanner(extract, judge, renderer);
  const runSlice = () => {
    const next = idle.shift();
    if (!next) throw new Error('no slice scheduled');
    next();
  };
  return { scanner, batches, runSlice };
}

describe('the full scan of a big page', () => {
  it('reads the page over several short slices and sends it in batches of at most 200', () => {
    page(450);
    const { scanner, batches, runSlice } = setUp();
    scanner.scanAll();
    runSlice();
    expect(scanner.pendingWork).toBe(true);
    expect(batches).toEqual([]);
    let slices = 1;
    while (idle.length > 0) {
      runSlice();
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(batches.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(batches.flat()).toEqual(Array.from({ length: 450 }, (_, n) => `post:a${n}`));
    expect(scanner.pendingWork).toBe(false);
  });

  it('is settled only when nothing is left to read or send and every verdict is back', async () => {
    page(5);
    let answer: (findings: PageFinding[]) => void = () => undefined;
    const judge = vi.fn(() => new Promise<PageFinding[]>((resolve) => (answer = resolve)));
    const renderer = { render: vi.fn(), clear: vi.fn() } as unknown as WarningRenderer;
    const scanner = new PageScanner(articles, judge, renderer);
    expect(scanner.settled).toBe(true);
    scanner.scanAll();
    expect(scanner.settled).toBe(false);
    while (idle.length > 0) idle.shift()!();
    expect(judge).toHaveBeenCalledOnce();
    expect(scanner.pendingWork).toBe(false);
    expect(scanner.settled).toBe(false);
    answer([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(scanner.settled).toBe(true);
  });

  it('scans what the page added during the full scan once the full scan is done', () => {
    page(30);
    const { scanner, batches, runSlice } = setUp();
    scanner.scanAll();
    runSlice();
    page(1, 30);
    scanner.changed(document.getElementById('a30')!);
    while (idle.length > 0) runSlice();
    expect(batches.flat().sort()).toEqual(Array.from({ length: 31 }, (_, n) => `post:a${n}`).sort());
  });

  it('drops a scan in progress on navigation', () => {
    page(100);
    const { scanner, batches, runSlice } = setUp();
    scanner.scanAll();
    runSlice();
    scanner.reset();
    while (idle.length > 0) runSlice();
    expect(batches).toEqual([]);
    expect(scanner.pendingWork).toBe(false);
  });
});

describe('known entities', () => {
  it('re-judges an entity whose content changed, not one re-added unchanged', () => {
    page(3);
    const { scanner, batches, runSlice } = setUp();
    scanner.scanAll();
    while (idle.length > 0) runSlice();
    expect(batches.flat()).toEqual(['post:a0', 'post:a1', 'post:a2']);

    const same = document.getElementById('a1')!;
    same.replaceWith(same.cloneNode(true));
    scanner.changed(document.getElementById('a1')!);
    while (idle.length > 0) runSlice();
    expect(batches).toHaveLength(1);

    document.getElementById('a2')!.textContent = 'post 2, edited';
    scanner.changed(document.getElementById('a2')!);
    while (idle.length > 0) runSlice();
    expect(batches.slice(1)).toEqual([['post:a2']]);
  });
});

describe('subtrees the page added', () => {
  it('are read together, up to 200 in one adapter pass, each post once', () => {
    page(3);
    const passes: number[] = [];
    const { scanner, batches, runSlice } = setUp(function* (doc) {
      const records = [...articles(doc)];
      passes.push(records.length);
      yield* records;
    });
    scanner.scanAll();
    while (idle.length > 0) runSlice();
    page(250, 3);
    for (let n = 3; n < 253; n++) scanner.changed(document.getElementById(`a${n}`)!);
    // A change inside an added post is read with the post, not again on its own.
    const inner = document.createElement('b');
    document.getElementById('a240')!.append(inner);
    scanner.changed(inner);
    while (idle.length > 0) runSlice();
    expect(passes).toEqual([3, 200, 50]);
    expect(batches.slice(1).flat()).toEqual(Array.from({ length: 250 }, (_, n) => `post:a${n + 3}`));
  });

  it('inside a changed container, are read with the container, siblings and nephews alike', () => {
    const roots: Element[][] = [];
    const { scanner, batches, runSlice } = setUp(function* (doc) {
      roots.push([...doc.querySelectorAll('section, article')]);
      yield* articles(doc);
    });
    scanner.scanAll();
    while (idle.length > 0) runSlice();
    document.body.insertAdjacentHTML(
      'beforeend',
      '<article id="before">x</article><section><article id="s1">1</article><article id="s2">2</article><div><article id="s3">3</article></div></section><article id="after">y</article>',
    );
    for (const id of ['before', 's1', 's2', 's3', 'after']) scanner.changed(document.getElementById(id)!);
    scanner.changed(document.querySelector('section')!);
    while (idle.length > 0) runSlice();
    expect(batches.flat()).toEqual(['post:before', 'post:after', 'post:s1', 'post:s2', 'post:s3']);
    expect(roots.at(-1)?.map((e) => e.id || e.tagName)).toEqual([
      'before',
      'after',
      'SECTION',
      's1',
      's2',
      's3',
    ]);
  });
});

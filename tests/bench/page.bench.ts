/**
 * `npm run bench:page`: the content script's cost on big real-shaped pages, in real Chromium.
 *
 * Pages: a 1,000-post LinkedIn feed and a 2,000-message Discord channel, grown from the
 * adapters' fixtures (tests/fixtures/linkedin/feed.html, discord/channel-jobs.html) by cloning
 * their posts with fresh ids, plus 10 x 100 posts added to the feed afterwards (from the
 * fixture's markup as served, not from live posts that carry our warnings).
 *
 * Attribution: the V8 CPU profiler (100 µs sampling) on the page, and a Chromium trace of the
 * page's main thread for task boundaries and each task's thread CPU time. A sample counts as
 * the extension's when any frame on its stack comes from the content script's URL (so DOM work
 * our code calls is included, the page's own work is not); garbage collection inside a task
 * that ran our code counts too, as our allocations caused it. "Longest task" is the longest main-thread task (trace
 * `ThreadControllerImpl::RunTask`, plus the microtask checkpoint right after it) in which our
 * code ran, less the time the page's own scripts took in it (our MutationObserver callback
 * runs at the end of the page's task that added the posts). Rendering that the browser does
 * in its own later task (style and layout of what we inserted) is in neither number.
 * CPU, not wall: samples measure wall time, and on a small machine the page's main thread is
 * often descheduled inside our tasks (the browser, the extension's worker judging the batch and
 * this harness share two cores here: traced tasks of ours ran 25-100% of their wall time on
 * the CPU). Each task's share of samples is scaled by its CPU/wall ratio from the trace
 * (`tdur`/`dur`), so time the thread spent waiting for a core is not counted as ours. The wall
 * figures are printed beside them; the targets are read on CPU time.
 * Reference, measured in the same run: a page script reading every post's textContent once.
 * Needs a build: LUREGUARD_DIST (default dist/).
 * BENCH_TOP=1 prints the hottest functions per case, and what ran in its longest task (use a
 * `--minify false` build to read the names). BENCH_PROFILES=<dir> saves each case's CPU profile
 * there (.cpuprofile, for DevTools).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DIST,
  type ExtensionBrowser,
  launchWithExtension,
  serveHtml,
  tabIdOf,
  tabState,
} from '../e2e/browser-harness.ts';
import { fixtureHtml } from '../fixtures/load-fixture.ts';

const CONTENT_SCRIPT = 'src/content/content-script.js';
const SAMPLING_US = 100;

interface Profile {
  nodes: Array<{
    id: number;
    parent?: number;
    callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread CPU time of the event, µs (Linux traces carry it). */
  tdur?: number;
}

/** A main-thread task: wall start and end, and the CPU time the thread ran in it (µs). */
interface Task {
  start: number;
  end: number;
  cpu: number;
}

/** One profiled stretch: the CPU profile and the page main thread's tasks. */
interface Capture {
  profile: Profile;
  tasks: Task[];
}

const TASK = 'ThreadControllerImpl::RunTask';
/** Promise callbacks (our worker replies) run in checkpoints outside any RunTask event. */
const MICROTASKS = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** A checkpoint closer than this to the end of a task belongs to that task. */
const SAME_TASK_US = 50;
const MARK = 'lureguard-bench-main-thread';
/** Where the grower keeps the fixture's items as served (see `grower`). */
const PRISTINE = '__lureguardBenchItems';
/** The profiler's pseudo-frames: no script is running. */
const NOT_SCRIPT = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** The extension's time in one capture: CPU (the figures the targets read) and wall. */
interface Cost {
  totalMs: number;
  longestMs: number;
  wallMs: number;
  wallLongestMs: number;
}

/** Extension time and the longest task it ran in, from one capture. */
function attribute({ profile, tasks }: Capture): Cost {
  if (process.env.BENCH_PROFILES)
    writeFileSync(join(process.env.BENCH_PROFILES, `${Date.now()}.cpuprofile`), JSON.stringify(profile));
  const parent = new Map<number, number>();
  const url = new Map<number, string>();
  for (const node of profile.nodes) {
    url.set(node.id, node.callFrame.url);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value = (url.get(id) ?? '').endsWith(CONTENT_SCRIPT) || (up !== undefined && isOurs(up));
    ours.set(id, value);
    return value;
  };
  /**
   * The page's own scripts (and what they call), which a task of ours may also have run: any
   * stack with a JS frame not ours (page scripts and evaluated ones have no URL, so go by name).
   */
  const page = new Map<number, boolean>();
  const isPage = (id: number): boolean => {
    const known = page.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const name = frames.get(id)?.functionName ?? '';
    const value = !isOurs(id) && (!NOT_SCRIPT.has(name) || (up !== undefined && isPage(up)));
    page.set(id, value);
    return value;
  };
  const self = new Map<string, number>();
  /** Per task index: our functions' self time (for BENCH_TOP's look at the longest task). */
  const selfByTask = new Map<number, Map<string, number>>();
  /** Per task index: our sample time, garbage collection time, the page's own time. */
  const ourMs = new Map<number, number>();
  const gcMs = new Map<number, number>();
  const pageMs = new Map<number, number>();
  let untasked = 0;
  let at = profile.startTime;
  let task = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? SAMPLING_US) / 1000;
    while (task < tasks.length && tasks[task]!.end < at) task++;
    const inTask = task < tasks.length && tasks[task]!.start <= at ? task : -1;
    if (isOurs(id)) {
      const f = frames.get(id)!;
      const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(name, (self.get(name) ?? 0) + dt);
      if (inTask >= 0) {
        const inThisTask = selfByTask.get(inTask) ?? new Map<string, number>();
        selfByTask.set(inTask, inThisTask);
        inThisTask.set(name, (inThisTask.get(name) ?? 0) + dt);
      }
      if (inTask < 0) untasked += dt;
      else ourMs.set(inTask, (ourMs.get(inTask) ?? 0) + dt);
    } else if (inTask >= 0 && frames.get(id)?.functionName === '(garbage collector)') {
      gcMs.set(inTask, (gcMs.get(inTask) ?? 0) + dt);
    } else if (inTask >= 0 && isPage(id)) {
      pageMs.set(inTask, (pageMs.get(inTask) ?? 0) + dt);
    }
  });
  let total = untasked;
  let wall = untasked;
  let longest = 0;
  let wallLongest = 0;
  let longestTask = -1;
  for (const [index, ms] of ourMs) {
    const { start, end, cpu } = tasks[index]!;
    // The share of the task's wall time the thread was on a core (at most all of it).
    const onCpu = Math.min(1, cpu / Math.max(1, end - start));
    const oursMs = ms + (gcMs.get(index) ?? 0);
    wall += oursMs;
    total += oursMs * onCpu;
    const taskMs = (end - start) / 1000 - (pageMs.get(index) ?? 0);
    wallLongest = Math.max(wallLongest, taskMs);
    if (taskMs * onCpu > longest) {
      longest = taskMs * onCpu;
      longestTask = index;
    }
  }
  if (untasked > 1)
    console.warn(`  (${untasked.toFixed(1)} ms of extension samples outside any traced task)`);
  if (process.env.BENCH_TOP && longestTask >= 0) {
    const top = [...selfByTask.get(longestTask)!].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `  longest task ${longest.toFixed(1)} ms: ours ${ourMs.get(longestTask)!.toFixed(1)}, garbage collection ${(gcMs.get(longestTask) ?? 0).toFixed(1)};`,
      top.map(([n, ms]) => `${n.split(' ')[0]} ${ms.toFixed(1)}`).join(', '),
    );
  }
  if (process.env.BENCH_TOP) {
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(top.map(([n, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${n}`).join('\n'));
  }
  return { totalMs: total, longestMs: longest, wallMs: wall, wallLongestMs: wallLongest };
}

/** Starts the CPU profiler on the page and a trace of task boundaries (browser-wide; one at a time). */
async function startCapture(page: Page): Promise<{ stop(): Promise<Capture> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  // A marker from the page's main thread: tells its trace thread apart from other renderers'.
  await page.evaluate((mark) => console.timeStamp(mark), MARK);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const mark = events.find((e) => e.name === 'TimeStamp' && JSON.stringify(e).includes(MARK));
      if (!mark) throw new Error('no main-thread marker in the trace');
      const tasks = events
        .filter((e) => (e.name === TASK || e.name === MICROTASKS) && e.ph === 'X')
        .filter((e) => e.pid === mark.pid && e.tid === mark.tid)
        .sort((x, y) => x.ts - y.ts);
      // Outermost events only (a nested run loop runs tasks inside a task); a checkpoint right
      // after a task is part of it.
      const outer: Task[] = [];
      for (const e of tasks) {
        const last = outer.at(-1);
        // Without a thread time, a task counts as all CPU (never less than it was).
        const cpu = e.tdur ?? e.dur ?? 0;
        if (last && e.ts < last.end) continue;
        if (last && e.name === MICROTASKS && e.ts - last.end < SAME_TASK_US) {
          last.end = e.ts + (e.dur ?? 0);
          last.cpu += cpu;
        } else outer.push({ start: e.ts, end: e.ts + (e.dur ?? 0), cpu });
      }
      return { profile, tasks: outer };
    },
  };
}

/** Waits until the worker has judged at least `count` entities on the tab and the count has settled. */
async function waitJudged(browser: ExtensionBrowser, tabId: number, count: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const judged = (await tabState(browser, tabId)).judged.length;
    if (judged !== last) {
      last = judged;
      stableSince = Date.now();
    }
    if (judged >= count && Date.now() - stableSince > 700) return judged;
    if (Date.now() > deadline) throw new Error(`only ${judged} of ${count} judged`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A script that grows a fixture at parse time: clones `selector`'s items with fresh ids. It
 * keeps the items' markup as the site sent it in a page global (`PRISTINE`), for posts added
 * later: a clone of a live post would carry our own warning (its host, badges and
 * data-lureguard hooks), which the content script strips as forged, a cost no real added post
 * has.
 */
function grower(selector: string, idPattern: string, total: number): string {
  return `<script>(() => {
    const items = [...document.querySelectorAll(${JSON.stringify(selector)})];
    window.${PRISTINE} = items.map((item) => item.outerHTML);
    const parent = items[0].parentElement;
    const html = [];
    for (let i = items.length; i < ${total}; i++) {
      const item = items[i % items.length];
      const id = new RegExp(${JSON.stringify(idPattern)}).exec(item.outerHTML)[0];
      html.push(item.outerHTML.replaceAll(id, String(BigInt(id.slice(0, 3)) * 10n ** BigInt(id.length - 3) + 123456789000n + BigInt(i))));
    }
    parent.insertAdjacentHTML('beforeend', html.join(''));
  })();</script>`;
}

async function referenceMs(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    const t0 = performance.now();
    let n = 0;
    for (const e of document.querySelectorAll(s)) n += (e.textContent ?? '').length;
    return n >= 0 ? performance.now() - t0 : 0;
  }, selector);
}

interface Row extends Cost {
  name: string;
  refMs: number;
}

async function measureLoad(
  browser: ExtensionBrowser,
  url: string,
  html: string,
  itemSelector: string,
  expected: number,
): Promise<{ row: Row; page: Page; tabId: number }> {
  await serveHtml(browser.context, url, html);
  const page = await browser.context.newPage();
  // Same-site blank page first, so the profiler runs in the renderer that then loads the real page.
  const blank = new URL('/bench-blank', url).href;
  await serveHtml(browser.context, blank, '<!doctype html><title>blank</title>');
  await page.goto(blank);
  const capture = await startCapture(page);
  await page.goto(url);
  const tabId = await tabIdOf(browser, page);
  await waitJudged(browser, tabId, expected);
  const measured = await capture.stop();
  const found = await page.evaluate((s) => document.querySelectorAll(s).length, itemSelector);
  if (found < expected) throw new Error(`page has ${found} items, expected ${expected}`);
  return {
    row: { name: '', ...attribute(measured), refMs: await referenceMs(page, itemSelector) },
    page,
    tabId,
  };
}

/** Loads a page afresh `LOADS` times (the machine's run-to-run spread is about ±15%): the median cost, the longest task of any load. */
const LOADS = 3;
async function measureLoads(
  browser: ExtensionBrowser,
  name: string,
  ...args: [url: string, html: string, itemSelector: string, expected: number]
): Promise<{ row: Row; page: Page; tabId: number }> {
  const loads: Array<Awaited<ReturnType<typeof measureLoad>>> = [];
  for (let i = 0; i < LOADS; i++) {
    if (i > 0) await loads[i - 1]!.page.close();
    loads.push(await measureLoad(browser, ...args));
  }
  const median = (pick: (row: Row) => number) =>
    loads.map((l) => pick(l.row)).sort((a, b) => a - b)[Math.floor(LOADS / 2)]!;
  console.log(
    `${name}: CPU ${loads.map((l) => l.row.totalMs.toFixed(1)).join(', ')} ms; wall ${loads.map((l) => l.row.wallMs.toFixed(1)).join(', ')} ms`,
  );
  const last = loads.at(-1)!;
  return {
    row: {
      name: `${name} (median of ${LOADS})`,
      totalMs: median((r) => r.totalMs),
      longestMs: Math.max(...loads.map((l) => l.row.longestMs)),
      wallMs: median((r) => r.wallMs),
      wallLongestMs: Math.max(...loads.map((l) => l.row.wallLongestMs)),
      refMs: last.row.refMs,
    },
    page: last.page,
    tabId: last.tabId,
  };
}

async function main(): Promise<void> {
  const browser = await launchWithExtension();
  const rows: Row[] = [];
  try {
    // LinkedIn feed, 1,000 posts.
    const feedItems = '.scaffold-finite-scroll__content > [data-finite-scroll-hotkey-item]';
    const feedHtml = fixtureHtml('linkedin/feed.html').replace(
      '</body>',
      `${grower(feedItems, '(?<=urn:li:activity:)\\d+', 1_000)}</body>`,
    );
    const feed = await measureLoads(
      browser,
      'LinkedIn feed, initial scan of 1,000 posts',
      'https://www.linkedin.com/feed/',
      feedHtml,
      '[data-urn^="urn:li:activity:"]',
      1_000,
    );
    rows.push(feed.row);

    // 10 x 100 posts added to the live feed.
    let judged = (await tabState(browser, feed.tabId)).judged.length;
    const adds: Row[] = [];
    for (let round = 0; round < 10; round++) {
      const capture = await startCapture(feed.page);
      await feed.page.evaluate(
        ([selector, pristine, round]) => {
          const items = (globalThis as unknown as Record<string, string[]>)[pristine]!;
          const html: string[] = [];
          for (let i = 0; i < 100; i++) {
            const item = items[i % items.length]!;
            const id = /(?<=urn:li:activity:)\d+/.exec(item)![0];
            html.push(item.replaceAll(id, String(7400000000000000000n + BigInt(round * 1000 + i))));
          }
          document.querySelector(selector)!.parentElement!.insertAdjacentHTML('beforeend', html.join(''));
        },
        [feedItems, PRISTINE, round] as const,
      );
      judged = await waitJudged(browser, feed.tabId, judged + 100);
      adds.push({ name: '', ...attribute(await capture.stop()), refMs: 0 });
    }
    const refAdd = (await referenceMs(feed.page, '[data-urn^="urn:li:activity:"]')) / 20; // per 100 of 2,000
    rows.push({
      name: 'LinkedIn feed, per 100 added posts (mean of 10)',
      totalMs: adds.reduce((s, r) => s + r.totalMs, 0) / adds.length,
      longestMs: Math.max(...adds.map((r) => r.longestMs)),
      wallMs: adds.reduce((s, r) => s + r.wallMs, 0) / adds.length,
      wallLongestMs: Math.max(...adds.map((r) => r.wallLongestMs)),
      refMs: refAdd,
    });
    await feed.page.close();

    // Discord channel, 2,000 messages.
    const discordItems = 'ol[data-list-id="chat-messages"] > li[id^="chat-messages-"]';
    const discordHtml = fixtureHtml('discord/channel-jobs.html').replace(
      '</body>',
      `${grower(discordItems, '(?<=chat-messages-\\d+-)\\d+', 2_000)}</body>`,
    );
    const discord = await measureLoads(
      browser,
      'Discord, initial scan of 2,000 messages',
      'https://discord.com/channels/1200000000000000100/1300000000000000200',
      discordHtml,
      discordItems,
      1_900, // A few list items (system notices) are not messages.
    );
    rows.push(discord.row);
    await discord.page.close();
  } finally {
    await browser.close();
  }

  const bundle = statSync(join(DIST, CONTENT_SCRIPT)).size;
  console.log('\nLureguard content script, main-thread cost (CPU profiler attribution, ms)\n');
  console.log(
    'case'.padEnd(56),
    'CPU'.padStart(7),
    'longest'.padStart(8),
    'wall'.padStart(7),
    'longest'.padStart(8),
    'ref'.padStart(6),
    'CPU/ref'.padStart(8),
  );
  for (const r of rows) {
    console.log(
      r.name.padEnd(56),
      r.totalMs.toFixed(1).padStart(7),
      r.longestMs.toFixed(1).padStart(8),
      r.wallMs.toFixed(1).padStart(7),
      r.wallLongestMs.toFixed(1).padStart(8),
      r.refMs.toFixed(1).padStart(6),
      (r.refMs > 0 ? r.totalMs / r.refMs : 0).toFixed(1).padStart(8),
    );
  }
  console.log(
    `\ncontent-script bundle: ${bundle.toLocaleString('en-US')} bytes minified = ${(bundle / 1000).toFixed(2)} kB = ${(bundle / 1024).toFixed(1)} KiB (target <= 60 KB)`,
  );
  console.log('targets (CPU): initial 1,000 posts <= 100 ms; <= 5 ms per 100 added; no task > 50 ms');
  console.log(
    'CPU = sampled time scaled by each task’s thread CPU share (trace tdur/dur); wall = sampled time as is',
  );
  console.log('ref = a page script reading every item’s textContent once (same page, same run)');
}

await main();

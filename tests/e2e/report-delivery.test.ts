import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  EXTENSION_ID,
  type ExtensionBrowser,
  launchWithExtension,
  serveHtml,
  tabIdOf,
  tabState,
} from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';
import { testCertSpkiHash } from './loopback-https.ts';

/**
 * Reports reach a real webhook receiver: HTTPS on 127.0.0.1 with the test certificate, reached
 * as hooks.acme.example. It behaves like a SIEM collector that honours Idempotency-Key: it
 * answers CORS preflights, keeps the first report per key and acknowledges repeats without
 * keeping them. It can be stopped, and it can hold a request open (to restart the worker mid-send).
 * Two more receivers play a webhook that bounces reports with a 307 (hooks.bounce.example) and
 * the host it bounces them to (collect.elsewhere.example).
 */

const TLS = resolve(import.meta.dirname, '../fixtures/tls');
const SCHEMA = z.fromJSONSchema(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/report-schema.json'), 'utf8')),
);
const HOOK = 'https://hooks.acme.example/lureguard';
const BOUNCING_HOOK = 'https://hooks.bounce.example/lureguard';
const BOUNCE_TARGET = 'https://collect.elsewhere.example/lureguard';
const PAGES = `chrome-extension://${EXTENSION_ID}/src/ui`;

interface Post {
  key: string | undefined;
  body: Record<string, unknown>;
}

class Receiver {
  /** Every request, CORS preflights included. */
  hits = 0;
  posts: Post[] = [];
  kept = new Map<string, Record<string, unknown>>();
  /** While set, POSTs are recorded but not answered until released. */
  hold: { release: () => void; received: Promise<void>; arrived: () => void } | null = null;
  private server: Server | null = null;
  port = 0;

  /** With `redirectTo`, every POST is answered 307 (method and body kept) to that URL. */
  constructor(private readonly redirectTo?: string) {}

  async start(): Promise<void> {
    const server = createServer(
      {
        cert: readFileSync(resolve(TLS, 'test-only-loopback.crt')),
        key: readFileSync(resolve(TLS, 'test-only-loopback.key')),
      },
      (req, res) => void this.handle(req, res),
    );
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  }

  holdNext(): void {
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const received = new Promise<void>((r) => {
      arrived = r;
    });
    this.hold = { release, received, arrived };
    this.gate = gate;
  }
  private gate: Promise<void> = Promise.resolve();

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.hits++;
    const cors = {
      'access-control-allow-origin': `chrome-extension://${EXTENSION_ID}`,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type, idempotency-key',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const key = req.headers['idempotency-key'] as string | undefined;
    const body = JSON.parse(raw) as Record<string, unknown>;
    this.posts.push({ key, body });
    if (this.redirectTo) {
      res.writeHead(307, { ...cors, location: this.redirectTo }).end();
      return;
    }
    const duplicate = key !== undefined && this.kept.has(key);
    if (key && !duplicate) this.kept.set(key, body);
    if (this.hold) {
      const { arrived } = this.hold;
      this.hold = null;
      arrived();
      await this.gate;
    }
    res
      .writeHead(200, { ...cors, 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, duplicate }));
  }

  postsFor(id: string): Post[] {
    return this.posts.filter((p) => p.key === id);
  }
}

const receiver = new Receiver();
const bouncer = new Receiver(BOUNCE_TARGET);
const elsewhere = new Receiver();
let browser: ExtensionBrowser;

beforeAll(async () => {
  await Promise.all([receiver.start(), bouncer.start(), elsewhere.start()]);
  browser = await launchWithExtension({
    hostRules: [
      `MAP hooks.acme.example 127.0.0.1:${receiver.port}`,
      `MAP hooks.bounce.example 127.0.0.1:${bouncer.port}`,
      `MAP collect.elsewhere.example 127.0.0.1:${elsewhere.port}`,
    ],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([receiver.stop(), bouncer.stop(), elsewhere.stop()]);
});

/**
 * Stops the MV3 service worker the way Chromium does when it idles out: the DevTools protocol
 * closes its target (storage stays; memory and in-flight fetches are gone). The next event,
 * here an extension page opening, starts a fresh worker. Returns that page.
 */
async function restartWorker(): Promise<Page> {
  const worker = await browser.worker();
  await worker.evaluate(() => {
    (self as unknown as { beforeRestart: boolean }).beforeRestart = true;
  });
  const probe = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(probe);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${EXTENSION_ID}/`),
  );
  if (!target) throw new Error('no extension service worker target');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await cdp.detach();
  await probe.goto(`${PAGES}/history/history.html`);
  await expect
    .poll(
      async () =>
        (await browser.worker())
          .evaluate(() => (self as unknown as { beforeRestart?: boolean }).beforeRestart === true)
          .catch(() => 'stopped'),
      { timeout: 15_000 },
    )
    .toBe(false);
  return probe;
}

async function queue(): Promise<Array<{ id: string; state: string; attempts: number; lastError?: string }>> {
  return (await browser.worker()).evaluate(
    async () => ((await chrome.storage.local.get('reportQueue')).reportQueue ?? []) as never,
  );
}

/** A LinkedIn job view with a lure: the worker records a dangerous finding on the tab. */
async function flaggedFinding(
  jobId: string,
): Promise<{ page: Page; tabId: number; key: string; url: string }> {
  const url = `https://www.linkedin.com/jobs/view/${jobId}/`;
  await serveHtml(
    browser.context,
    url,
    linkedInJobView('sdui', {
      jobId,
      applyHref: wrap.safetyGo('https://www.coinbase.com/careers/positions/7012345'),
      jdHref: wrap.safetyGo('https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf'),
      jdText: 'Before the first interview, please review the full role description:',
      jdLinkText: 'Job description (PDF)',
    }),
  );
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(browser, page);
  let key = '';
  await expect
    .poll(
      async () => {
        const findings = (await tabState(browser, tabId)).findings as Array<{
          key: string;
          verdict: { verdict: string };
        }>;
        key = findings.find((f) => f.verdict.verdict === 'dangerous')?.key ?? '';
        return key;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  return { page, tabId, key, url };
}

async function setDestination(endpoint: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`${PAGES}/history/history.html`);
  await page.fill('#endpoint', endpoint);
  await page.click('#save-destination');
  await expect.poll(() => page.locator('#destination-now').textContent()).toContain(endpoint);
  await page.close();
}

/** Opens the report page as the warning's Report button does, checks what it shows, and sends. */
async function sendReport(tabId: number, key: string, comment: string): Promise<{ page: Page; id: string }> {
  const page = await browser.context.newPage();
  await page.goto(`${PAGES}/report/report.html?tabId=${tabId}&key=${encodeURIComponent(key)}`);
  await expect.poll(() => page.locator('#send').isEnabled()).toBe(true);
  const shown = JSON.parse((await page.locator('#json').textContent()) ?? '{}') as { id: string };
  await page.fill('#comment', comment);
  await page.click('#send');
  return { page, id: shown.id };
}

describe('reports', () => {
  it('shows the report first, then delivers it to the webhook in the documented schema', async () => {
    const { page, tabId, key, url } = await flaggedFinding('4101000301');
    await setDestination(HOOK);
    const report = await browser.context.newPage();
    await report.goto(`${PAGES}/report/report.html?tabId=${tabId}&key=${encodeURIComponent(key)}`);
    // Everything is on screen before anything is sent.
    await expect.poll(() => report.locator('#summary').textContent()).toContain(url);
    expect(await report.locator('#reasons').textContent()).toContain('talentdocs-share.net');
    expect(await report.locator('#links').textContent()).toContain(
      '→ https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf',
    );
    expect(await report.locator('#destination').textContent()).toContain('hooks.acme.example');
    expect(receiver.posts).toHaveLength(0);
    await report.close();

    const sent = await sendReport(tabId, key, 'The recruiter messaged me first.');
    await expect.poll(() => receiver.kept.size, { timeout: 15_000 }).toBe(1);
    const [post] = receiver.postsFor(sent.id);
    expect(post!.key).toBe(sent.id);
    const parsed = SCHEMA.safeParse(post!.body);
    expect(parsed.success).toBe(true);
    expect(post!.body).toMatchObject({
      id: sent.id,
      schema: 'lureguard-report/1',
      trigger: 'user',
      source: 'warning',
      verdict: 'dangerous',
      comment: 'The recruiter messaged me first.',
      page: { url },
      extension: { name: 'Lureguard' },
    });
    expect(String(post!.body.text)).toMatch(/^Lureguard report \(dangerous\): /);
    expect(String(post!.body.excerpt)).toContain('review the full role description');
    await expect.poll(() => sent.page.locator('#status').getAttribute('data-state')).toBe('sent');
    await Promise.all([page.close(), sent.page.close()]);
  });

  it('keeps a report while the receiver is down, across a worker restart, and delivers it once', async () => {
    const { page, tabId, key } = await flaggedFinding('4101000302');
    await receiver.stop();
    const sent = await sendReport(tabId, key, 'Sent while the collector was down.');
    await expect
      .poll(async () => (await queue()).find((e) => e.id === sent.id), { timeout: 15_000 })
      .toMatchObject({ state: 'pending', attempts: 1 });
    await expect.poll(() => sent.page.locator('#status').textContent()).toContain('Pending');
    await Promise.all([page.close(), sent.page.close()]);

    const history = await restartWorker();
    // The new worker found the report still queued, waiting out its backoff, with its wake-up alarm set.
    const waiting = (await queue()).find((e) => e.id === sent.id);
    expect(waiting?.state).toBe('pending');
    expect(waiting?.lastError).toBeTruthy();
    await expect
      .poll(async () =>
        (await browser.worker()).evaluate(async () => (await chrome.alarms.get('lureguard-reports'))?.name),
      )
      .toBe('lureguard-reports');

    await receiver.start();
    await history.click('#retry');
    await expect.poll(() => receiver.postsFor(sent.id).length, { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => history.locator(`tr[data-id="${sent.id}"]`).getAttribute('data-state'))
      .toBe('sent');
    expect(SCHEMA.safeParse(receiver.postsFor(sent.id)[0]!.body).success).toBe(true);

    // Nothing is sent twice: not on another retry, not after another restart.
    await history.click('#retry');
    await history.close();
    await (await restartWorker()).close();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receiver.postsFor(sent.id)).toHaveLength(1);
    expect((await queue()).find((e) => e.id === sent.id)).toMatchObject({ state: 'sent' });
  });

  it('a worker stopped mid-send resends with the same key, and the receiver keeps one report', async () => {
    const { page, tabId, key } = await flaggedFinding('4101000303');
    receiver.holdNext();
    const { received: arrived, release } = receiver.hold!;
    const sent = await sendReport(tabId, key, 'Stopped mid-send.');
    await Promise.race([
      arrived,
      new Promise((_, fail) =>
        setTimeout(() => fail(new Error('the report never reached the receiver')), 15_000),
      ),
    ]);
    expect((await queue()).find((e) => e.id === sent.id)).toMatchObject({ state: 'sending' });
    await Promise.all([page.close(), sent.page.close()]);
    const woken = await restartWorker();
    await expect
      .poll(async () => (await queue()).find((e) => e.id === sent.id)?.state, { timeout: 15_000 })
      .toBe('sent');
    release();
    await woken.close();
    const posts = receiver.postsFor(sent.id);
    // The unanswered first POST is the only repeat; it carries the same Idempotency-Key.
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p.key === sent.id && p.body.id === sent.id)).toBe(true);
    expect([...receiver.kept.keys()].filter((k) => k === sent.id)).toHaveLength(1);
  });

  it('keeps a local history of findings and reports that exports as JSON and CSV and can be cleared', async () => {
    const history = await browser.context.newPage();
    await history.goto(`${PAGES}/history/history.html`);
    await expect
      .poll(() => history.locator('#history tr[data-kind="report"]').count())
      .toBeGreaterThanOrEqual(3);
    expect(await history.locator('#history tr[data-kind="finding"]').count()).toBeGreaterThanOrEqual(3);

    const [json] = await Promise.all([history.waitForEvent('download'), history.click('#export-json')]);
    const entries = JSON.parse(readFileSync(await json.path(), 'utf8')) as Array<{
      kind: string;
      url?: string;
    }>;
    expect(
      entries.some((e) => e.kind === 'finding' && e.url === 'https://www.linkedin.com/jobs/view/4101000301/'),
    ).toBe(true);
    const [csv] = await Promise.all([history.waitForEvent('download'), history.click('#export-csv')]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('time,kind,verdict,headline,reasons,url,destination,delivery');
    expect(lines).toHaveLength(entries.length + 1);

    history.once('dialog', (dialog) => void dialog.accept());
    await history.click('#clear');
    await expect.poll(() => history.locator('#history tr').count()).toBe(0);
    await history.close();
  });

  it('a webhook that redirects gets no report through: it stays pending and the other host sees nothing', async () => {
    const { page, tabId, key } = await flaggedFinding('4101000304');
    await setDestination(BOUNCING_HOOK);
    try {
      const sent = await sendReport(tabId, key, 'Sent to a webhook that bounces reports.');
      await expect
        .poll(async () => (await queue()).find((e) => e.id === sent.id), { timeout: 15_000 })
        .toMatchObject({ state: 'pending', attempts: 1 });
      // The webhook got the POST and answered 307; the browser did not follow it.
      expect(elsewhere.hits).toBe(0);
      expect(bouncer.postsFor(sent.id)).toHaveLength(1);
      const lastError = (await queue()).find((e) => e.id === sent.id)?.lastError ?? '';
      expect(lastError).toMatch(/redirect/i);
      await expect.poll(() => sent.page.locator('#status').textContent()).toContain(lastError);
      expect(await sent.page.locator('#status').getAttribute('data-state')).toBe('pending');

      // "Retry now" asks the webhook again and is refused again, as on every later try.
      const history = await browser.context.newPage();
      await history.goto(`${PAGES}/history/history.html`);
      const row = history.locator(`#reports tr[data-id="${sent.id}"]`);
      await expect.poll(() => row.textContent()).toContain(lastError);
      await history.click('#retry');
      await expect
        .poll(async () => (await queue()).find((e) => e.id === sent.id), { timeout: 15_000 })
        .toMatchObject({ state: 'pending', attempts: 2, lastError });
      expect(bouncer.postsFor(sent.id)).toHaveLength(2);
      await expect.poll(() => row.getAttribute('data-state')).toBe('pending');
      expect(elsewhere.hits).toBe(0);
      await Promise.all([page.close(), sent.page.close(), history.close()]);
    } finally {
      await setDestination(HOOK);
    }
  });
});

describe('the report pages in Japanese', () => {
  it('the history and report pages follow the language setting', async () => {
    const { page, tabId, key } = await flaggedFinding('4101000305');
    const options = await browser.context.newPage();
    await options.goto(`${PAGES}/options/options.html`);
    await options.locator('#language').selectOption('ja');
    await expect.poll(() => options.locator('#sites-title').textContent()).toBe('サイト');
    try {
      const history = await browser.context.newPage();
      await history.goto(`${PAGES}/history/history.html`);
      await expect.poll(() => history.locator('h1').textContent()).toBe('報告と履歴');
      expect(await history.locator('html').getAttribute('lang')).toBe('ja');
      expect(await history.title()).toBe('Lureguard — 報告と履歴');
      expect(await history.locator('#history-table thead th').allTextContents()).toEqual([
        '日時',
        '種類',
        '判定',
        '内容',
        '場所',
      ]);
      expect(await history.locator('#endpoint').getAttribute('placeholder')).toContain('または');
      expect(await history.locator('#destination-now').textContent()).toBe(`報告の送信先: ${HOOK}`);
      const finding = history.locator('#history tr[data-kind="finding"]').first();
      await expect.poll(() => finding.count()).toBe(1);
      const [time, kind, verdict] = await finding.locator('td').allTextContents();
      // ja-JP dates read year/month/day with a 24-hour clock.
      expect(time).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/);
      expect([kind, verdict]).toEqual(['検出', '危険']);

      const report = await browser.context.newPage();
      await report.goto(`${PAGES}/report/report.html?tabId=${tabId}&key=${encodeURIComponent(key)}`);
      await expect.poll(() => report.locator('#send').isEnabled()).toBe(true);
      expect(await report.locator('h1').textContent()).toBe('セキュリティチームに報告');
      expect(await report.locator('#summary dt').first().textContent()).toBe('判定');
      expect(await report.locator('#summary dd').first().textContent()).toBe('危険');
      expect(await report.locator('#destination').textContent()).toBe('送信先: hooks.acme.example');
      expect(await report.locator('#send').textContent()).toBe('報告を送信');
      await Promise.all([history.close(), report.close()]);
    } finally {
      await options.locator('#language').selectOption('auto');
      await Promise.all([options.close(), page.close()]);
    }
  });
});

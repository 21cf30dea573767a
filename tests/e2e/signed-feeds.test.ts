import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_ID,
  type ExtensionBrowser,
  launchWithExtension,
  serveHtml,
  tabIdOf,
  waitForJudged,
} from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';
import { type Answer, startLoopbackHttps, testCertSpkiHash } from './loopback-https.ts';
import { listPayload, newTestKey, signPayload, type TestKey, tamper } from './test-signer.ts';

// A security team's feed, served over real HTTPS on loopback as feeds.lureguard.test.
const FEED_URL = 'https://feeds.lureguard.test/acme/indicators.json';
const FEED_ID = 'acme-security';
const LURE_HOST = 'static-cdn-assets.net';

let browser: ExtensionBrowser;
let feedServer: Awaited<ReturnType<typeof startLoopbackHttps>>;
let key: TestKey;
let serving: Answer = { status: 404, type: 'text/plain', body: 'not yet' };

const json = (body: string): Answer => ({
  status: 200,
  type: 'application/json',
  body,
  headers: { 'access-control-allow-origin': '*' },
});

beforeAll(async () => {
  key = await newTestKey();
  feedServer = await startLoopbackHttps(() => serving);
  browser = await launchWithExtension({
    hostRules: [`MAP feeds.lureguard.test 127.0.0.1:${feedServer.port}`],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await feedServer?.close();
});

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${EXTENSION_ID}/src/ui/options/options.html`);
  return page;
}

function feedRow(page: Page) {
  return page.locator(`tr[data-feed-id="${FEED_ID}"]`);
}

async function checkNow(page: Page): Promise<void> {
  await page.click('#check-now');
  await page.waitForLoadState('domcontentloaded');
}

/** A job post whose "team handbook" link points at LURE_HOST: clean unless a list names the host. */
async function judgeLurePost(jobId: string): Promise<{ page: Page; level: string | null }> {
  const url = `https://www.linkedin.com/jobs/view/${jobId}/`;
  await serveHtml(
    browser.context,
    url,
    linkedInJobView('sdui', {
      jobId,
      applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
      jdHref: wrap.safetyGo(`https://${LURE_HOST}/team/handbook`),
      jdText: 'Meet the team in our',
      jdLinkText: 'team handbook',
    }),
  );
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForJudged(browser, await tabIdOf(browser, page), `linkedin-job:${jobId}`);
  await page.waitForTimeout(200);
  const warning = page.locator('[data-lureguard-warning]');
  return {
    page,
    level: (await warning.count()) ? await warning.getAttribute('data-lureguard-warning') : null,
  };
}

describe('signed feeds in the service worker', () => {
  it('accepts a signed feed and flags a domain it adds, without reinstalling', async () => {
    serving = json(await signPayload(listPayload(FEED_ID, 1, ['unrelated-example-lure.net']), [key]));
    const options = await optionsPage();
    await options.fill('input[name=id]', FEED_ID);
    await options.fill('input[name=url]', FEED_URL);
    await options.fill('textarea[name=keys]', key.publicLine);
    await options.click('button[type=submit]');
    await expect
      .poll(() => feedRow(options).locator('td').nth(2).textContent(), { timeout: 15_000 })
      .toBe('1');

    const before = await judgeLurePost('4104000001');
    expect(before.level).toBeNull();
    await before.page.close();

    serving = json(
      await signPayload(listPayload(FEED_ID, 2, ['unrelated-example-lure.net', LURE_HOST]), [key]),
    );
    await checkNow(options);
    await expect
      .poll(() => feedRow(options).locator('td').nth(2).textContent(), { timeout: 15_000 })
      .toBe('2');

    const after = await judgeLurePost('4104000002');
    expect(after.level).toBe('dangerous');
    expect(await after.page.locator('[data-lureguard-warning]').getAttribute('aria-label')).toContain(
      LURE_HOST,
    );
    await after.page.close();
    await options.close();
  });

  it('rejects a tampered list and a rollback, and keeps protecting with the last good list', async () => {
    const options = await optionsPage();
    serving = json(tamper(await signPayload(listPayload(FEED_ID, 3, []), [key])));
    await checkNow(options);
    await expect.poll(() => feedRow(options).locator('td').nth(7).textContent()).toContain('bad-signature');
    expect(await feedRow(options).locator('td').nth(2).textContent()).toBe('2');

    serving = json(await signPayload(listPayload(FEED_ID, 1, []), [key]));
    await checkNow(options);
    await expect.poll(() => feedRow(options).locator('td').nth(7).textContent()).toContain('rollback');
    expect(await feedRow(options).locator('td').nth(2).textContent()).toBe('2');

    const other = await newTestKey();
    serving = json(await signPayload(listPayload(FEED_ID, 4, []), [other]));
    await checkNow(options);
    await expect
      .poll(() => feedRow(options).locator('td').nth(7).textContent())
      .toMatch(/threshold|unknown-key/);

    const page = await judgeLurePost('4104000003');
    expect(page.level).toBe('dangerous');
    await page.page.close();
    await options.close();
  });

  it('keeps the updated list across a worker restart between the update and the next verdict', async () => {
    const options = await optionsPage();
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await options.close();
    const page = await judgeLurePost('4104000004');
    expect(page.level).toBe('dangerous');
    await page.page.close();
  });

  it('verifies the stored envelope again at start: a corrupted store is dropped, then refetched', async () => {
    const worker = await browser.worker();
    // Something edits the stored envelope behind the extension's back (another profile tool, a disk
    // editor): one byte of the signed payload changes, the stored version and status stay as they were.
    await worker.evaluate(async (id) => {
      const { feeds } = await chrome.storage.local.get('feeds');
      const record = (feeds as Record<string, { envelope: string }>)[id]!;
      const envelope = JSON.parse(record.envelope) as { payload: string };
      const body = atob(envelope.payload);
      const at = body.indexOf('"version"') + 1;
      envelope.payload = btoa(`${body.slice(0, at)}V${body.slice(at + 1)}`);
      record.envelope = JSON.stringify(envelope);
      await chrome.storage.local.set({ feeds });
    }, FEED_ID);
    const options = await optionsPage();
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    const dropped = await judgeLurePost('4104000005');
    expect(dropped.level).toBeNull();
    await dropped.page.close();
    await options.reload();
    await expect
      .poll(() => feedRow(options).locator('td').nth(7).textContent())
      .toContain('stored list no longer verifies: bad-signature');

    // The next check fetches a good list again.
    serving = json(await signPayload(listPayload(FEED_ID, 5, [LURE_HOST]), [key]));
    await checkNow(options);
    await expect
      .poll(() => feedRow(options).locator('td').nth(2).textContent(), { timeout: 15_000 })
      .toBe('5');
    const restored = await judgeLurePost('4104000006');
    expect(restored.level).toBe('dangerous');
    await restored.page.close();
    await options.close();
  });
});

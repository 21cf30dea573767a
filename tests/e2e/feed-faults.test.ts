import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_ID,
  type ExtensionBrowser,
  launchWithExtension,
  tabIdOf,
  waitForJudged,
} from './browser-harness.ts';
import { type Fault, type FaultServer, fault, startFaultServer } from './feed-faults-server.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';
import { testCertSpkiHash } from './loopback-https.ts';
import { listPayload, newTestKey, signPayload, type TestKey } from './test-signer.ts';

// Issue 7 §3: a feed host that fails in every way a real one can. The feed is set by enterprise
// policy (so that key rotation is a policy change, as it is in a company), served over real HTTPS
// on loopback as feeds.lureguard.test; the redirect target evil-mirror.lureguard.test is the same
// server under another name. Writing the policy file needs root, which CI has.
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/lureguard-feed-faults-e2e.json`;
const FEED_ID = 'acme-faults';
const FEED_URL = 'https://feeds.lureguard.test/acme/indicators.json';
const LURE_HOST = 'onboarding-docs-portal.net';
const POLL_MINUTES = 5;
// Test-only limits (chrome.storage.session, see feed-store.ts): a timeout and a cap that fit a test.
const TIMEOUT_MS = 1_500;
const MAX_BYTES = 64 * 1024;

interface StoredFeed {
  version?: number;
  failures: number;
  lastCheck?: string;
  lastError?: string;
  nextCheckAt?: number;
  outOfDate?: boolean;
}

let browser: ExtensionBrowser;
let server: FaultServer;
let oldKey: TestKey;
let newKey: TestKey;
let options: Page;
let page: Page;
let goodEnvelope: string;
let goodVersion = 0;
let jobCounter = 4107000000;

/** Polls `probe` until it returns true (usable in hooks, unlike expect.poll). */
async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function writePolicy(keys: TestKey[]): void {
  const policy = {
    feeds: [{ id: FEED_ID, url: FEED_URL, keys: keys.map((k) => k.publicLine), threshold: 1 }],
    pollMinutes: POLL_MINUTES,
    orgName: 'Acme Security',
  };
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
  } catch (error) {
    throw new Error(`feed-faults writes ${POLICY_FILE}, which needs root: ${(error as Error).message}`);
  }
}

/** Chromium re-reads the policy folder (chrome://policy "Reload policies"); waits until the worker sees the keys. */
async function reloadPolicy(keys: TestKey[]): Promise<void> {
  writePolicy(keys);
  const policyPage = await browser.context.newPage();
  await policyPage.goto('chrome://policy');
  await policyPage.click('#reload-policies');
  const wanted = keys.map((k) => k.publicLine).join(' ');
  await until(
    async () =>
      wanted ===
      (await (
        await browser.worker()
      ).evaluate(async () => {
        const managed = await chrome.storage.managed.get('feeds');
        return ((managed.feeds as Array<{ keys: string[] }> | undefined)?.[0]?.keys ?? []).join(' ');
      })),
    'the new policy to reach the extension',
  );
  await policyPage.close();
  // One more round trip: the worker handles the storage.onChanged('managed') event queued before it.
  await (await browser.worker()).evaluate(() => chrome.storage.managed.get('feeds'));
}

async function storedOrNone(): Promise<StoredFeed | undefined> {
  return (await browser.worker()).evaluate(async (id) => {
    const { feeds } = await chrome.storage.local.get('feeds');
    return (feeds as Record<string, StoredFeed> | undefined)?.[id];
  }, FEED_ID);
}

async function stored(): Promise<StoredFeed> {
  const feed = await storedOrNone();
  if (!feed) throw new Error(`the worker has no record of feed ${FEED_ID}`);
  return feed;
}

/** Serves `what`, presses "Check now" and waits until that check is recorded. */
async function checkWith(what: Fault): Promise<StoredFeed> {
  server.serve(what);
  const before = await stored();
  // dispatchEvent, not click(): the options tab is in the background, where click()'s
  // animation-frame stability checks wait on throttled frames.
  await options.locator('#check-now').dispatchEvent('click');
  await until(async () => (await stored()).lastCheck !== before.lastCheck, 'the feed check');
  return stored();
}

const statusCell = () => options.locator(`tr[data-feed-id="${FEED_ID}"] td`).nth(7);

/** A LinkedIn job post linking to LURE_HOST: only the feed's list names that host. */
async function lureVerdict(): Promise<string | null> {
  const jobId = String(++jobCounter);
  await page.goto(`https://www.linkedin.com/jobs/view/${jobId}/`);
  await waitForJudged(browser, await tabIdOf(browser, page), `linkedin-job:${jobId}`);
  const warning = page.locator('[data-lureguard-warning]');
  await expect.poll(() => warning.count(), { timeout: 5_000 }).toBeGreaterThan(0);
  return warning.first().getAttribute('data-lureguard-warning');
}

async function publish(version: number, keys: TestKey[], expiresInMs?: number): Promise<string> {
  const payload = listPayload(FEED_ID, version, [LURE_HOST]) as Record<string, unknown>;
  if (expiresInMs !== undefined) {
    payload.expiresAt = new Date(Date.now() + expiresInMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return signPayload(payload, keys);
}

beforeAll(async () => {
  [oldKey, newKey] = [await newTestKey(), await newTestKey()];
  server = await startFaultServer();
  writePolicy([oldKey]);
  browser = await launchWithExtension({
    hostRules: [
      `MAP feeds.lureguard.test 127.0.0.1:${server.port}`,
      `MAP evil-mirror.lureguard.test 127.0.0.1:${server.port}`,
    ],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
  await (await browser.worker()).evaluate(
    (limits) => chrome.storage.session.set({ feedFetchLimitsForTests: limits }),
    { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES },
  );
  await browser.context.route('https://www.linkedin.com/jobs/view/**', (route) => {
    const jobId = /\/jobs\/view\/(\d+)/.exec(route.request().url())?.[1] ?? '0';
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: linkedInJobView('sdui', {
        jobId,
        applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
        jdHref: wrap.safetyGo(`https://${LURE_HOST}/welcome-pack`),
        jdText: 'Before the interview, read our',
        jdLinkText: 'welcome pack',
      }),
    });
  });
  // The worker read the policy and recorded the feed.
  await until(async () => (await storedOrNone()) !== undefined, 'the worker to record the policy feed');
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/ui/options/options.html`);
  page = await browser.context.newPage();

  goodVersion = 10;
  goodEnvelope = await publish(goodVersion, [oldKey]);
  const first = await checkWith(fault.json(goodEnvelope));
  if (first.version !== goodVersion) throw new Error(`the good list was not accepted: ${first.lastError}`);
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
  await server?.close();
});

describe('feed faults: the last good list keeps protecting', () => {
  const body = () => goodEnvelope;
  const cases: Array<[string, () => Promise<Fault> | Fault, RegExp]> = [
    ['HTTP 500', () => fault.status(500), /^http 500$/],
    ['HTTP 404', () => fault.status(404), /^http 404$/],
    ['a connection reset', () => fault.reset(), /^network: /],
    ['no answer at all (timeout)', () => fault.silent(), /^timeout$/],
    ['a slow drip of bytes', () => fault.drip(body(), 200), /^timeout$/],
    ['a body cut short of its Content-Length', () => fault.cutShort(body()), /^network: /],
    ['a complete response holding half the file', () => fault.halfBody(body()), /^malformed: /],
    ['an oversized body with a Content-Length', () => fault.huge(MAX_BYTES * 4, true), /^oversized$/],
    ['an oversized body streamed without a length', () => fault.huge(MAX_BYTES * 4, false), /^oversized$/],
    [
      'the wrong content type',
      () => fault.json(body(), { 'content-type': 'text/html' }),
      /^content-type text\/html$/,
    ],
    [
      'a redirect to another host',
      () => fault.redirect('https://evil-mirror.lureguard.test/acme/indicators.json', body()),
      /^redirected to another host$/,
    ],
    [
      'an HTML error page served as JSON',
      () =>
        fault.json(
          '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
        ),
      /^malformed: /,
    ],
    [
      'an HTML error page with status 503',
      () => fault.status(503, 'text/html', '<h1>Maintenance</h1>'),
      /^http 503$/,
    ],
    [
      'a new list that has already expired',
      async () => fault.json(await publish(goodVersion + 1, [oldKey], -30_000)),
      /^expired: /,
    ],
    [
      'a rollback to an older version',
      async () => fault.json(await publish(goodVersion - 1, [oldKey])),
      /^rollback: /,
    ],
    [
      'equivocation: the same version with other content',
      async () =>
        fault.json(
          await signPayload(listPayload(FEED_ID, goodVersion, [LURE_HOST, 'other-host.net']), [oldKey]),
        ),
      /^equivocation: /,
    ],
    [
      'a list signed by an untrusted key',
      async () => fault.json(await publish(goodVersion + 1, [newKey])),
      /^threshold: /,
    ],
  ];

  it.each(cases)('%s', async (_name, make, reason) => {
    // Start from a clean record: the good list served again is not a change and resets failures.
    expect((await checkWith(fault.json(goodEnvelope))).failures).toBe(0);
    const what = await make();

    const first = await checkWith(what);
    expect(first.lastError).toMatch(reason);
    expect(first.version).toBe(goodVersion);
    expect(first.failures).toBe(1);
    const second = await checkWith(what);
    expect(second.failures).toBe(2);
    // Exponential backoff: the wait after the second failure is longer than after the first.
    const wait = (f: StoredFeed) => f.nextCheckAt! - Date.parse(f.lastCheck!);
    expect(wait(first)).toBeGreaterThanOrEqual(2 * POLL_MINUTES * 60_000);
    expect(wait(second)).toBeGreaterThan(wait(first));

    await expect.poll(() => statusCell().textContent()).toContain(`(still using version ${goodVersion})`);
    expect(await statusCell().textContent()).toContain(second.lastError!.slice(0, 40));
    expect(await lureVerdict()).toBe('dangerous');
  });

  it('key rotation: the policy adds a new key, a list signed by it is accepted, then the old key goes', async () => {
    await reloadPolicy([oldKey, newKey]);
    const rotated = await checkWith(fault.json(await publish(goodVersion + 1, [newKey])));
    expect(rotated).toMatchObject({ version: goodVersion + 1, failures: 0 });
    expect(rotated.lastError).toBeUndefined();
    goodVersion += 1;

    await reloadPolicy([newKey]);
    // The held list was signed by the new key: it still verifies after the worker re-reads policy.
    const kept = await checkWith(fault.json(await publish(goodVersion + 1, [oldKey])));
    expect(kept.lastError).toMatch(/^threshold: /);
    expect(kept.version).toBe(goodVersion);
    expect(await lureVerdict()).toBe('dangerous');
  });

  it('a held list that expires keeps protecting, flagged out of date', async () => {
    goodEnvelope = await publish(goodVersion + 1, [newKey], 4_000);
    const fresh = await checkWith(fault.json(goodEnvelope));
    expect(fresh).toMatchObject({ version: goodVersion + 1, failures: 0 });
    goodVersion += 1;
    await new Promise((r) => setTimeout(r, 4_500));
    // The same (now expired) envelope served again is no error: it is simply out of date.
    await checkWith(fault.json(goodEnvelope));
    await expect.poll(() => statusCell().textContent()).toMatch(/out of date/i);
    expect(await lureVerdict()).toBe('dangerous');
  });
});

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
import { startLoopbackHttps, testCertSpkiHash } from './loopback-https.ts';
import { listPayload, newTestKey, signPayload } from './test-signer.ts';

// Chromium on Linux reads managed policy from this folder at start-up. Writing it needs root,
// which CI has; the file is removed afterwards so no other test sees the policy.
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/lureguard-e2e-test.json`;
const FEED_ID = 'acme-enterprise';
const LURE_HOST = 'hr-onboarding-files.net';

let browser: ExtensionBrowser;
let feedServer: Awaited<ReturnType<typeof startLoopbackHttps>>;

beforeAll(async () => {
  const key = await newTestKey();
  const envelope = await signPayload(listPayload(FEED_ID, 7, [LURE_HOST]), [key]);
  feedServer = await startLoopbackHttps(() => ({
    status: 200,
    type: 'application/json',
    body: envelope,
    headers: { 'access-control-allow-origin': '*', etag: '"v7"' },
  }));
  const policy = {
    feeds: [
      {
        id: FEED_ID,
        url: 'https://feeds.lureguard.test/enterprise.json',
        keys: [key.publicLine],
        threshold: 1,
      },
    ],
    orgName: 'Acme Security',
    supportContact: 'security@acme.example',
    pollMinutes: 30,
    disableUserOptOut: true,
    preventBypass: true,
    // Wrong type on purpose: Chromium drops this one value and keeps the rest.
    reportEndpoint: 42,
  };
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }));
  } catch (error) {
    throw new Error(
      `The enterprise-policy test writes ${POLICY_FILE}, which needs root (CI runs as root): ${(error as Error).message}`,
    );
  }
  browser = await launchWithExtension({
    hostRules: [`MAP feeds.lureguard.test 127.0.0.1:${feedServer.port}`],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
});

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await browser?.close();
  await feedServer?.close();
});

describe('enterprise policy', () => {
  it('reaches the extension through chrome.storage.managed, minus values that do not fit the schema', async () => {
    const managed = await (await browser.worker()).evaluate(() => chrome.storage.managed.get());
    expect(managed.orgName).toBe('Acme Security');
    expect(managed.disableUserOptOut).toBe(true);
    expect(managed.feeds).toHaveLength(1);
    expect(managed.reportEndpoint).toBeUndefined();
  });

  it('polls the policy feed, shows it as set by the organisation, and flags what it lists', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/src/ui/options/options.html`);
    await expect.poll(() => options.locator('#org').textContent()).toContain('Acme Security');
    const row = options.locator(`tr[data-feed-id="${FEED_ID}"]`);
    expect(await row.locator('td').nth(1).textContent()).toBe('Your organisation');
    // disableUserOptOut: employees cannot add their own (possibly allowlisting) feeds.
    expect(await options.locator('#add-feed-section').isHidden()).toBe(true);
    await options.click('#check-now');
    await expect.poll(() => row.locator('td').nth(2).textContent(), { timeout: 15_000 }).toBe('7');
    await options.close();

    const url = 'https://www.linkedin.com/jobs/view/4105000001/';
    await serveHtml(
      browser.context,
      url,
      linkedInJobView('classic', {
        jobId: '4105000001',
        applyHref: wrap.redir('https://www.coinbase.com/careers/positions/4105000001'),
        jdHref: wrap.redir(`https://${LURE_HOST}/welcome`),
        jdText: 'Your onboarding pack:',
        jdLinkText: 'welcome pack',
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForJudged(browser, await tabIdOf(browser, page), 'linkedin-job:4105000001');
    const warning = page.locator('[data-lureguard-warning]');
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.getAttribute('data-lureguard-warning')).toBe('dangerous');
    expect(await warning.getAttribute('aria-label')).toContain(LURE_HOST);
    await page.close();
  });
});

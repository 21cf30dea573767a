import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  EXTENSION_ID,
  type ExtensionBrowser,
  launchWithExtension,
  serveHtml,
  tabIdOf,
  waitForJudged,
} from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';

const WARNING = '[data-lureguard-warning]';
const JOB_ID = '4104000001';
const JOB_URL = `https://www.linkedin.com/jobs/view/${JOB_ID}/`;
const PAGE = (path: string) => `chrome-extension://${EXTENSION_ID}/src/ui/${path}`;

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
  await serveHtml(
    browser.context,
    JOB_URL,
    linkedInJobView('classic', {
      jobId: JOB_ID,
      applyHref: wrap.redir('https://coinbase-careers.com/apply/7012347'),
      jdHref: wrap.redir('https://coinbase-careers.com/docs/Engineering_Manager_Product_Security.pdf'),
      jdText: 'Download the detailed job description here:',
      jdLinkText: 'Engineering_Manager_Product_Security.pdf',
    }),
  );
});
afterAll(async () => {
  await browser?.close();
});

async function openJob(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(JOB_URL);
  const tabId = await tabIdOf(browser, page);
  return { page, tabId };
}

describe('popup and options', () => {
  it('lists the tab’s findings; "This is a mistake" silences the item until undone in options', async () => {
    const { page, tabId } = await openJob();
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);

    const popup = await browser.context.newPage();
    await popup.goto(`${PAGE('popup/popup.html')}?tabId=${tabId}`);
    const item = popup.locator(`#findings > li[data-key="linkedin-job:${JOB_ID}"]`);
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('coinbase-careers.com');
    const report = await item.locator('a.report').getAttribute('href');
    expect(report).toBe(
      `${PAGE('report/report.html')}?tabId=${tabId}&key=${encodeURIComponent(`linkedin-job:${JOB_ID}`)}`,
    );

    await item.locator('button.mistake').click();
    await expect.poll(() => popup.locator('#notice').textContent()).not.toBe('');
    // The page is judged again: the warning and the marks go, and the badge clears.
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[data-lureguard]').count()).toBe(0);
    await expect.poll(() => badgeText(browser, tabId)).toBe('');
    await expect.poll(() => popup.locator('#findings > li').count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(PAGE('options/options.html'));
    const entry = options.locator('#allowlist > li');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain(`linkedin-job:${JOB_ID}`);
    await entry.locator('button').click();
    await expect.poll(() => entry.count()).toBe(0);
    // Undo brings the warning back on the open tab.
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });

  it('"Always trust <host>" allowlists only a host the finding names', async () => {
    const { page, tabId } = await openJob();
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    const popup = await browser.context.newPage();
    await popup.goto(`${PAGE('popup/popup.html')}?tabId=${tabId}`);
    // A forged request for a host the finding does not name changes nothing.
    const forged = await popup.evaluate(
      ([id, key]) =>
        chrome.runtime.sendMessage({
          type: 'ui:allow-item',
          tabId: id,
          key,
          scope: 'host',
          host: 'evil.example',
        }),
      [tabId, `linkedin-job:${JOB_ID}`] as const,
    );
    expect(forged.entries).toEqual([]);
    const trust = popup.locator('button.trust', { hasText: 'coinbase-careers.com' });
    await expect.poll(() => trust.count()).toBeGreaterThan(0);
    await trust.first().click();
    // The reasons about that host go; what the post says on its own may still warn.
    const label = async () =>
      (await page.locator(WARNING).count()) === 0
        ? ''
        : await page.locator(WARNING).getAttribute('aria-label');
    await expect.poll(label, { timeout: 10_000 }).not.toContain('coinbase-careers.com');

    const options = await browser.context.newPage();
    await options.goto(PAGE('options/options.html'));
    const entry = options.locator('#allowlist > li');
    await expect.poll(() => entry.textContent()).toContain('coinbase-careers.com');
    await entry.locator('button').click();
    await expect.poll(label, { timeout: 10_000 }).toContain('coinbase-careers.com');
    await Promise.all([popup.close(), options.close(), page.close()]);
  });

  it('switching a site off stops checking it; the language option switches the UI to Japanese', async () => {
    const options = await browser.context.newPage();
    await options.goto(PAGE('options/options.html'));
    const linkedin = options.locator('#sites input[value="linkedin"]');
    await expect.poll(() => linkedin.isChecked()).toBe(true);
    await linkedin.uncheck();
    const off = await openJob();
    // The page is not judged at all while LinkedIn is off.
    await off.page.waitForTimeout(1_500);
    expect(await off.page.locator(WARNING).count()).toBe(0);
    expect(await badgeText(browser, off.tabId)).toBe('');
    await off.page.close();

    await linkedin.check();
    await options.locator('#language').selectOption('ja');
    await expect.poll(() => options.locator('#sites-title').textContent()).toBe('サイト');
    const { page, tabId } = await openJob();
    await waitForJudged(browser, tabId, `linkedin-job:${JOB_ID}`);
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    const label = await page.locator(WARNING).getAttribute('aria-label');
    expect(label).toMatch(/^Lureguard: 偽リクルーター[^。.]*。「/);
    // The reason itself is said in Japanese too, naming the same host and brand.
    expect(label).toContain('「coinbase-careers.com」はCoinbaseのドメインではありません。');
    const popup = await browser.context.newPage();
    await popup.goto(`${PAGE('popup/popup.html')}?tabId=${tabId}`);
    await expect.poll(() => popup.locator('button.mistake').first().textContent()).toBe('これは誤りです');
    expect(await popup.locator('#findings li li').allTextContents()).toContain(
      // Title and reason are joined with 。 in Japanese; the title has none of its own.
      label!.split('。').slice(1).join('。'),
    );
    await options.locator('#language').selectOption('auto');
    await Promise.all([popup.close(), options.close(), page.close()]);
  });

  it('the options page in Japanese: the feeds section, and a failed feed said in Japanese with its English detail', async () => {
    const options = await browser.context.newPage();
    await options.goto(PAGE('options/options.html'));
    await options.locator('#language').selectOption('ja');
    await expect.poll(() => options.locator('#feeds-title').textContent()).toBe('インジケーターリスト');
    expect(await options.locator('#feeds th').first().textContent()).toBe('フィード');
    expect(await options.locator('#default-list').textContent()).toMatch(/^[\d,]+ 件の公開インジケーター/);

    // Nothing listens on port 1: the check fails at once with a network error.
    await options.fill('input[name=id]', 'ja-ui-test');
    await options.fill('input[name=url]', 'https://127.0.0.1:1/indicators.json');
    await options.fill('textarea[name=keys]', `ed25519:${Buffer.alloc(32, 7).toString('base64')}`);
    await options.locator('#add-feed button[type=submit]').click();
    const row = options.locator('tr[data-feed-id="ja-ui-test"]');
    const status = row.locator('td').nth(7);
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toContain('エラー: フィードのサーバーに接続できませんでした');
    expect(await status.locator('code.detail').textContent()).toMatch(/^network: /);
    expect(await row.locator('td').nth(1).textContent()).toBe('あなた');
    // Dates follow the chosen language (ja: year/month/day).
    expect(await row.locator('td').nth(6).textContent()).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/);

    await row.locator('button').click();
    await expect.poll(() => row.count()).toBe(0);
    await options.locator('#language').selectOption('auto');
    await options.close();
  });
});

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fixtureHtml } from '../fixtures/load-fixture.ts';
import { type ExtensionBrowser, tabIdOf, waitForJudged } from './browser-harness.ts';

/** Shared steps of the per-site e2e tests (`site-*.test.ts`): fixtures served at real URLs. */

export const WARNING = '[data-lureguard-warning]';

/**
 * Opens `url` (its real hostname) with a committed fixture as the page. Matches on the URL
 * without its fragment, so hash routes (Telegram) and query strings (Bitcointalk) work.
 */
export async function openFixture(browser: ExtensionBrowser, url: string, fixture: string): Promise<Page> {
  const wanted = new URL(url);
  wanted.hash = '';
  const html = fixtureHtml(fixture);
  await browser.context.route(
    (requested) => requested.href === wanted.href,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/** The judged element gets the QA hook, and a warning host names the brand in its aria-label. */
export async function expectWarned(page: Page, element: string, brand: string): Promise<void> {
  const judged = page.locator(element);
  await expect
    .poll(() => judged.getAttribute('data-lureguard'), { timeout: 15_000 })
    .toMatch(/^(suspicious|dangerous)$/);
  const labels = await page
    .locator(WARNING)
    .evaluateAll((hosts) => hosts.map((h) => h.getAttribute('aria-label') ?? ''));
  expect(
    labels.some((label) => label.includes(brand)),
    `no warning names ${brand}: ${JSON.stringify(labels)}`,
  ).toBe(true);
}

/** Once the worker has judged `key`, its element carries no hook. */
export async function expectSilent(browser: ExtensionBrowser, page: Page, key: string, element: string) {
  await waitForJudged(browser, await tabIdOf(browser, page), key, 15_000);
  expect(await page.locator(element).getAttribute('data-lureguard')).toBeNull();
}

/** How many warning hosts the page shows (open shadow roots included: Playwright pierces them). */
export function warningCount(page: Page): Promise<number> {
  return page.locator(WARNING).count();
}

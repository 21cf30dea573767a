/**
 * `npx tsx scripts/screenshots.ts`: the inline warning, the interstitial and the popup, taken in
 * real Chromium with the built extension (LUREGUARD_DIST, default dist/) on the LinkedIn job-view
 * fixture, into docs/screenshots/. Light and dark variants of the warning.
 */
import { resolve } from 'node:path';
import {
  EXTENSION_ID,
  launchWithExtension,
  serveHtml,
  tabIdOf,
  waitForJudged,
} from '../tests/e2e/browser-harness.ts';
import { linkedInJobView, wrap } from '../tests/e2e/linkedin-fixtures.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const JOB_ID = '4109000001';
const URL = `https://www.linkedin.com/jobs/view/${JOB_ID}/`;

const browser = await launchWithExtension();
try {
  await serveHtml(
    browser.context,
    URL,
    linkedInJobView('sdui', {
      jobId: JOB_ID,
      applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${JOB_ID}`),
      jdHref: wrap.safetyGo('https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf'),
      jdText: 'Before the first interview, please review the full role description and run the setup script:',
      jdLinkText: 'Job description (PDF)',
    }),
  );
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(URL);
    const warning = page.locator('[data-lureguard-warning]');
    await warning.waitFor({ timeout: 15_000 });
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/inline-warning-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const tabId = await tabIdOf(browser, page);
  await waitForJudged(browser, tabId, `linkedin-job:${JOB_ID}`);

  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 520 });
  await popup.goto(`chrome-extension://${EXTENSION_ID}/src/ui/popup/popup.html?tabId=${tabId}`);
  await popup.locator('#findings > li').first().waitFor();
  await popup.screenshot({ path: `${OUT}/popup.png` });

  await page.locator('a:has-text("Job description (PDF)")').click();
  await page.waitForURL(/interstitial\.html/);
  await page.locator('#reasons li').first().waitFor();
  await page.screenshot({ path: `${OUT}/interstitial.png` });
} finally {
  await browser.close();
}

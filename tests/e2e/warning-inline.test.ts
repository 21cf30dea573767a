import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, serveHtml, useExtensionBrowser } from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';

const WARNING = '[data-lureguard-warning]';
const JD_TARGET = 'https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf';

const browser = useExtensionBrowser();

/** A LinkedIn job view whose JD link leads (through LinkedIn's safety wrapper) off Coinbase's domains. */
async function openFakeJob(jobId: string): Promise<Page> {
  const url = `https://www.linkedin.com/jobs/view/${jobId}/`;
  await serveHtml(
    browser().context,
    url,
    linkedInJobView('sdui', {
      jobId,
      applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
      jdHref: wrap.safetyGo(JD_TARGET),
      jdText: 'Before the first interview, please review the full role description:',
      jdLinkText: 'Job description (PDF)',
    }),
  );
  const page = await browser().context.newPage();
  await page.goto(url);
  await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
  return page;
}

/** Chromium's accessibility tree (which does include closed shadow roots). */
async function axNodes(page: Page): Promise<Array<{ role: string; name: string }>> {
  const cdp = await browser().context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ role?: { value?: string }; name?: { value?: string } }>;
  };
  await cdp.detach();
  return nodes.map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
}

describe('inline warning', () => {
  it('is an alert naming brand and host, reachable by keyboard, with a badge on the link', async () => {
    const page = await openFakeJob('4103000001');
    const nodes = await axNodes(page);
    const alert = nodes.find((n) => n.role === 'alert');
    expect(alert).toBeDefined();
    const texts = nodes.map((n) => n.name).join('\n');
    expect(texts).toContain('talentdocs-share.net');
    expect(nodes.some((n) => n.role === 'button' && n.name === 'Report')).toBe(true);

    // The flagged link gets our badge right after it (a closed-shadow host of our own).
    const badge = await page
      .locator('a:has-text("Job description (PDF)")')
      .evaluate((a) => a.nextElementSibling?.getAttribute('data-lureguard-marker'));
    expect(badge).toBe('dangerous');

    // From the last focusable page element before the warning, one Tab lands inside the warning.
    await page.evaluate(() => {
      const host = document.querySelector('[data-lureguard-warning]')!;
      const before = [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]')].filter(
        (e) => e.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      before.at(-1)?.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lureguard-warning'))).toBe(
      'dangerous',
    );
    await page.close();
  });

  it('opens the interstitial on a click on the dangerous link; Go back is the default and returns', async () => {
    const page = await openFakeJob('4103000002');
    await expect
      .poll(() => page.locator('a:has-text("Job description (PDF)")').getAttribute('data-lureguard'))
      .toBe('dangerous');
    await page.locator('a:has-text("Job description (PDF)")').click();
    await page.waitForURL(/chrome-extension:\/\/.*\/interstitial\.html\?id=/);
    expect(page.url().startsWith(`chrome-extension://${EXTENSION_ID}/`)).toBe(true);
    await expect.poll(() => page.locator('#reasons li').count()).toBeGreaterThan(0);
    expect(await page.locator('#reasons').textContent()).toContain('talentdocs-share.net');
    expect(await page.locator('#target').textContent()).toContain('talentdocs-share.net');
    // The link is wrapped in LinkedIn's /safety/go redirector: the real destination is named too.
    expect(await page.locator('#destination').textContent()).toMatch(/^https:\/\/talentdocs-share\.net\//);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('back');
    expect(await page.locator('#continue').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('https://www.linkedin.com/jobs/view/4103000002/');
    await page.close();
  });

  it('"Continue anyway" goes to the link, once', async () => {
    let landed = 0;
    await browser().context.route('https://www.linkedin.com/safety/go/**', (route) => {
      landed++;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>landed</title>landed' });
    });
    const page = await openFakeJob('4103000003');
    await expect
      .poll(() => page.locator('a:has-text("Job description (PDF)")').getAttribute('data-lureguard'))
      .toBe('dangerous');
    await page.locator('a:has-text("Job description (PDF)")').click();
    await page.waitForURL(/interstitial\.html\?id=/);
    const interstitial = page.url();
    expect(landed).toBe(0);
    await page.locator('#continue').click();
    await page.waitForURL(/safety\/go/);
    expect(decodeURIComponent(page.url())).toContain(JD_TARGET);
    expect(landed).toBe(1);
    // The interstitial id is spent: opening it again offers nothing to continue.
    await page.goto(interstitial);
    await expect.poll(() => page.locator('#problem').textContent()).not.toBe('');
    expect(await page.locator('#continue').isVisible()).toBe(false);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../fixtures/load-fixture.ts';
import {
  badgeText,
  serveHtml,
  tabIdOf,
  tabState,
  useExtensionBrowser,
  waitForJudged,
} from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';

const WARNING = '[data-lureguard-warning]';
const browser = useExtensionBrowser();

function job(jobId: string, fake: boolean): string {
  return linkedInJobView('sdui', {
    jobId,
    applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
    jdHref: wrap.safetyGo(
      fake ? 'https://talentdocs-share.net/files/Coinbase_JD.pdf' : 'https://www.coinbase.com/careers',
    ),
    jdText: fake ? 'Before the interview, review the role description:' : 'All open roles:',
    jdLinkText: fake ? 'Job description (PDF)' : 'coinbase.com/careers',
  });
}

const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)![1]!;

describe('single-page navigation', () => {
  it('LinkedIn swaps jobs with pushState: old warnings go, the badge restarts, the new job is judged', async () => {
    const first = 'https://www.linkedin.com/jobs/view/4106000001/';
    // The next two jobs ride along in templates, as the SPA's client-side render would produce them.
    const html = job('4106000001', true).replace(
      '</body>',
      `<template id="job-2">${bodyOf(job('4106000002', false))}</template>` +
        `<template id="job-3">${bodyOf(job('4106000003', true))}</template></body>`,
    );
    await serveHtml(browser().context, first, html);
    const page = await browser().context.newPage();
    await page.goto(first);
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    const tabId = await tabIdOf(browser(), page);
    await expect.poll(() => badgeText(browser(), tabId)).toBe('1');

    const navigate = (id: string, template: string) =>
      page.evaluate(
        ([id, template]) => {
          const next = (document.getElementById(template) as HTMLTemplateElement).content.cloneNode(true);
          const keep = [...document.querySelectorAll('template')];
          history.pushState({}, '', `/jobs/view/${id}/`);
          document.body.replaceChildren(next, ...keep);
        },
        [id, template] as const,
      );

    await navigate('4106000002', 'job-2');
    await waitForJudged(browser(), tabId, 'linkedin-job:4106000002');
    expect(await page.locator(WARNING).count()).toBe(0);
    expect(await page.locator('[data-lureguard]').count()).toBe(0);
    expect(await badgeText(browser(), tabId)).toBe('');
    expect((await tabState(browser(), tabId)).judged).toEqual(['linkedin-job:4106000002']);

    await navigate('4106000003', 'job-3');
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(WARNING).getAttribute('aria-label')).toContain('talentdocs-share.net');
    await expect.poll(() => badgeText(browser(), tabId)).toBe('1');
    await page.close();
  });

  it('a virtualized feed drops a flagged post and adds it back: its warning comes back with it', async () => {
    const url = 'https://www.linkedin.com/feed/';
    await serveHtml(browser().context, url, fixtureHtml('linkedin/feed.html'));
    const page = await browser().context.newPage();
    await page.goto(url);
    const fake = '[data-id="urn:li:activity:7250000000000000001"]';
    await expect
      .poll(() => page.locator(`${fake} [data-urn][data-lureguard="dangerous"]`).count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => page.locator(`${fake} ${WARNING}`).count()).toBe(1);
    const before = (await tabState(browser(), await tabIdOf(browser(), page))).judged.length;
    // Virtualization: the post leaves the DOM, and a freshly rendered copy of it comes back later
    // (a copy of the markup: our shadow root is not copied, the attributes are, and are not trusted).
    await page.evaluate((selector) => {
      const item = document.querySelector(selector)!;
      const parent = item.parentElement!;
      const next = item.nextElementSibling;
      const copy = item.cloneNode(true);
      item.remove();
      (window as unknown as { __restore: () => void }).__restore = () => parent.insertBefore(copy, next);
    }, fake);
    await expect.poll(() => page.locator(`${fake}`).count()).toBe(0);
    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    await expect.poll(() => page.locator(`${fake} ${WARNING}`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(`${fake} [data-urn][data-lureguard="dangerous"]`).count()).toBe(1);
    // Nothing new was judged for it: the result came from the page's own cache.
    expect((await tabState(browser(), await tabIdOf(browser(), page))).judged.length).toBe(before);
    await page.close();
  });
});

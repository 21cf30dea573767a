import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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

async function open(url: string, html: string): Promise<Page> {
  await serveHtml(browser().context, url, html);
  const page = await browser().context.newPage();
  await page.goto(url);
  return page;
}

describe('LinkedIn job view (server-driven layout)', () => {
  it('warns when the job description PDF sits on a host that is not Coinbase’s', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000001/';
    const page = await open(
      url,
      linkedInJobView('sdui', {
        jobId: '4101000001',
        applyHref: wrap.safetyGo('https://www.coinbase.com/careers/positions/7012345?gh_jid=7012345'),
        jdHref: wrap.safetyGo('https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf'),
        jdText: 'Before the first interview, please review the full role description:',
        jdLinkText: 'Job description (PDF)',
      }),
    );
    const warning = page.locator(WARNING);
    await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(1);
    expect(await warning.getAttribute('data-lureguard-warning')).toBe('dangerous');
    const label = (await warning.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Coinbase');
    expect(label).toContain('talentdocs-share.net');
    // The judged description box and the offending link carry the QA hook; the official apply link does not.
    await expect
      .poll(() =>
        page.locator('[componentkey="JobDetails_AboutTheJob_4101000001"]').getAttribute('data-lureguard'),
      )
      .toBe('dangerous');
    expect(await page.locator('a:has-text("Job description (PDF)")').getAttribute('data-lureguard')).toBe(
      'dangerous',
    );
    expect(await page.locator('a[aria-label*="company website"]').getAttribute('data-lureguard')).toBeNull();
    // The warning is rendered in a closed shadow root: the page cannot read its text.
    expect(await warning.evaluate((host) => host.shadowRoot)).toBeNull();

    const tabId = await tabIdOf(browser(), page);
    await expect.poll(() => badgeText(browser(), tabId)).toBe('1');
    await page.close();
  });

  it('shows nothing when every link goes to coinbase.com', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000002/';
    const page = await open(
      url,
      linkedInJobView('sdui', {
        jobId: '4101000002',
        applyHref: wrap.safetyGo('https://www.coinbase.com/careers/positions/7012346?gh_jid=7012346'),
        jdHref: wrap.safetyGo('https://www.coinbase.com/careers'),
        jdText: 'See all open roles on our careers site:',
        jdLinkText: 'coinbase.com/careers',
      }),
    );
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'linkedin-job:4101000002');
    expect(await page.locator(WARNING).count()).toBe(0);
    expect(await page.locator('[data-lureguard]').count()).toBe(0);
    expect(await badgeText(browser(), tabId)).toBe('');
    await page.close();
  });
});

describe('LinkedIn job view (classic layout)', () => {
  it('warns when the apply button goes to a Coinbase lookalike through /redir/redirect', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000003/';
    const page = await open(
      url,
      linkedInJobView('classic', {
        jobId: '4101000003',
        applyHref: wrap.redir('https://coinbase-careers.com/apply/7012347'),
        jdHref: wrap.redir('https://coinbase-careers.com/docs/Engineering_Manager_Product_Security.pdf'),
        jdText: 'Download the detailed job description here:',
        jdLinkText: 'Engineering_Manager_Product_Security.pdf',
      }),
    );
    const warning = page.locator(WARNING);
    await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(1);
    expect(await warning.getAttribute('data-lureguard-warning')).toBe('dangerous');
    const label = (await warning.getAttribute('aria-label')) ?? '';
    expect(label).toContain('Coinbase');
    expect(label).toContain('coinbase-careers.com');
    expect(await page.locator('#job-details').getAttribute('data-lureguard')).toBe('dangerous');
    expect(await page.locator('a.jobs-apply-button').getAttribute('data-lureguard')).toBe('dangerous');

    const tabId = await tabIdOf(browser(), page);
    await expect.poll(() => badgeText(browser(), tabId)).toBe('1');
    const state = await tabState(browser(), tabId);
    expect(state.judged).toEqual(['linkedin-job:4101000003']);
    await page.close();
  });

  it('shows nothing for the genuine posting', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000004/';
    const page = await open(
      url,
      linkedInJobView('classic', {
        jobId: '4101000004',
        applyHref: wrap.redir('https://www.coinbase.com/careers/positions/7012348'),
        jdHref: 'https://www.linkedin.com/company/coinbase/life/',
        jdText: 'Learn about life at Coinbase on our',
        jdLinkText: 'company page',
      }),
    );
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'linkedin-job:4101000004');
    expect(await page.locator(WARNING).count()).toBe(0);
    expect(await badgeText(browser(), tabId)).toBe('');
    await page.close();
  });
});

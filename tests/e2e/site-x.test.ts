import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, WARNING, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

const tweet = (id: string) => `article[data-testid="tweet"]:has(a[href$="/status/${id}"])`;

describe('X', () => {
  it('warns on the t.co link to a Coinbase lookalike, and not on the genuine t.co link to coinbase.com', async () => {
    const page = await openFixture(browser(), 'https://x.com/home', 'x/home-timeline.html');
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    expect(await page.locator(WARNING).first().getAttribute('aria-label')).toContain('coinbase-careers.com');
    expect(
      await page
        .locator(`${tweet('1859000000000000001')} a[href="https://t.co/FaKe0001"]`)
        .first()
        .getAttribute('data-lureguard'),
    ).toBe('dangerous');
    await expectSilent(browser(), page, 'x-post:1859000000000000002', tweet('1859000000000000002'));
    await expectSilent(browser(), page, 'x-post:1859000000000000003', tweet('1859000000000000003'));
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });

  it('works the same on twitter.com', async () => {
    const page = await openFixture(browser(), 'https://twitter.com/home', 'x/home-timeline.html');
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    await page.close();
  });
});

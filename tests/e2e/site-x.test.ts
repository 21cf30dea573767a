import { describe, expect, it } from 'vitest';
import { fixturePart } from '../fixtures/load-fixture.ts';
import { tabIdOf, useExtensionBrowser, waitForJudged } from './browser-harness.ts';
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

  it('judges a post the virtualized timeline adds on scroll, and restores a warning when a cell is recycled', async () => {
    const page = await openFixture(browser(), 'https://x.com/home', 'x/home-timeline.html');
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    // Cells as X renders them (a copy of a live cell would carry our marks).
    const cell = '<div class="css-175oi2r" data-testid="cellInnerDiv"';
    const firstCell = cell + fixturePart('x/home-timeline.html', 'timeline').split(cell)[1];
    // X renders the next cells as the user scrolls: the same fake, posted again under a new id.
    await page.evaluate(
      (html) => {
        const cells = document.querySelectorAll('[data-testid="cellInnerDiv"]');
        cells[cells.length - 1]!.insertAdjacentHTML('afterend', html);
      },
      firstCell.replaceAll('1859000000000000001', '1859000000000000009'),
    );
    await expectWarned(page, tweet('1859000000000000009'), 'Coinbase');
    expect(await warningCount(page)).toBe(2);
    // A cell scrolled far away is removed, and rendered again on the way back.
    await page.evaluate((html) => {
      const cell = document.querySelector('[data-testid="cellInnerDiv"]')!;
      const parent = cell.parentElement!;
      cell.remove();
      setTimeout(() => parent.insertAdjacentHTML('afterbegin', html), 300);
    }, firstCell);
    await expect.poll(() => warningCount(page), { timeout: 10_000 }).toBe(2);
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    await page.close();
  });

  it('opening a post replaces the timeline (pushState): old warnings go, the thread is judged; Back brings the timeline back', async () => {
    const page = await openFixture(browser(), 'https://x.com/home', 'x/home-timeline.html');
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    // As X renders them, with no marks of ours (a copy of the live column would carry them).
    const timeline = fixturePart('x/home-timeline.html', 'timeline');
    // The genuine post's page: X renders the conversation into the same column.
    const genuine = timeline
      .split('<div class="css-175oi2r" data-testid="cellInnerDiv"')
      .find((cell) => cell.includes('/status/1859000000000000002'))!;
    await page.evaluate((cell) => {
      history.pushState({}, '', '/CoinbaseJobsPH/status/1859000000000000002');
      document.querySelector('[data-testid="primaryColumn"]')!.innerHTML =
        `<div class="css-175oi2r" data-testid="cellInnerDiv"${cell}`;
    }, genuine);
    await waitForJudged(browser(), await tabIdOf(browser(), page), 'x-post:1859000000000000002');
    expect(await warningCount(page)).toBe(0);
    expect(await page.locator('[data-lureguard]').count()).toBe(0);
    await page.evaluate((html) => {
      history.back();
      addEventListener(
        'popstate',
        () => {
          document.querySelector('[data-testid="primaryColumn"]')!.innerHTML = html;
        },
        { once: true },
      );
    }, timeline);
    await expectWarned(page, tweet('1859000000000000001'), 'Coinbase');
    expect(page.url()).toBe('https://x.com/home');
    await page.close();
  });
});

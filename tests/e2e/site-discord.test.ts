import { describe, expect, it } from 'vitest';
import { fixtureHtml, fixturePart } from '../fixtures/load-fixture.ts';
import { tabIdOf, useExtensionBrowser, waitForJudged } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

const JOBS = 'https://discord.com/channels/1200000000000000100/1300000000000000200';
const row = (channel: string, id: string) => `#chat-messages-${channel}-${id}`;
const jobsRow = (id: string) => row('1300000000000000200', id);

describe('Discord web', () => {
  it('warns on the fake Kraken recruiter (masked link, JD on the CDN), not on the genuine reply', async () => {
    const page = await openFixture(browser(), JOBS, 'discord/channel-jobs.html');
    await expectWarned(page, jobsRow('1310000000000000011'), 'Kraken');
    await expectWarned(page, jobsRow('1310000000000000012'), 'Kraken');
    await expectSilent(
      browser(),
      page,
      'discord-message:1310000000000000013',
      jobsRow('1310000000000000013'),
    );
    await expectSilent(
      browser(),
      page,
      'discord-message:1310000000000000014',
      jobsRow('1310000000000000014'),
    );
    expect(await warningCount(page)).toBe(2);
    // The masked link is marked: its text shows careers.kraken.com, it goes to kraken-jobs.net.
    expect(
      await page.locator('a[href="https://kraken-jobs.net/apply/rust"]').getAttribute('data-lureguard'),
    ).toBe('dangerous');
    await page.close();
  });

  it('judges older messages loaded on scroll', async () => {
    const page = await openFixture(browser(), JOBS, 'discord/channel-jobs.html');
    await expectWarned(page, jobsRow('1310000000000000011'), 'Kraken');
    await page.evaluate((html) => {
      document.querySelector('[data-list-id="chat-messages"]')!.insertAdjacentHTML('afterbegin', html);
    }, fixtureHtml('discord/channel-jobs-more.html'));
    await expectWarned(page, jobsRow('1310000000000000031'), 'OKX');
    await expectSilent(
      browser(),
      page,
      'discord-message:1310000000000000032',
      jobsRow('1310000000000000032'),
    );
    expect(await warningCount(page)).toBe(3);
    await page.close();
  });

  it('clears old warnings when switching channel and judges the new channel', async () => {
    const page = await openFixture(browser(), JOBS, 'discord/channel-jobs.html');
    await expectWarned(page, jobsRow('1310000000000000011'), 'Kraken');
    const general = fixturePart('discord/channel-general.html', 'messages');
    await page.evaluate((html) => {
      history.pushState({}, '', '/channels/1200000000000000100/1300000000000000300');
      const list = document.querySelector('[data-list-id="chat-messages"]')!;
      for (const old of list.querySelectorAll('li[id^="chat-messages-"]')) old.remove();
      list.insertAdjacentHTML('afterbegin', html);
    }, general);
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'discord-message:1320000000000000021', 15_000);
    await expect.poll(() => warningCount(page)).toBe(0);
    expect(await page.locator('[data-lureguard]').count()).toBe(0);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { fixturePart } from '../fixtures/load-fixture.ts';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, WARNING, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

const post = (id: string) => `[data-urn="urn:li:activity:${id}"]`;

describe('LinkedIn feed', () => {
  it('warns on the fake recruiter post and the InMail in the #interop-outlet overlay, not on the genuine post', async () => {
    const page = await openFixture(browser(), 'https://www.linkedin.com/feed/', 'linkedin/feed.html');
    await expectWarned(page, post('7250000000000000001'), 'Coinbase');
    await expectWarned(page, '.msg-s-event-listitem--inmail', 'Binance');
    await expectSilent(browser(), page, 'linkedin-post:7250000000000000002', post('7250000000000000002'));
    await expectSilent(browser(), page, 'linkedin-post:7250000000000000003', post('7250000000000000003'));
    expect(await warningCount(page)).toBe(2);
    // The lookalike link inside the post is marked too.
    expect(
      await page
        .locator(`${post('7250000000000000001')} a[href*="coinbase-talent.com"]`)
        .getAttribute('data-lureguard'),
    ).toBe('dangerous');
    await page.close();
  });

  it('judges posts appended by infinite scroll', async () => {
    const page = await openFixture(browser(), 'https://www.linkedin.com/feed/', 'linkedin/feed.html');
    await expectWarned(page, post('7250000000000000001'), 'Coinbase');
    const more = fixturePart('linkedin/feed-more.html', 'posts');
    await page.evaluate((html) => {
      document.querySelector('.scaffold-finite-scroll__content')!.insertAdjacentHTML('beforeend', html);
    }, more);
    await expectWarned(page, post('7250000000000000011'), 'Kraken');
    await expectSilent(browser(), page, 'linkedin-post:7250000000000000012', post('7250000000000000012'));
    expect(await warningCount(page)).toBe(3);
    await page.close();
  });
});

describe('LinkedIn messaging', () => {
  it('warns on the fake InMail with its PDF card and the follow-up, not on the genuine recruiter or our reply', async () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-PLACEHOLDERthreadA/';
    const page = await openFixture(browser(), url, 'linkedin/messaging-thread.html');
    const event = (id: string) => `[data-event-urn$="${id})"]`;
    await expectWarned(page, event('2-PLACEHOLDERmsg1'), 'Crypto.com');
    await expectWarned(page, event('2-PLACEHOLDERmsg2'), 'Crypto.com');
    const genuineKey =
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderK,2-PLACEHOLDERmsg4)';
    await expectSilent(browser(), page, genuineKey, event('2-PLACEHOLDERmsg4'));
    expect(await page.locator(event('2-PLACEHOLDERmsg3')).getAttribute('data-lureguard')).toBeNull();
    expect(
      await page.locator('.msg-conversations-container__conversations-list [data-lureguard]').count(),
    ).toBe(0);
    await page.close();
  });
});

describe('LinkedIn profile', () => {
  it('warns on a recruiter headline claiming Coinbase with a lookalike website', async () => {
    const url = 'https://www.linkedin.com/in/placeholder-recruiter-p/';
    const page = await openFixture(browser(), url, 'linkedin/profile-fake.html');
    await expectWarned(page, '.pv-top-card', 'Coinbase');
    await page.close();
  });

  it('stays silent on a genuine Coinbase recruiter', async () => {
    const url = 'https://www.linkedin.com/in/placeholder-recruiter-q/';
    const page = await openFixture(browser(), url, 'linkedin/profile-genuine.html');
    await expectSilent(browser(), page, 'linkedin-profile:placeholder-recruiter-q', '.pv-top-card');
    expect(await warningCount(page)).toBe(0);
    await page.close();
  });
});

describe('LinkedIn two-pane jobs', () => {
  it('stays silent on a genuine collection job, then warns after SPA navigation to a fake one', async () => {
    const collection = 'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4101000022';
    const page = await openFixture(browser(), collection, 'linkedin/collections.html');
    await expectSilent(browser(), page, 'linkedin-job:4101000022', '#job-details');
    expect(await warningCount(page)).toBe(0);

    // The user clicks another card: LinkedIn pushes the new currentJobId, then swaps the pane.
    const pane = fixturePart('linkedin/job-search-two-pane.html', 'pane');
    await page.evaluate((html) => {
      history.pushState({}, '', '/jobs/search/?currentJobId=4101000021&keywords=security');
      const wrapper = document.querySelector('.jobs-search__job-details--wrapper')!;
      wrapper.replaceChildren();
      wrapper.insertAdjacentHTML('afterbegin', html);
    }, pane);
    await expectWarned(page, '#job-details', 'Coinbase');
    expect(await page.locator(WARNING).getAttribute('aria-label')).toContain('coinbase-talent.com');
    await page.close();
  });
});

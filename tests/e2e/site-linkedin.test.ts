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

describe('LinkedIn messaging overlay (#interop-outlet shadow root)', () => {
  const inmail = (thread: string, brand: string) => `<li class="msg-s-message-list__event clearfix">
    <div class="msg-s-event-listitem msg-s-event-listitem--other msg-s-event-listitem--inmail" data-event-urn="urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderR,${thread})">
      <div class="msg-s-message-group__meta"><a class="msg-s-message-group__profile-link" href="https://www.linkedin.com/in/placeholder-talent-r/"><span class="msg-s-message-group__name t-14 t-black t-bold">Riley Placeholder</span></a><time class="msg-s-message-group__timestamp t-12">11:05 AM</time></div>
      <div class="msg-s-event-listitem__message-bubble">
        <h3 class="msg-s-event-listitem__subject t-14 t-bold">${brand} – Senior Backend Engineer (remote)</h3>
        <p class="msg-s-event-listitem__body t-14 t-black--light t-normal">Hi! I'm a talent partner for ${brand}. Your profile fits our Senior Backend Engineer role. Please review the attached job description and reply before Friday.</p>
      </div>
      <div class="msg-s-event-listitem__attachment-item"><div class="ui-attachment ui-attachment--pdf">
        <p class="ui-attachment__filename">${brand}_Senior_Backend_Engineer_JD.pdf</p>
        <button class="ui-attachment__download-button artdeco-button" type="button" aria-label="Download"></button>
      </div></div>
    </div>
  </li>`;

  it('warns on a message that arrives in the open overlay after the page was read', async () => {
    const page = await openFixture(browser(), 'https://www.linkedin.com/feed/', 'linkedin/feed.html');
    await expectWarned(page, '.msg-s-event-listitem--inmail', 'Binance');
    // LinkedIn streams new messages into the bubble's list, inside the outlet's shadow root.
    await page.evaluate(
      (html) => {
        const list = document
          .querySelector('#interop-outlet')!
          .shadowRoot!.querySelector('.msg-s-message-list-content')!;
        list.insertAdjacentHTML('beforeend', html);
      },
      inmail('2-OVERLAYmsg9', 'Kraken'),
    );
    await expectWarned(page, '[data-event-urn$="2-OVERLAYmsg9)"]', 'Kraken');
    // Hooks the page forges in there later are stripped as they are anywhere else.
    const card = page.locator('.msg-conversation-card');
    await card.evaluate((element) => element.setAttribute('data-lureguard', 'dangerous'));
    await expect.poll(() => card.getAttribute('data-lureguard')).toBeNull();
    await page.close();
  });

  it('warns inside an outlet that the page attaches by script after load', async () => {
    const page = await openFixture(browser(), 'https://www.linkedin.com/feed/', 'linkedin/feed.html');
    await expectWarned(page, post('7250000000000000001'), 'Coinbase');
    // As LinkedIn does: an empty host first, its shadow root attached and filled later.
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'interop-outlet-2';
      document.body.append(host);
      document.querySelector('#interop-outlet')!.remove();
      host.id = 'interop-outlet';
    });
    await page.waitForTimeout(300);
    await page.evaluate(
      (html) => {
        const root = document.querySelector('#interop-outlet')!.attachShadow({ mode: 'open' });
        root.innerHTML = `<aside class="msg-overlay-container"><ul class="msg-s-message-list-content"></ul></aside>`;
        setTimeout(() => root.querySelector('ul')!.insertAdjacentHTML('beforeend', html), 200);
      },
      inmail('2-OVERLAYmsg8', 'OKX'),
    );
    await expectWarned(page, '[data-event-urn$="2-OVERLAYmsg8)"]', 'OKX');
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

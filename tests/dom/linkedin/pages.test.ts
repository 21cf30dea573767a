import { describe, expect, it } from 'vitest';
import { scopedDocument } from '../../../src/content/scoped-document.ts';
import { extractPage, shadowRootFinder } from '../../../src/extract/site-adapters.ts';
import { fixturePart, loadFixture } from '../../fixtures/load-fixture.ts';

function extract(file: string, url: string) {
  return extractPage(loadFixture(`linkedin/${file}`, url), new URL(url));
}

describe('LinkedIn feed', () => {
  const url = 'https://www.linkedin.com/feed/';

  it('keys posts by activity urn, reads actor claim, commentary, links and the document title', () => {
    const records = extract('feed.html', url);
    const posts = records.filter((r) => r.key.startsWith('linkedin-post:'));
    expect(posts.map((r) => r.key)).toEqual([
      'linkedin-post:7250000000000000001',
      'linkedin-post:7250000000000000002',
      'linkedin-post:7250000000000000003',
    ]);
    const fake = posts[0]!.candidate;
    expect(fake.text).toContain('Senior Technical Recruiter at Coinbase');
    // The name is read once, not twice (LinkedIn repeats it for screen readers).
    expect(fake.text?.match(/Alex Placeholder/g)).toHaveLength(1);
    expect(fake.links?.[0]?.href).toContain('coinbase-talent.com');
    expect(fake.attachments).toEqual([{ name: 'Coinbase_Senior_Blockchain_Engineer_JD.pdf' }]);
    expect(fake.author).toBe('placeholder-recruiter-a');
    // Comments are not the poster's claim.
    expect(JSON.stringify(fake)).not.toContain('example-portfolio.dev');
    expect(JSON.stringify(records)).not.toContain('crypto-hiring-rebounds');
  });

  it('reads the messaging overlay inside the open #interop-outlet shadow root', () => {
    const records = extract('feed.html', url);
    const overlay = records.filter((r) => r.key.startsWith('linkedin-message:'));
    expect(overlay).toHaveLength(1);
    expect(overlay[0]!.key).toBe(
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderJ,2-OVERLAYmsg1)',
    );
    expect(overlay[0]!.candidate.attachments).toEqual([
      { name: 'Binance_Senior_Smart_Contract_Engineer_JD.pdf' },
    ]);
    expect(overlay[0]!.candidate.text).toContain('Binance – Senior Smart Contract Engineer');
    // The conversation-list preview in the overlay is not a message.
    expect(overlay[0]!.candidate.text).not.toContain('before Friday…');
    expect(overlay[0]!.element.getRootNode()).not.toBe(overlay[0]!.element.ownerDocument);
  });

  it('does not reach into a closed shadow root', () => {
    const html = '<div id="interop-outlet"></div>';
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const root = doc.querySelector('#interop-outlet')!.attachShadow({ mode: 'closed' });
    root.innerHTML =
      '<div class="msg-s-event-listitem msg-s-event-listitem--other" data-event-urn="urn:li:msg_message:(x,y)"><p class="msg-s-event-listitem__body">hello</p></div>';
    expect(extractPage(doc, new URL(url))).toEqual([]);
  });

  it('names the overlay root for the content script to observe, open roots only, on LinkedIn only', () => {
    const doc = loadFixture('linkedin/feed.html', url);
    const outlet = doc.querySelector('#interop-outlet')!.shadowRoot!;
    const find = shadowRootFinder(new URL(url))!;
    expect(find(doc)).toEqual([outlet]);
    // Found from the whole page, whatever part of it a scoped read covers.
    const main = doc.querySelector('main')!;
    expect(find(scopedDocument(doc, [main]))).toEqual([outlet]);
    expect(shadowRootFinder(new URL('https://discord.com/channels/1/2'))).toBeUndefined();
    const closed = new DOMParser().parseFromString('<div id="interop-outlet"></div>', 'text/html');
    closed.querySelector('#interop-outlet')!.attachShadow({ mode: 'closed' });
    expect(find(closed)).toEqual([]);
  });

  it('reads a message added inside the overlay root as a scoped read of that subtree', () => {
    const doc = loadFixture('linkedin/feed.html', url);
    const list = doc
      .querySelector('#interop-outlet')!
      .shadowRoot!.querySelector('.msg-s-message-list-content')!;
    const added = list.firstElementChild!.cloneNode(true) as Element;
    const event = added.querySelector('[data-event-urn]')!;
    event.setAttribute(
      'data-event-urn',
      'urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderJ,2-OVERLAYmsg2)',
    );
    list.append(added);
    const keys = extractPage(scopedDocument(doc, [added]), new URL(url)).map((r) => r.key);
    expect(keys).toEqual([
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderJ,2-OVERLAYmsg2)',
    ]);
  });

  it('reads posts and an overlay outlet added in the same batch, the outlet after the posts', () => {
    const doc = loadFixture('linkedin/feed.html', url);
    const outlet = doc.querySelector('#interop-outlet')!;
    outlet.remove();
    const feed = doc.querySelector('.scaffold-finite-scroll__content')!;
    feed.insertAdjacentHTML('beforeend', fixturePart('linkedin/feed-more.html', 'posts'));
    const added = [...feed.children].slice(-2);
    doc.body.append(outlet);
    const keys = extractPage(scopedDocument(doc, [...added, outlet]), new URL(url)).map((r) => r.key);
    expect(keys).toEqual([
      'linkedin-post:7250000000000000011',
      'linkedin-post:7250000000000000012',
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderJ,2-OVERLAYmsg1)',
    ]);
    // Posts alone: no message, no outlet.
    expect(extractPage(scopedDocument(doc, added), new URL(url)).map((r) => r.key)).toEqual(keys.slice(0, 2));
  });

  it('reads posts appended by infinite scroll with their own keys', () => {
    const doc = loadFixture('linkedin/feed.html', url);
    doc
      .querySelector('.scaffold-finite-scroll__content')!
      .insertAdjacentHTML('beforeend', fixturePart('linkedin/feed-more.html', 'posts'));
    const keys = extractPage(doc, new URL(url)).map((r) => r.key);
    expect(keys).toContain('linkedin-post:7250000000000000011');
    expect(keys).toContain('linkedin-post:7250000000000000012');
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('LinkedIn messaging thread', () => {
  const url = 'https://www.linkedin.com/messaging/thread/2-PLACEHOLDERthreadA/';

  it('judges incoming messages and InMail, carries the sender over, skips our reply and the list previews', () => {
    const records = extract('messaging-thread.html', url);
    expect(records.map((r) => r.key)).toEqual([
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderR,2-PLACEHOLDERmsg1)',
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderR,2-PLACEHOLDERmsg2)',
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderK,2-PLACEHOLDERmsg4)',
    ]);
    const [inmail, followUp, genuine] = records;
    expect(inmail!.candidate.text).toContain('Crypto.com – Staff Backend Engineer');
    expect(inmail!.candidate.attachments).toEqual([{ name: 'CryptoCom_Staff_Backend_Engineer_JD.pdf' }]);
    // The PDF card has no URL: the target is the card, identified by file name.
    expect(inmail!.targets).toEqual([
      {
        element: inmail!.element.querySelector('.ui-attachment'),
        fileName: 'CryptoCom_Staff_Backend_Engineer_JD.pdf',
      },
    ]);
    expect(followUp!.candidate.author).toBe('placeholder-riley-r');
    expect(followUp!.candidate.text).toMatch(/^Riley Placeholder\n/);
    expect(genuine!.candidate.author).toBe('placeholder-kim-k');
    expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('Download the offer letter');
  });
});

describe('LinkedIn profile', () => {
  it.each([
    ['profile-fake.html', 'placeholder-recruiter-p', 'coinbase-talent.com'],
    ['profile-genuine.html', 'placeholder-recruiter-q', 'www.coinbase.com'],
  ])('%s: headline claim, website and About', (file, handle, host) => {
    const url = `https://www.linkedin.com/in/${handle}/`;
    const [record, ...rest] = extract(file, url);
    expect(rest).toEqual([]);
    expect(record!.key).toBe(`linkedin-profile:${handle}`);
    expect(record!.candidate.text).toMatch(/Recruiter at Coinbase/);
    expect(record!.candidate.links).toHaveLength(1);
    expect(decodeURIComponent(record!.candidate.links![0]!.href)).toContain(host);
    expect(JSON.stringify(record!.candidate)).not.toContain('Recruiter at Kraken');
  });

  it('reads no profile record on a profile sub-page', () => {
    const url = 'https://www.linkedin.com/in/placeholder-recruiter-p/recent-activity/all/';
    expect(extract('profile-fake.html', url)).toEqual([]);
  });
});

describe('LinkedIn two-pane job search and collections', () => {
  it('reads the detail pane for currentJobId, not the result cards or About the company', () => {
    const url = 'https://www.linkedin.com/jobs/search/?currentJobId=4101000021&keywords=security';
    const records = extract('job-search-two-pane.html', url);
    expect(records.map((r) => r.key)).toEqual(['linkedin-job:4101000021']);
    const hrefs = records[0]!.candidate.links!.map((l) => decodeURIComponent(l.href));
    expect(hrefs.every((h) => h.includes('coinbase-talent.com'))).toBe(true);
    expect(records[0]!.candidate.text).not.toContain('Backend Engineer, Trading');
    expect(JSON.stringify(records[0]!.candidate)).not.toContain('example-partner.org');
  });

  it('reads the collection pane for its own job id', () => {
    const url = 'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4101000022';
    expect(extract('collections.html', url).map((r) => r.key)).toEqual(['linkedin-job:4101000022']);
  });

  it('produces nothing while the pane still shows the previous job (stale-pane guard)', () => {
    const url = 'https://www.linkedin.com/jobs/search/?currentJobId=4101000022&keywords=security';
    expect(extract('job-search-two-pane.html', url)).toEqual([]);
  });
});

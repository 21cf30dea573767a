import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { loadFixture } from '../../fixtures/load-fixture.ts';

function extract(file: string, url: string) {
  return extractPage(loadFixture(`reddit/${file}`, url), new URL(url));
}

describe('new Reddit', () => {
  it('reads post attributes: title, author and the content-href target; skips promoted posts', () => {
    const records = extract('new-subreddit.html', 'https://www.reddit.com/r/CryptoJobs/');
    expect(records.map((r) => r.key)).toEqual([
      'reddit-post:t3_1h0fak',
      'reddit-post:t3_1h0gen',
      'reddit-post:t3_1h0oth',
    ]);
    const [fake, genuine] = records;
    expect(fake!.candidate.text).toBe('[Hiring] Coinbase – Senior Protocol Engineer, remote, $300k');
    expect(fake!.candidate.author).toBe('placeholder_recruiter_1');
    expect(fake!.candidate.links).toEqual([
      { href: 'https://coinbase-talent.com/jobs/senior-protocol-engineer' },
    ]);
    expect(fake!.targets[0]!.element.getAttribute('slot')).toBe('title');
    // A text post's content-href and preview wrapper point at Reddit itself: navigation, not content.
    expect(genuine!.candidate.links).toEqual([
      { href: 'https://www.coinbase.com/careers/positions', text: 'coinbase.com/careers/positions' },
    ]);
  });

  it('reads each comment’s own text, not its nested replies', () => {
    const url = 'https://www.reddit.com/r/CryptoJobs/comments/1h1gen/anyone_interviewed_with_binance/';
    const records = extract('new-comments.html', url);
    expect(records.map((r) => r.key)).toEqual([
      'reddit-post:t3_1h1gen',
      'reddit-comment:t1_lfak01',
      'reddit-comment:t1_lgen02',
    ]);
    const [, parent, reply] = records;
    expect(parent!.candidate.author).toBe('placeholder_hr_binance');
    expect(parent!.candidate.text).not.toContain('interviewed there last month');
    expect(parent!.candidate.links?.map((l) => l.href)).toEqual([
      'https://binance-hr.com/files/Binance_Backend_JD.pdf',
    ]);
    expect(reply!.candidate.author).toBe('placeholder_user_5');
  });
});

describe('old Reddit', () => {
  const url = 'https://old.reddit.com/r/CryptoJobs/';

  it('reads things by fullname, through the out.reddit.com wrapper, skipping sponsored links', () => {
    const records = extract('old-subreddit.html', url);
    expect(records.map((r) => r.key)).toEqual([
      'reddit-post:t3_1h2fak',
      'reddit-post:t3_1h2gen',
      'reddit-post:t3_1h2slf',
    ]);
    const [fake, , self] = records;
    expect(fake!.candidate.author).toBe('placeholder_hr_kraken');
    expect(fake!.candidate.links![0]!.href).toMatch(
      /^https:\/\/out\.reddit\.com\/t3_1h2fak\?url=https%3A%2F%2Fkraken-jobs\.net/,
    );
    // A self post's title links to itself; its body link is the evidence.
    expect(self!.candidate.links?.map((l) => l.text)).toEqual(['okx-careers.org/task/repo.zip']);
    expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('ads.example.com');
    expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('Never run code from a recruiter');
  });

  it('reads a comment row without the replies nested in its .child', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="thing comment" data-fullname="t1_aaa" data-author="a"><div class="entry"><form class="usertext"><div class="usertext-body"><div class="md"><p>parent words</p></div></div></form></div>
        <div class="child"><div class="thing comment" data-fullname="t1_bbb" data-author="b"><div class="entry"><form class="usertext"><div class="usertext-body"><div class="md"><p>reply words</p></div></div></form></div></div></div></div>`,
      'text/html',
    );
    const records = extractPage(doc, new URL(url));
    expect(records.map((r) => [r.key, r.candidate.text, r.candidate.author])).toEqual([
      ['reddit-comment:t1_aaa', 'parent words', 'a'],
      ['reddit-comment:t1_bbb', 'reply words', 'b'],
    ]);
  });
});

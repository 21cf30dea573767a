import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../fixtures/load-fixture.ts';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

describe('new Reddit', () => {
  it('warns on the link post to a Coinbase lookalike (content-href), not on the genuine post', async () => {
    const page = await openFixture(
      browser(),
      'https://www.reddit.com/r/CryptoJobs/',
      'reddit/new-subreddit.html',
    );
    await expectWarned(page, 'shreddit-post#t3_1h0fak', 'Coinbase');
    await expectSilent(browser(), page, 'reddit-post:t3_1h0gen', 'shreddit-post#t3_1h0gen');
    await expectSilent(browser(), page, 'reddit-post:t3_1h0oth', 'shreddit-post#t3_1h0oth');
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });

  it('judges posts the feed loads on scroll', async () => {
    const page = await openFixture(
      browser(),
      'https://www.reddit.com/r/CryptoJobs/',
      'reddit/new-subreddit.html',
    );
    await expectWarned(page, 'shreddit-post#t3_1h0fak', 'Coinbase');
    // The next page of the feed arrives as a batch of articles appended to <shreddit-feed>, as
    // Reddit renders them (a copy of the live feed would carry our marks).
    const articles = fixtureHtml('reddit/new-subreddit.html').match(/<article[\s\S]*?<\/article>/g)!;
    const fake = articles.find((a) => a.includes('id="t3_1h0fak"'))!.replaceAll('1h0fak', '1h0fa2');
    const genuine = articles.find((a) => a.includes('id="t3_1h0gen"'))!.replaceAll('1h0gen', '1h0ge2');
    await page.evaluate((batch) => {
      document
        .querySelector('shreddit-feed')!
        .insertAdjacentHTML('beforeend', `<faceplate-batch>${batch}</faceplate-batch>`);
    }, fake + genuine);
    await expectWarned(page, 'shreddit-post#t3_1h0fa2', 'Coinbase');
    await expectSilent(browser(), page, 'reddit-post:t3_1h0ge2', 'shreddit-post#t3_1h0ge2');
    expect(await warningCount(page)).toBe(2);
    await page.close();
  });

  it('follows client-side navigation from the feed to a thread: old warnings go, the thread is judged', async () => {
    const page = await openFixture(
      browser(),
      'https://www.reddit.com/r/CryptoJobs/',
      'reddit/new-subreddit.html',
    );
    await expectWarned(page, 'shreddit-post#t3_1h0fak', 'Coinbase');
    const thread = /<body[^>]*>([\s\S]*)<\/body>/i.exec(fixtureHtml('reddit/new-comments.html'))![1]!;
    await page.evaluate((body) => {
      history.pushState({}, '', '/r/CryptoJobs/comments/1h1gen/anyone_interviewed_with_binance/');
      document.body.innerHTML = body;
    }, thread);
    await expectWarned(page, '#t1_lfak01-comment-rtjson-content', 'Binance');
    await expectSilent(browser(), page, 'reddit-comment:t1_lgen02', '#t1_lgen02-comment-rtjson-content');
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });

  it('warns on the fake recruiter comment, not on the genuine reply nested under it', async () => {
    const url = 'https://www.reddit.com/r/CryptoJobs/comments/1h1gen/anyone_interviewed_with_binance/';
    const page = await openFixture(browser(), url, 'reddit/new-comments.html');
    await expectWarned(page, '#t1_lfak01-comment-rtjson-content', 'Binance');
    await expectSilent(browser(), page, 'reddit-comment:t1_lgen02', '#t1_lgen02-comment-rtjson-content');
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });
});

describe('old Reddit', () => {
  it('warns on the out.reddit.com-wrapped lookalike and the fake take-home, not on the genuine post', async () => {
    const page = await openFixture(
      browser(),
      'https://old.reddit.com/r/CryptoJobs/',
      'reddit/old-subreddit.html',
    );
    await expectWarned(page, '#thing_t3_1h2fak > .entry', 'Kraken');
    await expectWarned(page, '#thing_t3_1h2slf > .entry', 'OKX');
    await expectSilent(browser(), page, 'reddit-post:t3_1h2gen', '#thing_t3_1h2gen > .entry');
    expect(await warningCount(page)).toBe(2);
    await page.close();
  });
});

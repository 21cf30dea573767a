import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { extractPage } from '../../src/extract/site-adapters.ts';
import { loadFixture } from '../fixtures/load-fixture.ts';

/**
 * Each fixture through the adapter and the real engine, without a browser: every fake-offer
 * entity warns and names the brand it impersonates, every genuine one stays clean. The e2e tests
 * check the same end to end in Chromium; this catches an adapter regression in a second.
 */
const CASES: Array<{ file: string; url: string; fake: Record<string, string>; genuine: string[] }> = [
  {
    file: 'linkedin/feed.html',
    url: 'https://www.linkedin.com/feed/',
    fake: {
      'linkedin-post:7250000000000000001': 'Coinbase',
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderJ,2-OVERLAYmsg1)': 'Binance',
    },
    genuine: ['linkedin-post:7250000000000000002', 'linkedin-post:7250000000000000003'],
  },
  {
    file: 'linkedin/messaging-thread.html',
    url: 'https://www.linkedin.com/messaging/thread/2-PLACEHOLDERthreadA/',
    fake: {
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderR,2-PLACEHOLDERmsg1)':
        'Crypto.com',
      'linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderR,2-PLACEHOLDERmsg2)':
        'Crypto.com',
    },
    genuine: ['linkedin-message:urn:li:msg_message:(urn:li:fsd_profile:ACoAAPlaceholderK,2-PLACEHOLDERmsg4)'],
  },
  {
    file: 'linkedin/profile-fake.html',
    url: 'https://www.linkedin.com/in/placeholder-recruiter-p/',
    fake: { 'linkedin-profile:placeholder-recruiter-p': 'Coinbase' },
    genuine: [],
  },
  {
    file: 'linkedin/profile-genuine.html',
    url: 'https://www.linkedin.com/in/placeholder-recruiter-q/',
    fake: {},
    genuine: ['linkedin-profile:placeholder-recruiter-q'],
  },
  {
    file: 'linkedin/job-search-two-pane.html',
    url: 'https://www.linkedin.com/jobs/search/?currentJobId=4101000021&keywords=security',
    fake: { 'linkedin-job:4101000021': 'Coinbase' },
    genuine: [],
  },
  {
    file: 'linkedin/collections.html',
    url: 'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4101000022',
    fake: {},
    genuine: ['linkedin-job:4101000022'],
  },
  {
    file: 'discord/channel-jobs.html',
    url: 'https://discord.com/channels/1200000000000000100/1300000000000000200',
    fake: {
      'discord-message:1310000000000000011': 'Kraken',
      'discord-message:1310000000000000012': 'Kraken',
    },
    genuine: ['discord-message:1310000000000000013', 'discord-message:1310000000000000014'],
  },
  {
    file: 'discord/channel-general.html',
    url: 'https://discord.com/channels/1200000000000000100/1300000000000000300',
    fake: {},
    genuine: ['discord-message:1320000000000000021', 'discord-message:1320000000000000022'],
  },
  {
    file: 'telegram/k-group-chat.html',
    url: 'https://web.telegram.org/k/#-1001987654321',
    fake: {
      'telegram-message:-1001987654321:5101': 'Bybit',
      'telegram-message:-1001987654321:5102': 'Bybit',
    },
    genuine: ['telegram-message:-1001987654321:5103'],
  },
  {
    file: 'telegram/a-private-chat.html',
    url: 'https://web.telegram.org/a/#6200000001',
    fake: { 'telegram-message:6200000001:301': 'Gemini' },
    genuine: ['telegram-message:6200000001:304'],
  },
  {
    file: 'reddit/new-subreddit.html',
    url: 'https://www.reddit.com/r/CryptoJobs/',
    fake: { 'reddit-post:t3_1h0fak': 'Coinbase' },
    genuine: ['reddit-post:t3_1h0gen', 'reddit-post:t3_1h0oth'],
  },
  {
    file: 'reddit/new-comments.html',
    url: 'https://www.reddit.com/r/CryptoJobs/comments/1h1gen/anyone_interviewed_with_binance/',
    fake: { 'reddit-comment:t1_lfak01': 'Binance' },
    genuine: ['reddit-post:t3_1h1gen', 'reddit-comment:t1_lgen02'],
  },
  {
    file: 'reddit/old-subreddit.html',
    url: 'https://old.reddit.com/r/CryptoJobs/',
    fake: { 'reddit-post:t3_1h2fak': 'Kraken', 'reddit-post:t3_1h2slf': 'OKX' },
    genuine: ['reddit-post:t3_1h2gen'],
  },
  {
    file: 'x/home-timeline.html',
    url: 'https://x.com/home',
    fake: { 'x-post:1859000000000000001': 'Coinbase' },
    genuine: ['x-post:1859000000000000002', 'x-post:1859000000000000003', 'x-post:1859000000000000004'],
  },
  {
    file: 'bitcointalk/topic.html',
    url: 'https://bitcointalk.org/index.php?topic=5520000.0',
    fake: { 'bitcointalk-post:64500002': 'Crypto.com' },
    genuine: ['bitcointalk-post:64500001', 'bitcointalk-post:64500003'],
  },
  {
    file: 'job-boards/cryptojobslist-fake.html',
    url: 'https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote',
    fake: { 'job-board:cryptojobslist.com:senior-security-engineer-coinbase-remote': 'Coinbase' },
    genuine: [],
  },
  {
    file: 'job-boards/web3career-genuine.html',
    url: 'https://web3.career/backend-engineer-kraken/84211',
    fake: {},
    genuine: ['job-board:web3.career:84211'],
  },
  {
    file: 'job-boards/wellfound-genuine.html',
    url: 'https://wellfound.com/jobs/3012345-senior-protocol-engineer',
    fake: {},
    genuine: ['job-board:wellfound.com:3012345'],
  },
];

const engine = createEngine();

describe.each(CASES)('$file', ({ file, url, fake, genuine }) => {
  const records = extractPage(loadFixture(file, url), new URL(url));
  const verdicts = new Map(records.map((r) => [r.key, engine.judge(r.candidate)]));

  it('extracts exactly the expected entities', () => {
    expect([...verdicts.keys()].sort()).toEqual([...Object.keys(fake), ...genuine].sort());
  });

  it.each(Object.entries(fake))('%s warns about %s', (key, brand) => {
    const verdict = verdicts.get(key)!;
    expect(verdict.verdict).not.toBe('clean');
    expect(verdict.reasons.some((r) => r.brand === brand || r.message.includes(brand))).toBe(true);
  });

  it.each(genuine.map((k) => [k]))('%s stays clean', (key) => {
    expect(verdicts.get(key)).toEqual({ verdict: 'clean', reasons: [] });
  });
});

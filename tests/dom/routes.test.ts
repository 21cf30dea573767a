import { describe, expect, it } from 'vitest';
import { isBitcointalkTopic } from '../../src/extract/bitcointalk/routes.ts';
import { isDiscordChannel } from '../../src/extract/discord/routes.ts';
import { cryptoJobsListJobId, web3CareerJobId, wellfoundJobId } from '../../src/extract/job-boards/routes.ts';
import {
  isLinkedInJobCollection,
  isLinkedInJobSearch,
  isLinkedInJobView,
  isLinkedInMessaging,
  isLinkedInProfile,
  linkedInProfileHandle,
} from '../../src/extract/linkedin/routes.ts';
import { isNewReddit, isOldReddit } from '../../src/extract/reddit/routes.ts';
import { type SiteId, siteOf } from '../../src/extract/site-adapters.ts';
import { isTelegramWeb, telegramChatOf } from '../../src/extract/telegram/routes.ts';
import { isX, xStatusIdOf } from '../../src/extract/x/routes.ts';

/** Each route predicate with URLs it must accept and URLs it must refuse. */
const ROUTES: Array<[string, (url: URL) => boolean, string[], string[]]> = [
  [
    'isLinkedInJobView',
    isLinkedInJobView,
    [
      'https://www.linkedin.com/jobs/view/4101000009/',
      'https://www.linkedin.com/jobs/view/engineering-manager-at-coinbase-4101000009?trk=public',
    ],
    [
      'https://www.linkedin.com/jobs/search/?currentJobId=4101000009',
      'https://www.linkedin.com/jobs/view/abc/',
      'https://www.linkedin.com.evil.example/jobs/view/4101000009/',
      'http://www.linkedin.com/jobs/view/4101000009/',
    ],
  ],
  [
    'isLinkedInJobSearch',
    isLinkedInJobSearch,
    [
      'https://www.linkedin.com/jobs/search/?currentJobId=4101000021&keywords=security',
      'https://www.linkedin.com/jobs/search-results/?currentJobId=4101000021',
    ],
    [
      'https://www.linkedin.com/jobs/search/?keywords=security',
      'https://www.linkedin.com/jobs/search/?currentJobId=12ab',
    ],
  ],
  [
    'isLinkedInJobCollection',
    isLinkedInJobCollection,
    ['https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4101000022'],
    ['https://www.linkedin.com/jobs/collections/recommended/', 'https://www.linkedin.com/jobs/collections/'],
  ],
  [
    'isLinkedInMessaging',
    isLinkedInMessaging,
    [
      'https://www.linkedin.com/messaging/',
      'https://www.linkedin.com/messaging/thread/2-PLACEHOLDERthreadA/',
    ],
    ['https://www.linkedin.com/messagingx/', 'https://www.linkedin.com/feed/'],
  ],
  [
    'isLinkedInProfile',
    isLinkedInProfile,
    ['https://www.linkedin.com/in/placeholder-recruiter-p/', 'https://www.linkedin.com/in/placeholder-q'],
    [
      'https://www.linkedin.com/in/placeholder-q/recent-activity/all/',
      'https://www.linkedin.com/company/coinbase/',
    ],
  ],
  [
    'isDiscordChannel',
    isDiscordChannel,
    [
      'https://discord.com/channels/1200000000000000100/1300000000000000200',
      'https://discord.com/channels/@me/1300000000000000999',
      'https://discord.com/channels/1200000000000000100/1300000000000000200/1310000000000000011',
      'https://ptb.discord.com/channels/@me',
    ],
    ['https://discord.com/app', 'https://discord.com/channels/abc', 'https://discord.gg/placeholder'],
  ],
  [
    'isTelegramWeb',
    isTelegramWeb,
    [
      'https://web.telegram.org/k/',
      'https://web.telegram.org/k/#@placeholder',
      'https://web.telegram.org/a/#-1001987654321',
    ],
    ['https://web.telegram.org/', 'https://telegram.org/k/', 'https://web.telegram.org/z/'],
  ],
  [
    'isNewReddit',
    isNewReddit,
    ['https://www.reddit.com/r/CryptoJobs/', 'https://www.reddit.com/r/CryptoJobs/comments/1h1gen/slug/'],
    ['https://old.reddit.com/r/CryptoJobs/', 'https://www.reddit.com.example/r/x/'],
  ],
  [
    'isOldReddit',
    isOldReddit,
    ['https://old.reddit.com/r/CryptoJobs/', 'https://old.reddit.com/r/CryptoJobs/comments/1h2fak/slug/'],
    ['https://www.reddit.com/r/CryptoJobs/'],
  ],
  [
    'isX',
    isX,
    ['https://x.com/home', 'https://twitter.com/placeholder/status/1859000000000000001'],
    ['https://t.co/FaKe0001', 'https://x.com.example/home'],
  ],
  [
    'isBitcointalkTopic',
    isBitcointalkTopic,
    [
      'https://bitcointalk.org/index.php?topic=5520000.0',
      'https://bitcointalk.org/index.php?topic=5520000.msg64500002#msg64500002',
      'https://bitcointalk.org/index.php?topic=5520000',
    ],
    ['https://bitcointalk.org/index.php?board=52.0', 'https://bitcointalk.org/index.php?topic=abc'],
  ],
];

describe.each(ROUTES)('%s', (_name, predicate, accepted, refused) => {
  it.each(accepted)('accepts %s', (url) => expect(predicate(new URL(url))).toBe(true));
  it.each(refused)('refuses %s', (url) => expect(predicate(new URL(url))).toBe(false));
});

describe('route ids', () => {
  it.each([
    ['https://web.telegram.org/k/#@placeholder_hr', '@placeholder_hr'],
    ['https://web.telegram.org/k/#-1001987654321', '-1001987654321'],
    ['https://web.telegram.org/a/#6200000001', '6200000001'],
    ['https://web.telegram.org/a/#-1001987654321_42', '-1001987654321'],
    ['https://web.telegram.org/k/', null],
    ['https://web.telegram.org/k/#?tgaddr=x', null],
  ])('Telegram chat of %s is %s', (url, chat) => expect(telegramChatOf(new URL(url))).toBe(chat));

  it.each([
    ['/placeholder/status/1859000000000000001', '1859000000000000001'],
    ['https://x.com/placeholder/status/1859000000000000001/photo/1', '1859000000000000001'],
    ['/placeholder/status/abc', null],
    ['/placeholder', null],
  ])('X status id of %s is %s', (href, id) => expect(xStatusIdOf(href)).toBe(id));

  it.each([
    ['https://www.linkedin.com/in/placeholder-q/', 'placeholder-q'],
    ['https://www.linkedin.com/in/pat%C3%A9-placeholder/', 'paté-placeholder'],
    ['https://www.linkedin.com/in/%E0%A4%A/', null],
  ])('LinkedIn handle of %s is %s', (url, handle) =>
    expect(linkedInProfileHandle(new URL(url))).toBe(handle),
  );

  it('reads job ids from each board', () => {
    expect(
      cryptoJobsListJobId(
        new URL('https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote'),
      ),
    ).toBe('senior-security-engineer-coinbase-remote');
    expect(cryptoJobsListJobId(new URL('https://cryptojobslist.com/remote'))).toBeNull();
    expect(web3CareerJobId(new URL('https://web3.career/backend-engineer-kraken/84211'))).toBe('84211');
    expect(web3CareerJobId(new URL('https://web3.career/remote-jobs'))).toBeNull();
    expect(wellfoundJobId(new URL('https://wellfound.com/jobs/3012345-senior-protocol-engineer'))).toBe(
      '3012345',
    );
    expect(wellfoundJobId(new URL('https://wellfound.com/company/ripple/jobs'))).toBeNull();
  });
});

describe('siteOf', () => {
  it.each<[string, SiteId | undefined]>([
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://www.linkedin.com/jobs/view/4101000009/', 'linkedin'],
    ['https://discord.com/channels/@me/1300000000000000999', 'discord'],
    ['https://discord.com/app', 'discord'],
    ['https://web.telegram.org/k/#@placeholder', 'telegram'],
    ['https://web.telegram.org/a/', 'telegram'],
    ['https://www.reddit.com/r/CryptoJobs/', 'reddit'],
    ['https://old.reddit.com/r/CryptoJobs/', 'reddit'],
    ['https://x.com/home', 'x'],
    ['https://twitter.com/placeholder', 'x'],
    ['https://bitcointalk.org/index.php?topic=5520000.0', 'bitcointalk'],
    ['https://bitcointalk.org/index.php?board=52.0', 'bitcointalk'],
    ['https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote', 'job-boards'],
    ['https://web3.career/remote-jobs', 'job-boards'],
    ['https://wellfound.com/jobs/3012345-senior-protocol-engineer', 'job-boards'],
    ['https://careers.example.org/jobs/1', 'generic'],
    ['chrome-extension://hllcajbgabfpacbllhecnhogegjidgbh/popup.html', undefined],
  ])('%s belongs to %s', (url, site) => expect(siteOf(new URL(url))).toBe(site));
});

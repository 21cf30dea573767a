import { describe, expect, it } from 'vitest';
import { bitcointalkSelectors } from '../../src/extract/bitcointalk/selectors.ts';
import { discordSelectors } from '../../src/extract/discord/selectors.ts';
import { jobBoardSelectors } from '../../src/extract/job-boards/selectors.ts';
import { linkedInSelectors } from '../../src/extract/linkedin/selectors.ts';
import { redditSelectors } from '../../src/extract/reddit/selectors.ts';
import { type Fallbacks, selectAll } from '../../src/extract/select.ts';
import { telegramSelectors } from '../../src/extract/telegram/selectors.ts';
import { xSelectors } from '../../src/extract/x/selectors.ts';
import { linkedInJobView, wrap } from '../e2e/linkedin-fixtures.ts';
import { loadFixture } from '../fixtures/load-fixture.ts';

/**
 * How many nodes each selector matches in each committed fixture. When a site changes its markup
 * and a fixture is refreshed, this table says which selectors broke; when a selector is edited,
 * it says which fixtures it stopped (or started) matching. `shadow:` counts inside the open
 * `#interop-outlet` root; selectors starting with `:scope` are counted per old-Reddit thing.
 */
const TABLES = {
  linkedin: linkedInSelectors,
  discord: discordSelectors,
  telegram: telegramSelectors,
  reddit: redditSelectors,
  x: xSelectors,
  bitcointalk: bitcointalkSelectors,
  'job-boards': jobBoardSelectors,
} as const;

type Site = keyof typeof TABLES;
const EXPECTED: Array<[Site, string, Record<string, number>]> = [
  [
    'linkedin',
    'feed.html',
    {
      feedPost: 3,
      postActor: 3,
      postCommentary: 3,
      postAttachmentArea: 2,
      postDocumentTitle: 1,
      messageEvent: 0,
      interopOutlet: 1,
      'shadow:messageEvent': 1,
      'shadow:messageSender': 1,
      'shadow:messageSenderLink': 1,
      'shadow:messageBody': 2,
      'shadow:messageAttachmentName': 1,
    },
  ],
  [
    'linkedin',
    'messaging-thread.html',
    {
      feedPost: 0,
      messageEvent: 4,
      messageSender: 3,
      messageSenderLink: 3,
      messageBody: 5,
      messageAttachmentName: 1,
      interopOutlet: 0,
    },
  ],
  [
    'linkedin',
    'profile-fake.html',
    { profileTopCard: 1, profileName: 1, profileHeadline: 1, profileLinks: 1, profileAbout: 1, feedPost: 0 },
  ],
  [
    'linkedin',
    'profile-genuine.html',
    { profileTopCard: 1, profileName: 1, profileHeadline: 1, profileLinks: 1, profileAbout: 1, feedPost: 0 },
  ],
  [
    'linkedin',
    'job-search-two-pane.html',
    {
      feedPost: 0,
      messageEvent: 0,
      profileTopCard: 0,
      jobScreen: 0,
      jobDescription: 1,
      jobTitleLink: 1,
      jobTitle: 1,
      jobCompany: 1,
      jobApply: 1,
    },
  ],
  [
    'linkedin',
    'collections.html',
    { feedPost: 0, messageEvent: 0, profileTopCard: 0, jobDescription: 1, jobApply: 1 },
  ],
  [
    'linkedin',
    'job-view-sdui.template.html',
    { jobScreen: 1, jobApplySdui: 1, jobDescription: 0, jobTitleLink: 0, jobApply: 1, feedPost: 0 },
  ],
  [
    'linkedin',
    'job-view-classic.template.html',
    {
      jobScreen: 0,
      jobDescription: 1,
      jobTitleLink: 1,
      jobTitle: 1,
      jobCompany: 1,
      jobApply: 1,
      feedPost: 0,
    },
  ],
  [
    'discord',
    'channel-jobs.html',
    { message: 4, author: 3, authorInHeader: 5, content: 4, accessories: 4, attachmentLink: 1, embed: 1 },
  ],
  [
    'discord',
    'channel-general.html',
    { message: 2, author: 2, authorInHeader: 3, content: 2, accessories: 2, attachmentLink: 0, embed: 0 },
  ],
  ['telegram', 'k-group-chat.html', { message: 4, sender: 2, chatTitle: 1, text: 4, documentName: 1 }],
  ['telegram', 'a-private-chat.html', { message: 3, sender: 0, chatTitle: 1, text: 3, documentName: 1 }],
  ['reddit', 'new-subreddit.html', { post: 3, postBody: 2, comment: 0, thing: 0 }],
  ['reddit', 'new-comments.html', { post: 1, postBody: 1, comment: 2, thing: 0 }],
  [
    'reddit',
    'old-subreddit.html',
    { post: 0, comment: 0, thing: 3, thingEntry: 3, thingTitle: 3, thingBody: 1 },
  ],
  ['x', 'home-timeline.html', { tweet: 4, timestamp: 4, userName: 4, text: 4, card: 2 }],
  ['bitcointalk', 'topic.html', { postCell: 3, body: 3, subjectLink: 3, subject: 3, poster: 3 }],
  ['job-boards', 'cryptojobslist-fake.html', { description: 1, title: 1, apply: 1 }],
  ['job-boards', 'web3career-genuine.html', { description: 1, title: 1, apply: 1 }],
  ['job-boards', 'wellfound-genuine.html', { description: 1, title: 1, apply: 0 }],
];

/** The job-view templates, filled the way their e2e tests fill them. */
function filledTemplate(file: string): Document {
  const layout = file.includes('sdui') ? 'sdui' : 'classic';
  const html = linkedInJobView(layout, {
    jobId: '4101000009',
    applyHref: wrap.redir('https://www.coinbase.com/careers/positions/7012345'),
    jdHref: wrap.redir('https://www.coinbase.com/careers'),
    jdText: 'More roles:',
    jdLinkText: 'coinbase.com/careers',
  });
  return new DOMParser().parseFromString(html, 'text/html');
}

function count(root: ParentNode, fallbacks: Fallbacks): number {
  if (!fallbacks[0].startsWith(':scope')) return selectAll(root, fallbacks).length;
  return selectAll(root, redditSelectors.thing).reduce(
    (n, thing) => n + selectAll(thing, fallbacks).length,
    0,
  );
}

describe.each(EXPECTED)('%s/%s', (site, file, expected) => {
  const table: Record<string, Fallbacks> = TABLES[site];
  it.each(Object.entries(expected))('%s matches %i', (name, want) => {
    const doc = file.endsWith('.template.html') ? filledTemplate(file) : loadFixture(`${site}/${file}`);
    const [where, key] = name.startsWith('shadow:') ? ['shadow', name.slice(7)] : ['document', name];
    const fallbacks = table[key];
    expect(fallbacks, `no selector ${key} for ${site}`).toBeDefined();
    const root = where === 'shadow' ? doc.querySelector('#interop-outlet')?.shadowRoot : doc;
    expect(root).toBeTruthy();
    expect(count(root!, fallbacks!)).toBe(want);
  });
});

it('every selector of every site is pinned in at least one fixture of that site', () => {
  for (const [site, table] of Object.entries(TABLES)) {
    const pinned = new Set(
      EXPECTED.filter(([s]) => s === site).flatMap(([, , e]) =>
        Object.keys(e).map((k) => k.replace(/^shadow:/, '')),
      ),
    );
    expect(Object.keys(table).filter((name) => !pinned.has(name))).toEqual([]);
  }
});

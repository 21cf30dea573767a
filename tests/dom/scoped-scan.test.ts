import { describe, expect, it } from 'vitest';
import { scopedDocument } from '../../src/content/scoped-document.ts';
import { extractPage } from '../../src/extract/site-adapters.ts';
import { linkedInJobView, wrap } from '../e2e/linkedin-fixtures.ts';
import { loadFixture } from '../fixtures/load-fixture.ts';

/**
 * The scanner re-runs `extractPage` on a view of the document limited to a changed subtree.
 * A record must come out the same as in a full scan, or the entity is re-judged with less
 * context (no apply button, no sender) and its warning could flip.
 */
function sameRecords(doc: Document, url: string, changed: Element) {
  const full = extractPage(doc, new URL(url));
  const scoped = extractPage(scopedDocument(doc, [changed]), new URL(url));
  return { full, scoped };
}

describe('a view scoped to several changed subtrees', () => {
  it('answers for every subtree, with a shared matching ancestor once', () => {
    const doc = new DOMParser().parseFromString(
      '<section class="post" id="p"><p id="one"><a href="#1">1</a></p><p id="two"><a href="#2">2</a></p></section><p id="three"><a href="#3">3</a></p>',
      'text/html',
    );
    const roots = ['one', 'two', 'three'].map((id) => doc.getElementById(id)!);
    const scoped = scopedDocument(doc, roots);
    expect([...scoped.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#1', '#2', '#3']);
    expect([...scoped.querySelectorAll('.post, p')].map((e) => e.id)).toEqual(['p', 'one', 'two', 'three']);
    expect(scoped.querySelector('p')?.id).toBe('one');
    expect(scoped.querySelector('section')?.id).toBe('p');
    expect(scopedDocument(doc, roots.slice(2)).querySelector('section')).toBeNull();
  });

  it('querySelector answers with the first of querySelectorAll, for any roots and selector', () => {
    const doc = new DOMParser().parseFromString(
      '<main id="m" class="feed"><article id="a1" class="post"><p id="a1p"><a id="a1a" href="#1">1</a></p></article>' +
        '<article id="a2" class="post"><p id="a2p">two</p></article></main><aside id="s"><p id="sp"><a id="sa" href="#3">3</a></p></aside>',
      'text/html',
    );
    const ids = ['m', 'a1', 'a1p', 'a1a', 'a2', 'a2p', 's', 'sp', 'sa'];
    const selectors = ['a', 'p', '.post', '.feed', 'main, aside', 'article p', 'section', '.post a, aside'];
    // Every run of up to three elements in document order that do not nest, as the scanner hands them over.
    const rootSets: Element[][] = [];
    for (let i = 0; i < ids.length; i++)
      for (let j = i; j < ids.length; j++)
        for (let k = j; k < ids.length; k++) {
          const set = [...new Set([ids[i], ids[j], ids[k]])].map((id) => doc.getElementById(id!)!);
          if (set.every((x) => set.every((y) => x === y || !x.contains(y)))) rootSets.push(set);
        }
    expect(rootSets.length).toBeGreaterThan(20);
    for (const roots of rootSets)
      for (const selector of selectors) {
        const scoped = scopedDocument(doc, roots);
        expect(scoped.querySelector(selector), `${selector} in ${roots.map((r) => r.id)}`).toBe(
          scoped.querySelectorAll(selector)[0] ?? null,
        );
      }
  });

  it('querySelector asks no later root once one has a match', () => {
    const doc = new DOMParser().parseFromString(
      '<p id="one"><a href="#1">1</a></p><p id="two"><a href="#2">2</a></p>',
      'text/html',
    );
    const [one, two] = ['one', 'two'].map((id) => doc.getElementById(id)!);
    const asked: string[] = [];
    for (const root of [one!, two!])
      for (const method of ['matches', 'querySelector', 'querySelectorAll'] as const) {
        const original = root[method].bind(root) as (selector: string) => unknown;
        Object.defineProperty(root, method, {
          value: (selector: string) => {
            asked.push(`${root.id}.${method}`);
            return original(selector);
          },
        });
      }
    expect(scopedDocument(doc, [one!, two!]).querySelector('a')?.getAttribute('href')).toBe('#1');
    expect(asked).toEqual(['one.matches', 'one.querySelector']);
  });
});

describe('scans scoped to a changed subtree', () => {
  it('Discord: a grouped message added alone still carries its group’s author', () => {
    const url = 'https://discord.com/channels/1200000000000000100/1300000000000000200';
    const doc = loadFixture('discord/channel-jobs.html', url);
    const grouped = doc.querySelector('#chat-messages-1300000000000000200-1310000000000000012')!;
    const { full, scoped } = sameRecords(doc, url, grouped);
    expect(scoped).toHaveLength(1);
    expect(scoped[0]!.candidate).toEqual(full.find((r) => r.key === scoped[0]!.key)!.candidate);
    expect(scoped[0]!.candidate.author).toBe('kraken_talent_placeholder');
  });

  it('LinkedIn messaging: a follow-up message keeps its sender', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-PLACEHOLDERthreadA/';
    const doc = loadFixture('linkedin/messaging-thread.html', url);
    const body = doc.querySelectorAll('.msg-s-event-listitem__body')[1]!;
    const { full, scoped } = sameRecords(doc, url, body);
    expect(scoped.map((r) => r.candidate)).toEqual(
      full.filter((r) => r.key === scoped[0]!.key).map((r) => r.candidate),
    );
  });

  it('LinkedIn job view: a change inside the description yields the full record, guard included', () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000003/';
    const html = linkedInJobView('classic', {
      jobId: '4101000003',
      applyHref: wrap.redir('https://coinbase-careers.com/apply/7012347'),
      jdHref: wrap.redir('https://www.coinbase.com/careers'),
      jdText: 'More roles:',
      jdLinkText: 'coinbase.com/careers',
    });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const paragraph = doc.querySelector('#job-details p')!;
    const { full, scoped } = sameRecords(doc, url, paragraph);
    expect(full).toHaveLength(1);
    expect(scoped.map((r) => r.candidate)).toEqual(full.map((r) => r.candidate));
    // The apply button sits outside the changed subtree but is still read.
    expect(scoped[0]!.candidate.links?.[0]?.href).toContain('coinbase-careers.com');
    const stale = 'https://www.linkedin.com/jobs/search/?currentJobId=4101000099';
    expect(extractPage(scopedDocument(doc, [paragraph]), new URL(stale))).toEqual([]);
  });

  it('LinkedIn job view: a change elsewhere on the page yields nothing to re-judge', () => {
    const url = 'https://www.linkedin.com/jobs/view/4101000003/';
    const html = linkedInJobView('classic', {
      jobId: '4101000003',
      applyHref: wrap.redir('https://www.coinbase.com/careers'),
      jdHref: wrap.redir('https://www.coinbase.com/careers'),
      jdText: 'More roles:',
      jdLinkText: 'coinbase.com/careers',
    });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    // LinkedIn adds a toast at the end of the body.
    doc.body.insertAdjacentHTML('beforeend', '<div class="artdeco-toasts"><p>Saved</p></div>');
    const toast = doc.querySelector('.artdeco-toasts')!;
    expect(extractPage(scopedDocument(doc, [toast]), new URL(url))).toEqual([]);
    // A change in the top card (the apply button) does re-read the job.
    const apply = doc.querySelector('.jobs-apply-button--top-card')!;
    expect(extractPage(scopedDocument(doc, [apply]), new URL(url))).toHaveLength(1);
  });

  it('Telegram: a private chat’s title is read from the page, not the changed bubble', () => {
    const url = 'https://web.telegram.org/a/#6200000001';
    const doc = loadFixture('telegram/a-private-chat.html', url);
    const { full, scoped } = sameRecords(doc, url, doc.querySelector('#message-304')!);
    expect(scoped.map((r) => r.candidate)).toEqual(
      full.filter((r) => r.key === scoped[0]!.key).map((r) => r.candidate),
    );
    expect(scoped[0]!.candidate.author).toBe('Jamie Placeholder');
  });

  it('job boards: a change in the description keeps the JSON-LD facts', () => {
    const url = 'https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote';
    const doc = loadFixture('job-boards/cryptojobslist-fake.html', url);
    const { full, scoped } = sameRecords(doc, url, doc.querySelector('.job-description p')!);
    expect(scoped.map((r) => r.candidate)).toEqual(full.map((r) => r.candidate));
  });
});

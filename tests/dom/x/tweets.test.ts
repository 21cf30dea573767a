import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { expandedUrl } from '../../../src/extract/x/tweets.ts';
import { loadFixture } from '../../fixtures/load-fixture.ts';

describe('X posts', () => {
  const url = 'https://x.com/home';
  const records = extractPage(loadFixture('x/home-timeline.html', url), new URL(url));

  it('keys posts by status id and reads the @handle', () => {
    expect(records.map((r) => r.key)).toEqual([
      'x-post:1859000000000000001',
      'x-post:1859000000000000002',
      'x-post:1859000000000000003',
      'x-post:1859000000000000004',
    ]);
    expect(records[0]!.candidate.author).toBe('@CB_Talent_PH');
  });

  it('judges a t.co link as the address X printed in it, card included', () => {
    const [fake, genuine] = records;
    expect(fake!.candidate.links).toEqual([
      {
        href: 'https://coinbase-careers.com/apply/senior-security-engineer',
        text: 'https://coinbase-careers.com/apply/senior-security-engineer',
      },
    ]);
    // Both the text link and the card are marked, each keeping its own t.co href on the page.
    expect(fake!.targets.map((t) => t.element.getAttribute('href'))).toEqual([
      'https://t.co/FaKe0001',
      'https://t.co/FaKe0001',
    ]);
    expect(genuine!.candidate.links?.map((l) => l.href)).toEqual([
      'https://www.coinbase.com/careers/positions',
    ]);
  });

  it('reads nothing from the sidebar', () => {
    expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('Who to follow');
  });
});

describe('expandedUrl', () => {
  it.each([
    ['https://t.co/AbC123', 'https://www.coinbase.com/careers…', 'https://www.coinbase.com/careers'],
    ['https://t.co/AbC123', 'https://coinbase-careers.com/apply', 'https://coinbase-careers.com/apply'],
    // Only X's own wrapper is trusted to print its destination.
    ['https://bit.ly/AbC123', 'https://www.coinbase.com/careers', undefined],
    ['https://t.co/AbC123', 'coinbase.com/careers', undefined],
    ['https://t.co/AbC123', 'Apply here', undefined],
    ['https://t.co/AbC123', 'javascript:alert(1)', undefined],
  ])('%s showing %s is %s', (href, text, expected) => expect(expandedUrl(href, text)).toBe(expected));
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkTextMismatchReason } from '../../../src/core/links/link-text-mismatch.ts';
import { destinationHiddenReason, unwrapUrl } from '../../../src/core/url/unwrap-url.ts';

const target = 'https://coinbase-careers.com/jd.pdf';
const enc = encodeURIComponent;

describe('unwrapUrl', () => {
  it.each([
    `https://www.linkedin.com/safety/go/?url=${enc(target)}&trk=flagship`,
    `https://www.linkedin.com/redir/redirect?url=${enc(target)}&urlhash=x`,
    `https://www.google.com/url?q=${enc(target)}&sa=D`,
    `https://l.facebook.com/l.php?u=${enc(target)}&h=AT0`,
    `https://out.reddit.com/t3_abc?url=${enc(target)}&token=x`,
    `https://nam12.safelinks.protection.outlook.com/?url=${enc(target)}&data=x`,
  ])('unwraps %s', (href) => {
    const result = unwrapUrl(href);
    expect(result.ok && result.url.href).toBe(target);
    expect(result.ok && result.chain).toEqual([new URL(href).href, target]);
  });

  it('follows at most three hops', () => {
    let href = target;
    for (let i = 0; i < 5; i++) href = `https://www.google.com/url?q=${enc(href)}`;
    const result = unwrapUrl(href);
    expect(result.ok && result.chain.length).toBe(4);
  });

  it('does not trust ?url= on any other host', () => {
    const result = unwrapUrl(`https://evil.example/safety/go/?url=${enc('https://www.coinbase.com/')}`);
    expect(result.ok && result.url.hostname).toBe('evil.example');
  });

  it('marks shortened links as hiding their destination', () => {
    const result = unwrapUrl('https://lnkd.in/gAbCdEf');
    expect(result.ok && result.hiddenBy).toBe('lnkd.in');
    expect(destinationHiddenReason(result)?.id).toBe('link-destination-hidden');
    expect(destinationHiddenReason(unwrapUrl(target))).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'mailto:a@b.c', 'not a url', '', 'ftp://x.y/'])('refuses %s', (href) => {
    expect(unwrapUrl(href).ok).toBe(false);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (s) => typeof unwrapUrl(s).ok === 'boolean'),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.webUrl(), (s) => unwrapUrl(s).ok === true),
      { numRuns: 500 },
    );
  });
});

describe('link text that names another host', () => {
  it('flags shown addresses that differ from the destination', () => {
    expect(linkTextMismatchReason('www.coinbase.com/careers', new URL(target))?.message).toBe(
      'The link shows www.coinbase.com/careers but goes to coinbase-careers.com.',
    );
  });
  it.each(['Apply here', 'coinbase.com/careers/123', 'https://www.coinbase.com', undefined])(
    'not for %s to coinbase.com',
    (text) => {
      expect(linkTextMismatchReason(text, new URL('https://www.coinbase.com/careers'))).toBeUndefined();
    },
  );
});

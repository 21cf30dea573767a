import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../../src/core/brands/catalog.ts';
import { createBrandIndex } from '../../../src/core/lookalike/brand-index.ts';

const catalog = loadBundledCatalog();
const index = createBrandIndex(catalog);
const ids = (host: string, mentioned: string[] = []) =>
  index.lookalikesOf(host, { mentionedBrandIds: new Set(mentioned) }).map((r) => r.id);

describe('the empty result', () => {
  it('is shared by hosts with no reason, so no caller can add to it', () => {
    const none = index.lookalikesOf('example.org');
    expect(none).toEqual([]);
    expect(() => none.push({ id: 'x', level: 'dangerous', message: 'x' })).toThrow(TypeError);
    expect(index.lookalikesOf('example.net')).toEqual([]);
    expect(index.lookalikesOf('coinbase.com')).toEqual([]);
    expect(ids('careers-coinbase.net')).toEqual(['lookalike-combosquat']);
  });
});

describe('thousands of brands (their maps are asked behind filters)', () => {
  const letters = (n: number) =>
    n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + Number.parseInt(d, 26)));
  const extra = Array.from({ length: 1_500 }, (_, i) => {
    const token = `zzq${letters(i)}vy`;
    return {
      id: `extra-${token}`,
      name: token,
      aliases: [token],
      tokens: [token],
      domains: [`${token}.com`],
      careers: [`https://jobs.lever.co/${token}`],
      emailDomains: [`${token}.com`],
      sources: [{ ref: 'test', date: '2026-11-25' }],
    };
  });
  const big = createBrandIndex([...catalog, ...extra]);

  it('still knows every official domain, of the catalog and of the added brands', () => {
    for (const brand of [...catalog, ...extra])
      for (const domain of brand.domains) {
        expect(big.officialBrandOf(domain)?.id, domain).toBe(brand.id);
        expect(big.lookalikesOf(domain), domain).toEqual([]);
      }
    expect(big.officialBrandOf('zzqbvy.net')).toBeUndefined();
  });

  it('judges catalog lookalikes, homoglyphs in capitals included, as the catalog alone does', () => {
    for (const host of [
      'c0inbase.com',
      'xn--cinbase-9ig.com',
      'rnetamask.io',
      'xn--80ak6aa92e.com',
      'coinbase.com.careers-portal.xyz',
      'hr.coin-base.careers-portal.xyz',
      'con.sen-sys.io',
      'careers-coinbase.net',
      'example.org',
    ])
      expect(big.lookalikesOf(host), host).toEqual(index.lookalikesOf(host));
    expect(big.lookalikesOf('zzqbvy.io').map((r) => r.id)).toEqual(['lookalike-tld-swap']);
  });
});

describe('hyphens', () => {
  it('are dropped wherever they stand: one, several, doubled, at either end, in subdomains', () => {
    expect(ids('c-o-i-n-b-a-s-e.com')).toEqual(['lookalike-hyphenation']);
    expect(ids('coin-base-careers.com')).toEqual(['lookalike-combosquat']);
    expect(ids('-coinbase-.xyz')).toEqual(['lookalike-tld-swap']);
    expect(ids('co--inbase.io')).toEqual(['lookalike-tld-swap']);
    expect(ids('hr.coin-base.careers-portal.xyz')).toEqual(['lookalike-brand-subdomain']);
    expect(ids('con.sen-sys.io')).toEqual(['lookalike-split-label']);
  });
});

describe('lookalike kinds', () => {
  it.each([
    [
      'lookalike-typo',
      ['coinbsae.com', 'binnance.com', 'krakem-jobs.com', 'chainalysys.com', 'fireblock.com', 'uniswqp.org'],
    ],
    ['lookalike-homoglyph', ['xn--cinbase-9ig.com', 'xn--binnce-5nf.com', 'c0inbase.com', 'bitf1yer.com']],
    [
      'lookalike-combosquat',
      [
        'careers-coinbase.net',
        'coinbase-careers.com',
        'cryptocom-hr.io',
        'binancejobs.com',
        'krakenhire.com',
        'support-ledger.net',
        'metamask-horse-z3lk.vercel.app',
      ],
    ],
    [
      'lookalike-brand-subdomain',
      [
        'coinbase.com.careers-portal.xyz',
        'kraken.livehiringpro.com',
        'gemini.willoassess.com',
        'bitflyer.jp.login.example.xyz',
      ],
    ],
    ['lookalike-tld-swap', ['coinbase.careers', 'crypto-com.jobs', 'binance.jobs', 'okx.careers']],
    ['lookalike-hyphenation', ['coin-base.com', 'bit-stamp.net']],
  ])('%s', (kind, hosts) => {
    for (const host of hosts) expect(ids(host), host).toContain(kind);
  });

  it('names the brand, the host and the odd character for homoglyphs', () => {
    // "cоinbase" with a Cyrillic о.
    const [reason] = index.lookalikesOf('xn--cinbase-9ig.com');
    expect(reason!.brand).toBe('Coinbase');
    expect(reason!.message).toMatch(/Cyrillic 'о' \(U\+043E\) at position 2/);
    expect(reason!.message).toContain('www.coinbase.com/careers');
  });

  it('flags mixed Latin and Cyrillic on its own', () => {
    expect(ids('xn--pple-43d.com')).toContain('lookalike-mixed-script');
    expect(ids('xn--d1acpjx3f.com')).not.toContain('lookalike-mixed-script');
  });
});

describe('what must stay clean', () => {
  it('never flags an official domain or any subdomain of one', () => {
    for (const brand of catalog) {
      for (const domain of brand.domains) {
        for (const host of [domain, `careers.${domain}`, `a.b.${domain}`])
          expect(index.lookalikesOf(host), host).toEqual([]);
      }
    }
  });

  it.each([
    'cryptocompare.com',
    'kraken.io',
    'gemini.google.com',
    'circle.so',
    'robinhood.org',
    'circleci.com',
    'ripplematch.com',
    'krakenjs.com',
    'ledgerinsights.com',
    'jobs.lever.co',
    'boards.greenhouse.io',
    'github.com',
    'google.com',
    'okta.com',
    'bitcoin.org',
    'ethereum.org',
    'tipple.com',
    'coin.dance',
    'coingecko.com',
    'base.org',
    '127.0.0.1',
    'localhost',
  ])('%s is not a lookalike', (host) => {
    expect(ids(host)).toEqual([]);
  });

  it('a common-word brand counts once the post names it', () => {
    expect(ids('kraken.io')).toEqual([]);
    expect(ids('kraken.io', ['kraken'])).toContain('lookalike-tld-swap');
    expect(ids('circle-careers.net')).toContain('lookalike-combosquat');
  });
});

describe('brand mentions and official pages', () => {
  it('finds aliases in order, in English and Japanese, with word boundaries', () => {
    const names = index
      .brandsMentioned('Join コインベース or Crypto.com; we also love CDC and Kraken')
      .map((b) => b.name);
    expect(names).toEqual(['Coinbase', 'Crypto.com', 'Kraken']);
    expect(index.brandsMentioned('coinbasement binancers').map((b) => b.name)).toEqual([]);
    expect(index.brandsMentioned('let us circle back on the kraken of tasks')).toEqual([]);
  });

  it('knows careers pages and ATS boards by path', () => {
    expect(index.officialJobBrandOf(new URL('https://jobs.lever.co/crypto/123'))?.name).toBe('Crypto.com');
    expect(index.officialJobBrandOf(new URL('https://jobs.lever.co/cryptoscam/123'))).toBeUndefined();
    // With the hostname the caller read already.
    const url = new URL('https://jobs.lever.co/crypto/123');
    expect(index.officialJobBrandOf(url, url.hostname)?.name).toBe('Crypto.com');
    expect(index.officialBrandOf('www.coinbase.com')?.name).toBe('Coinbase');
    expect(index.officialBrandOf('coinbase.com.evil.xyz')).toBeUndefined();
  });
});

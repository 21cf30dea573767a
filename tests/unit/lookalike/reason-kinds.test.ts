import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../../src/core/brands/catalog.ts';
import { createEngine } from '../../../src/core/engine.ts';
import { createBrandIndex } from '../../../src/core/lookalike/brand-index.ts';
import { hasJobLanguage, lureSignals } from '../../../src/core/text/lure-text.ts';

/**
 * Every reason kind with cases of its own (hand-made, not taken from tests/corpus), each with a
 * near miss that must stay quiet.
 */
const index = createBrandIndex(loadBundledCatalog());
const heuristics = createEngine({ indicators: null });
const ascii = (host: string) => new URL(`https://${host}/`).hostname;
const reasons = (host: string, mentioned: string[] = []) =>
  index.lookalikesOf(ascii(host), { mentionedBrandIds: new Set(mentioned) });
const ids = (host: string, mentioned: string[] = []) => reasons(host, mentioned).map((r) => r.id);

describe('typos, one kind at a time', () => {
  it.each([
    ['omission', 'chainlysis.com', 'Chainalysis'],
    ['insertion', 'coinbasse.com', 'Coinbase'],
    ['replacement', 'fireblicks.com', 'Fireblocks'],
    ['transposition', 'binanec.com', 'Binance'],
    ['repetition', 'bitstammp.net', 'Bitstamp'],
    ['vowel swap', 'kucion.com', 'KuCoin'],
    ['vowel swap', 'wintermite.com', 'Wintermute'],
    ['bitsquat (one bit flipped: o -> g)', 'cgincheck.com', 'Coincheck'],
    ['two edits on a long name', 'chainalisys.com', 'Chainalysis'],
  ])('%s: %s is a typo of %s', (_kind, host, brand) => {
    const [reason] = reasons(host);
    expect(reason?.id).toBe('lookalike-typo');
    expect(reason?.brand).toBe(brand);
    expect(reason?.message).toContain(`${host} is not a ${brand} domain`);
  });

  it.each([
    'coinbase.com',
    'chainlink.org',
    'binary.com',
    'bitstream.org',
    'okx.com',
    'olx.com', // one letter from OKX, but short names are not judged by edit distance
    'gale.io',
    'ledge.com', // common-word brand, no context
    'rippling.com',
  ])('%s is not a typo of anything', (host) => {
    expect(ids(host)).toEqual([]);
  });

  it('a common-word brand’s typo counts once the post names the brand', () => {
    expect(ids('krakem.com')).toEqual([]);
    expect(ids('krakem.com', ['kraken'])).toContain('lookalike-typo');
  });
  it.each([
    ['metatask.io', 'metamask'],
    ['metacask.io', 'metamask'],
    ['coinbame.com', 'coinbase'],
    ['krakep.com', 'kraken'],
  ])(
    '%s replaces one letter of “%s” by one that neither neighbours it nor looks like it: no typo',
    (host) => {
      expect(ids(host)).toEqual([]);
    },
  );

  it.each([
    ['a neighbouring key', 'coinbaze.com'],
    ['a neighbouring key on AZERTY', 'coinbqse.com'],
    ['a letter that looks alike', 'binamce.com'],
  ])('a replacement by %s is a typo: %s', (_kind, host) => {
    expect(ids(host)).toEqual(['lookalike-typo']);
  });
});

describe('typos on a suffix the brand never uses', () => {
  const judge = (href: string, text?: string) =>
    heuristics.judge({ ...(text ? { text } : {}), links: [{ href }] }).reasons.map((r) => r.id);

  it('count on the brand’s own suffix with no context at all', () => {
    expect(judge('https://fireblock.com/')).toContain('lookalike-typo');
    expect(judge('https://metmask.io/')).toContain('lookalike-typo');
  });

  it('stay quiet as a bare link ("metamusk.eu" is someone else one letter away)', () => {
    expect(judge('https://fireblock.io/')).toEqual([]);
    expect(judge('https://metamusk.eu/')).toEqual([]);
  });

  it.each([
    ['the brand named in the post', 'https://fireblock.io/', 'Fireblocks would like to talk to you'],
    ['job words in the post', 'https://fireblock.io/', 'We are hiring a senior engineer, details here'],
    ['a risk word in the link’s path', 'https://fireblock.io/careers/apply', undefined],
    ['a risk word in the host', 'https://fireblock-careers.io/', undefined],
  ])('count with %s', (_context, href, text) => {
    expect(judge(href, text).some((id) => id.startsWith('lookalike-'))).toBe(true);
  });
});

describe('homoglyphs and mixed scripts', () => {
  it('calls a plain ASCII label a homoglyph only when it has letters that pass for others', () => {
    // "metarask": r for m is no typo, and no letter in it looks like another.
    expect(ids('metarask.io')).toEqual([]);
    // With a token that has "rn", a plain "m" can stand for it: "tumkcy" reads as "turnkey", one letter off.
    const turnkey = createBrandIndex([
      {
        id: 'turnkey',
        name: 'Turnkey',
        aliases: ['Turnkey'],
        tokens: ['turnkey'],
        domains: ['turnkey.com'],
        careers: [],
        emailDomains: [],
        sources: [{ ref: 'test', date: '2026-11-25' }],
      },
    ]);
    expect(turnkey.lookalikesOf('tumkey.com').map((r) => r.id)).toEqual(['lookalike-homoglyph']);
    expect(turnkey.lookalikesOf('tumkcy.com').map((r) => r.id)).toEqual(['lookalike-homoglyph']);
  });

  it('says which character differs, in the words of issue 3', () => {
    // "coinbаse" with a Cyrillic а in position 6.
    const [reason] = reasons('coinb\u0430se.com');
    expect(reason?.id).toBe('lookalike-homoglyph');
    expect(reason?.message).toContain("Cyrillic 'а' (U+0430) at position 6");
    expect(ascii('coinb\u0430se.com')).toMatch(/^xn--/);
  });

  it('names "rn" posing as "m"', () => {
    expect(reasons('rnoonpay.com')[0]?.message).toContain("the letters 'rn', which look like 'm'");
  });

  it.each([
    ['ASCII digits', 'b1nance.com'],
    ['Greek omicron in a combo', 'c\u03bfinbase-careers.com'],
    ['rn for m', 'rnoonpay.com'],
    ['homoglyph plus a typo', 'c\u043einbse.com'],
    ['a glyph with no ASCII prototype', 'bi\u01abget.com'],
    ['all-Cyrillic, read in capitals', '\u050d\u0430\u0442\u0435.io'],
    ['inside an IDN', 'kr\u0430ken-\u65e5\u672c.com'],
  ])('%s: %s', (_what, host) => {
    expect(ids(host)).toContain('lookalike-homoglyph');
  });

  it('flags Latin mixed with Cyrillic, and leaves single-script and CJK names alone', () => {
    expect(ids('p\u0430yp\u0430l-hr.com')).toContain('lookalike-mixed-script');
    for (const host of [
      'bücher.de',
      'münchen.de',
      'пример.рф',
      '例子.中国',
      'ソニー.jp',
      'xn--d1acpjx3f.com',
      'krakenbücher.de', // a common word written plainly beside non-ASCII letters
      'crypto日本.com',
    ])
      expect(ids(host), host).toEqual([]);
  });
});

describe('combosquats, subdomains, TLD swaps, hyphens and split names', () => {
  it.each([
    ['lookalike-combosquat', 'coinbase-careers.com'],
    ['lookalike-combosquat', 'hiring-bitget.net'],
    ['lookalike-combosquat', 'paxosvideointerviewassesment.com'],
    ['lookalike-combosquat', 'ledger-hr.com'],
    ['lookalike-brand-subdomain', 'coinbase.com.careers-portal.xyz'],
    ['lookalike-brand-subdomain', 'kraken.livehiringpro.com'],
    ['lookalike-combosquat', 'bitget-hr.netlify.app'],
    ['lookalike-brand-subdomain', 'bitget.talent-hub.net'],
    ['lookalike-tld-swap', 'coinbase.careers'],
    ['lookalike-tld-swap', 'crypto-com.jobs'],
    ['lookalike-tld-swap', 'gemini.jobs'],
    ['lookalike-hyphenation', 'bit-flyer.com'],
    ['lookalike-hyphenation', 'uni-swap.org'],
    ['lookalike-split-label', 'con.sensys.io'],
    ['lookalike-split-label', 'axie.infinity.com'],
  ])('%s: %s', (kind, host) => {
    expect(ids(host)).toContain(kind);
  });

  it.each([
    'coinbasement.com', // the token inside another word
    'cryptocompare.com',
    'crypto.jobs', // a job board: "crypto" alone is not Crypto.com
    'blockchain-careers.com',
    'gate-careers.io',
    'kraken.io',
    'circle.so',
    'gemini.google.com',
    'robinhood.org',
    'ledgerwall.com', // common word plus a word that is no recruiting word
    'uniswap.eth', // not a DNS name a browser resolves
    'www.coinbase.com',
    'careers.kraken.com',
  ])('%s stays clean', (host) => {
    expect(ids(host)).toEqual([]);
  });

  it('a generic official label ("crypto" of crypto.com) counts only when the post names the brand', () => {
    expect(ids('crypto-careers.com')).toEqual([]);
    expect(ids('crypto-careers.com', ['crypto-com'])).toContain('lookalike-combosquat');
  });
});

describe('links, redirects and shorteners in a judgement', () => {
  const enc = encodeURIComponent;

  it.each([
    ['Google /url?q=', (t: string) => `https://www.google.com/url?q=${enc(t)}&sa=D`],
    ['Facebook l.php', (t: string) => `https://l.facebook.com/l.php?u=${enc(t)}&h=AT1`],
    ['old Reddit out.reddit.com', (t: string) => `https://out.reddit.com/t3_x?url=${enc(t)}&token=y`],
  ])('unwraps %s and keeps the chain in the reason', (_name, wrap) => {
    const target = 'https://careers-coinbase.net/apply';
    const reason = heuristics
      .judge({ links: [{ href: wrap(target) }] })
      .reasons.find((r) => r.id === 'lookalike-combosquat');
    expect(reason?.chain).toEqual([new URL(wrap(target)).href, target]);
  });

  it('follows three hops at most and keeps all four addresses', () => {
    let href = 'https://careers-coinbase.net/apply';
    for (let i = 0; i < 3; i++) href = `https://www.google.com/url?q=${enc(href)}`;
    const reason = heuristics.judge({ links: [{ href }] }).reasons.find((r) => r.id.startsWith('lookalike-'));
    expect(reason?.chain).toHaveLength(4);
    // A fourth wrapper is not followed: the last hop is still Google's, so no lookalike is seen.
    const tooDeep = `https://www.google.com/url?q=${enc(href)}`;
    expect(heuristics.judge({ links: [{ href: tooDeep }] }).reasons).toEqual([]);
  });

  it('a short link explains a warning but never raises one alone; its home page is no short link', () => {
    const lure = {
      text: 'Coinbase recruiter here. Download the job description and run the coding test today.',
      links: [{ href: 'https://bit.ly/3xYzAbC' }, { href: 'https://coinbase-careers.com/jd' }],
    };
    expect(heuristics.judge(lure).reasons.map((r) => r.id)).toContain('link-destination-hidden');
    expect(heuristics.judge({ links: [{ href: 'https://bit.ly/3xYzAbC' }] })).toEqual({
      verdict: 'clean',
      reasons: [],
    });
    expect(
      heuristics.judge({ text: 'We are hiring!', links: [{ href: 'https://lnkd.in/eXmPl3' }] }).verdict,
    ).toBe('clean');
    expect(heuristics.judge({ links: [{ href: 'https://bit.ly/' }] }).reasons).toEqual([]);
  });

  it('reads a company domain at the end of a path as a host, not as a DOS .com program', () => {
    const judge = (href: string) => heuristics.judge({ text: 'Kraken is hiring', links: [{ href }] });
    expect(judge('https://jobs.ashbyhq.com/kraken.com').verdict).toBe('clean');
    expect(judge('https://talent-share.net/files/Kraken_JD.pdf.com').reasons.map((r) => r.id)).toContain(
      'file-double-extension',
    );
  });

  it('flags link text that names another host, and not text that matches', () => {
    const ids = (text: string, href: string) =>
      heuristics.judge({ links: [{ href, text }] }).reasons.map((r) => r.id);
    expect(ids('www.coinbase.com/careers', 'https://talent-docs.net/jd')).toContain('link-text-mismatch');
    expect(ids('www.coinbase.com/careers', 'https://www.coinbase.com/careers/123')).toEqual([]);
  });

  it('a PDF on a lookalike host is dangerous in a post naming the brand', () => {
    const result = heuristics.judge({
      text: 'Kraken is hiring. The job description is attached.',
      attachments: [{ name: 'Kraken_JD.pdf', href: 'https://kraken.livehiringpro.com/Kraken_JD.pdf' }],
    });
    expect(result.verdict).toBe('dangerous');
    expect(result.reasons.map((r) => r.id)).toContain('lookalike-brand-subdomain');
  });

  it.each([
    'https://mega.nz/file/AbCd#key',
    'https://we.tl/t-AbCdEf/JD.pdf',
    'https://onedrive.live.com/download?cid=1&resid=2/Job%20Description.pdf',
    'https://acme.notion.site/Job-Description.pdf',
  ])('a job document on a sharing host: %s', (href) => {
    const result = heuristics.judge({ attachments: [{ name: 'Job Description.pdf', href }] });
    expect(result.reasons.map((r) => r.id)).toContain('file-on-sharing-host');
  });
});

describe('Japanese lure text, each red flag', () => {
  it.each([
    ['download-jd', '求人票を添付しましたので、ダウンロードしてください。'],
    ['run-code', 'コードをクローンして実行してください。'],
    ['video-fix', 'マイクのドライバを更新してください。'],
    ['off-platform', '個人のメールアドレスに履歴書を送ってください。'],
    ['connect-wallet', 'ウォレットを接続してデモを確認してください。'],
    ['pay-fee', '登録料のお支払いをお願いします。'],
    ['high-pay', '月給300万円を保証します。'],
    ['urgency', '本日中にご返信ください。'],
  ])('%s: %s', (flag, text) => {
    expect(lureSignals(text).map((s) => s.flag)).toContain(flag);
  });

  it('ordinary Japanese job wording raises none of them', () => {
    const post =
      '採用情報：バックエンドエンジニアを募集しています。年収800万円〜1200万円。応募は公式サイトから。';
    expect(hasJobLanguage(post)).toBe(true);
    expect(lureSignals(post)).toEqual([]);
  });
});

describe('hostile hosts', () => {
  it('never throws on any string or any domain, Unicode included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.domain(), fc.string({ unit: 'grapheme' })),
        (host) => Array.isArray(index.lookalikesOf(host)),
      ),
      { numRuns: 3_000 },
    );
  });
});

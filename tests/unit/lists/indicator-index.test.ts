import { describe, expect, it } from 'vitest';
import { buildIndicatorIndex } from '../../../src/core/lists/indicator-index.ts';
import type { Indicator, IndicatorPayload } from '../../../src/core/lists/indicator-payload.ts';

const common = { severity: 'dangerous' as const, note: '', source: 'test' };

function index(indicators: Indicator[]) {
  const payload: IndicatorPayload = {
    schema: 1,
    feedId: 'acme',
    version: 1,
    issuedAt: '2026-11-24T00:00:00Z',
    expiresAt: '2026-12-24T00:00:00Z',
    indicators,
    brands: [],
    allowlist: [],
  };
  return buildIndicatorIndex([{ feedId: 'acme', payload }], new Date('2026-11-25T00:00:00Z'));
}

const ids = (hits: Array<{ indicator: Indicator }>) => hits.map((h) => h.indicator.id);

describe('indicator index lookups', () => {
  const idx = index([
    { ...common, id: 'd-sub', kind: 'domain', value: 'careers-portal.xyz', includeSubdomains: true },
    { ...common, id: 'd-exact', kind: 'domain', value: 'jobs.example.com', includeSubdomains: false },
    { ...common, id: 'u-prefix', kind: 'url', value: 'https://github.com/evil-org/', match: 'prefix' },
    { ...common, id: 'u-deep', kind: 'url', value: 'https://github.com/evil-org/task/src', match: 'prefix' },
    { ...common, id: 'u-exact', kind: 'url', value: 'https://drive.example.net/f/1?id=7', match: 'exact' },
  ]);

  it('match a listed domain and its subdomains, host first, whatever the case or trailing dots', () => {
    expect(ids(idx.matchHost('careers-portal.xyz'))).toEqual(['d-sub']);
    expect(ids(idx.matchHost('Apply.Careers-Portal.XYZ..'))).toEqual(['d-sub']);
    expect(idx.matchHost('apply.careers-portal.xyz')[0]?.matched).toBe('apply.careers-portal.xyz');
    expect(ids(idx.matchHost('careers-portal.xyz.evil.com'))).toEqual([]);
    expect(ids(idx.matchHost('notcareers-portal.xyz'))).toEqual([]);
  });

  it('match a domain without subdomains only as written', () => {
    expect(ids(idx.matchHost('jobs.example.com'))).toEqual(['d-exact']);
    expect(ids(idx.matchHost('www.jobs.example.com'))).toEqual([]);
  });

  it('match URL prefixes on path-segment boundaries, longest first, after exact URLs', () => {
    const url = (href: string) => ids(idx.matchUrl(new URL(href)));
    expect(url('https://github.com/evil-org')).toEqual(['u-prefix']);
    expect(url('https://github.com/evil-org/task/src/index.js')).toEqual(['u-deep', 'u-prefix']);
    expect(url('https://github.com/evil-org//')).toEqual(['u-prefix']);
    expect(url('https://github.com/evil-organisation')).toEqual([]);
    expect(url('https://github.com/')).toEqual([]);
    expect(url('https://drive.example.net/f/1?id=7')).toEqual(['u-exact']);
    expect(url('https://drive.example.net/f/1/?id=7')).toEqual(['u-exact']);
    expect(url('https://drive.example.net/f/1?id=8')).toEqual([]);
    expect(url('https://x.careers-portal.xyz/a/b?c')).toEqual(['d-sub']);
  });

  it('match a URL the same with its lower-case hostname passed in, host and URL hits alike', () => {
    for (const href of [
      'https://github.com/evil-org/task/src/index.js',
      'https://x.careers-portal.xyz/github.com/evil-org',
      'https://drive.example.net/f/1?id=7',
      'https://example.org/',
      'https://GitHub.COM/evil-org/task',
      'https://X.Careers-Portal.XYZ/',
    ]) {
      const url = new URL(href);
      expect(idx.matchUrl(url, url.hostname), href).toEqual(idx.matchUrl(url));
    }
  });

  it('share one empty result that no caller can add to, and still build fresh lists of hits', () => {
    const none = idx.matchUrl(new URL('https://example.org/'));
    expect(none).toEqual([]);
    expect(() => none.push(idx.matchHost('careers-portal.xyz')[0]!)).toThrow(TypeError);
    expect(idx.matchHost('example.org')).toEqual([]);
    const hits = idx.matchUrl(new URL('https://github.com/evil-org/task/src'));
    hits.length = 0;
    expect(ids(idx.matchUrl(new URL('https://github.com/evil-org/task/src')))).toEqual([
      'u-deep',
      'u-prefix',
    ]);
  });

  it('match URLs by host alone when no URL is listed, and every listed parent of a deep host', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const parents = labels.map((_, i) => `${labels.slice(i).join('.')}.example.org`);
    const deep = index(
      parents.map((value, i) => ({ ...common, id: `p${i}`, kind: 'domain', value, includeSubdomains: true })),
    );
    expect(ids(deep.matchUrl(new URL(`https://${parents[0]}/jd/1?x=2`)))).toEqual(
      parents.map((_, i) => `p${i}`),
    );
    expect(ids(deep.matchUrl(new URL(`https://www.${parents[39]}/`)))).toEqual(['p39']);
    expect(ids(deep.matchUrl(new URL('https://example.org/l39')))).toEqual([]);
  });

  it('skip host keys longer than any listed domain may be', () => {
    const long = `${'a.'.repeat(200)}careers-portal.xyz`;
    expect(ids(idx.matchHost(long))).toEqual(['d-sub']);
    expect(ids(idx.matchHost(`${'a'.repeat(300)}.careers-portal.xyz`))).toEqual(['d-sub']);
  });
});

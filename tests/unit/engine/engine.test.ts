import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import type { Candidate } from '../../../src/core/types.ts';

const heuristics = createEngine({ indicators: null });
const withDefaultList = createEngine();

const ids = (candidate: Candidate, engine = heuristics) => engine.judge(candidate).reasons.map((r) => r.id);
const verdict = (candidate: Candidate, engine = heuristics) => engine.judge(candidate).verdict;
const li = (target: string) =>
  `https://www.linkedin.com/safety/go/?url=${encodeURIComponent(target)}&trk=flagship`;

describe('combining signals', () => {
  it('a lookalike alone is suspicious, and dangerous in a post about a job', () => {
    expect(verdict({ links: [{ href: 'https://careers-coinbase.net/' }] })).toBe('suspicious');
    expect(
      verdict({
        text: 'Coinbase is hiring a Staff Engineer. Apply below.',
        links: [{ href: 'https://careers-coinbase.net/' }],
      }),
    ).toBe('dangerous');
  });

  it('a lookalike behind LinkedIn’s redirector keeps the chain and names brand and host', () => {
    const result = heuristics.judge({ links: [{ href: li('https://coinbase-careers.com/apply') }] });
    const reason = result.reasons.find((r) => r.id.startsWith('lookalike-'))!;
    expect(reason.brand).toBe('Coinbase');
    expect(reason.message).toContain('coinbase-careers.com');
    expect(reason.chain?.length).toBe(2);
  });

  it('every verdict owns its reasons: changing one verdict leaves the next alone', () => {
    const clean = heuristics.judge({ links: [{ href: 'https://example.org/' }] });
    expect(clean.reasons).toEqual([]);
    clean.reasons.push({ id: 'x', level: 'dangerous', message: 'x' });
    const flagged = heuristics.judge({ links: [{ href: 'https://careers-coinbase.net/' }] });
    flagged.reasons.length = 0;
    expect(heuristics.judge({ links: [{ href: 'https://example.org/' }] }).reasons).toEqual([]);
    expect(ids({ links: [{ href: 'https://careers-coinbase.net/' }] })).toEqual(['lookalike-combosquat']);
  });

  it('the same evidence twice is one reason, for a few reasons and for many', () => {
    const link = { href: 'https://careers-coinbase.net/' };
    const once = heuristics.judge({ links: [link] });
    expect(once.reasons.length).toBeGreaterThan(0);
    expect(heuristics.judge({ links: [link, link, link] })).toEqual(once);
    expect(heuristics.judge({ links: Array.from({ length: 40 }, () => link) })).toEqual(once);
    const hosts = Array.from({ length: 20 }, (_, i) => ({ href: `https://careers-coinbase-${i}.net/` }));
    const many = heuristics.judge({ links: [...hosts, ...hosts] });
    expect(new Set(many.reasons.map((r) => r.message)).size).toBe(many.reasons.length);
    expect(many.reasons.length).toBe(heuristics.judge({ links: hosts }).reasons.length);
    expect(many.reasons.length).toBeGreaterThanOrEqual(20);
  });

  it('a clean job post from the real careers site stays clean', () => {
    const result = heuristics.judge({
      text: 'Engineering Manager, Product Security\nCoinbase\nAt Coinbase our mission is to increase economic freedom.',
      links: [{ href: li('https://www.coinbase.com/careers/positions/7012345'), text: 'Apply' }],
      pageUrl: 'https://www.linkedin.com/jobs/view/4101000002/',
    });
    expect(result).toEqual({ verdict: 'clean', reasons: [] });
  });

  it('a post naming a brand that sends its job description to another host is dangerous', () => {
    const result = heuristics.judge({
      text: 'Coinbase — Engineering Manager. Read the job description before the interview.',
      links: [{ href: 'https://talentdocs-share.net/files/Coinbase_JD.pdf', text: 'Job description (PDF)' }],
    });
    expect(result.verdict).toBe('dangerous');
    expect(result.reasons[0]!.id).toBe('job-link-off-brand-document');
    expect(result.reasons[0]!.message).toMatch(/Coinbase.*talentdocs-share\.net/);
  });

  it('a news link in a post that names a brand is not a job link', () => {
    expect(
      verdict({
        text: 'Coinbase reported quarterly results today.',
        links: [{ href: 'https://www.reuters.com/markets/coinbase-results', text: 'Reuters' }],
      }),
    ).toBe('clean');
  });

  it('an exact indicator hit is dangerous, with its source', () => {
    const result = withDefaultList.judge({ links: [{ href: 'https://coinbase-walet.biz/' }] });
    expect(result.verdict).toBe('dangerous');
    const hit = result.reasons.find((r) => r.id.startsWith('indicator-'))!;
    expect(hit.source).toBeTruthy();
  });

  it('a disguised executable attachment is dangerous on its own', () => {
    expect(verdict({ attachments: [{ name: 'Coinbase_JD.pdf.app' }] })).toBe('dangerous');
    expect(ids({ attachments: [{ name: 'Coinbase_JD.pdf.app' }] })).toContain('file-double-extension');
    expect(verdict({ attachments: [{ name: 'Coinbase_JD.pdf' }] })).toBe('clean');
  });

  it('recruiter-lure text needs job language and a real red flag', () => {
    const lure =
      'Hi! I am a recruiter at Coinbase. For the next interview step please clone our repo and run npm install, then npm start, and share your screen.';
    expect(ids({ text: lure })).toContain('lure-run-code');
    expect(verdict({ text: 'I ran npm install on my laptop today and it was slow.' })).toBe('clean');
  });

  it('orders reasons worst first and never repeats one', () => {
    const result = heuristics.judge({
      text: 'Coinbase is hiring. Download the JD.',
      links: [
        { href: 'https://coinbase-careers.com/jd.pdf.exe', text: 'JD' },
        { href: 'https://coinbase-careers.com/jd.pdf.exe', text: 'JD' },
      ],
    });
    const keys = result.reasons.map((r) => `${r.id}|${r.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ranks = result.reasons.map((r) => (r.level === 'dangerous' ? 0 : 1));
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('policy allowlisted hosts are never flagged', () => {
    const allowing = createEngine({ indicators: null, allowHosts: ['coinbase-careers.com'] });
    expect(verdict({ links: [{ href: 'https://jobs.coinbase-careers.com/' }] }, allowing)).toBe('clean');
    expect(verdict({ links: [{ href: 'https://jobs.coinbase-careers.com/' }] })).not.toBe('clean');
  });
});

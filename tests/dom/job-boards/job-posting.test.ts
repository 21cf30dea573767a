import { describe, expect, it } from 'vitest';
import { scopedDocument } from '../../../src/content/scoped-document.ts';
import { jobPostingsIn } from '../../../src/extract/json-ld.ts';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { loadFixture } from '../../fixtures/load-fixture.ts';

function extract(file: string, url: string) {
  return extractPage(loadFixture(`job-boards/${file}`, url), new URL(url));
}

describe('crypto job boards', () => {
  it('cryptojobslist: JSON-LD organization and URLs beside the description and apply button', () => {
    const url = 'https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote';
    const [record, ...rest] = extract('cryptojobslist-fake.html', url);
    expect(rest).toEqual([]);
    expect(record!.key).toBe('job-board:cryptojobslist.com:senior-security-engineer-coinbase-remote');
    expect(record!.candidate.text).toContain('Hiring organization: Coinbase');
    expect(record!.candidate.links?.map((l) => l.href)).toEqual([
      'https://coinbase-talent.com/apply/senior-security-engineer?ref=cryptojobslist',
      'https://coinbase-talent.com/apply/senior-security-engineer',
      'https://coinbase-talent.com',
    ]);
    // Only the apply button is on the page; the JSON-LD addresses have no element to mark.
    expect(record!.targets).toHaveLength(1);
    expect(JSON.stringify(record!.candidate)).not.toContain('Backend Engineer · Kraken');
  });

  it('web3.career: JSON-LD in the body, apply link to the ATS', () => {
    const url = 'https://web3.career/backend-engineer-kraken/84211';
    const [record] = extract('web3career-genuine.html', url);
    expect(record!.key).toBe('job-board:web3.career:84211');
    expect(record!.candidate.links?.[0]?.href).toBe(
      'https://jobs.ashbyhq.com/kraken.com/8a1f4c2e-placeholder/application',
    );
    expect(JSON.stringify(record!.candidate)).not.toContain('Solidity Developer');
  });

  it('wellfound: JobPosting inside an @graph, HTML-escaped description', () => {
    const url = 'https://wellfound.com/jobs/3012345-senior-protocol-engineer';
    const [record] = extract('wellfound-genuine.html', url);
    expect(record!.key).toBe('job-board:wellfound.com:3012345');
    expect(record!.candidate.text).toContain('Hiring organization: Ripple');
    expect(record!.candidate.links?.map((l) => l.href)).toEqual([
      'https://ripple.com/careers/',
      'https://ripple.com',
    ]);
  });

  it('reads the posting again when its JSON-LD changes (a router rewrites the head last), not for other changes', () => {
    const url = 'https://wellfound.com/jobs/3012345-senior-protocol-engineer';
    const doc = loadFixture('job-boards/wellfound-genuine.html', url);
    const ld = doc.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = JSON.stringify({
      '@type': 'JobPosting',
      hiringOrganization: { name: 'Kraken', sameAs: 'https://kraken-careers.io' },
    });
    doc.querySelector('script[type="application/ld+json"]')!.replaceWith(ld);
    const [record, ...rest] = extractPage(scopedDocument(doc, [ld]), new URL(url));
    expect(rest).toEqual([]);
    expect(record!.candidate.text).toContain('Hiring organization: Kraken');
    expect(record!.candidate.links?.map((l) => l.href)).toContain('https://kraken-careers.io');
    const similar = doc.querySelector('section')!;
    expect(extractPage(scopedDocument(doc, [similar]), new URL(url))).toEqual([]);
  });

  it('reads a posting URL that shows no posting with the generic adapter, whole and changed', () => {
    const url = new URL('https://web3.career/backend-engineer-kraken/84211');
    const doc = new DOMParser().parseFromString(
      '<html><body><main><h1>Backend Engineer</h1><p>Kraken is hiring. Apply at <a href="https://kraken-jobs.net/apply">kraken-jobs.net</a></p></main></body></html>',
      'text/html',
    );
    expect(extractPage(doc, url).map((r) => r.key)).toEqual([
      'generic:/backend-engineer-kraken/84211#Backend Engineer',
    ]);
    const added = doc.createElement('p');
    added.textContent = 'Interviews start next week.';
    doc.querySelector('main')!.append(added);
    expect(extractPage(scopedDocument(doc, [added]), url).map((r) => r.key)).toEqual([
      'generic:/backend-engineer-kraken/84211#Backend Engineer',
    ]);
  });

  it('falls back to the generic adapter on a board page that is not a posting', () => {
    const url = 'https://web3.career/remote-jobs';
    const records = extract('web3career-genuine.html', url);
    expect(records).toHaveLength(1);
    expect(records[0]!.key).toMatch(/^generic:\/remote-jobs#/);
  });
});

describe('JSON-LD on a hostile page', () => {
  function docWith(...scripts: string[]): Document {
    const html = scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join('');
    return new DOMParser().parseFromString(`<html><head>${html}</head><body></body></html>`, 'text/html');
  }

  it('skips broken JSON, wrong types and oversized scripts, and keeps the good posting', () => {
    const good = JSON.stringify({
      '@type': 'JobPosting',
      title: 'T',
      hiringOrganization: { name: 'Kraken', sameAs: ['https://www.kraken.com', 42, 'javascript:alert(1)'] },
      url: 'https://jobs.ashbyhq.com/kraken.com/1',
    });
    const doc = docWith(
      '{not json',
      JSON.stringify({ '@type': 'JobPosting', title: 7, hiringOrganization: 'X', description: { html: 1 } }),
      JSON.stringify({ '@type': 'Organization', name: 'Nope' }),
      JSON.stringify({ '@type': 'JobPosting', title: 'x'.repeat(250_000) }),
      'null',
      good,
    );
    const postings = jobPostingsIn(doc);
    expect(postings.map((p) => p.organization)).toEqual(['X', 'Kraken']);
    expect(postings[1]!.urls).toEqual(['https://jobs.ashbyhq.com/kraken.com/1', 'https://www.kraken.com']);
  });

  it('does not parse the description as HTML', () => {
    const doc = docWith(
      JSON.stringify({
        '@type': ['JobPosting'],
        description: '<img src=x onerror=alert(1)>Hello &amp; welcome',
      }),
    );
    expect(jobPostingsIn(doc)[0]!.description).toBe('Hello & welcome');
  });
});

describe('generic fallback', () => {
  function page(body: string): Document {
    return new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
  }
  const url = new URL('https://careers.example.org/openings');

  it('reads main content that talks about a job, keyed by its heading', () => {
    const doc = page(
      '<nav><a href="/">Home</a></nav><main><h1>Senior Rust Engineer</h1><p>We are hiring. Apply at <a href="https://kraken-jobs.net/apply">kraken-jobs.net</a></p></main>',
    );
    const records = extractPage(doc, url);
    expect(records.map((r) => r.key)).toEqual(['generic:/openings#Senior Rust Engineer']);
    expect(records[0]!.candidate.links?.map((l) => l.href)).toEqual(['https://kraken-jobs.net/apply']);
    expect(records[0]!.candidate.text).not.toContain('Home');
  });

  it('prefers articles to the whole main, and ignores pages without job words', () => {
    const doc = page(
      '<main><article id="post-1"><p>We are hiring a recruiter.</p></article><article id="post-2"><p>Release notes.</p></article></main>',
    );
    expect(extractPage(doc, url).map((r) => r.key)).toEqual(['generic:/openings#post-1']);
    expect(extractPage(page('<main><p>Weather today: sunny.</p></main>'), url)).toEqual([]);
  });
});

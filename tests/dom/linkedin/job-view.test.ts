import { describe, expect, it } from 'vitest';
import {
  extractLinkedInJobView,
  isLinkedInJobPage,
  linkedInJobIdFromUrl,
} from '../../../src/extract/linkedin/job-view.ts';
import { linkedInJobView, wrap } from '../../e2e/linkedin-fixtures.ts';

const FILL = {
  jobId: '4101000009',
  applyHref: wrap.safetyGo('https://www.coinbase.com/careers/positions/7012345'),
  jdHref: wrap.redir('https://talentdocs-share.net/files/JD.pdf'),
  jdText: 'Read the description:',
  jdLinkText: 'JD.pdf',
};

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('LinkedIn job-view routes', () => {
  it.each([
    ['https://www.linkedin.com/jobs/view/4101000009/', '4101000009'],
    [
      'https://www.linkedin.com/jobs/view/engineering-manager-at-coinbase-4101000009?trk=public',
      '4101000009',
    ],
    ['https://www.linkedin.com/jobs/search/?currentJobId=4101000009&keywords=security', '4101000009'],
    ['https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4101000009', '4101000009'],
  ])('%s has job id %s', (url, id) => {
    expect(linkedInJobIdFromUrl(new URL(url))).toBe(id);
    expect(isLinkedInJobPage(new URL(url))).toBe(true);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/jobs/',
    'https://www.linkedin.com/jobs/search/?currentJobId=abc',
    'https://www.linkedin.com.evil.example/jobs/view/4101000009/',
  ])('%s is not a job view', (url) => {
    expect(isLinkedInJobPage(new URL(url))).toBe(false);
  });
});

describe.each(['sdui', 'classic'] as const)('LinkedIn job view extraction (%s layout)', (layout) => {
  const url = new URL(`https://www.linkedin.com/jobs/view/${FILL.jobId}/`);

  it('reads title, company, description and links, not the About-the-company decoy', () => {
    const doc = load(linkedInJobView(layout, FILL));
    const records = extractLinkedInJobView(doc, url);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.key).toBe(`linkedin-job:${FILL.jobId}`);
    const text = record!.candidate.text ?? '';
    expect(text).toContain('Engineering Manager, Product Security');
    expect(text).toContain('Coinbase');
    expect(text).toContain('Product Security team');
    expect(text).not.toContain('building the cryptoeconomy');
    const hrefs = record!.candidate.links!.map((l) => l.href);
    expect(hrefs).toContain(FILL.applyHref);
    expect(hrefs).toContain(FILL.jdHref);
    expect(hrefs.some((h) => h.includes('base.org'))).toBe(false);
    expect(record!.candidate.pageUrl).toBe(url.href);
    expect(record!.targets).toHaveLength(hrefs.length);
  });

  it('returns nothing while the pane still shows another job (stale-pane guard)', () => {
    const doc = load(linkedInJobView(layout, FILL));
    const other = new URL('https://www.linkedin.com/jobs/search/?currentJobId=4101000010');
    expect(extractLinkedInJobView(doc, other)).toEqual([]);
  });
});

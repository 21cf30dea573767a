import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/linkedin');

export interface JobViewFill {
  jobId: string;
  applyHref: string;
  jdHref: string;
  jdText: string;
  jdLinkText: string;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A LinkedIn job view in one of the two live layouts, with the given links. */
export function linkedInJobView(layout: 'sdui' | 'classic', fill: JobViewFill): string {
  const template = readFileSync(resolve(FIXTURES, `job-view-${layout}.template.html`), 'utf8');
  return template
    .replace(/<!--[\s\S]*?-->/, '')
    .replaceAll('{{JOB_ID}}', fill.jobId)
    .replaceAll('{{APPLY_HREF}}', escapeHtml(fill.applyHref))
    .replaceAll('{{JD_HREF}}', escapeHtml(fill.jdHref))
    .replaceAll('{{JD_TEXT}}', escapeHtml(fill.jdText))
    .replaceAll('{{JD_LINK_TEXT}}', escapeHtml(fill.jdLinkText));
}

/** LinkedIn's outbound-link wrappers, as they appear in hrefs. */
export const wrap = {
  safetyGo: (target: string) =>
    `https://www.linkedin.com/safety/go/?url=${encodeURIComponent(target)}&trk=flagship-messaging-web&messageThreadUrn=urn%3Ali%3AmessagingThread%3A2-placeholder`,
  redir: (target: string) =>
    `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(target)}&urlhash=Xk3q&trk=public_jobs_topcard_apply`,
};

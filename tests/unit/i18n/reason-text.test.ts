import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import { checkDocument } from '../../../src/core/reports/document-check.ts';
import type { Reason } from '../../../src/core/types.ts';
import { JAPANESE_REASON_IDS, reasonText } from '../../../src/ui/i18n/reason-text.ts';
import * as fileBytes from '../reports/file-bytes.ts';

/**
 * Page warnings in Japanese: each reason the engine writes in English is said again in Japanese
 * from its id and fields, naming the same brand, host and file; what cannot be said is left English.
 */

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const withDefaultList = createEngine();

/** A fake Coinbase recruiter that trips most reasons at once. */
const lurePost = withDefaultList.judge({
  text:
    'Hi! Coinbase is hiring a Senior Engineer, salary $450k. Please download the job description and ' +
    'run npm install for the coding test before our call. Let’s move to Telegram. A small $50 fee ' +
    'covers the background check; reply within 24 hours. Reach me at coinbase.hr.team@gmail.com',
  links: [
    { href: 'https://coinbase-careers.com/apply', text: 'Apply' },
    { href: 'https://www.linkedin.com/safety/go?url=https%3A%2F%2Fbit.ly%2F3xYzAbC', text: 'bit.ly/3xYzAbC' },
    { href: 'https://talent-hub.xyz/jobs/7012345', text: 'www.coinbase.com/careers' },
    { href: 'https://drive.google.com/file/d/1AbCdEf/view', text: 'Coinbase_JD.pdf' },
    { href: 'https://coinbаse.com/careers', text: 'Careers' },
    { href: 'https://coinbase.careers/jobs', text: 'Jobs' },
  ],
  attachments: [
    { name: 'Coinbase_JD.pdf.exe' },
    { name: 'Role_Overview\u202Efdp.scr' },
    { name: 'Assessment.zip' },
    { name: 'ZoomInstaller.pkg', href: 'https://zoom-meetings.app/ZoomInstaller.pkg' },
  ],
  pageUrl: 'https://www.linkedin.com/messaging/thread/2-abc/',
});

async function contentReasons(): Promise<Reason[]> {
  const checks = await Promise.all([
    checkDocument(fileBytes.machO64(), { name: 'Coinbase_JD.pdf' }, null),
    checkDocument(
      fileBytes.text('<!DOCTYPE html><html><body>Sign in</body></html>'),
      { name: 'Role.pdf' },
      null,
    ),
    checkDocument(fileBytes.zip([{ name: 'JD/setup.exe' }]), { name: 'Role.zip' }, null),
    checkDocument(fileBytes.lnk(), { name: 'Brief.pdf' }, null),
  ]);
  return checks.flatMap((c) => c.reasons as Reason[]);
}

describe('reason text', () => {
  it('says every reason of a fake recruiter message in Japanese, naming the same brand, host and file', async () => {
    const reasons = [...lurePost.reasons, ...(await contentReasons())];
    const ids = new Set(reasons.map((r) => r.id));
    // The sample reaches each family of reasons, so the loop below is not vacuous.
    for (const prefix of [
      'lookalike-',
      'link-',
      'job-link-',
      'lure-',
      'file-',
      'file-content-',
      'recruiter-',
    ]) {
      expect(
        [...ids].some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    for (const reason of reasons) {
      const ja = reasonText(reason, 'ja');
      expect(ja, reason.id).not.toBe(reason.message);
      expect(ja, reason.id).toMatch(JAPANESE);
      if (reason.brand && !reason.id.startsWith('lure-')) expect(ja, reason.id).toContain(reason.brand);
      if (reason.host && reason.id !== 'link-text-mismatch') expect(ja, reason.id).toContain(reason.host);
      if (reason.evidence) expect(ja, reason.id).toContain(reason.evidence);
    }
  });

  it('says an indicator hit in Japanese, with the listed value and its source', () => {
    const verdict = withDefaultList.judge({
      text: 'Here is the brief for the role.',
      links: [{ href: 'https://app.freebling.io/invite' }],
      attachments: [{ name: 'Requirement.pdf' }],
    });
    const hits = verdict.reasons.filter((r) => r.id.startsWith('indicator-'));
    expect(hits.map((r) => r.id).sort()).toEqual(['indicator-domain', 'indicator-filename']);
    for (const reason of hits) {
      const ja = reasonText(reason, 'ja');
      expect(ja).toContain('リクルート詐欺との関連が報告されています');
      expect(ja).toContain(reason.evidence!);
      expect(ja).toContain(`出典: ${reason.source}`);
    }
  });

  it('shows invisible and bidi characters of a file name as code points, so the sentence cannot be reordered', () => {
    const reason = lurePost.reasons.find((r) => r.id === 'file-invisible-char');
    expect(reason).toBeDefined();
    const ja = reasonText(reason!, 'ja');
    expect(ja).toContain('[U+202E]');
    expect(ja).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
  });

  it('keeps the English sentence for English, for an unknown id, and when a needed field is missing', () => {
    const known = lurePost.reasons[0]!;
    expect(reasonText(known, 'en')).toBe(known.message);
    expect(reasonText({ id: 'lookalike-future-kind', message: 'English only.', host: 'x.com' }, 'ja')).toBe(
      'English only.',
    );
    expect(reasonText({ id: 'lookalike-typo', message: 'No brand named.', host: 'coinbsae.com' }, 'ja')).toBe(
      'No brand named.',
    );
  });

  it('has a Japanese sentence for every reason id the engine source can write', () => {
    const root = resolve(import.meta.dirname, '../../../src/core');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.startsWith('reports/') && f !== 'messages.ts',
    );
    const literal = /'((?:lookalike|link|job-link|recruiter|file)-[a-z0-9-]+)'/g;
    const ids = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(literal)) ids.add(match[1]!);
    }
    const lure = readFileSync(join(root, 'text/lure-text.ts'), 'utf8');
    const flags = /export type LureFlag =([^;]+);/.exec(lure)![1]!.match(/'[a-z-]+'/g)!;
    for (const flag of flags) ids.add(`lure-${flag.slice(1, -1)}`);
    const payload = readFileSync(join(root, 'lists/indicator-payload.ts'), 'utf8');
    for (const match of payload.matchAll(/kind: z\.literal\('([a-z0-9-]+)'\)/g))
      ids.add(`indicator-${match[1]}`);
    expect(ids.size).toBeGreaterThan(40);
    expect([...ids].filter((id) => !JAPANESE_REASON_IDS.includes(id))).toEqual([]);
  });
});

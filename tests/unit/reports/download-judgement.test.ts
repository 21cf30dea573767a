import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine.ts';
import {
  downloadCandidate,
  judgeDownload,
  needsContentCheck,
} from '../../../src/core/reports/download-judgement.ts';

const engine = createEngine({ indicators: null });
const ids = (info: Parameters<typeof judgeDownload>[1]) =>
  judgeDownload(engine, info).reasons.map((r) => r.id);

describe('judgeDownload', () => {
  it('flags a Coinbase "JD" served from someone else’s host', () => {
    const verdict = judgeDownload(engine, {
      url: 'https://talentdocs-share.net/files/Coinbase_JD.pdf',
      referrer: 'https://www.linkedin.com/',
      fileName: 'Coinbase_JD.pdf',
      mime: 'application/pdf',
    });
    expect(verdict.verdict).toBe('dangerous');
    expect(verdict.reasons.map((r) => r.id)).toContain('job-link-off-brand-document');
  });

  it('flags disguised names and fake video-call installers', () => {
    expect(ids({ url: 'https://files.example.net/d/8812', fileName: 'Offer_Letter.pdf.exe' })).toContain(
      'file-double-extension',
    );
    expect(
      judgeDownload(engine, {
        url: 'https://zoom-meet-download.example/ZoomInstaller.pkg',
        fileName: 'ZoomInstaller.pkg',
      }).verdict,
    ).toBe('dangerous');
  });

  it('leaves everyday downloads alone', () => {
    for (const info of [
      { url: 'https://www.7-zip.org/a/7z2409-x64.exe', fileName: '7z2409-x64.exe' },
      { url: 'https://github.com/owner/repo/archive/refs/heads/main.zip', fileName: 'repo-main.zip' },
      { url: 'https://www.dropbox.com/s/abc/holiday-plan.pdf?dl=1', fileName: 'holiday-plan.pdf' },
      { url: 'https://www.coinbase.com/careers/static/JD.pdf', fileName: 'JD.pdf' },
      { url: 'blob:chrome-extension://abc/123', fileName: 'lureguard-history.csv' },
    ]) {
      expect(judgeDownload(engine, info), info.url).toEqual({ verdict: 'clean', reasons: [] });
    }
  });

  it('judges the redirect chain and the referrer, not just the final URL', () => {
    const candidate = downloadCandidate({
      url: 'https://bit.ly/3jdXyz',
      finalUrl: 'https://talentdocs-share.net/JD.pdf',
      referrer: 'https://www.linkedin.com/',
      fileName: 'JD.pdf',
    });
    expect(candidate).toEqual({
      attachments: [{ name: 'JD.pdf', href: 'https://talentdocs-share.net/JD.pdf' }],
      links: [{ href: 'https://bit.ly/3jdXyz' }],
      pageUrl: 'https://www.linkedin.com/',
    });
  });
});

describe('needsContentCheck', () => {
  it('checks documents from unknown hosts only', () => {
    expect(
      needsContentCheck(engine, { url: 'https://talentdocs-share.net/JD.pdf', fileName: 'JD.pdf' }),
    ).toBe(true);
    expect(
      needsContentCheck(engine, { url: 'https://cdn.example/x', fileName: 'x', mime: 'application/pdf' }),
    ).toBe(true);
    expect(
      needsContentCheck(engine, { url: 'https://www.coinbase.com/careers/JD.pdf', fileName: 'JD.pdf' }),
    ).toBe(false);
    expect(needsContentCheck(engine, { url: 'https://talentdocs-share.net/a.exe', fileName: 'a.exe' })).toBe(
      false,
    );
  });
});

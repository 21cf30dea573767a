import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentHostReasons, videoCallInstallerReasons } from '../../../src/core/files/file-host.ts';
import { fileNameReasons, isDocumentName, realExtension } from '../../../src/core/files/file-name.ts';

const ids = (name: string) => fileNameReasons(name).map((r) => r.id);

describe('disguised file names', () => {
  it.each([
    'Offer.pdf.exe',
    'JD.pdf.app',
    'Job Description.pdf.lnk',
    'Brief.pdf.scr',
    'HSBC job offer.pdf.zip',
    'Role.docx.js',
    'offer.pdf   .exe',
    'Salary.PDF.EXE',
  ])('%s is a program or archive dressed as a document', (name) => {
    expect(ids(name)).toContain('file-double-extension');
    expect(fileNameReasons(name)[0]!.level).toBe('dangerous');
  });

  it('finds a right-to-left override and says what the name really ends with', () => {
    const name = 'Coinbase_JD_\u202Efdp.scr';
    const reasons = fileNameReasons(name);
    expect(reasons.map((r) => r.id)).toContain('file-invisible-char');
    expect(reasons[0]!.message).toMatch(/RIGHT-TO-LEFT OVERRIDE.*\.scr/);
    expect(reasons[0]!.level).toBe('dangerous');
    // No reason quotes the override itself: it would reorder the warning's own sentence.
    for (const reason of reasons) expect(reason.message).not.toContain('\u202E');
    expect(reasons.find((r) => r.id === 'file-executable-type')?.message).toContain(
      'Coinbase_JD_[U+202E]fdp.scr',
    );
  });

  it.each([
    ['setup.exe', 'file-executable-type'],
    ['Interview.dmg', 'file-archive-type'],
    ['task.7z', 'file-archive-type'],
    ['fix.vbs', 'file-executable-type'],
    ['Installer.msi', 'file-executable-type'],
  ])('%s is %s', (name, id) => {
    expect(ids(name)).toEqual([id]);
  });

  it.each(['Coinbase_JD.pdf', 'Resume v2.docx', 'notes.txt', 'report.final.pdf', 'archive'])(
    '%s is fine',
    (name) => {
      expect(fileNameReasons(name)).toEqual([]);
    },
  );

  it('knows the real extension and documents', () => {
    expect(realExtension('a.pdf .exe')).toBe('exe');
    expect(isDocumentName('JD.PDF')).toBe(true);
    expect(isDocumentName('JD.pdf.app')).toBe(false);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => Array.isArray(fileNameReasons(name))),
      { numRuns: 2_000 },
    );
  });
});

describe('where a document is hosted', () => {
  it('flags documents on file-sharing and app-hosting services', () => {
    for (const href of [
      'https://drive.google.com/file/d/1AbC/view',
      'https://www.dropbox.com/s/x/Coinbase_JD.pdf?dl=0',
      'https://coinbase-jd.vercel.app/JD.pdf',
      'https://api.npoint.io/abc123/job.pdf',
    ]) {
      expect(
        documentHostReasons(new URL(href)).map((r) => r.id),
        href,
      ).toEqual(['file-on-sharing-host']);
      // The same with the hostname the caller read already.
      const url = new URL(href);
      expect(documentHostReasons(url, undefined, url.hostname)).toEqual(documentHostReasons(url));
    }
    const docs = new URL('https://docs.google.com/document/d/1AbC/edit');
    expect(documentHostReasons(docs, undefined, docs.hostname)[0]?.message).toContain('(docs.google.com)');
  });
  it('leaves official hosts and non-documents alone', () => {
    expect(documentHostReasons(new URL('https://www.coinbase.com/careers/jd.pdf'))).toEqual([]);
    expect(documentHostReasons(new URL('https://www.dropbox.com/home'))).toEqual([]);
  });
  it('flags video-call installers from hosts that are not the vendor', () => {
    expect(
      videoCallInstallerReasons(new URL('https://zoom-meet.app/ZoomInstaller.pkg'), 'ZoomInstaller.pkg')[0]!
        .id,
    ).toBe('file-fake-video-call-installer');
    expect(videoCallInstallerReasons(undefined, 'CameraDriverFix.command')[0]!.level).toBe('dangerous');
    expect(
      videoCallInstallerReasons(
        new URL('https://zoom.us/client/latest/ZoomInstaller.pkg'),
        'ZoomInstaller.pkg',
      ),
    ).toEqual([]);
    expect(videoCallInstallerReasons(undefined, 'zoom-notes.pdf')).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fileBytes from '../unit/reports/file-bytes.ts';
import { EXTENSION_ID, type ExtensionBrowser, launchWithExtension, serveHtml } from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';
import { startLoopbackHttps, testCertSpkiHash } from './loopback-https.ts';

/**
 * The download guard in real Chromium. The lure host and www.coinbase.com are a real HTTPS
 * server on loopback (mapped by --host-resolver-rules); the LinkedIn page is routed. The
 * Mach-O "PDF" is built in the test from the format's header bytes.
 */

const LURE_URL = 'https://talentdocs-share.net/files/Coinbase_JD.pdf';
const HTML_URL = 'https://hr-portal-files.net/share/Role_Overview.pdf';
const OFFICIAL_URL = 'https://www.coinbase.com/careers/static/Coinbase_Senior_Engineer_JD.pdf';
const JOB_URL = 'https://www.linkedin.com/jobs/view/4101000077/';
const MACHO = fileBytes.machO64();
const PDF = fileBytes.pdf();

let browser: ExtensionBrowser;
let files: Awaited<ReturnType<typeof startLoopbackHttps>>;
const served: string[] = [];

beforeAll(async () => {
  files = await startLoopbackHttps((path, host) => {
    served.push(`${host.split(':')[0]}${path}`);
    const asFile = (body: Uint8Array, name: string) => ({
      status: 200,
      // Lure hosts lie about the type; file hosts on Vercel, GitHub and S3 allow CORS reads.
      type: 'application/pdf',
      body,
      headers: {
        'content-disposition': `attachment; filename="${name}"`,
        'access-control-allow-origin': '*',
      },
    });
    if (host.startsWith('talentdocs-share.net') && path.startsWith('/files/Coinbase_JD.pdf')) {
      return asFile(MACHO, 'Coinbase_JD.pdf');
    }
    if (host.startsWith('hr-portal-files.net') && path.startsWith('/share/Role_Overview.pdf')) {
      return asFile(
        fileBytes.text(
          '<!DOCTYPE html><html><body><form action="/login">Sign in to view</form></body></html>',
        ),
        'Role_Overview.pdf',
      );
    }
    if (host.startsWith('talentdocs-share.net') && path === '/files/Full_Handbook.pdf') {
      return asFile(new Uint8Array(26 * 1024 * 1024).fill(0x25), 'Full_Handbook.pdf');
    }
    if (host.startsWith('www.coinbase.com') && path.startsWith('/careers/static/')) {
      return asFile(PDF, 'Coinbase_Senior_Engineer_JD.pdf');
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  });
  browser = await launchWithExtension({
    hostRules: [
      `MAP talentdocs-share.net 127.0.0.1:${files.port}`,
      `MAP www.coinbase.com 127.0.0.1:${files.port}`,
      `MAP hr-portal-files.net 127.0.0.1:${files.port}`,
    ],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
});
afterAll(async () => {
  await browser?.close();
  await files?.close();
});

/** A LinkedIn job view whose JD link goes (through LinkedIn's safety redirect) to `target`. */
async function jobPage(target: string): Promise<Page> {
  await serveHtml(
    browser.context,
    JOB_URL,
    linkedInJobView('sdui', {
      jobId: '4101000077',
      applyHref: wrap.safetyGo('https://www.coinbase.com/careers/positions/7012345'),
      jdHref: wrap.safetyGo(target),
      jdText: 'Please review the full role description before our call:',
      jdLinkText: 'Job description (PDF)',
    }),
  );
  const page = await browser.context.newPage();
  // Playwright saves downloads itself unless told not to; the browser's own download path
  // (the one users have) is what runs chrome.downloads.onDeterminingFilename.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await page.goto(JOB_URL);
  return page;
}

/** Follows the link as the browser does after LinkedIn's redirect: the job page is the referrer. */
async function startDownload(page: Page, url: string): Promise<void> {
  await page.evaluate((href) => {
    location.href = href;
  }, url);
}

type Item = chrome.downloads.DownloadItem;
async function downloadOf(url: string): Promise<Item | undefined> {
  const worker = await browser.worker();
  return worker.evaluate(async (u) => (await chrome.downloads.search({ url: u })).at(-1), url);
}

async function settled(url: string): Promise<Item> {
  await expect
    .poll(async () => (await downloadOf(url))?.state ?? 'none', { timeout: 20_000 })
    .not.toMatch(/none|in_progress/);
  return (await downloadOf(url))!;
}

describe('download guard', () => {
  it('cancels a Mach-O program posing as Coinbase_JD.pdf and shows why on the interstitial', async () => {
    const page = await jobPage(LURE_URL);
    const interstitial = browser.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${EXTENSION_ID}/src/ui/interstitial/`),
      timeout: 20_000,
    });
    await startDownload(page, LURE_URL);
    const item = await settled(LURE_URL);
    expect(item.state).toBe('interrupted');
    expect(item.error).toBe('USER_CANCELED');
    // Chromium's default referrer policy sends only LinkedIn's origin to another site.
    expect(item.referrer).toBe('https://www.linkedin.com/');
    // The worker fetched the file once to read its first bytes.
    expect(
      served.filter((s) => s === 'talentdocs-share.net/files/Coinbase_JD.pdf').length,
    ).toBeGreaterThanOrEqual(1);

    const warning = await interstitial;
    await warning.waitForLoadState();
    await expect
      .poll(() => warning.locator('body').textContent(), { timeout: 10_000 })
      .toContain('“Coinbase_JD.pdf” claims to be a PDF, but it is a program for macOS (Mach-O).');

    // The worker's own record (the contract with the interstitial page) carries the reason ids.
    const id = new URL(warning.url()).searchParams.get('id')!;
    const entry = await (await browser.worker()).evaluate(
      async (key) =>
        (
          (await chrome.storage.session.get('interstitials')).interstitials as Record<
            string,
            { entry: unknown }
          >
        )[key]?.entry,
      id,
    );
    expect(entry).toMatchObject({
      kind: 'download',
      targetUrl: LURE_URL,
      fileName: 'Coinbase_JD.pdf',
      pageUrl: 'https://www.linkedin.com/',
      downloadId: item.id,
      verdict: { verdict: 'dangerous' },
    });
    const reasonIds = (entry as { verdict: { reasons: Array<{ id: string }> } }).verdict.reasons.map(
      (r) => r.id,
    );
    expect(reasonIds[0]).toBe('file-content-program');
    expect(reasonIds).toContain('job-link-off-brand-document');

    // Its Report button opens the report with what the bytes really are and their hash.
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${EXTENSION_ID}/src/ui/report/report.html?interstitial=${id}`);
    await expect
      .poll(() => report.locator('#summary').textContent())
      .toContain('a program for macOS (Mach-O)');
    const draft = JSON.parse((await report.locator('#json').textContent()) ?? '{}');
    expect(draft).toMatchObject({
      source: 'download',
      download: {
        url: LURE_URL,
        fileName: 'Coinbase_JD.pdf',
        sha256: createHash('sha256').update(MACHO).digest('hex'),
      },
    });
    await report.close();

    // "Download anyway" (the continuation the interstitial calls) fetches it once, past the guard.
    const history = await browser.context.newPage();
    await history.goto(`chrome-extension://${EXTENSION_ID}/src/ui/history/history.html`);
    await expect.poll(() => history.locator('#history tr[data-kind="download"]').count()).toBe(1);
    await history.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'ui:interstitial-continue', id: key }),
      id,
    );
    await expect
      .poll(
        async () =>
          (
            await (
              await browser.worker()
            ).evaluate(async (u) => chrome.downloads.search({ url: u, state: 'complete' }), LURE_URL)
          ).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    // A replayed "continue" does nothing: the bypass was one-time.
    const again = await history.evaluate(
      (key) => chrome.runtime.sendMessage({ type: 'ui:interstitial-continue', id: key }),
      id,
    );
    expect(again).toMatchObject({ type: 'bg:refused' });
    await cleanUp(LURE_URL);
    await Promise.all([page.close(), warning.close(), history.close()]);
  });

  it('lets a real PDF from www.coinbase.com download untouched', async () => {
    const page = await jobPage(OFFICIAL_URL);
    const before = served.length;
    const opened: string[] = [];
    browser.context.on('page', (p) => opened.push(p.url()));
    await startDownload(page, OFFICIAL_URL);
    const item = await settled(OFFICIAL_URL);
    expect(item.state).toBe('complete');
    // Chromium's own file name, from Content-Disposition (" (1)" if the folder already has one).
    expect(item.filename).toMatch(/Coinbase_Senior_Engineer_JD( \(\d+\))?\.pdf$/);
    expect(item.fileSize).toBe(PDF.length);
    // Official host: no second fetch, no interstitial, nothing in the history.
    expect(served.slice(before)).toEqual(['www.coinbase.com/careers/static/Coinbase_Senior_Engineer_JD.pdf']);
    expect(opened).toEqual([]);
    const downloads = await (await browser.worker()).evaluate(async () =>
      (
        (await chrome.storage.local.get('history')).history as
          | Array<{ kind: string; url?: string }>
          | undefined
      )?.filter((e) => e.kind === 'download'),
    );
    expect(downloads?.map((e) => e.url)).toEqual([LURE_URL]);
    await cleanUp(OFFICIAL_URL);
    await page.close();
  });

  it('lets a web page posing as a PDF through with a notification: suspicious, not dangerous', async () => {
    const page = await jobPage(HTML_URL);
    await startDownload(page, HTML_URL);
    const item = await settled(HTML_URL);
    expect(item.state).toBe('complete');
    // Linked from LinkedIn, from a host nobody vouches for: the worker read the bytes.
    expect(served).toContain('hr-portal-files.net/share/Role_Overview.pdf');
    const notes = await (await browser.worker()).evaluate(async () =>
      Object.keys(await chrome.notifications.getAll()),
    );
    expect(notes).toHaveLength(1);
    const history = await (await browser.worker()).evaluate(
      async () =>
        (await chrome.storage.local.get('history')).history as Array<{
          kind: string;
          url?: string;
          verdict: string;
          reasonIds: string[];
        }>,
    );
    expect(history.find((e) => e.kind === 'download' && e.url === HTML_URL)).toMatchObject({
      verdict: 'suspicious',
      reasonIds: ['file-content-web-page'],
    });
    await cleanUp(HTML_URL);
    await page.close();
  });

  it('holds a download that starts while the worker is asleep until the woken worker has judged it', async () => {
    const url = `${LURE_URL}?after-sleep=1`;
    const page = await jobPage(url);
    // Chrome stops an idle worker after 30 s; closing its DevTools target does the same at once.
    await (await browser.worker()).evaluate(() => {
      (self as unknown as { beforeSleep: boolean }).beforeSleep = true;
    });
    const cdp = await browser.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${EXTENSION_ID}/`),
    );
    await cdp.send('Target.closeTarget', { targetId: target!.targetId });
    await cdp.detach();
    await startDownload(page, url);
    const item = await settled(url);
    expect(item.state).toBe('interrupted');
    expect(item.error).toBe('USER_CANCELED');
    // The worker that judged it is a fresh one: the guard works across worker restarts.
    expect(
      await (await browser.worker()).evaluate(
        () => (self as unknown as { beforeSleep?: boolean }).beforeSleep,
      ),
    ).toBeUndefined();
    await page.close();
  });

  it('checks a document on request: fetched once, sniffed, hashed, and refused past 25 MB', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${EXTENSION_ID}/src/ui/history/history.html`);
    const check = (url: string) =>
      page.evaluate((u) => chrome.runtime.sendMessage({ type: 'ui:check-document', url: u }), url);
    const result = await check(LURE_URL);
    expect(result).toMatchObject({
      type: 'bg:document-check',
      result: {
        verdict: 'dangerous',
        sha256: createHash('sha256').update(MACHO).digest('hex'),
        size: MACHO.length,
        detected: { type: 'macho', label: 'a program for macOS (Mach-O)' },
        reasons: [{ id: 'file-content-program' }],
      },
    });
    expect(await check('https://talentdocs-share.net/files/Full_Handbook.pdf')).toEqual({
      type: 'bg:document-check',
      url: 'https://talentdocs-share.net/files/Full_Handbook.pdf',
      problem: 'The file is larger than 25 MB, too large for a job document check.',
    });
    // The check is in the local history.
    await page.reload();
    await expect.poll(() => page.locator('#history tr[data-kind="document-check"]').count()).toBe(1);
    await page.close();
  });
});

/** Deletes what the browser wrote to the Downloads folder. */
async function cleanUp(url: string): Promise<void> {
  await (await browser.worker()).evaluate(async (u) => {
    for (const item of await chrome.downloads.search({ url: u, state: 'complete' })) {
      await chrome.downloads.removeFile(item.id).catch(() => undefined);
    }
  }, url);
}

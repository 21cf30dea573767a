import browser from 'webextension-polyfill';
import { checkDocument } from '../../core/reports/document-check.ts';
import {
  combineReasons,
  type DownloadInfo,
  judgeDownload,
  needsContentCheck,
} from '../../core/reports/download-judgement.ts';
import type { ReportDownload } from '../../core/reports/report-payload.ts';
import type { Verdict } from '../../core/types.ts';
import { type InterstitialEntry, onInterstitialContinue, openInterstitial } from '../interstitial-store.ts';
import { downloadEvidenceKey, rememberEvidence } from '../reports/evidence-store.ts';
import { historyId, recordHistory } from '../reports/history-store.ts';
import { autoReport } from '../reports/report-features.ts';
import type { WorkerContext } from '../reports/worker-context.ts';
import { fetchDocument } from './document-fetch.ts';

/**
 * Judges each web download before Chrome writes it: onDeterminingFilename holds the download
 * until `suggest()` is called, so a lure is cancelled (or paused, by policy) before a single
 * byte lands on disk. Unrelated downloads get `suggest()` at once and are never changed.
 */

const BYPASS_KEY = 'downloadBypass';
const HOLD_LIMIT_MS = 30_000;
/** Sites where recruiters deliver lures; a document downloaded from one of them is fetched and sniffed. */
const LURE_CHANNELS =
  /(^|\.)(linkedin\.com|discord\.com|telegram\.org|x\.com|twitter\.com|reddit\.com|bitcointalk\.org|mail\.google\.com|outlook\.live\.com|outlook\.office\.com|wellfound\.com|web3\.career|cryptojobslist\.com)$/;

async function takeBypass(url: string): Promise<boolean> {
  const all = ((await browser.storage.session.get(BYPASS_KEY))[BYPASS_KEY] as Record<string, number>) ?? {};
  const until = all[url];
  if (until === undefined) return false;
  delete all[url];
  await browser.storage.session.set({ [BYPASS_KEY]: all });
  return until > Date.now();
}

async function grantBypass(url: string): Promise<void> {
  const all = ((await browser.storage.session.get(BYPASS_KEY))[BYPASS_KEY] as Record<string, number>) ?? {};
  all[url] = Date.now() + 60_000;
  await browser.storage.session.set({ [BYPASS_KEY]: all });
}

function baseName(path: string, url: string): string {
  const fromPath = path.split(/[\\/]/).pop();
  if (fromPath) return fromPath;
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'download';
  } catch {
    return 'download';
  }
}

function referrerHost(referrer: string | undefined): string {
  try {
    return referrer ? new URL(referrer).hostname : '';
  } catch {
    return '';
  }
}

async function notify(verdict: Verdict, fileName: string): Promise<void> {
  try {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: `Lureguard: be careful with “${fileName.slice(0, 60)}”`,
      message: verdict.reasons
        .slice(0, 2)
        .map((r) => r.message)
        .join(' ')
        .slice(0, 500),
    });
  } catch {
    // No notification support (or permission): the history page still lists it.
  }
}

/** Judges one download; returns what to do. Never throws: a bug must not hold a download forever. */
async function judge(ctx: WorkerContext, item: chrome.downloads.DownloadItem): Promise<void> {
  const ownId = browser.runtime.id;
  if (item.byExtensionId === ownId && (await takeBypass(item.url))) return;
  const info: DownloadInfo = {
    url: item.url,
    ...(item.finalUrl ? { finalUrl: item.finalUrl } : {}),
    ...(item.referrer ? { referrer: item.referrer } : {}),
    fileName: baseName(item.filename, item.finalUrl || item.url),
    ...(item.mime ? { mime: item.mime } : {}),
  };
  const engine = await ctx.engine();
  let verdict = judgeDownload(engine, info);
  const policy = await ctx.policy();
  const download: ReportDownload = {
    url: info.url.slice(0, 4_096),
    ...(info.finalUrl && info.finalUrl !== info.url ? { finalUrl: info.finalUrl.slice(0, 4_096) } : {}),
    ...(info.referrer ? { referrer: info.referrer.slice(0, 4_096) } : {}),
    fileName: info.fileName.slice(0, 1_024),
    ...(info.mime ? { mime: info.mime.slice(0, 256) } : {}),
  };
  const worthChecking =
    verdict.verdict !== 'clean' ||
    policy.autoCheckDocuments === true ||
    LURE_CHANNELS.test(referrerHost(info.referrer));
  if (needsContentCheck(engine, info) && worthChecking) {
    const fetched = await fetchDocument(info.finalUrl ?? info.url, info.referrer);
    if (fetched.ok) {
      const check = await checkDocument(
        fetched.bytes,
        { name: info.fileName, ...(info.mime ? { mime: info.mime } : {}) },
        engine.indicators,
      );
      verdict = combineReasons([...check.reasons, ...verdict.reasons]);
      download.sha256 = check.sha256;
      download.detected = check.detected.label;
    }
  }
  if (verdict.verdict === 'clean') return;

  await rememberEvidence([[downloadEvidenceKey(item.id), { download }]]);
  await recordHistory([
    {
      id: historyId('download', info.finalUrl ?? info.url, String(item.id)),
      at: Date.now(),
      kind: 'download',
      verdict: verdict.verdict,
      headline: verdict.reasons[0]?.message.slice(0, 2_000) ?? '',
      reasonIds: verdict.reasons.map((r) => r.id).slice(0, 100),
      url: (info.finalUrl ?? info.url).slice(0, 4_096),
    },
  ]);
  if (verdict.verdict === 'suspicious') {
    await notify(verdict, info.fileName);
    return;
  }
  if (policy.downloadAction === 'pause') await browser.downloads.pause(item.id).catch(() => undefined);
  else await browser.downloads.cancel(item.id).catch(() => undefined);
  const entry: InterstitialEntry = {
    kind: 'download',
    verdict: { verdict: verdict.verdict, reasons: verdict.reasons.slice(0, 100) },
    targetUrl: (info.finalUrl ?? info.url).slice(0, 4_096),
    fileName: info.fileName.slice(0, 1_024),
    ...(info.referrer ? { pageUrl: info.referrer.slice(0, 4_096) } : {}),
    downloadId: item.id,
  };
  await openInterstitial(entry);
  void autoReport(ctx, 'download', verdict, `download|${entry.targetUrl}`, undefined, item.id).catch(
    (error: unknown) => console.error('auto report', error),
  );
}

/** "Download anyway": resume a paused download, or fetch it again once, past the guard. */
async function downloadAnyway(entry: InterstitialEntry): Promise<void> {
  if (entry.downloadId !== undefined) {
    const [item] = await browser.downloads.search({ id: entry.downloadId });
    if (item?.state === 'in_progress' && item.paused) {
      await browser.downloads.resume(entry.downloadId);
      return;
    }
  }
  await grantBypass(entry.targetUrl);
  await browser.downloads.download({
    url: entry.targetUrl,
    ...(entry.fileName ? { filename: entry.fileName } : {}),
  });
}

export function installDownloadGuard(ctx: WorkerContext): void {
  onInterstitialContinue('download', downloadAnyway);
  const run = (item: chrome.downloads.DownloadItem) =>
    judge(ctx, item).catch((error: unknown) => console.error('download guard', error));
  // Chromium: hold the download until judged. Firefox has no onDeterminingFilename: judge on creation.
  if (typeof chrome !== 'undefined' && chrome.downloads?.onDeterminingFilename) {
    chrome.downloads.onDeterminingFilename.addListener((item, suggest) => {
      // Never hold a download for long, even if the engine is still booting: release after 30 s at most.
      const cap = new Promise<void>((resolve) => setTimeout(resolve, HOLD_LIMIT_MS));
      void Promise.race([run(item), cap]).finally(() => suggest());
      return true;
    });
  } else {
    browser.downloads.onCreated.addListener((item) => void run(item as chrome.downloads.DownloadItem));
  }
}

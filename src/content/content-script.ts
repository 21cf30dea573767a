import browser from 'webextension-polyfill';
import { BgVerdicts } from '../core/messages.ts';
import { extractLinkedInJobView } from '../extract/linkedin/job-view.ts';
import type { PageRecord } from '../extract/page-record.ts';
import { PageScanner } from './page-scanner.ts';

/** Thin, idempotent bootstrap: one scanner per page, however often the script is injected. */
const STARTED = '__lureguardStarted';
const isolatedGlobal = globalThis as typeof globalThis & { [STARTED]?: boolean };

async function judge(records: PageRecord[]) {
  const response = await browser.runtime.sendMessage({
    type: 'cs:judge',
    items: records.map((r) => ({ key: r.key, candidate: r.candidate })),
  });
  const parsed = BgVerdicts.safeParse(response);
  return parsed.success ? parsed.data.results : [];
}

/** Tells the worker a new page began (so the badge restarts at zero) before anything is judged. */
async function pageStart(url: string): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'cs:page-start', url });
  } catch {
    // The worker is restarting; the next judge message wakes it.
  }
}

async function start(): Promise<void> {
  const scanner = new PageScanner(extractLinkedInJobView, judge);
  let lastUrl = location.href;
  await pageStart(lastUrl);
  scanner.schedule();
  new MutationObserver(() => {
    if (location.href !== lastUrl) {
      // SPA navigation: LinkedIn swaps the job pane without a page load.
      lastUrl = location.href;
      scanner.reset();
      void pageStart(lastUrl).then(() => scanner.schedule());
      return;
    }
    scanner.schedule();
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (!isolatedGlobal[STARTED]) {
  isolatedGlobal[STARTED] = true;
  void start();
}

import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { ReportDownload } from '../../core/reports/report-payload.ts';
import { Candidate } from '../../core/types.ts';
import { createLock } from './storage-lock.ts';

/**
 * What a flagged finding looked like (the candidate the content script sent for judging), so
 * "Report" can show the text, links and author later. Only flagged items are kept, in
 * storage.session (gone with the browser session), at most MAX entries.
 */
const KEY = 'reportEvidence';
const MAX = 300;
const locked = createLock();

const Evidence = z.object({
  candidate: z.optional(Candidate),
  download: z.optional(ReportDownload),
  at: z.number(),
});
type Evidence = z.infer<typeof Evidence>;

async function readAll(): Promise<Record<string, Evidence>> {
  const raw = (await browser.storage.session.get(KEY))[KEY];
  const out: Record<string, Evidence> = {};
  if (raw && typeof raw === 'object') {
    for (const [id, value] of Object.entries(raw)) {
      const parsed = Evidence.safeParse(value);
      if (parsed.success) out[id] = parsed.data;
    }
  }
  return out;
}

export const findingEvidenceKey = (tabId: number, key: string) => `tab:${tabId}:${key}`;
export const downloadEvidenceKey = (downloadId: number) => `download:${downloadId}`;

export function rememberEvidence(entries: Array<[string, Omit<Evidence, 'at'>]>): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  return locked(async () => {
    const all = await readAll();
    const now = Date.now();
    for (const [id, evidence] of entries) {
      delete all[id];
      all[id] = { ...evidence, at: now };
    }
    const ids = Object.keys(all);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX))) delete all[id];
    await browser.storage.session.set({ [KEY]: all });
  });
}

export async function evidenceFor(id: string): Promise<Omit<Evidence, 'at'> | undefined> {
  return (await readAll())[id];
}

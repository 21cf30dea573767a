import browser from 'webextension-polyfill';
import { addToHistory, type HistoryEntry, parseHistory } from '../../core/reports/history.ts';
import { createLock } from './storage-lock.ts';

/** The last 1,000 findings, blocked downloads, document checks and reports, in storage.local. */
const KEY = 'history';
const locked = createLock();

export async function readHistory(): Promise<HistoryEntry[]> {
  return parseHistory((await browser.storage.local.get(KEY))[KEY]);
}

export function recordHistory(entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  return locked(async () => {
    await browser.storage.local.set({ [KEY]: addToHistory(await readHistory(), entries) });
  });
}

export function clearHistory(): Promise<void> {
  return locked(() => browser.storage.local.remove(KEY));
}

/** A short stable id (FNV-1a) so the same finding seen again replaces its entry. */
export function historyId(prefix: string, ...parts: string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${prefix}-${hash.toString(16).padStart(8, '0')}`;
}

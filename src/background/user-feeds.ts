import browser from 'webextension-polyfill';
import type { FeedConfig } from './policy.ts';

/** Feeds the user added on the options page (only when policy allows it). */
const STORAGE_KEY = 'userFeeds';

export async function readUserFeeds(): Promise<FeedConfig[]> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return Array.isArray(stored) ? (stored as FeedConfig[]) : [];
}

export async function writeUserFeeds(feeds: FeedConfig[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: feeds });
}

import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { UserAllowEntry } from '../core/messages.ts';

/**
 * The user's own "this is a mistake" entries, in storage.local (they are the user's
 * decisions, so they outlive the session). Item entries silence one entity key; host
 * entries join the engine's `allowHosts`.
 */
const STORAGE_KEY = 'userAllowlist';
const MAX_ENTRIES = 1_000;

let cache: UserAllowEntry[] | null = null;

export async function readUserAllowlist(): Promise<UserAllowEntry[]> {
  if (cache) return cache;
  const raw = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  const parsed = z.array(UserAllowEntry).safeParse(raw ?? []);
  cache = parsed.success ? parsed.data : [];
  return cache;
}

async function write(entries: UserAllowEntry[]): Promise<UserAllowEntry[]> {
  cache = entries.slice(-MAX_ENTRIES);
  await browser.storage.local.set({ [STORAGE_KEY]: cache });
  return cache;
}

export async function addUserAllow(
  scope: UserAllowEntry['scope'],
  value: string,
  note: string,
): Promise<UserAllowEntry[]> {
  const entries = await readUserAllowlist();
  const normalized = scope === 'host' ? value.toLowerCase() : value;
  if (entries.some((e) => e.scope === scope && e.value === normalized)) return entries;
  return write([
    ...entries,
    {
      id: crypto.randomUUID(),
      scope,
      value: normalized,
      note: note.slice(0, 2_000),
      addedAt: new Date().toISOString(),
    },
  ]);
}

export async function removeUserAllow(id: string): Promise<UserAllowEntry[]> {
  return write((await readUserAllowlist()).filter((e) => e.id !== id));
}

/** Hosts for the engine's allowHosts (the cache is loaded at boot, before the engine is built). */
export function userAllowHosts(): string[] {
  return (cache ?? []).filter((e) => e.scope === 'host').map((e) => e.value);
}

export function isItemAllowed(key: string): boolean {
  return (cache ?? []).some((e) => e.scope === 'item' && e.value === key);
}

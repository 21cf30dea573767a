import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { InterstitialEntry } from '../core/messages.ts';

export { InterstitialEntry } from '../core/messages.ts';

/**
 * Pending interstitials, keyed by a random id. Kept in storage.session (not memory) so a
 * worker restart between "show the warning page" and "continue anyway" loses nothing, and
 * nothing outlives the browser session.
 */
const STORAGE_KEY = 'interstitials';
/** A tab full of blocked clicks must not grow session storage without bound. */
const MAX_PENDING = 100;
export const INTERSTITIAL_PAGE = 'src/ui/interstitial/interstitial.html';

const Stored = z.object({
  entry: InterstitialEntry,
  tabId: z.optional(z.number()),
  createdAt: z.number(),
});
type Stored = z.infer<typeof Stored>;

export interface ContinueContext {
  /** The tab showing the interstitial (where a link continuation navigates). */
  tabId?: number;
}
export type Continuation = (entry: InterstitialEntry, context: ContinueContext) => Promise<void>;
const continuations = new Map<InterstitialEntry['kind'], Continuation>();

async function readAll(): Promise<Record<string, Stored>> {
  const raw = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
  const out: Record<string, Stored> = {};
  if (raw && typeof raw === 'object') {
    for (const [id, value] of Object.entries(raw)) {
      const parsed = Stored.safeParse(value);
      if (parsed.success) out[id] = parsed.data;
    }
  }
  return out;
}

async function writeAll(all: Record<string, Stored>): Promise<void> {
  await browser.storage.session.set({ [STORAGE_KEY]: all });
}

/** The interstitial page's URL for an id. */
export function interstitialUrl(id: string): string {
  return browser.runtime.getURL(`${INTERSTITIAL_PAGE}?id=${encodeURIComponent(id)}`);
}

/**
 * Stores `entry` and shows the interstitial: in `tabId` (replacing the page, so "Go back"
 * returns to it) or in a new tab. Returns the interstitial id.
 */
export async function openInterstitial(entry: InterstitialEntry, tabId?: number): Promise<string> {
  const id = crypto.randomUUID();
  const all = await readAll();
  const ids = Object.keys(all).sort((a, b) => all[a]!.createdAt - all[b]!.createdAt);
  for (const old of ids.slice(0, Math.max(0, ids.length - MAX_PENDING + 1))) delete all[old];
  all[id] = {
    entry: InterstitialEntry.parse(entry),
    createdAt: Date.now(),
    ...(tabId !== undefined ? { tabId } : {}),
  };
  await writeAll(all);
  const url = interstitialUrl(id);
  if (tabId !== undefined) await browser.tabs.update(tabId, { url });
  else await browser.tabs.create({ url });
  return id;
}

export async function getInterstitial(id: string): Promise<InterstitialEntry | undefined> {
  return (await readAll())[id]?.entry;
}

/** Registers what "Continue anyway" does for one kind ('link': navigate; 'download': re-download). */
export function onInterstitialContinue(kind: InterstitialEntry['kind'], fn: Continuation): void {
  continuations.set(kind, fn);
}

/**
 * "Continue anyway": one time only (the entry is consumed first, so a double click or a
 * replayed message does nothing), and never when policy prevents bypass.
 */
export async function continueInterstitial(
  id: string,
  options: { preventBypass: boolean; tabId?: number },
): Promise<{ ok: true } | { ok: false; problem: string }> {
  if (options.preventBypass) return { ok: false, problem: 'Your organisation does not allow continuing.' };
  const all = await readAll();
  const stored = all[id];
  if (!stored) return { ok: false, problem: 'This warning has expired; go back and try again.' };
  delete all[id];
  await writeAll(all);
  const continuation = continuations.get(stored.entry.kind);
  if (!continuation) return { ok: false, problem: `Nothing can continue a ${stored.entry.kind}.` };
  const tabId = options.tabId ?? stored.tabId;
  await continuation(stored.entry, tabId !== undefined ? { tabId } : {});
  return { ok: true };
}

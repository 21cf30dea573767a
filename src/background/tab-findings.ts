import browser from 'webextension-polyfill';
import type { Finding } from '../core/messages.ts';

/**
 * What each tab has shown us: how many entities were judged, and the findings keyed by
 * entity key so a rescan never double-counts. Mirrored to storage.session so the badge
 * and popup survive a service-worker restart.
 */
const STORAGE_KEY = 'tabs';

export interface TabState {
  judged: string[];
  findings: Finding[];
}

interface LiveTab {
  judged: Set<string>;
  findings: Map<string, Finding>;
}

let tabs: Map<number, LiveTab> | null = null;

async function load(): Promise<Map<number, LiveTab>> {
  if (tabs) return tabs;
  const stored = (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY] as
    | Record<string, TabState>
    | undefined;
  const loaded = new Map<number, LiveTab>();
  for (const [tabId, state] of Object.entries(stored ?? {})) {
    loaded.set(Number(tabId), {
      judged: new Set(state.judged),
      findings: new Map(state.findings.map((f) => [f.key, f])),
    });
  }
  tabs ??= loaded;
  return tabs;
}

async function persist(map: Map<number, LiveTab>): Promise<void> {
  const plain: Record<string, TabState> = {};
  for (const [tabId, tab] of map)
    plain[tabId] = { judged: [...tab.judged], findings: [...tab.findings.values()] };
  await browser.storage.session.set({ [STORAGE_KEY]: plain });
}

export async function resetTab(tabId: number): Promise<void> {
  const map = await load();
  if (!map.delete(tabId)) return;
  await persist(map);
  await updateBadge(tabId, []);
}

/** Records verdicts for a tab; a clean verdict clears an earlier finding for the same key. */
export async function recordFindings(tabId: number, results: Finding[]): Promise<void> {
  const map = await load();
  let tab = map.get(tabId);
  if (!tab) {
    tab = { judged: new Set(), findings: new Map() };
    map.set(tabId, tab);
  }
  for (const result of results) {
    tab.judged.add(result.key);
    if (result.verdict.verdict === 'clean') tab.findings.delete(result.key);
    else tab.findings.set(result.key, result);
  }
  await persist(map);
  await updateBadge(tabId, [...tab.findings.values()]);
}

export async function tabState(tabId: number): Promise<TabState> {
  const tab = (await load()).get(tabId);
  return { judged: [...(tab?.judged ?? [])], findings: [...(tab?.findings.values() ?? [])] };
}

/** One finding on a tab, as the worker recorded it (never as the content script claims it). */
export async function findingFor(tabId: number, key: string): Promise<Finding | undefined> {
  return (await load()).get(tabId)?.findings.get(key);
}

/** Tabs the worker has judged something on: the ones to re-judge after an allowlist change. */
export async function trackedTabs(): Promise<number[]> {
  return [...(await load()).keys()];
}

async function updateBadge(tabId: number, findings: Finding[]): Promise<void> {
  const dangerous = findings.some((f) => f.verdict.verdict === 'dangerous');
  try {
    await browser.action.setBadgeText({ tabId, text: findings.length > 0 ? String(findings.length) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: dangerous ? '#b3261e' : '#9a6700' });
  } catch {
    // The tab closed between the message and the badge update: nothing to show.
  }
}

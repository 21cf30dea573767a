import browser from 'webextension-polyfill';
import type { BgAllowlist, BgInterstitial, RequestMessage } from '../core/messages.ts';
import type { Reason } from '../core/types.ts';
import {
  continueInterstitial,
  getInterstitial,
  onInterstitialContinue,
  openInterstitial,
} from './interstitial-store.ts';
import type { Policy } from './policy.ts';
import { findingFor, trackedTabs } from './tab-findings.ts';
import { addUserAllow, readUserAllowlist, removeUserAllow } from './user-allowlist.ts';

/**
 * What the worker does for the warning UX: open the interstitial for a dangerous click,
 * open the report page, and keep the user's allowlist. Every decision uses what the worker
 * itself recorded for the tab; the content script only names the entity and the target.
 */

type Message<T extends RequestMessage['type']> = Extract<RequestMessage, { type: T }>;
type Ack = { type: 'bg:ack' } | { type: 'bg:refused'; problem: string };
export const REPORT_PAGE = 'src/ui/report/report.html';

function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** 'link' continuation: navigate the interstitial's tab to the link, once, after the user chose to. */
onInterstitialContinue('link', async (entry, { tabId }) => {
  if (!isWebUrl(entry.targetUrl)) return;
  if (tabId !== undefined) await browser.tabs.update(tabId, { url: entry.targetUrl });
  else await browser.tabs.create({ url: entry.targetUrl });
});

export async function openLinkInterstitial(
  message: Message<'cs:open-interstitial'>,
  tabId: number,
  pageUrl: string | undefined,
): Promise<Ack> {
  const finding = await findingFor(tabId, message.key);
  if (finding?.verdict.verdict !== 'dangerous')
    return { type: 'bg:refused', problem: 'no dangerous finding' };
  const targetUrl = message.url ?? '';
  const own = (r: Reason) =>
    (targetUrl !== '' && r.url === targetUrl) ||
    (message.fileName !== undefined && r.file === message.fileName);
  // The reasons about the clicked target first, then the rest of the post's reasons.
  const reasons = [...finding.verdict.reasons.filter(own), ...finding.verdict.reasons.filter((r) => !own(r))];
  await openInterstitial(
    {
      kind: 'link',
      verdict: { verdict: 'dangerous', reasons },
      targetUrl,
      ...(message.fileName !== undefined ? { fileName: message.fileName } : {}),
      ...(pageUrl ? { pageUrl } : {}),
    },
    tabId,
  );
  return { type: 'bg:ack' };
}

export async function openReport(message: Message<'cs:open-report'>, tabId: number): Promise<Ack> {
  if (!(await findingFor(tabId, message.key))) return { type: 'bg:refused', problem: 'no such finding' };
  const query = new URLSearchParams({ tabId: String(tabId), key: message.key });
  await browser.tabs.create({ url: browser.runtime.getURL(`${REPORT_PAGE}?${query}`), openerTabId: tabId });
  return { type: 'bg:ack' };
}

export async function interstitialFor(id: string, policy: Policy): Promise<BgInterstitial> {
  const entry = await getInterstitial(id);
  return {
    type: 'bg:interstitial',
    ...(entry ? { entry } : {}),
    canContinue: policy.preventBypass !== true,
    ...(policy.orgName ? { orgName: policy.orgName } : {}),
    ...(policy.supportContact ? { supportContact: policy.supportContact } : {}),
  };
}

export async function continueFromInterstitial(
  message: Message<'ui:interstitial-continue'>,
  policy: Policy,
  tabId: number | undefined,
): Promise<Ack> {
  const result = await continueInterstitial(message.id, {
    preventBypass: policy.preventBypass === true,
    ...(tabId !== undefined ? { tabId } : {}),
  });
  return result.ok ? { type: 'bg:ack' } : { type: 'bg:refused', problem: result.problem };
}

/** Asks every tab with results to judge its page again (best effort: a tab may have closed). */
async function rejudgeTabs(): Promise<void> {
  for (const tabId of await trackedTabs()) {
    browser.tabs.sendMessage(tabId, { type: 'bg:rejudge' }).catch(() => undefined);
  }
}

async function allowlist(): Promise<BgAllowlist> {
  return { type: 'bg:allowlist', entries: await readUserAllowlist() };
}

/** "This is a mistake": silences the item, or a host the finding named; then re-judges open tabs. */
export async function allowItem(
  message: Message<'ui:allow-item'>,
  rebuildEngine: () => void,
): Promise<BgAllowlist> {
  const finding = await findingFor(message.tabId, message.key);
  if (!finding) return allowlist();
  const note = finding.verdict.reasons[0]?.message ?? message.key;
  if (message.scope === 'host') {
    const host = message.host?.toLowerCase();
    // Only a host the finding itself names: the popup cannot allowlist arbitrary hosts.
    if (!host || !finding.verdict.reasons.some((r) => r.host?.toLowerCase() === host)) return allowlist();
    await addUserAllow('host', host, note);
    rebuildEngine();
  } else {
    await addUserAllow('item', message.key, note);
  }
  await rejudgeTabs();
  return allowlist();
}

export async function removeAllow(id: string, rebuildEngine: () => void): Promise<BgAllowlist> {
  await removeUserAllow(id);
  rebuildEngine();
  await rejudgeTabs();
  return allowlist();
}

export { allowlist as getAllowlist };

import browser from 'webextension-polyfill';
import { BgTabFindings } from '../../core/messages.ts';

/** Lists the active tab's findings with their reasons, built from text only. */
async function show(): Promise<void> {
  const summary = document.getElementById('summary')!;
  const list = document.getElementById('findings')!;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = Number(new URLSearchParams(location.search).get('tabId') ?? tab?.id);
  if (!Number.isInteger(tabId)) {
    summary.textContent = 'No tab to check.';
    return;
  }
  const parsed = BgTabFindings.safeParse(
    await browser.runtime.sendMessage({ type: 'ui:get-tab-findings', tabId }),
  );
  if (!parsed.success) {
    summary.textContent = 'Lureguard could not read this tab’s results.';
    return;
  }
  const { findings, judged } = parsed.data;
  const checked = `${judged} post${judged === 1 ? '' : 's'} checked`;
  summary.textContent =
    findings.length === 0
      ? `${checked}; nothing suspicious on this tab.`
      : `${checked}; ${findings.length} warning${findings.length === 1 ? '' : 's'} on this tab.`;
  for (const finding of findings) {
    const item = document.createElement('li');
    const level = document.createElement('span');
    level.className = `level ${finding.verdict.verdict}`;
    level.textContent = finding.verdict.verdict;
    const reasons = document.createElement('ul');
    for (const reason of finding.verdict.reasons) {
      const line = document.createElement('li');
      line.textContent = reason.message;
      reasons.append(line);
    }
    item.append(level, reasons);
    list.append(item);
  }
}

void show();

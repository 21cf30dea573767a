import browser from 'webextension-polyfill';
import '../i18n/page-strings.ts';
import { BgAllowlist, BgTabFindings, type Finding } from '../../core/messages.ts';
import { reasonText } from '../i18n/reason-text.ts';
import { currentLanguage, setLanguage, t, translatePage } from '../i18n/translate.ts';
import { readSettings } from '../i18n/user-settings.ts';
import { verdictLabel } from '../i18n/verdict-label.ts';

/** The active tab's findings with their reasons, built from text only, with per-item actions. */
const REPORT_PAGE = 'src/ui/report/report.html';

function button(text: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (className) b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

async function allow(tabId: number, finding: Finding, scope: 'item' | 'host', host?: string): Promise<void> {
  const parsed = BgAllowlist.safeParse(
    await browser.runtime.sendMessage({
      type: 'ui:allow-item',
      tabId,
      key: finding.key,
      scope,
      ...(host ? { host } : {}),
    }),
  );
  if (!parsed.success) return;
  document.getElementById('notice')!.textContent = t('popupAllowed');
  await show(tabId);
}

function findingItem(tabId: number, finding: Finding): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.key = finding.key;
  const level = document.createElement('span');
  level.className = `level ${finding.verdict.verdict}`;
  level.textContent = verdictLabel(finding.verdict.verdict);
  const reasons = document.createElement('ul');
  for (const reason of finding.verdict.reasons) {
    const line = document.createElement('li');
    line.textContent = reasonText(reason, currentLanguage());
    reasons.append(line);
  }
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(button(t('popupMistake'), () => void allow(tabId, finding, 'item'), 'mistake'));
  const hosts = [...new Set(finding.verdict.reasons.flatMap((r) => (r.host ? [r.host] : [])))];
  for (const host of hosts.slice(0, 3))
    actions.append(
      button(t('popupTrustHost', host), () => void allow(tabId, finding, 'host', host), 'trust'),
    );
  const report = document.createElement('a');
  report.className = 'report';
  report.textContent = t('popupReport');
  report.target = '_blank';
  report.href = browser.runtime.getURL(
    `${REPORT_PAGE}?${new URLSearchParams({ tabId: String(tabId), key: finding.key })}`,
  );
  actions.append(report);
  item.append(level, reasons, actions);
  return item;
}

async function show(tabId: number): Promise<void> {
  const summary = document.getElementById('summary')!;
  const list = document.getElementById('findings')!;
  const parsed = BgTabFindings.safeParse(
    await browser.runtime.sendMessage({ type: 'ui:get-tab-findings', tabId }).catch(() => undefined),
  );
  if (!parsed.success) {
    summary.textContent = t('popupCannotRead');
    return;
  }
  const { findings, judged } = parsed.data;
  summary.textContent =
    findings.length === 0 ? t('popupCheckedNone', judged) : t('popupCheckedSome', judged, findings.length);
  list.replaceChildren(...findings.map((f) => findingItem(tabId, f)));
}

async function main(): Promise<void> {
  setLanguage((await readSettings()).language);
  translatePage();
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // `?tabId=` lets tests and screenshots open the popup as a page for a given tab.
  const tabId = Number(new URLSearchParams(location.search).get('tabId') ?? tab?.id);
  if (!Number.isInteger(tabId)) {
    document.getElementById('summary')!.textContent = t('popupNoTab');
    return;
  }
  await show(tabId);
  // Results arrive after the popup opens (and change after "This is a mistake"): follow them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && changes.tabs) void show(tabId);
  });
}

void main();

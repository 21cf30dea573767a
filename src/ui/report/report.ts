import browser from 'webextension-polyfill';
import '../i18n/page-strings.ts';
import { BgReportDraft, BgReports, type ReportStatus } from '../../core/reports/report-messages.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';
import { deliveryProblemText, problemText } from '../i18n/problem-text.ts';
import { reasonText } from '../i18n/reason-text.ts';
import {
  currentLanguage,
  locale,
  type MessageKey,
  setLanguage,
  t,
  translatePage,
} from '../i18n/translate.ts';
import { readSettings } from '../i18n/user-settings.ts';
import { verdictLabel } from '../i18n/verdict-label.ts';

/**
 * Shows the full report before anything is sent, then sends it on a click. Everything is
 * rendered with textContent: the report holds page text, which is attacker-controlled.
 */

const $ = (id: string) => document.getElementById(id)!;

function row(list: HTMLElement, term: MessageKey, value: string | undefined): void {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = t(term);
  const dd = document.createElement('dd');
  dd.textContent = value;
  list.append(dt, dd);
}

function showProblem(text: string): void {
  const problem = $('problem');
  problem.textContent = text;
  problem.hidden = false;
}

function render(draft: ReportPayload): void {
  const summary = $('summary');
  row(summary, 'reportVerdict', verdictLabel(draft.verdict));
  row(summary, 'reportPage', draft.page?.url);
  row(summary, 'reportPageTitle', draft.page?.title);
  row(summary, 'reportAuthor', draft.author);
  row(summary, 'reportDownload', draft.download?.url);
  row(summary, 'reportFile', draft.download?.fileName);
  row(summary, 'reportFileType', draft.download?.detected);
  row(summary, 'reportSha256', draft.download?.sha256);
  row(summary, 'reportAttachments', draft.attachedFiles.map((a) => a.name).join(', ') || undefined);
  row(summary, 'reportExcerpt', draft.excerpt);
  row(
    summary,
    'reportLists',
    draft.lists.map((l) => `${l.feedId}${l.version ? ` v${l.version}` : ''}`).join(', '),
  );
  row(summary, 'reportExtension', `${draft.extension.name} ${draft.extension.version}`);
  row(summary, 'reportTime', new Date(draft.createdAt).toLocaleString(locale()));
  summary.querySelector('dd')?.classList.add(draft.verdict);
  const reasons = $('reasons');
  for (const reason of draft.reasons) {
    const li = document.createElement('li');
    li.className = reason.level;
    li.textContent = reasonText(reason, currentLanguage());
    li.dataset.reasonId = reason.id;
    reasons.append(li);
  }
  const links = $('links');
  for (const link of draft.links) {
    const li = document.createElement('li');
    li.textContent = link.target ? `${link.href} → ${link.target}` : link.href;
    links.append(li);
  }
  if (draft.links.length === 0) links.textContent = t('reportNoLinks');
  $('json').textContent = JSON.stringify(draft, null, 2);
}

function describe(status: ReportStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'sent') return t('reportStatusSent', status.destinationHost);
  return [
    status.lastError
      ? t('reportStatusPendingError', status.destinationHost, deliveryProblemText(status))
      : t('reportStatusPending', status.destinationHost),
    status.nextAttemptAt
      ? t('reportStatusNextTry', new Date(status.nextAttemptAt).toLocaleTimeString(locale()))
      : '',
    t('reportStatusQueued'),
  ]
    .filter(Boolean)
    .join(' ');
}

async function watch(id: string): Promise<void> {
  for (;;) {
    const parsed = BgReports.safeParse(await browser.runtime.sendMessage({ type: 'ui:get-reports' }));
    if (!parsed.success) return;
    const status = parsed.data.reports.find((r) => r.id === id);
    $('status').textContent = describe(status);
    $('status').dataset.state = status?.state ?? '';
    if (status?.state === 'sent') return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function main(): Promise<void> {
  setLanguage((await readSettings()).language);
  translatePage();
  const params = new URLSearchParams(location.search);
  const tabId = params.get('tabId');
  const request = {
    type: 'ui:get-report-draft',
    ...(params.get('interstitial') ? { interstitial: params.get('interstitial') } : {}),
    ...(tabId !== null && /^\d+$/.test(tabId) ? { tabId: Number(tabId) } : {}),
    ...(params.get('key') ? { key: params.get('key') } : {}),
  };
  const parsed = BgReportDraft.safeParse(await browser.runtime.sendMessage(request));
  if (!parsed.success || !parsed.data.draft) {
    showProblem(parsed.success ? (problemText(parsed.data) ?? t('reportNothing')) : t('reportNotBuilt'));
    return;
  }
  const { draft, destination } = parsed.data;
  render(draft);
  $('report').hidden = false;
  const send = $('send') as HTMLButtonElement;
  if (!destination) {
    $('destination').textContent = t('reportNoDestination', t('historyHeading'));
    return;
  }
  const where =
    destination.kind === 'mailto'
      ? destination.target.replace(/^mailto:/i, '')
      : new URL(destination.target).host;
  $('destination').textContent = t(destination.fromPolicy ? 'reportGoesToPolicy' : 'reportGoesTo', where);
  send.textContent = t(destination.kind === 'mailto' ? 'reportOpenMail' : 'reportSend');
  send.disabled = false;
  send.addEventListener(
    'click',
    async () => {
      send.disabled = true;
      const comment = ($('comment') as HTMLTextAreaElement).value.trim();
      const result = BgReports.safeParse(
        await browser.runtime.sendMessage({
          type: 'ui:send-report',
          id: draft.id,
          ...(comment ? { comment } : {}),
        }),
      );
      if (!result.success) return showProblem(t('reportNotQueued'));
      const problem = problemText(result.data);
      if (problem) return showProblem(problem);
      if (result.data.mailto) {
        $('status').textContent = t('reportMailOpened');
        location.href = result.data.mailto;
        return;
      }
      await watch(draft.id);
    },
    { once: true },
  );
}

void main();

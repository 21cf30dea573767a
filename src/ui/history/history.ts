import browser from 'webextension-polyfill';
import '../i18n/page-strings.ts';
import { type HistoryEntry, historyToCsv } from '../../core/reports/history.ts';
import { BgDocumentCheck, BgHistory, BgReports } from '../../core/reports/report-messages.ts';
import { deliveryProblemText, reportHeadline } from '../i18n/problem-text.ts';
import { locale, type MessageKey, setLanguage, t, translatePage } from '../i18n/translate.ts';
import { readSettings } from '../i18n/user-settings.ts';
import { verdictLabel } from '../i18n/verdict-label.ts';

/** Report destination, the outbox (pending vs sent), document check and the local history. Text only. */

const $ = (id: string) => document.getElementById(id)!;

function cells(row: HTMLTableRowElement, values: string[]): void {
  for (const value of values) {
    const td = document.createElement('td');
    td.textContent = value;
    row.append(td);
  }
}

const time = (ms: number) => new Date(ms).toLocaleString(locale());

const KIND: Record<HistoryEntry['kind'], MessageKey> = {
  finding: 'kindFinding',
  download: 'kindDownload',
  'document-check': 'kindDocumentCheck',
  report: 'kindReport',
};
const DELIVERY: Record<NonNullable<HistoryEntry['delivery']>, MessageKey> = {
  pending: 'deliveryPending',
  sent: 'deliverySent',
  'mail-opened': 'deliveryMailOpened',
};

async function showReports(reply?: unknown): Promise<void> {
  const parsed = BgReports.safeParse(
    reply ?? (await browser.runtime.sendMessage({ type: 'ui:get-reports' })),
  );
  if (!parsed.success) return;
  const { destination, reports } = parsed.data;
  $('destination-now').textContent = destination
    ? t(destination.fromPolicy ? 'historyDestinationPolicy' : 'historyDestinationNow', destination.target)
    : t('historyNoDestination');
  ($('endpoint') as HTMLInputElement).disabled = destination?.fromPolicy === true;
  ($('save-destination') as HTMLButtonElement).disabled = destination?.fromPolicy === true;
  const body = $('reports');
  body.replaceChildren();
  for (const report of reports) {
    const tr = document.createElement('tr');
    tr.dataset.state = report.state;
    tr.dataset.id = report.id;
    const state =
      report.state === 'sent'
        ? t('historyReportSent', time(report.sentAt ?? report.createdAt))
        : report.lastError
          ? t('historyReportPendingError', report.attempts, deliveryProblemText(report))
          : t('historyReportPending', report.attempts);
    cells(tr, [time(report.createdAt), state, report.destinationHost, reportHeadline(report.headline)]);
    body.append(tr);
  }
}

async function history(): Promise<HistoryEntry[]> {
  const parsed = BgHistory.safeParse(await browser.runtime.sendMessage({ type: 'ui:get-history' }));
  return parsed.success ? parsed.data.entries : [];
}

async function showHistory(): Promise<void> {
  const body = $('history');
  body.replaceChildren();
  for (const entry of (await history()).reverse()) {
    const tr = document.createElement('tr');
    tr.dataset.kind = entry.kind;
    cells(tr, [
      time(entry.at),
      t(KIND[entry.kind]),
      entry.delivery
        ? t('historyVerdictDelivery', verdictLabel(entry.verdict), t(DELIVERY[entry.delivery]))
        : verdictLabel(entry.verdict),
      reportHeadline(entry.headline),
      entry.url ?? entry.destination ?? '',
    ]);
    body.append(tr);
  }
}

function save(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function originPattern(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? `${url.origin}/*` : undefined;
  } catch {
    return undefined;
  }
}

$('destination-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const endpoint = ($('endpoint') as HTMLInputElement).value.trim();
  const reply = await browser.runtime.sendMessage({ type: 'ui:set-report-destination', endpoint });
  const parsed = BgReports.safeParse(reply);
  $('destination-problem').textContent = parsed.success ? '' : t('historyBadEndpoint');
  await showReports(parsed.success ? reply : undefined);
});

// Slack and Teams webhooks do not answer CORS preflights: the worker needs this origin's permission.
$('grant').addEventListener('click', async () => {
  const endpoint = ($('endpoint') as HTMLInputElement).value.trim() || undefined;
  const origin = endpoint ? originPattern(endpoint) : undefined;
  if (!origin) {
    $('destination-problem').textContent = t('historyGrantNeedsWebhook');
    return;
  }
  const granted = await browser.permissions.request({ origins: [origin] });
  $('destination-problem').textContent = granted ? t('historyGranted', origin) : t('historyNotGranted');
});

$('retry').addEventListener('click', async () => {
  await showReports(await browser.runtime.sendMessage({ type: 'ui:retry-reports' }));
});

$('check-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const url = ($('check-url') as HTMLInputElement).value.trim();
  const origin = originPattern(url);
  if (!origin) {
    $('check-result').textContent = t('historyCheckNeedsLink');
    return;
  }
  // Fetching another site's file needs its permission; asked only now, on this click.
  await browser.permissions.request({ origins: [origin] }).catch(() => false);
  $('check-result').textContent = t('historyChecking');
  const parsed = BgDocumentCheck.safeParse(
    await browser.runtime.sendMessage({ type: 'ui:check-document', url }),
  );
  if (!parsed.success) return;
  const { result, problem } = parsed.data;
  $('check-result').textContent = result
    ? t(
        'historyCheckResult',
        verdictLabel(result.verdict),
        result.reasons.map((r) => r.message).join(' ') || t('historyCheckFileType', result.detected.label),
        result.sha256,
        result.size.toLocaleString(locale()),
      )
    : (problem ?? '');
  await showHistory();
});

$('export-json').addEventListener('click', async () => {
  save('lureguard-history.json', 'application/json', `${JSON.stringify(await history(), null, 2)}\n`);
});
$('export-csv').addEventListener('click', async () => {
  save('lureguard-history.csv', 'text/csv', historyToCsv(await history()));
});
$('clear').addEventListener('click', async () => {
  if (!confirm(t('historyClearConfirm'))) return;
  await browser.runtime.sendMessage({ type: 'ui:clear-history' });
  await showHistory();
});

async function main(): Promise<void> {
  setLanguage((await readSettings()).language);
  translatePage();
  await Promise.all([showReports(), showHistory()]);
  setInterval(() => void showReports(), 2_000);
}

void main();

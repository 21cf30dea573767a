import browser from 'webextension-polyfill';
import { type HistoryEntry, historyToCsv } from '../../core/reports/history.ts';
import { BgDocumentCheck, BgHistory, BgReports } from '../../core/reports/report-messages.ts';

/** Report destination, the outbox (pending vs sent), document check and the local history. Text only. */

const $ = (id: string) => document.getElementById(id)!;

function cells(row: HTMLTableRowElement, values: string[]): void {
  for (const value of values) {
    const td = document.createElement('td');
    td.textContent = value;
    row.append(td);
  }
}

const time = (ms: number) => new Date(ms).toLocaleString();

async function showReports(reply?: unknown): Promise<void> {
  const parsed = BgReports.safeParse(
    reply ?? (await browser.runtime.sendMessage({ type: 'ui:get-reports' })),
  );
  if (!parsed.success) return;
  const { destination, reports } = parsed.data;
  $('destination-now').textContent = destination
    ? `Reports go to ${destination.target}${destination.fromPolicy ? ' (set by your organisation)' : ''}.`
    : 'No destination: reports cannot be sent until you add one.';
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
        ? `sent ${time(report.sentAt ?? report.createdAt)}`
        : `pending (${report.attempts} tries${report.lastError ? `, last: ${report.lastError}` : ''})`;
    cells(tr, [time(report.createdAt), state, report.destinationHost, report.headline]);
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
      entry.kind,
      entry.delivery ? `${entry.verdict} (${entry.delivery})` : entry.verdict,
      entry.headline,
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
  $('destination-problem').textContent = parsed.success
    ? ''
    : 'That is not an https:// webhook or a mailto: address.';
  await showReports(parsed.success ? reply : undefined);
});

// Slack and Teams webhooks do not answer CORS preflights: the worker needs this origin's permission.
$('grant').addEventListener('click', async () => {
  const endpoint = ($('endpoint') as HTMLInputElement).value.trim() || undefined;
  const origin = endpoint ? originPattern(endpoint) : undefined;
  if (!origin) {
    $('destination-problem').textContent = 'Enter an https:// webhook first.';
    return;
  }
  const granted = await browser.permissions.request({ origins: [origin] });
  $('destination-problem').textContent = granted
    ? `Lureguard may now post to ${origin}.`
    : 'Permission was not given.';
});

$('retry').addEventListener('click', async () => {
  await showReports(await browser.runtime.sendMessage({ type: 'ui:retry-reports' }));
});

$('check-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const url = ($('check-url') as HTMLInputElement).value.trim();
  const origin = originPattern(url);
  if (!origin) {
    $('check-result').textContent = 'Enter an https:// link.';
    return;
  }
  // Fetching another site's file needs its permission; asked only now, on this click.
  await browser.permissions.request({ origins: [origin] }).catch(() => false);
  $('check-result').textContent = 'Checking…';
  const parsed = BgDocumentCheck.safeParse(
    await browser.runtime.sendMessage({ type: 'ui:check-document', url }),
  );
  if (!parsed.success) return;
  const { result, problem } = parsed.data;
  $('check-result').textContent = result
    ? `${result.verdict === 'clean' ? 'No problem found' : result.verdict.toUpperCase()}: ${
        result.reasons.map((r) => r.message).join(' ') || `it is ${result.detected.label}.`
      } (SHA-256 ${result.sha256}, ${result.size} bytes)`
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
  if (!confirm('Clear the local history? Reports already sent are not affected.')) return;
  await browser.runtime.sendMessage({ type: 'ui:clear-history' });
  await showHistory();
});

void showReports();
void showHistory();
setInterval(() => void showReports(), 2_000);

import browser from 'webextension-polyfill';
import { BgReportDraft, BgReports, type ReportStatus } from '../../core/reports/report-messages.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';

/**
 * Shows the full report before anything is sent, then sends it on a click. Everything is
 * rendered with textContent: the report holds page text, which is attacker-controlled.
 */

const $ = (id: string) => document.getElementById(id)!;

function row(list: HTMLElement, term: string, value: string | undefined): void {
  if (!value) return;
  const dt = document.createElement('dt');
  dt.textContent = term;
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
  const level = draft.verdict === 'clean' ? 'not flagged' : draft.verdict;
  row(summary, 'Verdict', level);
  row(summary, 'Page', draft.page?.url);
  row(summary, 'Page title', draft.page?.title);
  row(summary, 'Author', draft.author);
  row(summary, 'Download', draft.download?.url);
  row(summary, 'File', draft.download?.fileName);
  row(summary, 'What the file really is', draft.download?.detected);
  row(summary, 'SHA-256', draft.download?.sha256);
  row(summary, 'Attachments', draft.attachedFiles.map((a) => a.name).join(', ') || undefined);
  row(summary, 'Post text', draft.excerpt);
  row(summary, 'Lists', draft.lists.map((l) => `${l.feedId}${l.version ? ` v${l.version}` : ''}`).join(', '));
  row(summary, 'Extension', `${draft.extension.name} ${draft.extension.version}`);
  row(summary, 'Time', draft.createdAt);
  summary.querySelector('dd')?.classList.add(draft.verdict);
  const reasons = $('reasons');
  for (const reason of draft.reasons) {
    const li = document.createElement('li');
    li.className = reason.level;
    li.textContent = reason.message;
    li.dataset.reasonId = reason.id;
    reasons.append(li);
  }
  const links = $('links');
  for (const link of draft.links) {
    const li = document.createElement('li');
    li.textContent = link.target ? `${link.href} → ${link.target}` : link.href;
    links.append(li);
  }
  if (draft.links.length === 0) links.textContent = 'None.';
  $('json').textContent = JSON.stringify(draft, null, 2);
}

function describe(status: ReportStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'sent') return `Sent to ${status.destinationHost}.`;
  const retry = status.nextAttemptAt
    ? ` Next try ${new Date(status.nextAttemptAt).toLocaleTimeString()}.`
    : '';
  const why = status.lastError ? ` (last try: ${status.lastError})` : '';
  return `Pending: waiting to reach ${status.destinationHost}${why}.${retry} It stays queued until delivered.`;
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
    showProblem(
      parsed.success ? (parsed.data.problem ?? 'Nothing to report.') : 'The report could not be built.',
    );
    return;
  }
  const { draft, destination } = parsed.data;
  render(draft);
  $('report').hidden = false;
  const send = $('send') as HTMLButtonElement;
  if (!destination) {
    $('destination').textContent =
      'No report destination is set up. Add a webhook or e-mail address under "Reports and history", then open this report again.';
    return;
  }
  const where =
    destination.kind === 'mailto'
      ? destination.target.replace(/^mailto:/i, '')
      : new URL(destination.target).host;
  $('destination').textContent =
    `It will go to ${where}${destination.fromPolicy ? ', as set by your organisation' : ''}.`;
  send.textContent = destination.kind === 'mailto' ? 'Open e-mail with this report' : 'Send report';
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
      if (!result.success) return showProblem('The report could not be queued.');
      if (result.data.problem) return showProblem(result.data.problem);
      if (result.data.mailto) {
        $('status').textContent = 'Your e-mail program opens with the report; send it from there.';
        location.href = result.data.mailto;
        return;
      }
      await watch(draft.id);
    },
    { once: true },
  );
}

void main();

import browser, { type Runtime } from 'webextension-polyfill';
import type { RequestMessage, ResponseMessage } from '../../core/messages.ts';
import { checkDocument } from '../../core/reports/document-check.ts';
import { mailtoFor } from '../../core/reports/report-builder.ts';
import {
  type BgDocumentCheck,
  type BgReports,
  USER_REPORT_HEADLINE,
} from '../../core/reports/report-messages.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';
import type { REPORT_SENDERS } from '../../core/reports/report-requests.ts';
import type { Candidate, Verdict } from '../../core/types.ts';
import { fetchDocument } from '../downloads/document-fetch.ts';
import { findingEvidenceKey, rememberEvidence } from './evidence-store.ts';
import { clearHistory, historyId, readHistory, recordHistory } from './history-store.ts';
import { draftInput, draftPayload, takeDraft } from './report-drafts.ts';
import { deliverDue, REPORT_ALARM, reportStatuses, retryNow, submitReport } from './report-outbox.ts';
import { reportDestination, writeUserEndpoint } from './report-settings.ts';
import type { WorkerContext } from './worker-context.ts';

type ReportRequestType = keyof typeof REPORT_SENDERS;
type ReportHandlers = {
  [K in ReportRequestType]: (
    message: Extract<RequestMessage, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Promise<ResponseMessage>;
};

async function reportsStatus(ctx: WorkerContext, extra: Partial<BgReports> = {}): Promise<BgReports> {
  const destination = await reportDestination(await ctx.policy());
  return {
    type: 'bg:reports',
    reports: await reportStatuses(),
    ...(destination ? { destination } : {}),
    ...extra,
  };
}

async function runDocumentCheck(
  ctx: WorkerContext,
  url: string,
  name?: string,
  pageUrl?: string,
): Promise<BgDocumentCheck> {
  const fetched = await fetchDocument(url, pageUrl);
  if (!fetched.ok) return { type: 'bg:document-check', url, problem: fetched.problem };
  const engine = await ctx.engine();
  const fileName = name ?? decodeURIComponent(new URL(fetched.finalUrl).pathname.split('/').pop() ?? '');
  const result = await checkDocument(
    fetched.bytes,
    { name: fileName, ...(fetched.mime ? { mime: fetched.mime } : {}) },
    engine.indicators,
  );
  await recordHistory([
    {
      id: historyId('doc', url, result.sha256),
      at: Date.now(),
      kind: 'document-check',
      verdict: result.verdict,
      headline:
        result.reasons[0]?.message ??
        `“${fileName}” is ${result.detected.label}, as it claims (SHA-256 ${result.sha256}).`,
      reasonIds: result.reasons.map((r) => r.id),
      url,
    },
  ]);
  const reasons = result.reasons.map(
    ({ id, level, message, brand, host, url: u, file, source, indicatorId }) => ({
      id,
      level,
      message,
      ...(brand ? { brand } : {}),
      ...(host ? { host } : {}),
      ...(u ? { url: u } : {}),
      ...(file ? { file } : {}),
      ...(source ? { source } : {}),
      ...(indicatorId ? { indicatorId } : {}),
    }),
  );
  return { type: 'bg:document-check', url, result: { ...result, reasons } };
}

/** Policy `autoReport`: dangerous verdicts go to an HTTPS reportEndpoint without a click, once each. */
export async function autoReport(
  ctx: WorkerContext,
  source: ReportPayload['source'],
  verdict: Verdict,
  fingerprint: string,
  candidate?: Candidate,
  downloadId?: number,
): Promise<void> {
  if (verdict.verdict !== 'dangerous') return;
  const policy = await ctx.policy();
  const destination = await reportDestination(policy);
  if (policy.autoReport !== true || !destination?.fromPolicy || destination.kind !== 'webhook') return;
  const key = 'autoReported';
  const seen = ((await browser.storage.local.get(key))[key] as string[] | undefined) ?? [];
  const id = historyId('auto', fingerprint);
  if (seen.includes(id)) return;
  await browser.storage.local.set({ [key]: [...seen.slice(-999), id] });
  const draft = await draftInput(
    ctx,
    {
      auto: {
        source,
        verdict,
        ...(candidate ? { candidate } : {}),
        ...(downloadId !== undefined ? { downloadId } : {}),
      },
    },
    'policy',
  );
  if (draft.ok) await submitReport(draftPayload(draft.input), destination.target);
}

/** Called after each `cs:judge`: keeps the evidence of flagged items for reports, and the local history. Never rejects. */
export function onJudged(
  ctx: WorkerContext,
  tabId: number,
  items: ReadonlyArray<{ key: string; candidate: Candidate }>,
  results: ReadonlyArray<{ key: string; verdict: Verdict }>,
): Promise<void> {
  return recordJudged(ctx, tabId, items, results).catch((error: unknown) => console.error('history', error));
}

async function recordJudged(
  ctx: WorkerContext,
  tabId: number,
  items: ReadonlyArray<{ key: string; candidate: Candidate }>,
  results: ReadonlyArray<{ key: string; verdict: Verdict }>,
): Promise<void> {
  const flagged = results.filter((r) => r.verdict.verdict !== 'clean');
  if (flagged.length === 0) return;
  const byKey = new Map(items.map((i) => [i.key, i.candidate]));
  await rememberEvidence(
    flagged.map((r) => [findingEvidenceKey(tabId, r.key), { candidate: byKey.get(r.key) ?? {} }]),
  );
  await recordHistory(
    flagged.map((r) => {
      const pageUrl = byKey.get(r.key)?.pageUrl ?? '';
      const first = r.verdict.reasons[0];
      return {
        id: historyId('finding', pageUrl, r.key, r.verdict.reasons.map((x) => x.id).join(',')),
        at: Date.now(),
        kind: 'finding' as const,
        verdict: r.verdict.verdict,
        headline: (first?.message ?? '').slice(0, 2_000),
        reasonIds: r.verdict.reasons.map((x) => x.id).slice(0, 100),
        ...(pageUrl ? { url: pageUrl.slice(0, 4_096) } : {}),
      };
    }),
  );
  for (const r of flagged) {
    const candidate = byKey.get(r.key);
    void autoReport(ctx, 'warning', r.verdict, `${candidate?.pageUrl ?? ''}|${r.key}`, candidate).catch(
      (error: unknown) => console.error('auto report', error),
    );
  }
}

export function reportHandlers(ctx: WorkerContext): ReportHandlers {
  return {
    'ui:get-report-draft': async (message) => {
      const from =
        message.interstitial !== undefined
          ? { interstitial: message.interstitial }
          : message.tabId !== undefined && message.key !== undefined
            ? { tabId: message.tabId, key: message.key }
            : undefined;
      if (!from) {
        return {
          type: 'bg:report-draft',
          problem: 'Nothing to report: the link is incomplete.',
          problemCode: 'link-incomplete',
        };
      }
      const draft = await draftInput(ctx, from);
      if (!draft.ok) return { type: 'bg:report-draft', problem: draft.problem, problemCode: draft.code };
      const destination = await reportDestination(await ctx.policy());
      return {
        type: 'bg:report-draft',
        draft: draftPayload(draft.input),
        ...(destination ? { destination } : {}),
      };
    },
    'ui:send-report': async (message) => {
      const destination = await reportDestination(await ctx.policy());
      if (!destination) {
        return reportsStatus(ctx, {
          problem: 'No report destination is set up, so nothing was sent.',
          problemCode: 'no-destination',
        });
      }
      const input = await takeDraft(message.id);
      if (!input) {
        return reportsStatus(ctx, {
          problem: 'This report was already sent or has expired.',
          problemCode: 'report-gone',
        });
      }
      const payload = draftPayload({ ...input, ...(message.comment ? { comment: message.comment } : {}) });
      if (destination.kind === 'mailto') {
        await recordHistory([
          {
            id: historyId('report', payload.id),
            at: Date.now(),
            kind: 'report',
            verdict: payload.verdict,
            headline: payload.reasons[0]?.message ?? USER_REPORT_HEADLINE,
            reasonIds: payload.reasons.map((r) => r.id),
            ...(payload.page?.url ? { url: payload.page.url } : {}),
            destination: destination.target.slice(0, 2_048),
            delivery: 'mail-opened',
          },
        ]);
        return reportsStatus(ctx, { mailto: mailtoFor(destination.target, payload) });
      }
      await submitReport(payload, destination.target);
      return reportsStatus(ctx);
    },
    'ui:get-reports': () => reportsStatus(ctx),
    'ui:retry-reports': async () => {
      await retryNow();
      return reportsStatus(ctx);
    },
    'ui:set-report-destination': async (message) => {
      await writeUserEndpoint(message.endpoint);
      return reportsStatus(ctx);
    },
    'ui:get-history': async () => ({ type: 'bg:history', entries: await readHistory() }),
    'ui:clear-history': async () => {
      await clearHistory();
      return { type: 'bg:history', entries: [] };
    },
    'ui:check-document': (message) => runDocumentCheck(ctx, message.url, message.name),
    'cs:check-document': (message, sender) =>
      runDocumentCheck(ctx, message.url, message.name, sender.tab?.url),
  };
}

/** Alarms and start-up: a restarted worker picks the outbox up where the last one stopped. */
export function installReportDelivery(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_ALARM) void deliverDue();
  });
  // Back online: no need to wait for the backoff.
  self.addEventListener('online', () => void retryNow());
  void deliverDue();
}

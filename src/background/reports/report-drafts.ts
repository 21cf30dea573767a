import browser from 'webextension-polyfill';
import { buildReport, type ReportInput } from '../../core/reports/report-builder.ts';
import type { BgReportDraft } from '../../core/reports/report-messages.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';
import type { Candidate, Verdict } from '../../core/types.ts';
import { getInterstitial } from '../interstitial-store.ts';
import { findingFor } from '../tab-findings.ts';
import { downloadEvidenceKey, evidenceFor, findingEvidenceKey } from './evidence-store.ts';
import type { WorkerContext } from './worker-context.ts';

/**
 * Drafts the report page shows before anything is sent. The evidence comes from the worker's
 * own records (the verdict it gave, the candidate it judged), never from the page asking, and
 * the draft is kept (storage.session) so Send sends exactly what was shown, plus the comment.
 */
const KEY = 'reportDrafts';
const MAX_DRAFTS = 20;

type StoredDraft = Omit<ReportInput, 'now'> & { now: string };

async function readDrafts(): Promise<Record<string, StoredDraft>> {
  const raw = (await browser.storage.session.get(KEY))[KEY];
  return raw && typeof raw === 'object' ? (raw as Record<string, StoredDraft>) : {};
}

async function saveDraft(input: ReportInput): Promise<void> {
  const all = await readDrafts();
  all[input.id] = { ...input, now: input.now.toISOString() };
  const ids = Object.keys(all);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_DRAFTS))) delete all[id];
  await browser.storage.session.set({ [KEY]: all });
}

export async function takeDraft(id: string): Promise<ReportInput | undefined> {
  const all = await readDrafts();
  const stored = all[id];
  if (!stored) return undefined;
  delete all[id];
  await browser.storage.session.set({ [KEY]: all });
  return { ...stored, now: new Date(stored.now) };
}

export type DraftSource =
  | { tabId: number; key: string }
  | { interstitial: string }
  | {
      auto: { source: ReportPayload['source']; verdict: Verdict; candidate?: Candidate; downloadId?: number };
    };

async function baseInput(
  ctx: WorkerContext,
): Promise<Pick<ReportInput, 'id' | 'now' | 'lists' | 'extensionVersion' | 'organisation'>> {
  const policy = await ctx.policy();
  return {
    id: crypto.randomUUID(),
    now: new Date(),
    lists: ctx.lists(),
    extensionVersion: browser.runtime.getManifest().version,
    ...(policy.orgName ? { organisation: policy.orgName } : {}),
  };
}

/** Builds the input of a report, or a problem in words. */
export async function draftInput(
  ctx: WorkerContext,
  from: DraftSource,
  trigger: ReportInput['trigger'] = 'user',
): Promise<
  | { ok: true; input: ReportInput }
  | { ok: false; problem: string; code: NonNullable<BgReportDraft['problemCode']> }
> {
  const base = await baseInput(ctx);
  if ('auto' in from) {
    const evidence =
      from.auto.downloadId !== undefined
        ? await evidenceFor(downloadEvidenceKey(from.auto.downloadId))
        : undefined;
    const candidate = from.auto.candidate ?? evidence?.candidate;
    const input: ReportInput = {
      ...base,
      trigger,
      source: from.auto.source,
      verdict: from.auto.verdict,
      ...(candidate ? { candidate } : {}),
      ...(evidence?.download ? { download: evidence.download } : {}),
    };
    return { ok: true, input };
  }
  if ('tabId' in from) {
    const finding = await findingFor(from.tabId, from.key);
    if (!finding)
      return {
        ok: false,
        problem: 'This warning is no longer on that tab; open the page again.',
        code: 'warning-gone',
      };
    const evidence = await evidenceFor(findingEvidenceKey(from.tabId, from.key));
    let title: string | undefined;
    let tabUrl: string | undefined;
    try {
      const tab = await browser.tabs.get(from.tabId);
      title = tab.title;
      tabUrl = tab.url;
    } catch {
      // The tab is gone; the stored evidence still has the page URL.
    }
    const candidate: Candidate = evidence?.candidate ?? {};
    if (!candidate.pageUrl && tabUrl) candidate.pageUrl = tabUrl;
    const input: ReportInput = {
      ...base,
      trigger,
      source: 'warning',
      verdict: finding.verdict,
      candidate,
      ...(title ? { pageTitle: title } : {}),
    };
    await saveDraft(input);
    return { ok: true, input };
  }
  const entry = await getInterstitial(from.interstitial);
  if (!entry) {
    return {
      ok: false,
      problem: 'This warning has expired; the report cannot be built any more.',
      code: 'warning-expired',
    };
  }
  const evidence =
    entry.downloadId !== undefined ? await evidenceFor(downloadEvidenceKey(entry.downloadId)) : undefined;
  const candidate: Candidate = evidence?.candidate ?? {
    links: [{ href: entry.targetUrl }],
    ...(entry.fileName ? { attachments: [{ name: entry.fileName, href: entry.targetUrl }] } : {}),
    ...(entry.pageUrl ? { pageUrl: entry.pageUrl } : {}),
  };
  const input: ReportInput = {
    ...base,
    trigger,
    source: entry.kind === 'download' ? 'download' : 'interstitial',
    verdict: entry.verdict,
    candidate,
    ...(evidence?.download
      ? { download: evidence.download }
      : entry.kind === 'download'
        ? { download: { url: entry.targetUrl, ...(entry.fileName ? { fileName: entry.fileName } : {}) } }
        : {}),
  };
  await saveDraft(input);
  return { ok: true, input };
}

export const draftPayload = (input: ReportInput): ReportPayload => buildReport(input);

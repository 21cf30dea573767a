import * as z from 'zod/mini';
import { HistoryEntry } from './history.ts';
import { ReportPayload, ReportReason } from './report-payload.ts';

/**
 * Worker answers for reports, history and document checks. Extension pages parse them with
 * these schemas; they are left out of the content script's bundle on purpose (see report-requests.ts).
 */

/** The headline of a report without reasons (a plain "Report" click); pages translate it. */
export const USER_REPORT_HEADLINE = 'Reported by the user';

export const ReportDestination = z.object({
  kind: z.enum(['webhook', 'mailto']),
  target: z.string(),
  fromPolicy: z.boolean(),
});
export type ReportDestination = z.infer<typeof ReportDestination>;

export const BgReportDraft = z.object({
  type: z.literal('bg:report-draft'),
  draft: z.optional(ReportPayload),
  destination: z.optional(ReportDestination),
  problem: z.optional(z.string()),
  /** Names a fixed `problem` so pages can say it in the user's language; `problem` stays English. */
  problemCode: z.optional(z.enum(['link-incomplete', 'warning-gone', 'warning-expired'])),
});
export type BgReportDraft = z.infer<typeof BgReportDraft>;

export const ReportStatus = z.object({
  id: z.string(),
  state: z.enum(['pending', 'sending', 'sent']),
  createdAt: z.number(),
  attempts: z.number(),
  nextAttemptAt: z.optional(z.number()),
  sentAt: z.optional(z.number()),
  lastError: z.optional(z.string()),
  /** What kind of failure `lastError` (English, with its detail) describes. */
  lastErrorCode: z.optional(z.enum(['webhook-redirected', 'http-status', 'network'])),
  headline: z.string(),
  destinationHost: z.string(),
});
export type ReportStatus = z.infer<typeof ReportStatus>;

export const BgReports = z.object({
  type: z.literal('bg:reports'),
  destination: z.optional(ReportDestination),
  reports: z.array(ReportStatus),
  /** For a mailto destination: the prefilled message the page opens. */
  mailto: z.optional(z.string()),
  problem: z.optional(z.string()),
  problemCode: z.optional(z.enum(['no-destination', 'report-gone'])),
});
export type BgReports = z.infer<typeof BgReports>;

export const BgHistory = z.object({ type: z.literal('bg:history'), entries: z.array(HistoryEntry) });
export type BgHistory = z.infer<typeof BgHistory>;

export const DocumentCheckResult = z.object({
  verdict: z.enum(['clean', 'suspicious', 'dangerous']),
  reasons: z.array(ReportReason),
  sha256: z.string(),
  size: z.number(),
  detected: z.object({ type: z.string(), label: z.string() }),
});
export const BgDocumentCheck = z.object({
  type: z.literal('bg:document-check'),
  url: z.string(),
  result: z.optional(DocumentCheckResult),
  problem: z.optional(z.string()),
});
export type BgDocumentCheck = z.infer<typeof BgDocumentCheck>;

export const REPORT_RESPONSES = [BgReportDraft, BgReports, BgHistory, BgDocumentCheck] as const;

export type ReportResponse = z.infer<(typeof REPORT_RESPONSES)[number]>;

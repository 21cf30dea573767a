import * as z from 'zod/mini';

/**
 * Requests of the download guard, document check, reports and history. They join the one
 * `RequestMessage` union in `src/core/messages.ts`. Kept apart from the (larger) responses in
 * report-messages.ts, so the content script, which bundles the request union, stays small.
 */

const Uuid = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
const HttpsUrl = z.string().check(z.regex(/^https:\/\/\S+$/i), z.maxLength(4_096));
const EntityKey = z.string().check(z.minLength(1), z.maxLength(256));

/** The report page asks for a draft: a finding on a tab, or an interstitial (blocked link or download). */
export const UiGetReportDraft = z.object({
  type: z.literal('ui:get-report-draft'),
  tabId: z.optional(z.number().check(z.int(), z.nonnegative())),
  key: z.optional(EntityKey),
  interstitial: z.optional(Uuid),
});
/** The user clicked Send on the draft they saw; only the comment comes from the page. */
export const UiSendReport = z.object({
  type: z.literal('ui:send-report'),
  id: Uuid,
  comment: z.optional(z.string().check(z.maxLength(2_000))),
});
export const UiGetReports = z.object({ type: z.literal('ui:get-reports') });
export const UiRetryReports = z.object({ type: z.literal('ui:retry-reports') });
/** The user's own destination (policy `reportEndpoint` wins); '' removes it. */
export const UiSetReportDestination = z.object({
  type: z.literal('ui:set-report-destination'),
  endpoint: z.union([
    z.literal(''),
    z.string().check(z.regex(/^(https:\/\/|mailto:)\S+$/i), z.maxLength(2_048)),
  ]),
});
export const UiGetHistory = z.object({ type: z.literal('ui:get-history') });
export const UiClearHistory = z.object({ type: z.literal('ui:clear-history') });
/** "Check this document": fetch once, sniff and hash. */
export const UiCheckDocument = z.object({
  type: z.literal('ui:check-document'),
  url: HttpsUrl,
  name: z.optional(z.string().check(z.maxLength(1_024))),
});
export const CsCheckDocument = z.object({
  type: z.literal('cs:check-document'),
  key: EntityKey,
  url: HttpsUrl,
  name: z.optional(z.string().check(z.maxLength(1_024))),
});

export const REPORT_REQUESTS = [
  UiGetReportDraft,
  UiSendReport,
  UiGetReports,
  UiRetryReports,
  UiSetReportDestination,
  UiGetHistory,
  UiClearHistory,
  UiCheckDocument,
  CsCheckDocument,
] as const;
export const REPORT_SENDERS = {
  'ui:get-report-draft': 'extension-page',
  'ui:send-report': 'extension-page',
  'ui:get-reports': 'extension-page',
  'ui:retry-reports': 'extension-page',
  'ui:set-report-destination': 'extension-page',
  'ui:get-history': 'extension-page',
  'ui:clear-history': 'extension-page',
  'ui:check-document': 'extension-page',
  'cs:check-document': 'content-script',
} as const;

import * as z from 'zod/mini';
import { VERIFY_PROBLEMS, type VerifyProblem } from './lists/verify-problems.ts';
import type { ReportResponse } from './reports/report-messages.ts';
import { REPORT_REQUESTS, REPORT_SENDERS } from './reports/report-requests.ts';
import { Candidate } from './types.ts';
import { EntityKey, Level, WarningLevel } from './verdict-messages.ts';

/**
 * Every message that crosses a context boundary, as one discriminated union named by
 * direction: `cs:` from content scripts, `ui:` from extension pages, `bg:` from the worker.
 * Both ends parse with these schemas; anything else is dropped.
 */

const MAX_ITEMS_PER_MESSAGE = 200;

// What the content script parses lives in verdict-messages.ts (its small import).
export { BgRejudge } from './verdict-messages.ts';

export const ReasonSchema = z.object({
  id: z.string().check(z.maxLength(64)),
  level: WarningLevel,
  message: z.string().check(z.maxLength(2_000)),
  escalatesWithJobContext: z.optional(z.boolean()),
  brand: z.optional(z.string()),
  host: z.optional(z.string()),
  url: z.optional(z.string()),
  file: z.optional(z.string()),
  evidence: z.optional(z.string().check(z.maxLength(1_024))),
  source: z.optional(z.string()),
  indicatorId: z.optional(z.string()),
  chain: z.optional(z.array(z.string())),
});

export const VerdictSchema = z.object({
  verdict: Level,
  reasons: z.array(ReasonSchema).check(z.maxLength(100)),
});

export const Finding = z.object({
  key: EntityKey,
  verdict: VerdictSchema,
});
export type Finding = z.infer<typeof Finding>;

/** The worker's answer to cs:judge (the content script reads it with findingsIn, one finding at a time). */
export const BgVerdicts = z.object({
  type: z.literal('bg:verdicts'),
  results: z.array(Finding),
});
export type BgVerdicts = z.infer<typeof BgVerdicts>;

export const JudgeItem = z.object({ key: EntityKey, candidate: Candidate });
export type JudgeItem = z.infer<typeof JudgeItem>;

export const CsPageStart = z.object({
  type: z.literal('cs:page-start'),
  url: z.string().check(z.maxLength(4_096)),
});

export const CsJudge = z.object({
  type: z.literal('cs:judge'),
  items: z.array(JudgeItem).check(z.minLength(1), z.maxLength(MAX_ITEMS_PER_MESSAGE)),
});

export const UiGetTabFindings = z.object({
  type: z.literal('ui:get-tab-findings'),
  tabId: z.number().check(z.int(), z.nonnegative()),
});

export const UiGetStatus = z.object({ type: z.literal('ui:get-status') });
export const UiCheckFeeds = z.object({ type: z.literal('ui:check-feeds') });

const FeedFields = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9._:-]+$/)),
  url: z.string().check(z.regex(/^https:\/\/\S+$/), z.maxLength(2_048)),
  keys: z
    .array(z.string().check(z.regex(/^ed25519:[A-Za-z0-9+/]{43}=$/)))
    .check(z.minLength(1), z.maxLength(16)),
  threshold: z.number().check(z.int(), z.minimum(1), z.maximum(16)),
});
export const UiAddFeed = z.object({ type: z.literal('ui:add-feed'), feed: FeedFields });
export const UiRemoveFeed = z.object({
  type: z.literal('ui:remove-feed'),
  id: z.string().check(z.maxLength(128)),
});

// --- Warnings UX (CONTENT-UX): interstitial, report link, user allowlist ---

const HttpUrl = z.string().check(z.regex(/^https?:\/\/\S+$/i), z.maxLength(4_096));

/** What an interstitial page explains before a dangerous link or download goes ahead. */
export const InterstitialEntry = z.object({
  kind: z.enum(['link', 'download']),
  verdict: VerdictSchema,
  targetUrl: z.string().check(z.maxLength(4_096)),
  fileName: z.optional(z.string().check(z.maxLength(1_024))),
  pageUrl: z.optional(z.string().check(z.maxLength(4_096))),
  downloadId: z.optional(z.number().check(z.int(), z.nonnegative())),
});
export type InterstitialEntry = z.infer<typeof InterstitialEntry>;

/** A click on a dangerous link or attachment: the worker opens the interstitial for the sender tab. */
export const CsOpenInterstitial = z.object({
  type: z.literal('cs:open-interstitial'),
  key: EntityKey,
  url: z.optional(HttpUrl),
  fileName: z.optional(z.string().check(z.maxLength(1_024))),
});
/** "Report" in the inline warning: the worker opens the report page for this finding on the sender tab. */
export const CsOpenReport = z.object({ type: z.literal('cs:open-report'), key: EntityKey });
const InterstitialId = z.string().check(z.regex(/^[0-9a-f-]{36}$/));
export const UiGetInterstitial = z.object({ type: z.literal('ui:get-interstitial'), id: InterstitialId });
export const UiInterstitialContinue = z.object({
  type: z.literal('ui:interstitial-continue'),
  id: InterstitialId,
});

/** A user allowlist entry: one entity ("this post is fine") or one host ("I trust this site"). */
export const UserAllowEntry = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  scope: z.enum(['item', 'host']),
  /** The entity key (item scope) or the hostname (host scope). */
  value: z.string().check(z.minLength(1), z.maxLength(256)),
  /** The headline reason it silenced, so the options page can say what undo brings back. */
  note: z.string().check(z.maxLength(2_000)),
  addedAt: z.string().check(z.maxLength(64)),
});
export type UserAllowEntry = z.infer<typeof UserAllowEntry>;
export const UiAllowItem = z.object({
  type: z.literal('ui:allow-item'),
  tabId: z.number().check(z.int(), z.nonnegative()),
  key: EntityKey,
  scope: z.enum(['item', 'host']),
  host: z.optional(z.string().check(z.regex(/^[a-z0-9.-]+$/i), z.maxLength(253))),
});
export const UiGetAllowlist = z.object({ type: z.literal('ui:get-allowlist') });
export const UiRemoveAllow = z.object({
  type: z.literal('ui:remove-allow'),
  id: z.string().check(z.maxLength(64)),
});

export const BgInterstitial = z.object({
  type: z.literal('bg:interstitial'),
  entry: z.optional(InterstitialEntry),
  /** False when policy `preventBypass` is set: "Continue anyway" is hidden and refused. */
  canContinue: z.boolean(),
  orgName: z.optional(z.string()),
  supportContact: z.optional(z.string()),
});
export type BgInterstitial = z.infer<typeof BgInterstitial>;
export const BgAllowlist = z.object({ type: z.literal('bg:allowlist'), entries: z.array(UserAllowEntry) });
export type BgAllowlist = z.infer<typeof BgAllowlist>;
/** An expected refusal, in words (e.g. "your organisation does not allow continuing"). */
export const BgRefused = z.object({ type: z.literal('bg:refused'), problem: z.string() });

export const RequestMessage = z.discriminatedUnion('type', [
  CsPageStart,
  CsJudge,
  UiGetTabFindings,
  UiGetStatus,
  UiCheckFeeds,
  UiAddFeed,
  UiRemoveFeed,
  CsOpenInterstitial,
  CsOpenReport,
  UiGetInterstitial,
  UiInterstitialContinue,
  UiAllowItem,
  UiGetAllowlist,
  UiRemoveAllow,
  // Downloads, document check, reports, history (REPORTS): src/core/reports/report-messages.ts
  ...REPORT_REQUESTS,
]);
export type RequestMessage = z.infer<typeof RequestMessage>;

export const BgTabFindings = z.object({
  type: z.literal('bg:tab-findings'),
  /** How many posts or messages were checked on the tab. */
  judged: z.number().check(z.int(), z.nonnegative()),
  findings: z.array(Finding),
});
export type BgTabFindings = z.infer<typeof BgTabFindings>;

export const BgAck = z.object({ type: z.literal('bg:ack') });

/**
 * Why the last feed check failed, for the options page to say in the user's language.
 * `lastError` keeps the English text with its detail (stored, and read by security teams).
 */
/** A verify problem that is a feed's failure: "oversized" is already a fetch problem, "unchanged" no failure. */
type FeedVerifyProblem = Exclude<VerifyProblem, 'oversized' | 'unchanged'>;
export const FeedProblemCode = z.enum([
  // Fetching (feed-fetch.ts)
  'redirected',
  'http-status',
  'content-type',
  'oversized',
  'timeout',
  'network',
  ...VERIFY_PROBLEMS.filter((p): p is FeedVerifyProblem => p !== 'oversized' && p !== 'unchanged'),
  /** The held list no longer verifies at start (the trusted keys changed). */
  'stored-invalid',
]);
export type FeedProblemCode = z.infer<typeof FeedProblemCode>;

export const FeedStatusSchema = z.object({
  id: z.string(),
  url: z.string(),
  origin: z.enum(['policy', 'user']),
  version: z.optional(z.number()),
  issuedAt: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  indicatorCount: z.optional(z.number()),
  outOfDate: z.optional(z.boolean()),
  lastCheck: z.optional(z.string()),
  lastSuccess: z.optional(z.string()),
  lastError: z.optional(z.string()),
  lastErrorCode: z.optional(FeedProblemCode),
  failures: z.number(),
  nextCheckAt: z.optional(z.number()),
});

export const BgStatus = z.object({
  type: z.literal('bg:status'),
  feeds: z.array(FeedStatusSchema),
  policyProblems: z.array(z.string()),
  userFeedsAllowed: z.boolean(),
  orgName: z.optional(z.string()),
  defaultIndicatorCount: z.number(),
  /** Why the last request was refused, if it was (e.g. a user feed with a duplicate id). */
  problem: z.optional(z.string()),
  problemCode: z.optional(z.enum(['feeds-not-allowed', 'duplicate-feed-id'])),
});
export type BgStatus = z.infer<typeof BgStatus>;

export const ResponseMessage = z.discriminatedUnion('type', [
  BgVerdicts,
  BgTabFindings,
  BgAck,
  BgStatus,
  BgInterstitial,
  BgAllowlist,
  BgRefused,
]);
/** Report answers (report-messages.ts) are typed here but parsed by the pages that ask: the content script never needs them. */
export type ResponseMessage = z.infer<typeof ResponseMessage> | ReportResponse;

/** Which sender may send which request: content scripts never ask for other tabs' data. */
export type SenderKind = 'content-script' | 'extension-page';
export const ALLOWED_SENDERS: Record<RequestMessage['type'], SenderKind> = {
  'cs:page-start': 'content-script',
  'cs:judge': 'content-script',
  'ui:get-tab-findings': 'extension-page',
  'ui:get-status': 'extension-page',
  'ui:check-feeds': 'extension-page',
  'ui:add-feed': 'extension-page',
  'ui:remove-feed': 'extension-page',
  'cs:open-interstitial': 'content-script',
  'cs:open-report': 'content-script',
  'ui:get-interstitial': 'extension-page',
  'ui:interstitial-continue': 'extension-page',
  'ui:allow-item': 'extension-page',
  'ui:get-allowlist': 'extension-page',
  'ui:remove-allow': 'extension-page',
  ...REPORT_SENDERS,
};

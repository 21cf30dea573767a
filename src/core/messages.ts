import * as z from 'zod/mini';
import { Candidate } from './types.ts';

/**
 * Every message that crosses a context boundary, as one discriminated union named by
 * direction: `cs:` from content scripts, `ui:` from extension pages, `bg:` from the worker.
 * Both ends parse with these schemas; anything else is dropped.
 */

const MAX_ITEMS_PER_MESSAGE = 200;

/** A page-scoped id for a judged entity (post, message, link), chosen by the content script. */
const EntityKey = z.string().check(z.minLength(1), z.maxLength(256));

const Level = z.enum(['clean', 'suspicious', 'dangerous']);
const WarningLevel = z.enum(['suspicious', 'dangerous']);

export const ReasonSchema = z.object({
  id: z.string().check(z.maxLength(64)),
  level: WarningLevel,
  message: z.string().check(z.maxLength(2_000)),
  escalatesWithJobContext: z.optional(z.boolean()),
  brand: z.optional(z.string()),
  host: z.optional(z.string()),
  url: z.optional(z.string()),
  file: z.optional(z.string()),
  source: z.optional(z.string()),
  indicatorId: z.optional(z.string()),
  chain: z.optional(z.array(z.string())),
});

export const VerdictSchema = z.object({
  verdict: Level,
  reasons: z.array(ReasonSchema).check(z.maxLength(100)),
});

export const JudgeItem = z.object({ key: EntityKey, candidate: Candidate });
export type JudgeItem = z.infer<typeof JudgeItem>;

export const Finding = z.object({
  key: EntityKey,
  verdict: VerdictSchema,
});
export type Finding = z.infer<typeof Finding>;

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

export const RequestMessage = z.discriminatedUnion('type', [
  CsPageStart,
  CsJudge,
  UiGetTabFindings,
  UiGetStatus,
  UiCheckFeeds,
  UiAddFeed,
  UiRemoveFeed,
]);
export type RequestMessage = z.infer<typeof RequestMessage>;

export const BgVerdicts = z.object({
  type: z.literal('bg:verdicts'),
  results: z.array(Finding),
});
export type BgVerdicts = z.infer<typeof BgVerdicts>;

export const BgTabFindings = z.object({
  type: z.literal('bg:tab-findings'),
  /** How many posts or messages were checked on the tab. */
  judged: z.number().check(z.int(), z.nonnegative()),
  findings: z.array(Finding),
});
export type BgTabFindings = z.infer<typeof BgTabFindings>;

export const BgAck = z.object({ type: z.literal('bg:ack') });

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
});
export type BgStatus = z.infer<typeof BgStatus>;

export const ResponseMessage = z.discriminatedUnion('type', [BgVerdicts, BgTabFindings, BgAck, BgStatus]);
export type ResponseMessage = z.infer<typeof ResponseMessage>;

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
};

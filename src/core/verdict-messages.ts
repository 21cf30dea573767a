import * as z from 'zod/mini';

/**
 * The verdict part of the message schemas (re-exported by messages.ts): the one answer the
 * content script parses. Kept apart so the content script's bundle does not carry every other
 * message schema (its budget is 60 KB).
 */

/** A page-scoped id for a judged entity (post, message, link), chosen by the content script. */
export const EntityKey = z.string().check(z.minLength(1), z.maxLength(256));

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

export const BgVerdicts = z.object({
  type: z.literal('bg:verdicts'),
  results: z.array(Finding),
});
export type BgVerdicts = z.infer<typeof BgVerdicts>;

/** The reply's frame alone: its findings are parsed one by one, so a bad one costs its post, not the batch. */
const BgVerdictsFrame = z.object({ type: z.literal('bg:verdicts'), results: z.array(z.unknown()) });

/** The findings of a `bg:verdicts` reply that fit the schema; anything else in it is dropped. */
export function findingsIn(reply: unknown): Finding[] {
  const frame = BgVerdictsFrame.safeParse(reply);
  if (!frame.success) return [];
  const findings: Finding[] = [];
  for (const result of frame.data.results) {
    const finding = Finding.safeParse(result);
    if (finding.success) findings.push(finding.data);
  }
  return findings;
}

/** Worker -> content script (tabs.sendMessage): the allowlist changed, judge the page again. */
export const BgRejudge = z.object({ type: z.literal('bg:rejudge') });

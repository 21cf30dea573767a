import * as z from 'zod/mini';

/**
 * What the content script parses: the worker's verdict reply and its re-judge nudge. Kept apart
 * from messages.ts (which holds the full Reason and Finding schemas) so the content script's
 * bundle carries only this (its budget is 60 KB).
 */

/** A page-scoped id for a judged entity (post, message, link), chosen by the content script. */
export const EntityKey = z.string().check(z.minLength(1), z.maxLength(256));

export const Level = z.enum(['clean', 'suspicious', 'dangerous']);
export const WarningLevel = z.enum(['suspicious', 'dangerous']);

/** What a page warning shows of a reason: its words, and the link or file it is about. Other fields are dropped here. */
const PageReason = z.object({
  id: z.string().check(z.maxLength(64)),
  level: WarningLevel,
  message: z.string().check(z.maxLength(2_000)),
  url: z.optional(z.string()),
  file: z.optional(z.string()),
});

export const PageFinding = z.object({
  key: EntityKey,
  verdict: z.object({ verdict: Level, reasons: z.array(PageReason).check(z.maxLength(100)) }),
});
export type PageFinding = z.infer<typeof PageFinding>;

/** The reply's frame alone: its findings are parsed one by one, so a bad one costs its post, not the batch. */
const BgVerdictsFrame = z.object({ type: z.literal('bg:verdicts'), results: z.array(z.unknown()) });

/**
 * Most of a page is clean, and zod's walk costs more than the rest of reading a clean reply. This
 * is the PageFinding schema for exactly that shape, written out; anything else goes to zod, which
 * decides (a property test holds the two equal).
 */
function cleanFinding(value: unknown): PageFinding | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, verdict } = value as { key?: unknown; verdict?: unknown };
  if (typeof key !== 'string' || key.length < 1 || key.length > 256) return undefined;
  if (typeof verdict !== 'object' || verdict === null) return undefined;
  const { verdict: level, reasons } = verdict as { verdict?: unknown; reasons?: unknown };
  if (level !== 'clean' || !Array.isArray(reasons) || reasons.length !== 0) return undefined;
  return { key, verdict: { verdict: 'clean', reasons: [] } };
}

/** The findings of a `bg:verdicts` reply that fit the schema; anything else in it is dropped. */
export function findingsIn(reply: unknown): PageFinding[] {
  const frame = BgVerdictsFrame.safeParse(reply);
  if (!frame.success) return [];
  const findings: PageFinding[] = [];
  for (const result of frame.data.results) {
    const clean = cleanFinding(result);
    if (clean) {
      findings.push(clean);
      continue;
    }
    const finding = PageFinding.safeParse(result);
    if (finding.success) findings.push(finding.data);
  }
  return findings;
}

/** Worker -> content script (tabs.sendMessage): the allowlist changed, judge the page again. */
export const BgRejudge = z.object({ type: z.literal('bg:rejudge') });

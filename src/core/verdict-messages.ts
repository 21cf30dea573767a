import * as z from 'zod/mini';
import { isRecord } from './is-record.ts';

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

/**
 * A message type tag. A one-value enum accepts exactly what `z.literal` would for a string, and
 * the content script then carries one zod schema kind fewer (about 0.5 kB of its 60 KB budget).
 */
const tag = <T extends string>(value: T) => z.enum([value]);

/** The reply's frame alone: its findings are parsed one by one, so a bad one costs its post, not the batch. */
export const BgVerdictsFrame = z.object({ type: tag('bg:verdicts'), results: z.array(z.unknown()) });

/**
 * The PageFinding schema, written out: zod's walk cost the content script more than the rest
 * of reading a reply (a 1,000-post feed with many warnings spent ~15 ms in it). Anything this
 * refuses goes to zod, which decides; a seeded property test holds the two equal on accepted
 * values, so zod stays the schema of record.
 */
function plainFinding(value: unknown): PageFinding | undefined {
  if (!isRecord(value)) return;
  const { key, verdict } = value;
  if (typeof key !== 'string' || key.length < 1 || key.length > 256 || !isRecord(verdict)) return;
  const { verdict: level, reasons } = verdict;
  if (level !== 'clean' && level !== 'suspicious' && level !== 'dangerous') return;
  if (!Array.isArray(reasons) || reasons.length > 100) return;
  const read: PageFinding['verdict']['reasons'] = [];
  for (const reason of reasons) {
    if (!isRecord(reason)) return;
    const { id, level, message, url, file } = reason;
    if (typeof id !== 'string' || id.length > 64 || typeof message !== 'string' || message.length > 2_000)
      return;
    if (level !== 'suspicious' && level !== 'dangerous') return;
    const page: (typeof read)[number] = { id, level, message };
    // Absent or a string; a key present as `undefined` is left to zod, which keeps it.
    if (typeof url === 'string') page.url = url;
    else if ('url' in reason) return;
    if (typeof file === 'string') page.file = file;
    else if ('file' in reason) return;
    read.push(page);
  }
  return { key, verdict: { verdict: level, reasons: read } };
}

/**
 * The results of a `bg:verdicts` frame, as BgVerdictsFrame reads them. Checked by hand first:
 * zod copies an array of unknowns element by element, and on a page's first replies (code not
 * yet compiled) that cost the content script 6-9 ms per 1,000-post load, several times reading
 * the findings in it. What this refuses, zod decides.
 */
function resultsIn(reply: unknown): unknown[] | undefined {
  if (isRecord(reply) && reply.type === 'bg:verdicts' && Array.isArray(reply.results)) return reply.results;
  const frame = BgVerdictsFrame.safeParse(reply);
  return frame.success ? frame.data.results : undefined;
}

/** The findings of a `bg:verdicts` reply that fit the schema; anything else in it is dropped. */
export function findingsIn(reply: unknown): PageFinding[] {
  const results = resultsIn(reply);
  if (!results) return [];
  const findings: PageFinding[] = [];
  for (const result of results) {
    const plain = plainFinding(result);
    if (plain) {
      findings.push(plain);
      continue;
    }
    const finding = PageFinding.safeParse(result);
    if (finding.success) findings.push(finding.data);
  }
  return findings;
}

/** Worker -> content script (tabs.sendMessage): the allowlist changed, judge the page again. */
export const BgRejudge = z.object({ type: tag('bg:rejudge') });

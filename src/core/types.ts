import * as z from 'zod/mini';

import { CANDIDATE_LIMITS } from './candidate-limits.ts';

export { CANDIDATE_LIMITS };

export const CandidateLink = z.object({
  href: z.string().check(z.maxLength(CANDIDATE_LIMITS.urlChars)),
  text: z.optional(z.string().check(z.maxLength(CANDIDATE_LIMITS.nameChars))),
});
export type CandidateLink = z.infer<typeof CandidateLink>;

export const CandidateAttachment = z.object({
  name: z.string().check(z.maxLength(CANDIDATE_LIMITS.nameChars)),
  href: z.optional(z.string().check(z.maxLength(CANDIDATE_LIMITS.urlChars))),
});
export type CandidateAttachment = z.infer<typeof CandidateAttachment>;

/**
 * What a page shows about one post or message, as plain data. Site adapters build it,
 * the CLI reads it as JSON, and the engine judges it.
 */
export const Candidate = z.object({
  text: z.optional(z.string().check(z.maxLength(CANDIDATE_LIMITS.textChars))),
  links: z.optional(z.array(CandidateLink).check(z.maxLength(CANDIDATE_LIMITS.links))),
  attachments: z.optional(z.array(CandidateAttachment).check(z.maxLength(CANDIDATE_LIMITS.attachments))),
  pageUrl: z.optional(z.string().check(z.maxLength(CANDIDATE_LIMITS.urlChars))),
  author: z.optional(z.string().check(z.maxLength(CANDIDATE_LIMITS.nameChars))),
});
export type Candidate = z.infer<typeof Candidate>;

export type Level = 'clean' | 'suspicious' | 'dangerous';
export type WarningLevel = Exclude<Level, 'clean'>;

/**
 * One plain-English reason. `id` is stable (reports, tests and translations key on it);
 * `message` names the brand and the evidence.
 */
export interface Reason {
  id: string;
  /** How bad this reason is on its own, before job context is considered. */
  level: WarningLevel;
  message: string;
  /** A lookalike or similar reason that becomes dangerous when the post is about a job. */
  escalatesWithJobContext?: boolean;
  brand?: string;
  host?: string;
  url?: string;
  file?: string;
  /** The words or value the message quotes (a lure's phrase, a link's shown text, a listed value). */
  evidence?: string;
  /** Where an indicator came from, so a warning can cite it. */
  source?: string;
  indicatorId?: string;
  /** Redirect chain, outermost first, when the evidence sat behind redirectors. */
  chain?: string[];
}

export interface Verdict {
  verdict: Level;
  reasons: Reason[];
}

export const LEVEL_RANK: Record<Level, number> = { clean: 0, suspicious: 1, dangerous: 2 };

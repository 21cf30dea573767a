/**
 * Why a signed list was refused, one word each: `lureguard verify` prints them, the worker stores
 * them as feed problem codes (messages.ts), and tests check against this one list.
 */
export const VERIFY_PROBLEMS = [
  'malformed',
  'oversized',
  'payload-type',
  'unknown-key',
  'bad-signature',
  'threshold',
  'duplicate-key',
  'schema',
  'feed-id',
  'expired',
  'future-dated',
  'rollback',
  'equivocation',
  /** The same version with the same bytes as the list held (re-signed or re-served): nothing new. */
  'unchanged',
] as const;
export type VerifyProblem = (typeof VERIFY_PROBLEMS)[number];

/**
 * Limits on what one candidate may carry; a hostile page must not make the worker parse
 * megabytes. Apart from types.ts so the content script takes these numbers without the
 * worker's schemas.
 */
export const CANDIDATE_LIMITS = {
  textChars: 20_000,
  links: 200,
  attachments: 50,
  urlChars: 4_096,
  nameChars: 1_024,
} as const;

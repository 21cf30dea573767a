import browser from 'webextension-polyfill';
import * as z from 'zod/mini';

/**
 * Enterprise policy from chrome.storage.managed (schema: public/managed_schema.json).
 * Chromium already drops values that do not fit the schema; each field is validated
 * again here and dropped on its own, so one bad value never loses the rest.
 */

export const FeedConfig = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  url: z.string().check(z.regex(/^https:\/\/[^\s]+$/), z.maxLength(2_048)),
  keys: z
    .array(z.string().check(z.regex(/^ed25519:[A-Za-z0-9+/]{43}=$/)))
    .check(z.minLength(1), z.maxLength(16)),
  threshold: z.number().check(z.int(), z.minimum(1), z.maximum(16)),
});
export type FeedConfig = z.infer<typeof FeedConfig>;

const POLICY_FIELDS = {
  feeds: z.array(FeedConfig).check(z.maxLength(32)),
  pollMinutes: z.number().check(z.int(), z.minimum(5), z.maximum(10_080)),
  reportEndpoint: z.string().check(z.regex(/^(https:\/\/|mailto:)\S+$/), z.maxLength(2_048)),
  disableUserOptOut: z.boolean(),
  preventBypass: z.boolean(),
  allowlist: z
    .array(z.string().check(z.regex(/^[a-z0-9.-]+$/i), z.maxLength(253)))
    .check(z.maxLength(10_000)),
  orgName: z.string().check(z.maxLength(200)),
  supportContact: z.string().check(z.maxLength(500)),
  // Download guard and reports (REPORTS, issue 6).
  downloadAction: z.enum(['cancel', 'pause']),
  autoReport: z.boolean(),
  autoCheckDocuments: z.boolean(),
};

export interface Policy {
  feeds?: FeedConfig[];
  pollMinutes?: number;
  reportEndpoint?: string;
  disableUserOptOut?: boolean;
  preventBypass?: boolean;
  allowlist?: string[];
  orgName?: string;
  supportContact?: string;
  /** What the download guard does to a dangerous download (default cancel). */
  downloadAction?: 'cancel' | 'pause';
  /** Send dangerous findings to `reportEndpoint` without a click. */
  autoReport?: boolean;
  /** Fetch and sniff document downloads from unknown hosts without a click. */
  autoCheckDocuments?: boolean;
  /** Fields that were present but invalid, with why; shown on the options page. */
  problems: string[];
}

export function parsePolicy(raw: Record<string, unknown>): Policy {
  const policy: Policy = { problems: [] };
  for (const [name, schema] of Object.entries(POLICY_FIELDS)) {
    if (raw[name] === undefined) continue;
    if (name === 'feeds' && Array.isArray(raw.feeds)) {
      // Keep the good feeds even when one entry is broken.
      policy.feeds = [];
      raw.feeds.forEach((feed, i) => {
        const parsed = FeedConfig.safeParse(feed);
        if (parsed.success) policy.feeds!.push(parsed.data);
        else policy.problems.push(`feeds[${i}]: ${parsed.error.issues[0]?.path.join('.') ?? ''} is invalid`);
      });
      continue;
    }
    const parsed = (schema as z.ZodMiniType).safeParse(raw[name]);
    if (parsed.success) (policy as unknown as Record<string, unknown>)[name] = parsed.data;
    else policy.problems.push(`${name} is invalid`);
  }
  return policy;
}

export async function readPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    // No managed storage on this browser or profile: no policy.
    return { problems: [] };
  }
}

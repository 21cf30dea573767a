import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { loadDefaultList } from '../core/lists/default-list.ts';
import type { IndicatorPayload } from '../core/lists/indicator-payload.ts';
import { verifyEnvelope } from '../core/lists/verify-envelope.ts';
import type { FeedProblemCode } from '../core/messages.ts';
import { FEED_FETCH_DEFAULTS, fetchFeed } from './feed-fetch.ts';
import type { FeedConfig } from './policy.ts';

/**
 * The indicator lists the worker trusts. The bundled default list is always there; each
 * configured feed keeps its last verified envelope (never the parsed list), which is
 * verified again whenever the worker starts. A feed that fails keeps its last good list.
 */

const STORAGE_KEY = 'feeds';
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/**
 * Tighter fetch limits for the end-to-end tests (a 30 s timeout and a 20 MB body do not fit in a
 * test run). They live in chrome.storage.session, which only extension pages and the worker can
 * reach (never pages or content scripts), and they can only lower the defaults, never raise them.
 */
export const TEST_FETCH_LIMITS_KEY = 'feedFetchLimitsForTests';
const TestFetchLimits = z.object({
  timeoutMs: z.optional(z.number().check(z.int(), z.minimum(100))),
  maxBytes: z.optional(z.number().check(z.int(), z.minimum(1_024))),
});

async function fetchLimits(): Promise<typeof FEED_FETCH_DEFAULTS> {
  let raw: unknown;
  try {
    raw = (await browser.storage.session.get(TEST_FETCH_LIMITS_KEY))[TEST_FETCH_LIMITS_KEY];
  } catch {
    raw = undefined;
  }
  const parsed = TestFetchLimits.safeParse(raw);
  const limits = parsed.success ? parsed.data : {};
  return {
    timeoutMs: Math.min(FEED_FETCH_DEFAULTS.timeoutMs, limits.timeoutMs ?? Number.POSITIVE_INFINITY),
    maxBytes: Math.min(FEED_FETCH_DEFAULTS.maxBytes, limits.maxBytes ?? Number.POSITIVE_INFINITY),
  };
}

export interface FeedStatus {
  id: string;
  url: string;
  origin: 'policy' | 'user';
  version?: number;
  issuedAt?: string;
  expiresAt?: string;
  indicatorCount?: number;
  /** The last good list has expired: it still protects, but its data is out of date. */
  outOfDate?: boolean;
  lastCheck?: string;
  lastSuccess?: string;
  lastError?: string;
  lastErrorCode?: FeedProblemCode;
  failures: number;
  nextCheckAt?: number;
}

interface StoredFeed extends FeedStatus {
  envelope?: string;
  payloadSha256?: string;
  etag?: string;
}

export interface ActiveList {
  feedId: string;
  payload: IndicatorPayload;
}

export interface ConfiguredFeed extends FeedConfig {
  origin: 'policy' | 'user';
}

export class FeedStore {
  private feeds = new Map<string, StoredFeed>();
  private configs = new Map<string, ConfiguredFeed>();
  private verified = new Map<string, IndicatorPayload>();
  private readonly defaultList: ActiveList = { feedId: 'lureguard-default', payload: loadDefaultList() };

  /** Loads stored envelopes for the configured feeds and verifies each again. */
  async start(configs: ConfiguredFeed[]): Promise<void> {
    const stored = ((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY] ?? {}) as Record<
      string,
      StoredFeed
    >;
    this.configs = new Map(configs.map((c) => [c.id, c]));
    this.feeds = new Map();
    this.verified = new Map();
    for (const config of configs) {
      const previous = stored[config.id];
      const feed: StoredFeed = {
        failures: 0,
        ...previous,
        id: config.id,
        url: config.url,
        origin: config.origin,
      };
      if (previous && previous.url !== config.url) delete feed.etag;
      this.feeds.set(config.id, feed);
      if (feed.envelope) await this.reverify(feed, config);
    }
    await this.persist();
  }

  private async reverify(feed: StoredFeed, config: ConfiguredFeed): Promise<void> {
    const result = await verifyEnvelope(
      feed.envelope!,
      { feedId: config.id, keys: config.keys, threshold: config.threshold },
      { allowExpired: true },
    );
    if (result.ok) {
      this.verified.set(config.id, result.payload);
      feed.outOfDate = result.expired;
      return;
    }
    // The trusted keys changed (rotation or revocation): a list they no longer sign is dropped.
    feed.lastError = `stored list no longer verifies: ${result.problem}`;
    feed.lastErrorCode = 'stored-invalid';
    delete feed.envelope;
    delete feed.version;
    delete feed.payloadSha256;
    delete feed.etag;
  }

  activeLists(): ActiveList[] {
    return [this.defaultList, ...[...this.verified].map(([feedId, payload]) => ({ feedId, payload }))];
  }

  statuses(now = Date.now()): FeedStatus[] {
    return [...this.feeds.values()].map(({ envelope, payloadSha256: _p, etag: _t, ...status }) => ({
      ...status,
      // A list can expire while the worker runs: the flag follows the clock, not the last start.
      outOfDate:
        envelope !== undefined && status.expiresAt !== undefined && Date.parse(status.expiresAt) <= now,
    }));
  }

  /** Checks every due feed (or all, when `force`). Returns true when any list changed. */
  async poll(pollMinutes: number, force = false, now = Date.now()): Promise<boolean> {
    let changed = false;
    for (const [id, config] of this.configs) {
      const feed = this.feeds.get(id)!;
      if (!force && feed.nextCheckAt !== undefined && feed.nextCheckAt > now) continue;
      changed = (await this.check(feed, config, pollMinutes, now)) || changed;
    }
    await this.persist();
    return changed;
  }

  private async check(
    feed: StoredFeed,
    config: ConfiguredFeed,
    pollMinutes: number,
    now: number,
  ): Promise<boolean> {
    feed.lastCheck = new Date(now).toISOString();
    const fetched = await fetchFeed(config.url, feed.etag, await fetchLimits());
    if (!fetched.ok) return this.fail(feed, fetched.problem, fetched.code, pollMinutes, now);
    if (fetched.notModified) return this.succeed(feed, pollMinutes, now, false);
    // The same envelope served again (a server without ETags) is not a new version.
    const text = new TextDecoder().decode(fetched.bytes);
    if (feed.envelope !== undefined && text === feed.envelope)
      return this.succeed(feed, pollMinutes, now, false);
    const result = await verifyEnvelope(fetched.bytes, {
      feedId: config.id,
      keys: config.keys,
      threshold: config.threshold,
      storedVersion: feed.version,
      storedPayloadSha256: feed.payloadSha256,
      now: new Date(now),
    });
    if (!result.ok) {
      // Re-signed (say, a second signer added) but the same bytes: not an error, and nothing new.
      if (result.problem === 'unchanged') return this.succeed(feed, pollMinutes, now, false);
      return this.fail(
        feed,
        `${result.problem}${result.detail ? `: ${result.detail}` : ''}`,
        result.problem,
        pollMinutes,
        now,
      );
    }
    feed.envelope = text;
    feed.payloadSha256 = result.payloadSha256;
    feed.version = result.payload.version;
    feed.issuedAt = result.payload.issuedAt;
    feed.expiresAt = result.payload.expiresAt;
    feed.indicatorCount = result.payload.indicators.length;
    feed.outOfDate = false;
    if (fetched.etag) feed.etag = fetched.etag;
    this.verified.set(config.id, result.payload);
    return this.succeed(feed, pollMinutes, now, true);
  }

  private succeed(feed: StoredFeed, pollMinutes: number, now: number, changed: boolean): boolean {
    feed.lastSuccess = new Date(now).toISOString();
    delete feed.lastError;
    delete feed.lastErrorCode;
    feed.failures = 0;
    feed.nextCheckAt = now + pollMinutes * 60_000;
    return changed;
  }

  /** Records the failure and backs off exponentially; the last good list stays active. */
  private fail(
    feed: StoredFeed,
    problem: string,
    code: FeedProblemCode,
    pollMinutes: number,
    now: number,
  ): false {
    feed.lastError = problem;
    feed.lastErrorCode = code;
    feed.failures += 1;
    const backoff = Math.min(MAX_BACKOFF_MS, pollMinutes * 60_000 * 2 ** Math.min(feed.failures, 10));
    feed.nextCheckAt = now + backoff;
    return false;
  }

  private async persist(): Promise<void> {
    await browser.storage.local.set({ [STORAGE_KEY]: Object.fromEntries(this.feeds) });
  }
}

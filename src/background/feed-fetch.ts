import type { FeedProblemCode } from '../core/messages.ts';
import { readCappedBody } from './read-capped-body.ts';

/**
 * One conditional GET of a feed: 30 s timeout, a byte cap enforced while streaming, no
 * cookies, and no redirect to another origin. Expected failures come back as a problem
 * string for the feed status, with its code; nothing here throws.
 */

export const FEED_FETCH_DEFAULTS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024 };

export type FeedFetchResult =
  | { ok: true; notModified: true }
  | { ok: true; notModified: false; bytes: Uint8Array; etag: string | null }
  | { ok: false; problem: string; code: FeedProblemCode };

const ACCEPTED_TYPES = /^(application\/([a-z.+-]*\+)?json|application\/octet-stream|text\/plain)\b/i;

export async function fetchFeed(
  url: string,
  etag: string | undefined,
  options: Partial<typeof FEED_FETCH_DEFAULTS> = {},
): Promise<FeedFetchResult> {
  const { timeoutMs, maxBytes } = { ...FEED_FETCH_DEFAULTS, ...options };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      headers: etag ? { 'If-None-Match': etag } : {},
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    if (new URL(response.url).origin !== new URL(url).origin)
      return { ok: false, problem: 'redirected to another host', code: 'redirected' };
    if (response.status === 304) return { ok: true, notModified: true };
    if (!response.ok) return { ok: false, problem: `http ${response.status}`, code: 'http-status' };
    const type = response.headers.get('content-type') ?? '';
    if (type && !ACCEPTED_TYPES.test(type))
      return { ok: false, problem: `content-type ${type.split(';')[0]}`, code: 'content-type' };
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) return { ok: false, problem: 'oversized', code: 'oversized' };
    const bytes = await readCappedBody(response, maxBytes);
    if (!bytes) return { ok: false, problem: 'oversized', code: 'oversized' };
    return { ok: true, notModified: false, bytes, etag: response.headers.get('etag') };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, problem: 'timeout', code: 'timeout' };
    return { ok: false, problem: `network: ${(error as Error).message.slice(0, 200)}`, code: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

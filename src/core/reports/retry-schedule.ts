/**
 * When to try a failed report again: exponential backoff with "equal jitter" (half fixed,
 * half random), so a fleet of browsers whose collector went down does not retry in lockstep.
 * 30 s (chrome.alarms' floor), 1 min, 2 min … capped at 6 h; never gives up.
 */
export const RETRY = { baseMs: 30_000, capMs: 6 * 60 * 60 * 1_000 } as const;

export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(RETRY.capMs, RETRY.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1));
}

/** A `Retry-After` header (seconds or an HTTP date), clamped to [base, cap]; undefined if absent or bad. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1_000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(RETRY.capMs, Math.max(RETRY.baseMs, ms));
}

export type DeliveryOutcome = 'delivered' | 'retry';

/**
 * 2xx is delivered. 409 Conflict is what idempotency-key receivers answer for a key they already
 * hold (IETF draft-ietf-httpapi-idempotency-key-header): the report arrived earlier, so it counts.
 */
export function deliveryOutcome(status: number): DeliveryOutcome {
  return (status >= 200 && status < 300) || status === 409 ? 'delivered' : 'retry';
}

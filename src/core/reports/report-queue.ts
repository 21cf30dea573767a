import * as z from 'zod/mini';
import { ReportPayload } from './report-payload.ts';
import { retryAfterMs, retryDelayMs } from './retry-schedule.ts';

/**
 * The durable outbox, as pure transitions over plain data (the worker stores it in
 * storage.local). Exactly-once bookkeeping: an entry is marked `sending` and persisted before
 * the POST, and `sent` is persisted before the next POST starts. A worker killed mid-POST
 * leaves `sending`; on restart it is sent again with the same Idempotency-Key, which the
 * receiver uses to drop the repeat. That window is the only way a receiver sees a key twice.
 */

export const QUEUE_LIMIT = 500;

export const QueueEntry = z.object({
  id: z.string(),
  payload: ReportPayload,
  endpoint: z.string().check(z.regex(/^https:\/\/\S+$/), z.maxLength(2_048)),
  state: z.enum(['pending', 'sending', 'sent']),
  createdAt: z.number(),
  attempts: z.number().check(z.int(), z.nonnegative()),
  nextAttemptAt: z.number(),
  lastAttemptAt: z.optional(z.number()),
  lastError: z.optional(z.string().check(z.maxLength(500))),
  sentAt: z.optional(z.number()),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const Queue = z.array(QueueEntry);
export type Queue = z.infer<typeof Queue>;

/** Parses a stored queue, dropping entries that do not fit (a bad entry never blocks the rest). */
export function parseQueue(raw: unknown): Queue {
  if (!Array.isArray(raw)) return [];
  const out: Queue = [];
  for (const item of raw) {
    const parsed = QueueEntry.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function enqueue(queue: Queue, payload: ReportPayload, endpoint: string, now: number): Queue {
  if (queue.some((e) => e.id === payload.id)) return queue;
  const entry: QueueEntry = {
    id: payload.id,
    payload,
    endpoint,
    state: 'pending',
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  };
  // Over the limit, forget the oldest delivered reports first; never an undelivered one.
  const next = [...queue, entry];
  while (next.length > QUEUE_LIMIT) {
    const sent = next.findIndex((e) => e.state === 'sent');
    if (sent === -1) break;
    next.splice(sent, 1);
  }
  return next;
}

/** The next entry to send now: a `sending` one left by a killed worker first, then due pending ones, oldest first. */
export function nextDue(queue: Queue, now: number): QueueEntry | undefined {
  return (
    queue.find((e) => e.state === 'sending') ??
    queue
      .filter((e) => e.state === 'pending' && e.nextAttemptAt <= now)
      .sort((a, b) => a.createdAt - b.createdAt)[0]
  );
}

/** When the outbox next needs attention, or undefined when everything is sent. */
export function nextWake(queue: Queue): number | undefined {
  let wake: number | undefined;
  for (const e of queue) {
    if (e.state === 'sent') continue;
    const at = e.state === 'sending' ? 0 : e.nextAttemptAt;
    wake = wake === undefined ? at : Math.min(wake, at);
  }
  return wake;
}

function update(queue: Queue, id: string, change: (e: QueueEntry) => QueueEntry): Queue {
  return queue.map((e) => (e.id === id ? change(e) : e));
}

export const markSending = (queue: Queue, id: string, now: number): Queue =>
  update(queue, id, (e) => ({ ...e, state: 'sending', attempts: e.attempts + 1, lastAttemptAt: now }));

export const markSent = (queue: Queue, id: string, now: number): Queue =>
  update(queue, id, (e) => {
    const { lastError: _drop, ...rest } = e;
    return { ...rest, state: 'sent', sentAt: now };
  });

export function markFailed(
  queue: Queue,
  id: string,
  error: string,
  now: number,
  retryAfter?: string | null,
  random: () => number = Math.random,
): Queue {
  return update(queue, id, (e) => ({
    ...e,
    state: 'pending',
    lastError: error.slice(0, 500),
    nextAttemptAt: now + (retryAfterMs(retryAfter, now) ?? retryDelayMs(e.attempts, random)),
  }));
}

/** "Retry now": every pending entry becomes due. */
export const makeAllDue = (queue: Queue, now: number): Queue =>
  queue.map((e) => (e.state === 'pending' ? { ...e, nextAttemptAt: Math.min(e.nextAttemptAt, now) } : e));

import browser from 'webextension-polyfill';
import { type ReportStatus, USER_REPORT_HEADLINE } from '../../core/reports/report-messages.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';
import {
  enqueue,
  makeAllDue,
  markFailed,
  markSending,
  markSent,
  nextDue,
  nextWake,
  parseQueue,
  type Queue,
} from '../../core/reports/report-queue.ts';
import { deliveryOutcome } from '../../core/reports/retry-schedule.ts';
import { historyId, recordHistory } from './history-store.ts';
import { createLock } from './storage-lock.ts';

/**
 * The durable outbox in storage.local. One delivery loop at a time; every state change is
 * written before the next network step, so a worker restart resumes where it stopped (see
 * report-queue.ts for the exactly-once argument).
 */
const KEY = 'reportQueue';
export const REPORT_ALARM = 'lureguard-reports';
const POST_TIMEOUT_MS = 30_000;
const WEBHOOK_REDIRECTED = 'the webhook answered with a redirect; reports are not sent on to another address';
const locked = createLock();

async function load(): Promise<Queue> {
  return parseQueue((await browser.storage.local.get(KEY))[KEY]);
}

function change(fn: (queue: Queue) => Queue): Promise<Queue> {
  return locked(async () => {
    const next = fn(await load());
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
}

async function reportHistory(payload: ReportPayload, endpoint: string, delivery: 'pending' | 'sent') {
  await recordHistory([
    {
      id: historyId('report', payload.id),
      at: Date.parse(payload.createdAt),
      kind: 'report',
      verdict: payload.verdict,
      headline: payload.reasons[0]?.message ?? USER_REPORT_HEADLINE,
      reasonIds: payload.reasons.map((r) => r.id),
      ...(payload.page?.url || payload.download?.url
        ? { url: payload.download?.url ?? payload.page?.url }
        : {}),
      destination: new URL(endpoint).host,
      delivery,
    },
  ]);
}

export async function submitReport(payload: ReportPayload, endpoint: string): Promise<void> {
  await change((queue) => enqueue(queue, payload, endpoint, Date.now()));
  await reportHistory(payload, endpoint, 'pending');
  void deliverDue();
}

async function post(
  entry: Queue[number],
): Promise<{ ok: boolean; error?: string; retryAfter?: string | null }> {
  try {
    const response = await fetch(entry.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': entry.id },
      body: JSON.stringify(entry.payload),
      credentials: 'omit',
      cache: 'no-store',
      // Never to another address. 'manual' rather than 'error': both stop at the 3xx, but only
      // 'manual' lets the user read "redirect" instead of a bare "Failed to fetch".
      redirect: 'manual',
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    if (response.type === 'opaqueredirect') return { ok: false, error: WEBHOOK_REDIRECTED };
    if (deliveryOutcome(response.status) === 'delivered') return { ok: true };
    return { ok: false, error: `HTTP ${response.status}`, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return { ok: false, error: (error as Error).message || 'network error' };
  }
}

/** The queue stores `post`'s English error only; its kind follows from the shapes `post` writes. */
function failureCode(error: string): NonNullable<ReportStatus['lastErrorCode']> {
  if (error === WEBHOOK_REDIRECTED) return 'webhook-redirected';
  return /^HTTP \d+$/.test(error) ? 'http-status' : 'network';
}

let delivering: Promise<void> | null = null;
let again = false;

/** Sends every due report, one at a time; a call during a run makes the run go round once more. */
export function deliverDue(): Promise<void> {
  if (delivering) {
    again = true;
    return delivering;
  }
  delivering = (async () => {
    try {
      do {
        again = false;
        for (;;) {
          const now = Date.now();
          const entry = nextDue(await load(), now);
          if (!entry) break;
          await change((queue) => markSending(queue, entry.id, now));
          const result = await post(entry);
          if (result.ok) {
            await change((queue) => markSent(queue, entry.id, Date.now()));
            await reportHistory(entry.payload, entry.endpoint, 'sent');
          } else {
            await change((queue) =>
              markFailed(queue, entry.id, result.error ?? 'failed', Date.now(), result.retryAfter),
            );
            break; // the collector is down: wait for the backoff instead of trying the rest now
          }
        }
      } while (again);
      await scheduleWake();
    } finally {
      delivering = null;
    }
  })();
  return delivering;
}

async function scheduleWake(): Promise<void> {
  const wake = nextWake(await load());
  if (wake === undefined) await browser.alarms.clear(REPORT_ALARM);
  else await browser.alarms.create(REPORT_ALARM, { when: Math.max(wake, Date.now() + 1_000) });
}

/** "Retry now" (user click, or the browser came back online): every pending report is due. */
export async function retryNow(): Promise<void> {
  await change((queue) => makeAllDue(queue, Date.now()));
  await deliverDue();
}

export async function reportStatuses(): Promise<ReportStatus[]> {
  return (await load())
    .map((e) => ({
      id: e.id,
      state: e.state,
      createdAt: e.createdAt,
      attempts: e.attempts,
      ...(e.state === 'pending' ? { nextAttemptAt: e.nextAttemptAt } : {}),
      ...(e.sentAt !== undefined ? { sentAt: e.sentAt } : {}),
      ...(e.lastError ? { lastError: e.lastError, lastErrorCode: failureCode(e.lastError) } : {}),
      headline: e.payload.reasons[0]?.message ?? USER_REPORT_HEADLINE,
      destinationHost: new URL(e.endpoint).host,
    }))
    .reverse();
}

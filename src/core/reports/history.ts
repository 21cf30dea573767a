import * as z from 'zod/mini';

/** Local history: what was found and what was reported, newest last, at most 1,000 entries. */
export const HISTORY_LIMIT = 1_000;

export const HistoryEntry = z.object({
  id: z.string().check(z.maxLength(64)),
  at: z.number(),
  kind: z.enum(['finding', 'download', 'document-check', 'report']),
  verdict: z.enum(['clean', 'suspicious', 'dangerous']),
  /** The first reason's message, or for a report where it went. */
  headline: z.string().check(z.maxLength(2_000)),
  reasonIds: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(100)),
  url: z.optional(z.string().check(z.maxLength(4_096))),
  /** For reports: the destination and delivery state. */
  destination: z.optional(z.string().check(z.maxLength(2_048))),
  delivery: z.optional(z.enum(['pending', 'sent', 'mail-opened'])),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export function parseHistory(raw: unknown): HistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: HistoryEntry[] = [];
  for (const item of raw) {
    const parsed = HistoryEntry.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * Adds or replaces (same id) entries and keeps the newest 1,000. A finding seen again on a
 * rescan replaces the earlier one instead of filling the history with repeats.
 */
export function addToHistory(history: HistoryEntry[], entries: HistoryEntry[]): HistoryEntry[] {
  const byId = new Map(history.map((e) => [e.id, e]));
  for (const entry of entries) {
    byId.delete(entry.id);
    byId.set(entry.id, entry);
  }
  const all = [...byId.values()];
  return all.length > HISTORY_LIMIT ? all.slice(all.length - HISTORY_LIMIT) : all;
}

const CSV_COLUMNS = [
  'time',
  'kind',
  'verdict',
  'headline',
  'reasons',
  'url',
  'destination',
  'delivery',
] as const;

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab / CR) as a formula; page text and
 * URLs are attacker-controlled, so such cells get a leading apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function historyToCsv(history: readonly HistoryEntry[]): string {
  const rows = history.map((e) =>
    [
      new Date(e.at).toISOString(),
      e.kind,
      e.verdict,
      e.headline,
      e.reasonIds.join(' '),
      e.url ?? '',
      e.destination ?? '',
      e.delivery ?? '',
    ].map(csvCell),
  );
  return `${[CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
}

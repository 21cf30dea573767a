import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildIndicatorIndex } from '../../../src/core/lists/indicator-index.ts';
import { checkDocument, sha256Hex } from '../../../src/core/reports/document-check.ts';
import {
  addToHistory,
  csvCell,
  HISTORY_LIMIT,
  type HistoryEntry,
  historyToCsv,
} from '../../../src/core/reports/history.ts';
import {
  buildReport,
  escapeChatText,
  mailtoFor,
  type ReportInput,
} from '../../../src/core/reports/report-builder.ts';
import { reportJsonSchema } from '../../../src/core/reports/report-json-schema.ts';
import { ReportPayload } from '../../../src/core/reports/report-payload.ts';
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
} from '../../../src/core/reports/report-queue.ts';
import {
  deliveryOutcome,
  RETRY,
  retryAfterMs,
  retryDelayMs,
} from '../../../src/core/reports/retry-schedule.ts';
import * as bytes from './file-bytes.ts';

const ID = '0b7e7d2c-4a51-4c1e-9a43-6f1f2f0e8a11';
const input = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  id: ID,
  now: new Date('2026-11-25T11:00:00.000Z'),
  trigger: 'user',
  source: 'warning',
  verdict: {
    verdict: 'dangerous',
    reasons: [
      {
        id: 'job-link-off-brand-document',
        level: 'dangerous',
        brand: 'Coinbase',
        host: 'talentdocs-share.net',
        message:
          'This Coinbase post sends a job document to talentdocs-share.net, which is not a Coinbase domain.',
      },
    ],
  },
  candidate: {
    text: 'Hi! <!channel> Please review the JD before our call. '.repeat(80),
    pageUrl: 'https://www.linkedin.com/jobs/view/4101000001/',
    author: 'https://www.linkedin.com/in/placeholder-recruiter',
    links: [
      {
        href: 'https://www.linkedin.com/safety/go/?url=https%3A%2F%2Ftalentdocs-share.net%2FJD.pdf&trk=x',
        text: 'Job description (PDF)',
      },
    ],
    attachments: [{ name: 'Coinbase_JD.pdf' }],
  },
  lists: [{ feedId: 'lureguard-default', version: 3 }],
  extensionVersion: '0.1.0',
  comment: '  Recruiter pinged me twice today.  ',
  ...overrides,
});

describe('buildReport', () => {
  const report = buildReport(input());

  it('fits the schema and carries what the security team needs', () => {
    expect(ReportPayload.safeParse(report).success).toBe(true);
    expect(report.excerpt!.length).toBeLessThanOrEqual(2_000);
    expect(report.links[0]!.target).toBe('https://talentdocs-share.net/JD.pdf');
    expect(report.links[0]!.chain!.length).toBe(2);
    expect(report.attachedFiles).toEqual([{ name: 'Coinbase_JD.pdf' }]);
    expect(report.comment).toBe('Recruiter pinged me twice today.');
    expect(report.author).toContain('placeholder-recruiter');
    expect(report.lists).toEqual([{ feedId: 'lureguard-default', version: 3 }]);
  });

  it('has a chat-safe text summary for Slack and Teams', () => {
    expect(report.text).toMatch(/^Lureguard report \(dangerous\): This Coinbase post/);
    expect(report.text).toContain(`Report ${ID}`);
    expect(report.text).toContain('Comment: Recruiter pinged me twice today.');
    expect(escapeChatText('<!channel> & <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;https://x|y&gt;');
  });

  it('never builds a report the schema refuses, whatever the page says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5_000 }), fc.string({ maxLength: 3_000 }), (text, comment) => {
        const built = buildReport(
          input({ comment, candidate: { text, pageUrl: 'https://www.linkedin.com/feed/', links: [] } }),
        );
        expect(ReportPayload.safeParse(built).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('docs/report-schema.json', () => {
  const file = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../../docs/report-schema.json'), 'utf8'),
  );

  it('is the generated schema (run `npx tsx scripts/gen-report-schema.ts` after changing the payload)', () => {
    expect(file).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });

  it('accepts a built report and refuses a broken one, read back as an independent validator', () => {
    const validator = z.fromJSONSchema(file);
    const report = buildReport(input());
    expect(validator.safeParse(report).success).toBe(true);
    expect(validator.safeParse({ ...report, id: 'not-a-uuid' }).success).toBe(false);
    expect(validator.safeParse({ ...report, excerpt: 'x'.repeat(2_001) }).success).toBe(false);
    // Slack and Teams read these top-level keys themselves; a report must not carry them.
    for (const key of ['attachments', 'blocks', 'channel', 'username', 'sections', 'title', 'summary']) {
      expect(Object.keys(report)).not.toContain(key);
    }
    const { text: _text, ...withoutText } = report;
    expect(validator.safeParse(withoutText).success).toBe(false);
  });
});

describe('retry schedule', () => {
  it('backs off exponentially with equal jitter and a cap', () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(50, () => 1)).toBe(RETRY.capMs);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const delay = retryDelayMs(n, () => r);
        expect(delay).toBeGreaterThanOrEqual(RETRY.baseMs / 2);
        expect(delay).toBeLessThanOrEqual(RETRY.capMs);
        expect(retryDelayMs(n + 1, () => r)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('honours Retry-After within bounds', () => {
    const now = Date.parse('2026-11-25T11:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('1', now)).toBe(RETRY.baseMs);
    expect(retryAfterMs('Wed, 25 Nov 2026 11:05:00 GMT', now)).toBe(300_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('counts 2xx and 409 (key already seen) as delivered', () => {
    expect([200, 202, 204, 409].map(deliveryOutcome)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect([400, 404, 429, 500, 503].map(deliveryOutcome)).toEqual([
      'retry',
      'retry',
      'retry',
      'retry',
      'retry',
    ]);
  });
});

describe('report queue', () => {
  const report = buildReport(input());
  const endpoint = 'https://hooks.acme.example/lureguard';

  it('walks pending → sending → failed → pending → sent, never losing the entry', () => {
    let q: Queue = enqueue([], report, endpoint, 1_000);
    expect(enqueue(q, report, endpoint, 2_000)).toBe(q);
    expect(nextDue(q, 1_000)?.id).toBe(ID);
    q = markSending(q, ID, 1_000);
    expect(q[0]).toMatchObject({ state: 'sending', attempts: 1 });
    // A restarted worker finds the entry it was sending and sends it again first.
    expect(nextDue(parseQueue(JSON.parse(JSON.stringify(q))), 1_000)?.id).toBe(ID);
    q = markFailed(q, ID, 'HTTP 503', 1_000, null, () => 1);
    expect(q[0]).toMatchObject({ state: 'pending', lastError: 'HTTP 503', nextAttemptAt: 31_000 });
    expect(nextDue(q, 30_999)).toBeUndefined();
    expect(nextWake(q)).toBe(31_000);
    q = makeAllDue(q, 5_000);
    expect(nextDue(q, 5_000)?.id).toBe(ID);
    q = markSent(markSending(q, ID, 5_000), ID, 5_100);
    expect(q[0]).toMatchObject({ state: 'sent', sentAt: 5_100, attempts: 2 });
    expect(q[0]!.lastError).toBeUndefined();
    expect(nextDue(q, 99_999)).toBeUndefined();
    expect(nextWake(q)).toBeUndefined();
  });

  it('drops stored entries that do not parse, keeping the rest', () => {
    const good = enqueue([], report, endpoint, 1);
    expect(parseQueue([{ id: 'x' }, ...good, 'junk'])).toHaveLength(1);
    expect(parseQueue('not a list')).toEqual([]);
  });
});

describe('history', () => {
  const entry = (i: number): HistoryEntry => ({
    id: `f${i}`,
    at: i,
    kind: 'finding',
    verdict: 'suspicious',
    headline: `finding ${i}`,
    reasonIds: ['lookalike-combosquat'],
  });

  it('keeps the newest 1,000 and replaces repeats', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 1_100; i += 100)
      history = addToHistory(
        history,
        Array.from({ length: 100 }, (_, j) => entry(i + j)),
      );
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.id).toBe('f100');
    history = addToHistory(history, [{ ...entry(500), headline: 'again' }]);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)!.headline).toBe('again');
  });

  it('exports CSV that spreadsheets cannot run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('plain')).toBe('plain');
    const csv = historyToCsv([{ ...entry(1), headline: '=cmd|" /C calc"!A0', url: 'https://x.example/a,b' }]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('time,kind,verdict,headline,reasons,url,destination,delivery');
    expect(row).toBe(
      '1970-01-01T00:00:00.001Z,finding,suspicious,"\'=cmd|"" /C calc""!A0",lookalike-combosquat,"https://x.example/a,b",,',
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
  });
});

describe('checkDocument', () => {
  it('hashes with WebCrypto and matches sha256 indicators', async () => {
    const data = bytes.machO64();
    const hash = await sha256Hex(data);
    expect(hash).toMatch(/^[a-f0-9]{64}$/);
    const index = buildIndicatorIndex([
      {
        feedId: 'acme',
        payload: {
          schema: 1,
          feedId: 'acme',
          version: 1,
          issuedAt: '2026-11-01T00:00:00Z',
          expiresAt: '2027-11-01T00:00:00Z',
          indicators: [
            {
              id: 'h1',
              kind: 'sha256',
              value: hash,
              severity: 'dangerous',
              note: 'JD lure',
              source: 'Acme SOC',
            },
          ],
          brands: [],
          allowlist: [],
        },
      },
    ]);
    const check = await checkDocument(data, { name: 'Coinbase_JD.pdf' }, index);
    expect(check.verdict).toBe('dangerous');
    expect(check.reasons.map((r) => r.id)).toEqual(['indicator-sha256', 'file-content-program']);
    expect(check.reasons[0]!.message).toContain('Acme SOC');
    expect(check.detected.type).toBe('macho');
    const clean = await checkDocument(bytes.pdf(), { name: 'Coinbase_JD.pdf' }, index);
    expect(clean).toMatchObject({ verdict: 'clean', reasons: [], detected: { type: 'pdf' } });
  });
});

describe('mailtoFor', () => {
  it('prefills a mail with the summary and the JSON, keeping any address query out', () => {
    const report = buildReport(input());
    const link = mailtoFor('mailto:security@acme.example?subject=ignored', report);
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('security@acme.example');
    expect(url.searchParams.get('subject')).toBe('Lureguard report: dangerous — Coinbase');
    const body = url.searchParams.get('body')!;
    expect(body.startsWith(report.text)).toBe(true);
    expect(body).toContain(`"id": "${ID}"`);
  });
});

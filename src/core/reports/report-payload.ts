import * as z from 'zod/mini';

/**
 * The report a user (or policy `autoReport`) sends to the security team. One JSON body works
 * for Slack and Teams incoming webhooks (they read `text`) and for SIEM collectors (they keep
 * the rest). `docs/report-schema.json` is generated from this schema and checked by a test.
 */

export const REPORT_SCHEMA_VERSION = 'lureguard-report/1';
export const REPORT_LIMITS = { excerptChars: 2_000, commentChars: 2_000, textChars: 3_000 } as const;

const Url = z.string().check(z.maxLength(4_096));
const Short = z.string().check(z.maxLength(1_024));

export const ReportReason = z.object({
  id: z.string().check(z.maxLength(64)),
  level: z.enum(['suspicious', 'dangerous']),
  message: z.string().check(z.maxLength(2_000)),
  brand: z.optional(Short),
  host: z.optional(Short),
  url: z.optional(Url),
  file: z.optional(Short),
  source: z.optional(z.string().check(z.maxLength(2_048))),
  indicatorId: z.optional(Short),
});
export type ReportReason = z.infer<typeof ReportReason>;

export const ReportLink = z.object({
  href: Url,
  text: z.optional(Short),
  /** Where the link really goes, after LinkedIn/Google/Outlook redirect wrappers. */
  target: z.optional(Url),
  chain: z.optional(z.array(Url).check(z.maxLength(8))),
});

export const ReportDownload = z.object({
  url: Url,
  finalUrl: z.optional(Url),
  referrer: z.optional(Url),
  fileName: z.optional(Short),
  mime: z.optional(z.string().check(z.maxLength(256))),
  sha256: z.optional(z.string().check(z.regex(/^[a-f0-9]{64}$/))),
  /** What the bytes really are, when the worker checked them: "a program for macOS (Mach-O)". */
  detected: z.optional(z.string().check(z.maxLength(200))),
});
export type ReportDownload = z.infer<typeof ReportDownload>;

export const ReportPayload = z.object({
  schema: z.literal(REPORT_SCHEMA_VERSION),
  /** UUID; also sent as the Idempotency-Key header. A receiver keeps the first and drops repeats. */
  id: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  /** One-paragraph summary for chat webhooks (Slack, Teams); mrkdwn control characters escaped. */
  text: z.string().check(z.minLength(1), z.maxLength(REPORT_LIMITS.textChars)),
  createdAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)),
  /** `user`: someone clicked Send; `policy`: sent by the enterprise `autoReport` policy. */
  trigger: z.enum(['user', 'policy']),
  /** Where the report was started. */
  source: z.enum(['warning', 'popup', 'interstitial', 'download', 'document-check']),
  verdict: z.enum(['clean', 'suspicious', 'dangerous']),
  reasons: z.array(ReportReason).check(z.maxLength(100)),
  page: z.optional(z.object({ url: Url, title: z.optional(Short) })),
  /** The post or message text, at most 2,000 characters. */
  excerpt: z.optional(z.string().check(z.maxLength(REPORT_LIMITS.excerptChars))),
  author: z.optional(Short),
  links: z.array(ReportLink).check(z.maxLength(200)),
  /**
   * Files the post offered. Not called `attachments`: Slack reads a top-level `attachments` as its
   * own message attachments and would reject the report.
   */
  attachedFiles: z.array(z.object({ name: Short, href: z.optional(Url) })).check(z.maxLength(50)),
  download: z.optional(ReportDownload),
  comment: z.optional(z.string().check(z.maxLength(REPORT_LIMITS.commentChars))),
  /** The indicator lists in force: which protection data produced the verdict. */
  lists: z
    .array(z.object({ feedId: Short, version: z.optional(z.number()), issuedAt: z.optional(Short) }))
    .check(z.maxLength(64)),
  extension: z.object({ name: z.literal('Lureguard'), version: z.string().check(z.maxLength(32)) }),
  organisation: z.optional(z.string().check(z.maxLength(200))),
});
export type ReportPayload = z.infer<typeof ReportPayload>;

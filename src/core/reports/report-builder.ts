import type { Candidate, Verdict } from '../types.ts';
import { unwrapUrl } from '../url/unwrap-url.ts';
import {
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  type ReportDownload,
  type ReportPayload,
  type ReportReason,
} from './report-payload.ts';

export interface ReportInput {
  /** A fresh UUID (crypto.randomUUID()); it is the idempotency key. */
  id: string;
  now: Date;
  trigger: ReportPayload['trigger'];
  source: ReportPayload['source'];
  verdict: Verdict;
  candidate?: Candidate;
  pageTitle?: string;
  download?: ReportDownload;
  comment?: string;
  lists: ReportPayload['lists'];
  extensionVersion: string;
  organisation?: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack and Teams read &, < and > as markup (`<!channel>` pings everyone): page text must not. */
export function escapeChatText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function summary(payload: Omit<ReportPayload, 'text'>): string {
  const headline = payload.reasons[0]?.message ?? 'A user reported this as a fake recruiter.';
  const where = payload.download?.url ?? payload.page?.url;
  const parts = [
    `Lureguard report (${payload.verdict}${payload.trigger === 'policy' ? ', sent automatically' : ''}): ${headline}`,
    where ? `Where: ${where}` : '',
    payload.author ? `Author: ${payload.author}` : '',
    payload.comment ? `Comment: ${payload.comment}` : '',
    `Report ${payload.id}`,
  ];
  return clip(escapeChatText(parts.filter(Boolean).join('\n')), REPORT_LIMITS.textChars);
}

function reasonOf(reason: Verdict['reasons'][number]): ReportReason {
  const { id, level, message, brand, host, url, file, source, indicatorId } = reason;
  const out: ReportReason = { id, level, message: clip(message, 2_000) };
  if (brand) out.brand = clip(brand, 1_024);
  if (host) out.host = clip(host, 1_024);
  if (url) out.url = clip(url, 4_096);
  if (file) out.file = clip(file, 1_024);
  if (source) out.source = clip(source, 2_048);
  if (indicatorId) out.indicatorId = clip(indicatorId, 1_024);
  return out;
}

/** Builds the report exactly as it will be sent; the report page shows this object before sending. */
export function buildReport(input: ReportInput): ReportPayload {
  const { candidate } = input;
  const links = (candidate?.links ?? []).slice(0, 200).map((link) => {
    const unwrapped = unwrapUrl(link.href, candidate?.pageUrl);
    const target = unwrapped.ok && unwrapped.url.href !== link.href ? unwrapped.url.href : undefined;
    return {
      href: link.href,
      ...(link.text ? { text: clip(link.text.trim(), 1_024) } : {}),
      ...(target ? { target } : {}),
      ...(unwrapped.ok && unwrapped.chain.length > 1 ? { chain: unwrapped.chain.slice(0, 8) } : {}),
    };
  });
  const excerpt = candidate?.text?.trim();
  const comment = input.comment?.trim();
  const base: Omit<ReportPayload, 'text'> = {
    schema: REPORT_SCHEMA_VERSION,
    id: input.id,
    createdAt: input.now.toISOString(),
    trigger: input.trigger,
    source: input.source,
    verdict: input.verdict.verdict,
    reasons: input.verdict.reasons.slice(0, 100).map(reasonOf),
    ...(candidate?.pageUrl
      ? {
          page: {
            url: candidate.pageUrl,
            ...(input.pageTitle ? { title: clip(input.pageTitle, 1_024) } : {}),
          },
        }
      : {}),
    ...(excerpt ? { excerpt: clip(excerpt, REPORT_LIMITS.excerptChars) } : {}),
    ...(candidate?.author ? { author: candidate.author } : {}),
    links,
    attachedFiles: (candidate?.attachments ?? []).slice(0, 50),
    ...(input.download ? { download: input.download } : {}),
    ...(comment ? { comment: clip(comment, REPORT_LIMITS.commentChars) } : {}),
    lists: input.lists.slice(0, 64),
    extension: { name: 'Lureguard', version: input.extensionVersion },
    ...(input.organisation ? { organisation: input.organisation } : {}),
  };
  return { ...base, text: summary(base) };
}

/** A mailto: link with the summary and the JSON report; mail clients cut very long URLs, so the JSON is clipped. */
export function mailtoFor(target: string, payload: ReportPayload): string {
  const address = target.replace(/^mailto:/i, '').split('?')[0]!;
  const subject = `Lureguard report: ${payload.verdict} — ${payload.reasons[0]?.brand ?? payload.page?.url ?? 'fake recruiter'}`;
  const json = JSON.stringify(payload, null, 1);
  const body = `${payload.text}\n\n${json.length > 6_000 ? `${json.slice(0, 6_000)}\n…(truncated)` : json}`;
  return `mailto:${address}?subject=${encodeURIComponent(subject.slice(0, 200))}&body=${encodeURIComponent(body)}`;
}

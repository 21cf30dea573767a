import type { BgStatus, FeedProblemCode } from '../../core/messages.ts';
import {
  type BgReportDraft,
  type BgReports,
  type ReportStatus,
  USER_REPORT_HEADLINE,
} from '../../core/reports/report-messages.ts';
import { type MessageKey, t } from './translate.ts';

/**
 * The worker's problems in the chosen language. The worker sends English text (it is stored and
 * read by security teams) and, for a fixed sentence, a code; a problem without a known code is
 * shown as the worker wrote it.
 */

type Code<T extends { problemCode?: string }> = NonNullable<T['problemCode']>;

const FEED: Record<FeedProblemCode, MessageKey> = {
  redirected: 'feedProblemRedirected',
  'http-status': 'feedProblemHttpStatus',
  'content-type': 'feedProblemContentType',
  oversized: 'feedProblemOversized',
  timeout: 'feedProblemTimeout',
  network: 'feedProblemNetwork',
  malformed: 'feedProblemMalformed',
  'payload-type': 'feedProblemMalformed',
  'duplicate-key': 'feedProblemMalformed',
  schema: 'feedProblemMalformed',
  'unknown-key': 'feedProblemUntrusted',
  threshold: 'feedProblemUntrusted',
  'bad-signature': 'feedProblemBadSignature',
  'feed-id': 'feedProblemFeedId',
  expired: 'feedProblemExpired',
  'future-dated': 'feedProblemFutureDated',
  rollback: 'feedProblemRollback',
  equivocation: 'feedProblemEquivocation',
  'stored-invalid': 'feedProblemStoredInvalid',
};

/** One sentence per code (the codes of the different answers do not overlap). */
const PROBLEM: Record<Code<BgStatus> | Code<BgReportDraft> | Code<BgReports>, MessageKey> = {
  'feeds-not-allowed': 'optionsProblemFeedsNotAllowed',
  'duplicate-feed-id': 'optionsProblemDuplicateFeed',
  'link-incomplete': 'reportProblemLinkIncomplete',
  'warning-gone': 'reportProblemWarningGone',
  'warning-expired': 'reportProblemWarningExpired',
  'no-destination': 'reportProblemNoDestination',
  'report-gone': 'reportProblemReportGone',
};

const DELIVERY: Record<NonNullable<ReportStatus['lastErrorCode']>, MessageKey> = {
  'webhook-redirected': 'deliveryProblemRedirected',
  'http-status': 'deliveryProblemHttpStatus',
  network: 'deliveryProblemNetwork',
};

/** Why a feed check failed, without its technical detail (the page shows `lastError` beside it). */
export function feedProblemText(code: FeedProblemCode | undefined): string | undefined {
  return code ? t(FEED[code]) : undefined;
}

/** A problem answer of the worker (`problem` and maybe `problemCode`) as one sentence. */
export function problemText(answer: {
  problem?: string | undefined;
  problemCode?: keyof typeof PROBLEM | undefined;
}): string | undefined {
  return answer.problemCode ? t(PROBLEM[answer.problemCode]) : answer.problem;
}

/** Why a report is not delivered yet; the English error (a status or a browser error) is its detail. */
export function deliveryProblemText(report: Pick<ReportStatus, 'lastError' | 'lastErrorCode'>): string {
  const english = report.lastError ?? '';
  return report.lastErrorCode ? t(DELIVERY[report.lastErrorCode], english) : english;
}

/** A report's headline: a reason's sentence (as the engine wrote it) or the hand-report label. */
export function reportHeadline(headline: string): string {
  return headline === USER_REPORT_HEADLINE ? t('reportUserHeadline') : headline;
}

import { afterEach, describe, expect, it } from 'vitest';
import { BgStatus, FeedProblemCode } from '../../../src/core/messages.ts';
import {
  BgReportDraft,
  BgReports,
  ReportStatus,
  USER_REPORT_HEADLINE,
} from '../../../src/core/reports/report-messages.ts';
import '../../../src/ui/i18n/page-strings.ts';
import {
  deliveryProblemText,
  feedProblemText,
  problemText,
  reportHeadline,
} from '../../../src/ui/i18n/problem-text.ts';
import { setLanguage } from '../../../src/ui/i18n/translate.ts';

/**
 * The worker sends English problems plus a code; pages say the code's sentence in the chosen
 * language and keep the worker's English where no code is known.
 */
afterEach(() => setLanguage('en'));

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const codes = (schema: { shape: { problemCode: unknown } }) =>
  (schema.shape.problemCode as { def: { innerType: { options: string[] } } }).def.innerType.options;

describe('problem text', () => {
  it('has an English and a Japanese sentence for every feed problem code', () => {
    for (const code of FeedProblemCode.options) {
      setLanguage('en');
      const english = feedProblemText(code);
      setLanguage('ja');
      const japanese = feedProblemText(code);
      expect(english, code).toMatch(/^[a-z]/);
      expect(japanese, code).toMatch(JAPANESE);
    }
    expect(feedProblemText(undefined)).toBeUndefined();
  });

  it('has a sentence in both languages for every problem code the worker answers with', () => {
    const all = [BgStatus, BgReportDraft, BgReports].flatMap(codes);
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const problemCode of all) {
      const answer = { problem: 'English from the worker', problemCode } as never;
      setLanguage('en');
      expect(problemText(answer), problemCode).not.toBe(problemCode);
      expect(problemText(answer), problemCode).not.toMatch(JAPANESE);
      setLanguage('ja');
      expect(problemText(answer), problemCode).toMatch(JAPANESE);
    }
  });

  it('shows a problem without a code as the worker wrote it', () => {
    const taken = {
      problem: 'A feed with id acme already exists.',
      problemCode: 'duplicate-feed-id',
    } as const;
    expect(problemText(taken)).toBe('A feed with this id already exists.');
    setLanguage('ja');
    expect(problemText(taken)).toBe('同じ ID のフィードがすでにあります。');
    expect(problemText({ problem: 'Something new went wrong.' })).toBe('Something new went wrong.');
    expect(problemText({})).toBeUndefined();
  });

  it('says why a report is not delivered, keeping the English error as its detail', () => {
    const codesOfDelivery = (
      ReportStatus.shape.lastErrorCode as { def: { innerType: { options: string[] } } }
    ).def.innerType.options;
    expect(codesOfDelivery).toEqual(['webhook-redirected', 'http-status', 'network']);
    const busy = { lastError: 'HTTP 503', lastErrorCode: 'http-status' } as const;
    expect(deliveryProblemText(busy)).toBe('the destination answered with an error (HTTP 503)');
    setLanguage('ja');
    expect(deliveryProblemText(busy)).toBe('報告先がエラーを返しました（HTTP 503）');
    expect(deliveryProblemText({ lastError: 'Failed to fetch', lastErrorCode: 'network' })).toContain(
      'Failed to fetch',
    );
    expect(deliveryProblemText({ lastError: 'stored before codes existed' })).toBe(
      'stored before codes existed',
    );
  });

  it('names a report without reasons in the chosen language and leaves reason headlines alone', () => {
    setLanguage('ja');
    expect(reportHeadline(USER_REPORT_HEADLINE)).toBe('ユーザーによる報告');
    expect(reportHeadline('coinbase-careers.com imitates Coinbase')).toBe(
      'coinbase-careers.com imitates Coinbase',
    );
    setLanguage('en');
    expect(reportHeadline(USER_REPORT_HEADLINE)).toBe(USER_REPORT_HEADLINE);
  });
});

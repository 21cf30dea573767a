import type { Reason } from '../types.ts';
import { normalizeText } from './normalize-text.ts';
import { requiredLiteralsHint } from './required-literals.ts';

export type LureFlag =
  | 'download-jd'
  | 'run-code'
  | 'video-fix'
  | 'off-platform'
  | 'connect-wallet'
  | 'pay-fee'
  | 'high-pay'
  | 'urgency';

export interface LureSignal {
  flag: LureFlag;
  /** The matched phrase, from the normalised text. */
  evidence: string;
}

/**
 * Red flags from the FBI/IC3 PSA of 2024-09-03 and exchange advisories (data/RED-FLAGS.md).
 * Every pattern is literal alternatives with bounded gaps (`.{0,40}`): no nested or unbounded
 * quantifiers, so matching stays linear in the (capped) text length.
 */
const PATTERNS: Record<Exclude<LureFlag, 'high-pay'>, RegExp[]> = {
  'download-jd': [
    /\b(download|open|review|read|check|see|find)\b.{0,40}\b(job description|\bjd\b|attached (file|pdf|document|doc)|(the|this) (pdf|zip|document|attachment)|offer letter|role details|project (brief|spec|specification|requirements))/,
    /\b(job description|\bjd\b|offer letter|role details)\b.{0,30}\b(attached|below|download|in the (pdf|zip|file))/,
    /(職務記述書|求人票|募集要項|ジョブディスクリプション).{0,20}(ダウンロード|添付|開いて|ご確認)/,
  ],
  'run-code': [
    /\b(npm|yarn|pnpm) (i|install|start|run (dev|start|test))\b/,
    /\bgit clone\b|\bclone (the|our|this|my) (repo|repository|project|codebase)\b/,
    /\b(run|execute|start|launch|build) (the|our|this|my) (code|project|repo|repository|app|application|script|codebase|backend)\b/,
    /\bpre-?employment test\b|\b(debug|debugging|fix) (exercise|task)\b|\bfix (the|a|some) bugs? in (the|our|this) (repo|project|code)/,
    /\bnode [\w./-]{1,60}\.js\b|\bpython3? [\w./-]{1,60}\.py\b/,
    /(リポジトリ|レポジトリ|コード|プロジェクト).{0,15}(クローン|実行|起動|動かして)/,
  ],
  'video-fix': [
    /\b(camera|microphone|mic|audio|video|webcam|sound)\b.{0,30}\b(driver|not working|isn't working|blocked|fix|update|issue)\b/,
    /\b(install|download|update|use)\b.{0,30}\b(zoom|teams|skype|webex|mirotalk|fcccall|meeting (app|software|client|tool)|video.?call (app|software|client))\b/,
    /\b(fix|update|install)\b.{0,20}\bdrivers?\b/,
    /(カメラ|マイク|音声|ビデオ).{0,15}(ドライバ|修正|更新|アップデート|インストール)/,
  ],
  'off-platform': [
    /\b(move|continue|switch|talk|chat|contact|reach|message|text|add|ping|dm|write to) (me |us )?(on|to|via|over|in) (telegram|whatsapp|signal|wechat|skype|discord|line)\b/,
    /\b(telegram|whatsapp|signal|skype)\s?(:|id|handle|number|@)|\bt\.me\/|\bwa\.me\//,
    /\b(personal|private) (e-?mail|gmail|address)\b/,
    /(テレグラム|telegram|ワッツアップ|whatsapp|line).{0,10}(で|に|へ).{0,10}(連絡|移動|話|やり取り)/,
    /(個人|プライベート|私用)の?(メール|メールアドレス|アドレス|gmail)/,
  ],
  'connect-wallet': [
    /\bconnect (your|a|the) (crypto )?(wallet|metamask|phantom)\b/,
    /\b(wallet|metamask|phantom)\b.{0,30}\b(connect|sign|approve)\b/,
    /\b(seed|recovery|secret|mnemonic) phrase\b|\bprivate key\b|\bdemo d?app\b/,
    /(ウォレット).{0,10}(接続|連携)|秘密鍵|シードフレーズ|リカバリーフレーズ/,
  ],
  'pay-fee': [
    /\b(pay|send|transfer|deposit)\b.{0,30}\b(fee|deposit|for (the |your )?(training|equipment|laptop|visa|certification|background check|onboarding|software license))\b/,
    /\b(training|equipment|onboarding|registration|processing|visa|certification|application) fee\b|\brefundable deposit\b/,
    /(研修費|登録料|手数料|保証金).{0,20}(支払|振込|お支払い)|(支払|振込).{0,20}(研修|機材|手数料)/,
  ],
  urgency: [
    /\b(within|in the next) (24|48|12|\d) hours\b|\basap\b|\bas soon as possible\b|\burgent(ly)?\b/,
    /\btoday only\b|\bimmediately\b|\bright now\b|\bdeadline (is )?(today|tonight|tomorrow)\b|\blast chance\b|\blimited (slots|spots|time)\b/,
    /至急|本日中|今日中|すぐに|急ぎ|早急/,
  ],
};

/** Listed once, not per call. */
const PATTERN_ENTRIES = Object.entries(PATTERNS) as Array<[LureFlag, RegExp[]]>;

const JOB_LANGUAGE =
  /\b(hiring|recruit(er|ers|ing|ment)?|jobs?|position|role|vacanc(y|ies)|opening|candidate|interview(s|ing)?|job description|offer|salary|compensation|careers?|talent|headhunt(er|ing)?|apply|application|resume|cv|onboarding|assessment|skills? test|take-?home)\b|採用|求人|面接|募集|職務|転職|年収|給与|ポジション|リクルーター|内定/;

/** Pay amounts: "$25,000/month", "$350k", "20,000 USDT per month". */
const AMOUNT = /(?:\$|usd\s?|usdt\s?)(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d+)?\s?(k)?\b([^.\n]{0,25})/g;

function highPay(text: string): string | undefined {
  for (const match of text.matchAll(AMOUNT)) {
    const value = Number(match[1]!.replace(/,/g, '')) * (match[2] ? 1_000 : 1);
    const after = match[3] ?? '';
    const monthly = /\b(per|a|\/)\s?(month|mo)\b|monthly/.test(after);
    const weekly = /\b(per|a|\/)\s?week\b|weekly/.test(after);
    if (
      (monthly && value >= 12_000) ||
      (weekly && value >= 3_000) ||
      (!monthly && !weekly && value >= 350_000)
    ) {
      return match[0].trim();
    }
  }
  return undefined;
}

/** Japanese pay in 万円: "月給300万円" (monthly) or "年収5,000万円" (yearly). */
const AMOUNT_JA = /(月給|月収|月額|年収|年俸)\s?(?:は|：|:)?\s?(\d{1,3}(?:,\d{3})+|\d{1,6})\s?万円/g;

function highPayJa(text: string): string | undefined {
  for (const match of text.matchAll(AMOUNT_JA)) {
    const manYen = Number(match[2]!.replace(/,/g, ''));
    const monthly = match[1]!.startsWith('月');
    // ¥2M a month or ¥50M a year: the same bar as $12k a month or $350k a year.
    if ((monthly && manYen >= 200) || (!monthly && manYen >= 5_000)) return match[0];
  }
  return undefined;
}

export function lureSignals(text: string): LureSignal[] {
  const normalized = normalizeText(text);
  if (!normalized) return [];
  const signals: LureSignal[] = [];
  for (const [flag, patterns] of PATTERN_ENTRIES) {
    for (const pattern of patterns) {
      const match = pattern.exec(normalized);
      if (match) {
        signals.push({ flag, evidence: match[0].trim().slice(0, 120) });
        break;
      }
    }
  }
  const pay = highPay(normalized) ?? highPayJa(normalized);
  if (pay) signals.push({ flag: 'high-pay', evidence: pay.slice(0, 120) });
  return signals;
}

/** The flags that make a lure on their own; pay and urgency only count beside one of these. */
const STRONG_FLAGS: ReadonlySet<LureFlag> = new Set([
  'download-jd',
  'run-code',
  'video-fix',
  'off-platform',
  'connect-wallet',
  'pay-fee',
]);
const STRONG_PATTERNS = PATTERN_ENTRIES.filter(([flag]) => STRONG_FLAGS.has(flag)).flatMap(([, p]) => p);
/** The strong patterns as one alternation (none is flagged or back-referenced): one scan of a post, not one per pattern. */
const ANY_STRONG = new RegExp(STRONG_PATTERNS.map((p) => `(?:${p.source})`).join('|'));
/** Words every strong match contains one of: a post with none of them (most posts) skips the long scan above. */
const STRONG_HINT = requiredLiteralsHint(STRONG_PATTERNS);

/**
 * Whether `lureSignals` would report a strong flag: the same patterns, without the evidence,
 * the pay amounts or the urgency ones. Most job posts have none, so this is all they pay for.
 */
export function hasStrongLure(text: string): boolean {
  const normalized = normalizeText(text);
  if (!normalized) return false;
  if (STRONG_HINT !== null && !STRONG_HINT.test(normalized)) return false;
  return ANY_STRONG.test(normalized);
}

/** One judgement asks about the same post twice or more (red flags, then escalation): test it once. */
let lastJobText: string | null = null;
let lastJobAnswer = false;

export function hasJobLanguage(text: string): boolean {
  if (text === lastJobText) return lastJobAnswer;
  const answer = JOB_LANGUAGE.test(normalizeText(text));
  lastJobText = text;
  lastJobAnswer = answer;
  return answer;
}

const EXPLAIN: Record<LureFlag, (evidence: string) => string> = {
  'download-jd': (e) =>
    `asks you to download or open a “job description” file (“${e}”), the way these lures deliver malware`,
  'run-code': (e) =>
    `asks you to run code or a repository for a test (“${e}”); fake coding tests install malware`,
  'video-fix': (e) =>
    `asks you to install or fix video-call software or drivers (“${e}”), a known malware trick`,
  'off-platform': (e) => `moves the conversation to another app or a private address (“${e}”)`,
  'connect-wallet': (e) => `asks you to connect a wallet or share keys (“${e}”); no employer needs this`,
  'pay-fee': (e) => `asks you to pay money (“${e}”); real employers never charge candidates`,
  'high-pay': (e) => `promises unusually high pay (“${e}”)`,
  urgency: (e) => `pressures you to act fast (“${e}”)`,
};

export function lureTextReasons(text: string, brandName?: string): Reason[] {
  return lureSignals(text).map(({ flag, evidence }) => ({
    id: `lure-${flag}`,
    level: 'suspicious',
    ...(brandName ? { brand: brandName } : {}),
    evidence,
    message: `${brandName ? `This message about ${brandName}` : 'This message'} ${EXPLAIN[flag](evidence)}.`,
  }));
}

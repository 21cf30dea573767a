import { printable } from '../../core/text/printable.ts';
import type { Reason } from '../../core/types.ts';
import type { Language } from './translate.ts';

/**
 * A reason in the user's language. The engine writes each reason in English (reports, the CLI and
 * security teams read that text), with its evidence in fields: brand, host, file, evidence. For
 * Japanese the sentence is rebuilt here from the reason's id and those fields; a reason this table
 * does not know, or one missing a field its sentence needs, is shown in English rather than guessed.
 */

export type ReasonFields = Pick<Reason, 'id' | 'message' | 'brand' | 'host' | 'file' | 'evidence' | 'source'>;

type Fields = { brand: string; host: string; file: string; evidence: string; source: string; ext: string };
type Sentence = { needs: Array<keyof Fields>; say: (f: Fields) => string };

const notBrandDomain = (f: Fields) => `「${f.host}」は${f.brand}のドメインではありません。`;

/** Lookalike domains: what the name does to pass as the brand. */
const LOOKALIKE_JA: Record<string, (f: Fields) => string> = {
  'lookalike-typo': (f) => `${f.brand}の綴りを少し変えた、なりすまし用の名前です。`,
  'lookalike-homoglyph': (f) => `形の似た別の文字で${f.brand}の名前をまねています。`,
  'lookalike-combosquat': (f) => `${f.brand}の名前に別の語を付け足した、なりすまし用の名前です。`,
  'lookalike-brand-subdomain': (f) => `${f.brand}の名前をサブドメインに置いた、別の組織のサイトです。`,
  'lookalike-tld-swap': (f) => `${f.brand}の名前を別のトップレベルドメインで登録したものです。`,
  'lookalike-hyphenation': (f) => `${f.brand}の名前にハイフンを入れた、なりすまし用の名前です。`,
  'lookalike-split-label': (f) => `${f.brand}の名前をドットで区切ってまねています。`,
};

/** What a recruiter-lure message asks for; the quoted words are the page's own. */
const LURE_JA: Record<string, string> = {
  'lure-download-jd':
    '「職務記述書」ファイルのダウンロードや閲覧を求めています（「$」）。この手口でマルウェアが送り込まれます。',
  'lure-run-code':
    'テストとしてコードやリポジトリの実行を求めています（「$」）。偽のコーディングテストはマルウェアを仕込みます。',
  'lure-video-fix':
    'ビデオ通話ソフトやドライバーのインストール・修正を求めています（「$」）。よく知られたマルウェアの手口です。',
  'lure-off-platform': '会話を別のアプリや個人のアドレスに移そうとしています（「$」）。',
  'lure-connect-wallet':
    'ウォレットの接続や鍵の共有を求めています（「$」）。雇用主がこれを必要とすることはありません。',
  'lure-pay-fee': '支払いを求めています（「$」）。本物の雇用主が応募者にお金を請求することはありません。',
  'lure-high-pay': '非常に高い報酬を約束しています（「$」）。',
  'lure-urgency': '急いで行動するよう迫っています（「$」）。',
};

/** Indicator hits: what was listed, by the indicator kind in the id. */
const INDICATOR_JA: Record<string, string> = {
  'indicator-domain': 'このサイト',
  'indicator-url': 'このリンク',
  'indicator-sha256': 'このファイル',
  'indicator-filename': 'この名前のファイル',
  'indicator-email': 'このメールアドレス',
  'indicator-handle': 'このアカウント',
  'indicator-npm-package': 'この npm パッケージ',
  'indicator-text': 'この文言',
};

const fileOr = (f: Fields, fallback: string) => (f.file ? `「${f.file}」` : fallback);

const SENTENCES_JA: Record<string, Sentence> = {
  ...Object.fromEntries(
    Object.entries(LOOKALIKE_JA).map(([id, say]) => [
      id,
      { needs: ['brand', 'host'], say: (f: Fields) => notBrandDomain(f) + say(f) },
    ]),
  ),
  'lookalike-mixed-script': {
    needs: ['host'],
    say: (f) => `「${f.host}」は一つの名前に複数の文字体系を混ぜています。よく使われる偽装です。`,
  },
  'link-destination-hidden': {
    needs: ['host'],
    say: (f) =>
      `このリンクは${f.host}で短縮されていて、本当の行き先がわかりません。送り主を信頼できる場合だけ開いてください。`,
  },
  'link-text-mismatch': {
    needs: ['evidence', 'host'],
    say: (f) => `このリンクは「${f.evidence}」と表示されていますが、実際の行き先は${f.host}です。`,
  },
  'job-link-off-brand': {
    needs: ['brand', 'host'],
    say: (f) =>
      `この${f.brand}の投稿は応募先を${f.host}に誘導していますが、そこは${f.brand}のドメインではありません。本物の求人は${f.brand}の公式採用ページにあります。`,
  },
  'job-link-off-brand-document': {
    needs: ['brand', 'host'],
    say: (f) =>
      `この${f.brand}の投稿は職務記述書などの書類を${f.host}から開かせようとしていますが、そこは${f.brand}のドメインではありません。本物の求人は${f.brand}の公式採用ページにあります。`,
  },
  'recruiter-email-unofficial': {
    needs: ['brand', 'host'],
    say: (f) =>
      `採用担当者が${f.host}のアドレスから連絡しています。${f.brand}の採用担当者は${f.brand}のドメインのアドレスしか使いません。`,
  },
  'file-invisible-char': {
    needs: ['file'],
    say: (f) => `「${f.file}」には見えない文字が隠されていて、名前が実際の種類とは違って見えます。`,
  },
  'file-double-extension': {
    needs: ['file', 'ext'],
    say: (f) => `「${f.file}」は文書に見せかけた .${f.ext} ファイルです（二重拡張子）。`,
  },
  'file-executable-type': {
    needs: ['file', 'ext'],
    say: (f) =>
      `「${f.file}」は文書ではなくプログラム（.${f.ext}）です。採用担当者がこれを送る理由はありません。`,
  },
  'file-archive-type': {
    needs: ['file', 'ext'],
    say: (f) =>
      `「${f.file}」は圧縮ファイル（.${f.ext}）です。圧縮ファイルは文書の名前の陰にプログラムを隠せます。`,
  },
  'file-on-sharing-host': {
    needs: ['host'],
    say: (f) =>
      `${fileOr(f, 'この書類')}は誰でもファイルを置ける${f.host}にあります。本物の雇用主は職務記述書を自社の採用サイトで公開します。`,
  },
  'file-fake-video-call-installer': {
    needs: ['file'],
    say: (f) =>
      `「${f.file}」はビデオ通話アプリを名乗っていますが、${f.host ? `${f.host}は` : ''}公式の配布元ではありません。偽の採用担当者はこうしたインストーラーでマルウェアを仕込みます。`,
  },
  'file-content-program': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}の中身はプログラムです。開くとコンピューター上でコードが実行される恐れがあります。`,
  },
  'file-content-script': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}の中身はスクリプトです。開くとコードが実行される恐れがあります。`,
  },
  'file-content-archive': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}の中身は圧縮ファイルで、文書ではありません。中にプログラムを隠せます。`,
  },
  'file-content-shortcut': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}の中身はショートカットです。開くとコマンドが実行される恐れがあります。`,
  },
  'file-content-disk-image': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}の中身はディスクイメージで、文書ではありません。プログラムの配布に使われます。`,
  },
  'file-content-web-page': {
    needs: [],
    say: (f) => `${fileOr(f, 'このファイル')}は文書を名乗っていますが、中身はウェブページです。`,
  },
  'file-content-mismatch': {
    needs: [],
    say: (f) => `${fileOr(f, 'このファイル')}の中身は、名前が示す形式のファイルではありません。`,
  },
  'file-content-holds-program': {
    needs: [],
    say: (f) =>
      `${fileOr(f, 'このファイル')}には実行されるファイルが入っています。職務記述書にそのようなものは入っていません。`,
  },
  'file-content-macros': {
    needs: [],
    say: (f) => `${fileOr(f, 'このファイル')}にはマクロ（プログラム）が入っています。`,
  },
};

function visible(text: string | undefined): string {
  return printable(text ?? '', 300);
}

function lastExtension(file: string | undefined): string {
  const match = /\.([A-Za-z0-9]{1,10})\s*$/.exec(file ?? '');
  return match ? match[1]!.toLowerCase() : '';
}

function japanese(reason: ReasonFields): string | undefined {
  const f: Fields = {
    brand: visible(reason.brand),
    host: visible(reason.host),
    file: visible(reason.file),
    evidence: visible(reason.evidence),
    source: visible(reason.source),
    ext: lastExtension(reason.file),
  };
  const lure = LURE_JA[reason.id];
  if (lure && f.evidence) {
    return `${f.brand ? `この${f.brand}に関するメッセージは` : 'このメッセージは'}${lure.replace('$', f.evidence)}`;
  }
  const listed = INDICATOR_JA[reason.id];
  if (listed) {
    const what = f.evidence || f.host || f.file;
    if (!what) return undefined;
    const hijack =
      reason.id === 'indicator-handle' ? '本物のアカウントが乗っ取られている可能性があります。' : '';
    return `${listed}（${what}）はリクルート詐欺との関連が報告されています。${hijack}${f.source ? `出典: ${f.source}` : ''}`;
  }
  const sentence = SENTENCES_JA[reason.id];
  if (!sentence || sentence.needs.some((field) => !f[field])) return undefined;
  return sentence.say(f);
}

export function reasonText(reason: ReasonFields, language: Language): string {
  return (language === 'ja' && japanese(reason)) || reason.message;
}

/** Every reason id with a Japanese sentence (the unit test holds this to what the engine emits). */
export const JAPANESE_REASON_IDS: readonly string[] = [
  ...Object.keys(SENTENCES_JA),
  ...Object.keys(LURE_JA),
  ...Object.keys(INDICATOR_JA),
];

import type { Engine } from '../engine.ts';
import { claimedDocumentType } from '../files/magic-bytes.ts';
import { type Candidate, LEVEL_RANK, type Level, type Reason, type Verdict } from '../types.ts';

/** What Chrome tells us about a download before it is written (onDeterminingFilename). */
export interface DownloadInfo {
  url: string;
  finalUrl?: string;
  referrer?: string;
  fileName: string;
  mime?: string;
}

/**
 * Reasons that are everyday on their own ("an .exe", "a ZIP", "a PDF on Dropbox"): a download
 * guard that fired on them would touch every unrelated download. They count only beside a
 * stronger reason (an indicator, a lookalike host, a disguised name, a brand's JD elsewhere).
 */
const WEAK_ALONE = new Set(['file-executable-type', 'file-archive-type', 'file-on-sharing-host']);

/** Only web downloads are judged: blob:/data: saves from our own pages and the like are not lures. */
function webUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function downloadCandidate(info: DownloadInfo): Candidate | undefined {
  const final = webUrl(info.finalUrl) ?? webUrl(info.url);
  if (!final) return undefined;
  const start = webUrl(info.url);
  const referrer = webUrl(info.referrer);
  return {
    attachments: [{ name: info.fileName.slice(0, 1_024), href: final.href }],
    ...(start && start.href !== final.href ? { links: [{ href: start.href }] } : {}),
    ...(referrer ? { pageUrl: referrer.href } : {}),
  };
}

export function combineReasons(reasons: Reason[]): Verdict {
  const seen = new Set<string>();
  const unique = reasons.filter((r) => {
    const key = `${r.id}|${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  let verdict: Level = 'clean';
  for (const reason of unique) if (LEVEL_RANK[reason.level] > LEVEL_RANK[verdict]) verdict = reason.level;
  return { verdict, reasons: unique };
}

/** The engine's verdict on a download's URL chain, referrer and final name, minus everyday-only reasons. */
export function judgeDownload(engine: Engine, info: DownloadInfo): Verdict {
  const candidate = downloadCandidate(info);
  if (!candidate) return { verdict: 'clean', reasons: [] };
  const { reasons } = engine.judge(candidate);
  const strong = reasons.filter((r) => !WEAK_ALONE.has(r.id));
  return combineReasons(strong.length > 0 ? reasons : []);
}

/**
 * Worth fetching and sniffing: the name or MIME type claims a document, and the host is
 * neither a brand's official host nor allowlisted (a PDF from www.coinbase.com is left alone).
 */
export function needsContentCheck(engine: Engine, info: DownloadInfo): boolean {
  const url = webUrl(info.finalUrl) ?? webUrl(info.url);
  if (!url || !claimedDocumentType(info.fileName, info.mime)) return false;
  if (engine.brandIndex.officialBrandOf(url.hostname) || engine.brandIndex.officialJobBrandOf(url))
    return false;
  return engine.indicators?.isAllowlisted(url) !== true;
}

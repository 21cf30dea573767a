import { contentReasons, type SniffResult, sniffFileType } from '../files/magic-bytes.ts';
import { type IndicatorIndex, indicatorReason } from '../lists/indicator-index.ts';
import { LEVEL_RANK, type Level, type Reason } from '../types.ts';

/** What the worker found in a fetched "document", for the page that asked and for reports. */
export interface DocumentCheck {
  verdict: Level;
  reasons: Reason[];
  sha256: string;
  size: number;
  detected: Pick<SniffResult, 'type' | 'label'>;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Sniffs the bytes, hashes them and looks the hash up: one plain-words verdict. */
export async function checkDocument(
  bytes: Uint8Array,
  claimed: { name?: string; mime?: string },
  indicators: IndicatorIndex | null,
): Promise<DocumentCheck> {
  const sniff = sniffFileType(bytes);
  const sha256 = await sha256Hex(bytes);
  const reasons: Reason[] = [
    ...(indicators?.matchSha256(sha256) ?? []).map((hit) => ({
      ...indicatorReason(hit),
      ...(claimed.name ? { file: claimed.name } : {}),
    })),
    ...contentReasons(sniff, claimed.name, claimed.mime),
  ];
  let verdict: Level = 'clean';
  for (const reason of reasons) if (LEVEL_RANK[reason.level] > LEVEL_RANK[verdict]) verdict = reason.level;
  return { verdict, reasons, sha256, size: bytes.length, detected: { type: sniff.type, label: sniff.label } };
}

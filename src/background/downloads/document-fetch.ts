import { registrableDomain } from '../../core/domain/registrable-domain.ts';
import { readCappedBody } from '../read-capped-body.ts';

/** A "job document" is a few MB at most; anything past this is not read. */
export const DOCUMENT_CAP_BYTES = 25 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
const TOO_LARGE = 'The file is larger than 25 MB, too large for a job document check.';

export type FetchedDocument =
  | { ok: true; bytes: Uint8Array; mime?: string; finalUrl: string }
  | { ok: false; problem: string };

/**
 * Fetches a document once to sniff it. No cookies unless the file sits on the same site as
 * the page that links it (a file behind that site's own login); the byte cap is enforced
 * while streaming, so a huge or endless body is cut off, never buffered.
 */
export async function fetchDocument(url: string, pageUrl?: string): Promise<FetchedDocument> {
  let sameSite = false;
  try {
    sameSite =
      pageUrl !== undefined &&
      registrableDomain(new URL(url).hostname) === registrableDomain(new URL(pageUrl).hostname);
  } catch {
    sameSite = false;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: sameSite ? 'include' : 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? 'it did not answer in time' : 'it could not be reached';
    return {
      ok: false,
      problem: `Lureguard could not fetch the file: ${reason} (or the site does not allow it).`,
    };
  }
  if (!response.ok || !response.body)
    return { ok: false, problem: `The file host answered HTTP ${response.status}.` };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > DOCUMENT_CAP_BYTES) {
    await response.body.cancel();
    return { ok: false, problem: TOO_LARGE };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCappedBody(response, DOCUMENT_CAP_BYTES);
  } catch {
    return { ok: false, problem: 'The download of the file broke off or timed out.' };
  }
  if (!bytes) return { ok: false, problem: TOO_LARGE };
  const mime = response.headers.get('content-type') ?? undefined;
  return { ok: true, bytes, finalUrl: response.url || url, ...(mime ? { mime } : {}) };
}

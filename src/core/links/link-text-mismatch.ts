import { registrableDomain } from '../domain/registrable-domain.ts';
import type { Reason } from '../types.ts';

/** Visible text that reads as a web address: "www.coinbase.com/careers", "https://coinbase.com". */
const SHOWN_ADDRESS = /^(?:https?:\/\/)?((?:[a-z0-9-]{1,63}\.){1,6}[a-z]{2,24})(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function linkTextMismatchReason(
  visibleText: string | undefined,
  destination: URL,
): Reason | undefined {
  if (!visibleText) return undefined;
  const shown = visibleText.trim().replace(/(?<![…\s])[…\s]+$/, '');
  if (shown.length > 300) return undefined;
  const match = SHOWN_ADDRESS.exec(shown);
  if (!match) return undefined;
  const shownHost = match[1]!.toLowerCase();
  if (registrableDomain(shownHost) === registrableDomain(destination.hostname)) return undefined;
  return {
    id: 'link-text-mismatch',
    level: 'suspicious',
    escalatesWithJobContext: true,
    host: destination.hostname,
    evidence: shown,
    message: `The link shows ${shown} but goes to ${destination.hostname}.`,
  };
}

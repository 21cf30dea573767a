import { CANDIDATE_LIMITS } from '../core/candidate-limits.ts';
import { capText, type PageRecord } from './page-record.ts';

export interface FoundLink {
  /** The element to mark when a reason points at this link; absent for links only in data (JSON-LD). */
  element?: Element;
  href: string;
  text?: string;
}

export interface FoundAttachment {
  element: Element;
  name: string;
  href?: string;
}

export interface RecordParts {
  key: string;
  element: Element;
  anchor?: Element;
  text: string;
  links?: FoundLink[];
  attachments?: FoundAttachment[];
  pageUrl: string;
  author?: string | undefined;
}

/**
 * Turns what an adapter found into a capped, de-duplicated record. Caps match the worker's
 * message schema, so a hostile page cannot make a record the worker would refuse.
 */
export function buildRecord(parts: RecordParts): PageRecord {
  const links: FoundLink[] = [];
  const linkTargets: FoundLink[] = [];
  const seenLinks = new Set<string>();
  for (const link of parts.links ?? []) {
    if (link.href.length > CANDIDATE_LIMITS.urlChars || links.length >= CANDIDATE_LIMITS.links) continue;
    // Every element is marked, but the worker sees each address once, plus each different text
    // shown for it (a card repeating a link adds nothing; a second caption may mismatch).
    if (link.element) linkTargets.push(link);
    const id = `${link.href}\n${link.text ?? ''}`;
    if (seenLinks.has(id) || (!link.text && seenLinks.has(link.href))) continue;
    seenLinks.add(id);
    seenLinks.add(link.href);
    links.push(link);
  }
  const attachments = (parts.attachments ?? [])
    .filter((a) => a.name.length > 0 && (a.href === undefined || a.href.length <= CANDIDATE_LIMITS.urlChars))
    .slice(0, CANDIDATE_LIMITS.attachments);
  const targets: PageRecord['targets'] = [];
  for (const link of linkTargets) if (link.element) targets.push({ element: link.element, href: link.href });
  for (const a of attachments)
    targets.push({ element: a.element, fileName: cap(a.name), ...(a.href ? { href: a.href } : {}) });
  const author = parts.author?.trim();
  return {
    key: parts.key.slice(0, 256),
    element: parts.element,
    anchor: parts.anchor ?? parts.element,
    targets,
    candidate: {
      text: capText(parts.text, CANDIDATE_LIMITS.textChars),
      ...(links.length > 0
        ? {
            links: links.map((l) => ({
              href: l.href,
              ...(l.text ? { text: cap(l.text) } : {}),
            })),
          }
        : {}),
      ...(attachments.length > 0
        ? {
            attachments: attachments.map((a) => ({ name: cap(a.name), ...(a.href ? { href: a.href } : {}) })),
          }
        : {}),
      pageUrl: parts.pageUrl.slice(0, CANDIDATE_LIMITS.urlChars),
      ...(author ? { author: cap(author) } : {}),
    },
  };
}

function cap(value: string): string {
  return value.slice(0, CANDIDATE_LIMITS.nameChars);
}

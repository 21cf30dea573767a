import type { Candidate } from '../core/types.ts';

/**
 * One thing on a page worth judging (a job post, a message), as a site adapter sees it.
 * Adapters use the DOM only, no extension APIs, so they run on fixtures in Node.
 */
export interface PageRecord {
  /** Stable id for the entity on this page ("linkedin-job:4012345678"); results are keyed by it. */
  key: string;
  /** The element that is judged and marked with `data-lureguard`. */
  element: Element;
  /** Where the warning banner goes: it is inserted just before this element. */
  anchor: Element;
  /** The anchors and attachment elements behind `candidate.links`/`attachments`, for marking. */
  targets: Array<{ element: Element; href?: string; fileName?: string }>;
  candidate: Candidate;
}

/** Collapses runs of whitespace; the engine wants words, not layout. */
export function visibleText(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Caps text so one giant node cannot flood the worker. */
export function capText(text: string, max = 20_000): string {
  return text.length > max ? text.slice(0, max) : text;
}

export function linksIn(
  container: Element,
): Array<{ element: HTMLAnchorElement; href: string; text: string }> {
  const out: Array<{ element: HTMLAnchorElement; href: string; text: string }> = [];
  for (const anchor of container.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = anchor.href;
    if (!href.startsWith('http')) continue;
    out.push({ element: anchor, href, text: visibleText(anchor) });
    if (out.length >= 200) break;
  }
  return out;
}

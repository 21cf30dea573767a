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

/** Elements that start a new line when rendered; their text must not run into the next block's. */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const MAX_NODES = 50_000;
/** Never rendered as text. */
const UNSEEN = new Set('SCRIPT STYLE TEMPLATE NOSCRIPT'.split(' '));
/**
 * The words of an element, with a space where a block or line break separates them
 * ("$18,000/month.<br>Apply" reads as two sentences, "Coinbase</div><div>Careers" as two words),
 * without scripts and styles, and without elements of class `skipClass` (screen-reader copies).
 * Collapses runs of whitespace; the engine wants words, not layout. Tag names only, never
 * computed style: no layout work on a page with thousands of posts.
 */
export function visibleText(element: Element | null | undefined, skipClass?: string): string {
  if (!element) return '';
  if (element.firstElementChild === null) return collapseSpaces(element.textContent ?? '');
  // In document order by sibling and parent links, not a stack of children: no array per node
  // and no recursion (a hostile page may nest thousands of levels deep). `blocks` holds, per
  // element entered, whether leaving it ends a block.
  const blocks: boolean[] = [];
  let text = '';
  let budget = MAX_NODES;
  let node: Node = element;
  walk: while (budget-- > 0) {
    let inside: Node | null = null;
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (!UNSEEN.has(tag) && (skipClass === undefined || !hasClass(node as Element, skipClass))) {
        const block = BLOCK.has(tag);
        if ((node as Element).firstElementChild === null) {
          // A leaf: native textContent is exact and fast.
          text += block ? ` ${node.textContent} ` : node.textContent;
        } else {
          if (block) text += ' ';
          blocks.push(block);
          inside = node.firstChild;
        }
      }
    }
    if (inside !== null) {
      node = inside;
      continue;
    }
    // Done with this node: on to its next sibling, leaving every element that has none.
    while (node !== element) {
      const next: Node | null = node.nextSibling;
      if (next !== null) {
        node = next;
        continue walk;
      }
      node = node.parentNode as Node;
      if (blocks.pop()) {
        if (budget-- <= 0) break walk;
        text += ' ';
      }
    }
    break;
  }
  return collapseSpaces(text);
}

/**
 * `text.replace(/\s+/g, ' ').trim()`, replacing only what changes: runs of two or more and lone
 * tabs or newlines. Most whitespace in text is single spaces, one match per word for `\s+`.
 */
export function collapseSpaces(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** `classList.contains` without the token list object `classList` creates on first use. */
function hasClass(element: Element, name: string): boolean {
  const value = element.getAttribute('class');
  return !!value?.includes(name) && ` ${value.replace(/[\t\n\f\r ]+/g, ' ')} `.includes(` ${name} `);
}

/**
 * Native `textContent`, collapsed: for parts a site renders with inline elements only (X's post
 * text is spans, links and emoji images), where walking for blocks would find none.
 */
export function inlineText(element: Element | null | undefined): string {
  return collapseSpaces(element?.textContent ?? '');
}

/** Caps text so one giant node cannot flood the worker. */
export function capText(text: string, max = 20_000): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** One anchor as a link, when it points at the web (not `javascript:` or `mailto:`). */
export function linkOf(anchor: Element): { element: HTMLAnchorElement; href: string; text: string } | null {
  const href = (anchor as HTMLAnchorElement).href;
  if (typeof href !== 'string' || !href.startsWith('http')) return null;
  return { element: anchor as HTMLAnchorElement, href, text: visibleText(anchor) };
}

export function linksIn(
  container: Element,
): Array<{ element: HTMLAnchorElement; href: string; text: string }> {
  const out: Array<{ element: HTMLAnchorElement; href: string; text: string }> = [];
  for (const anchor of container.querySelectorAll('a[href]')) {
    // `linkOf` also refuses SVG links, whose `href` is an object, not a string.
    const link = linkOf(anchor);
    if (!link) continue;
    out.push(link);
    if (out.length >= 200) break;
  }
  return out;
}

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
/** Links read from one element at most. */
const MAX_LINKS = 200;
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
  return walkText(element, skipClass, null);
}

/** A link as an adapter reads it: the anchor, its resolved address and its words. */
export interface PageLink {
  element: HTMLAnchorElement;
  href: string;
  text: string;
}

/**
 * The words of an element (as `visibleText` reads them) and its links (each anchor as `linkOf`
 * reads it), in one walk: each node is visited once, and anchors are found on the way instead of
 * by a query and a walk of each. Anchors inside never-rendered elements (script, style,
 * template, noscript) are not links anyone can click.
 */
export function textAndLinks(element: Element | null | undefined): { text: string; links: PageLink[] } {
  const links: PageLink[] = [];
  if (!element) return { text: '', links };
  return { text: walkText(element, undefined, links), links };
}

/** What leaving an element entered by the walk adds: nothing, a block's space, or an anchor's text. */
const INLINE = -1;
const BLOCK_END = -2;

function walkText(element: Element, skipClass: string | undefined, links: PageLink[] | null): string {
  if (element.firstElementChild === null) return collapseSpaces(element.textContent ?? '');
  // In document order by sibling and parent links, not a stack of children: no array per node
  // and no recursion (a hostile page may nest thousands of levels deep). `exits` holds, per
  // element entered, what leaving it adds: INLINE, BLOCK_END, or the index of its link in
  // `links` (whose text is what the walk read inside it; the text starts at `starts[i]`).
  const exits: number[] = [];
  const starts: number[] = [];
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
        const link = links !== null && tag === 'A' && node !== element;
        if ((node as Element).firstElementChild === null) {
          // A leaf: native textContent is exact and fast.
          const words = node.textContent ?? '';
          text += block ? ` ${words} ` : words;
          if (link) addLink(links, node as Element, words);
        } else {
          if (block) text += ' ';
          let exit = block ? BLOCK_END : INLINE;
          if (link && addLink(links, node as Element, '')) {
            exit = links.length - 1;
            starts[exit] = text.length;
          }
          exits.push(exit);
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
      const exit = exits.pop() ?? INLINE;
      if (exit === BLOCK_END) {
        if (budget-- <= 0) break walk;
        text += ' ';
      } else if (exit >= 0) closeLink(exit);
    }
    break;
  }
  // Out of budget inside anchors: each keeps what was read of it.
  for (const exit of exits) if (exit >= 0) closeLink(exit);
  return collapseSpaces(text);

  /** An anchor's words are what the walk read since entering it. */
  function closeLink(index: number): void {
    (links as PageLink[])[index]!.text = collapseSpaces(text.slice(starts[index]));
  }
}

/** Adds an anchor that points at the web, up to `MAX_LINKS`; whether it did. */
function addLink(links: PageLink[], anchor: Element, words: string): boolean {
  const href = webHref(anchor);
  if (links.length >= MAX_LINKS || href === null) return false;
  links.push({ element: anchor as HTMLAnchorElement, href, text: collapseSpaces(words) });
  return true;
}

/** The anchor's resolved address when it points at the web (not `javascript:` or `mailto:`; an SVG link's `href` is an object). */
function webHref(anchor: Element): string | null {
  const href = (anchor as HTMLAnchorElement).href;
  return typeof href === 'string' && href.startsWith('http') ? href : null;
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

/** One anchor as a link, when it points at the web. */
export function linkOf(anchor: Element): PageLink | null {
  const href = webHref(anchor);
  return href === null ? null : { element: anchor as HTMLAnchorElement, href, text: visibleText(anchor) };
}

/**
 * The links inside an element, for a caller that reads its words some other way (or not at
 * all): a native query wraps only the anchors, where `textAndLinks` would walk every node.
 */
export function linksIn(container: Element | null | undefined): PageLink[] {
  const links: PageLink[] = [];
  if (!container) return links;
  // Stops at the cap: a hostile page may hold any number of anchors, and each is read.
  for (const anchor of container.querySelectorAll('a[href]')) {
    const link = linkOf(anchor);
    if (link) links.push(link);
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}

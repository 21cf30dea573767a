/**
 * A selector with fallbacks: the first entry that matches anything wins. Sites ship several
 * layouts at once and rename classes often, so every list names its layouts in a comment,
 * and `tests/dom/selector-counts.test.ts` pins how many nodes each one matches per fixture.
 */
export type Fallbacks = readonly [string, ...string[]];

export function selectAll(root: ParentNode, fallbacks: Fallbacks): Element[] {
  const list = anyOf(fallbacks);
  if (list === null || isWholePage(root)) {
    for (const selector of fallbacks) {
      const found = root.querySelectorAll(selector);
      if (found.length > 0) return [...found];
    }
    return [];
  }
  const found = [...root.querySelectorAll(list)];
  if (found.length === 0 || fallbacks.length === 1) return found;
  // `matches` tells the fallbacks apart; it reads selectors in document context as
  // `querySelectorAll` does, so the first fallback with a match gets the same elements.
  for (const selector of fallbacks) {
    const matching = found.filter((element) => element.matches(selector));
    if (matching.length > 0) return matching;
  }
  return [];
}

/**
 * The real document, not a subtree or the scanner's scoped view of it (which answers to
 * `nodeType` as the document does). A whole page is queried fallback by fallback: one selector
 * keeps the browser's fast paths, and a page is read in full rarely. A subtree is walked once
 * for the whole list: per-subtree calls are many, and most find nothing.
 */
function isWholePage(root: ParentNode): boolean {
  return (root as Node).nodeType === 9 && pageDocument(root as Document) === root;
}

/** Fallback by fallback: a single class selector takes the browser's fast path, a list does not. */
export function selectFirst(root: ParentNode, fallbacks: Fallbacks): Element | null {
  for (const selector of fallbacks) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

const lists = new Map<Fallbacks, string | null>();
/**
 * The fallbacks as one selector list: a subtree with no match is walked once, not once per
 * fallback. None for `:scope` selectors, which `matches` would read relative to the element.
 */
function anyOf(fallbacks: Fallbacks): string | null {
  let list = lists.get(fallbacks);
  if (list === undefined) {
    list = fallbacks.some((f) => f.includes(':scope')) ? null : fallbacks.join(', ');
    lists.set(fallbacks, list);
  }
  return list;
}

/**
 * Drops matches nested inside another match (a reshare inside a post), keeping the outermost.
 * `elements` come in document order, so a nested match sits inside the last one kept.
 */
export function outermost(elements: Element[]): Element[] {
  const kept: Element[] = [];
  let last: Element | undefined;
  for (const element of elements) {
    if (last?.contains(element)) continue;
    kept.push(element);
    last = element;
  }
  return kept;
}

/**
 * The page's real document. The scanner may hand an adapter a view of `document` scoped to a
 * changed subtree; page-level context (a chat's title, JSON-LD, a job's top card) is read from
 * the whole page so that a record does not change with the part of the page that changed.
 */
export function pageDocument(document: Document): Document {
  return document.documentElement?.ownerDocument ?? document;
}

/**
 * The first match of `fallbacks` in `item` or, failing that, in the nearest earlier sibling that
 * has one: chats print the sender only on the first message of a group. Siblings, not scan order,
 * so a message added on its own still finds its group's header.
 */
export function inGroup(item: Element, fallbacks: Fallbacks, limit = 100): Element | null {
  let at: Element | null = item;
  for (let step = 0; at && step <= limit; step++, at = at.previousElementSibling) {
    const found = selectFirst(at, fallbacks);
    if (found) return found;
  }
  return null;
}

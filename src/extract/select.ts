/**
 * A selector with fallbacks: the first entry that matches anything wins. Sites ship several
 * layouts at once and rename classes often, so every list names its layouts in a comment,
 * and `tests/dom/selector-counts.test.ts` pins how many nodes each one matches per fixture.
 */
export type Fallbacks = readonly [string, ...string[]];

export function selectAll(root: ParentNode, fallbacks: Fallbacks): Element[] {
  for (const selector of fallbacks) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

export function selectFirst(root: ParentNode, fallbacks: Fallbacks): Element | null {
  for (const selector of fallbacks) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Drops matches nested inside another match (a reshare inside a post), keeping the outermost. */
export function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let up = element.parentElement; up; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
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

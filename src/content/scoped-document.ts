/**
 * A view of `document` limited to changed subtrees, for incremental scans with an extractor
 * that takes a whole document (`extractPage(document, url)`).
 *
 * `querySelector(All)` answer with the matches inside each root, plus the ancestors of a root
 * that match (a message whose inner text just arrived is an ancestor of the added node), each
 * element once. Everything else (title, body, location) is the real document. Adapters that
 * query through `document.body` still work, just without the saving.
 */
export function scopedDocument(document: Document, roots: readonly Element[]): Document {
  /** The matches in scope, in the order above; with `firstOnly`, up to the first root with any. */
  const matchesIn = (selector: string, firstOnly: boolean): Element[] => {
    const found: Element[] = [];
    const ancestors = new Set<Element>();
    let walked: Element | null | undefined;
    for (const root of roots) {
      // Matching ancestors first, outermost first, each once: roots may share them (they never
      // nest). Posts added together are siblings: their shared ancestors are walked once.
      const parent = root.parentElement;
      const at = found.length;
      for (
        let up = parent === walked ? null : parent?.closest(selector);
        up;
        up = up.parentElement?.closest(selector)
      ) {
        if (!ancestors.has(up)) found.splice(at, 0, up);
        ancestors.add(up);
      }
      walked = parent;
      if (root.matches(selector)) found.push(root);
      if (firstOnly) {
        // One is enough: stop at the first root with a match, and ask a root for one, not a list.
        const inside = found.length > 0 ? null : root.querySelector(selector);
        if (inside) found.push(inside);
        if (found.length > 0) return found;
      } else for (const inside of root.querySelectorAll(selector)) found.push(inside);
    }
    return found;
  };
  const querySelectorAll = (selector: string): Element[] => matchesIn(selector, false);
  // The first match of the first root with any: its outermost matching ancestor, else the
  // root, else a descendant.
  const querySelector = (selector: string): Element | null => matchesIn(selector, true)[0] ?? null;
  return new Proxy(document, {
    get(target, property) {
      if (property === 'querySelectorAll') return querySelectorAll;
      if (property === 'querySelector') return querySelector;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

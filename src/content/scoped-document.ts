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
  const querySelectorAll = (selector: string): Element[] => {
    const found: Element[] = [];
    // Roots never nest (the scanner drops one inside another), but they may share ancestors.
    let ancestors: Set<Element> | undefined;
    for (const root of roots) {
      const matching: Element[] = [];
      for (let up = root.parentElement?.closest(selector); up; up = up.parentElement?.closest(selector))
        matching.push(up);
      for (let i = matching.length - 1; i >= 0; i--) {
        const up = matching[i]!;
        ancestors ??= new Set();
        if (!ancestors.has(up)) found.push(up);
        ancestors.add(up);
      }
      if (root.matches(selector)) found.push(root);
      for (const inside of root.querySelectorAll(selector)) found.push(inside);
    }
    return found;
  };
  // Per root in turn: the outermost matching ancestor, else the root, else a descendant.
  const querySelector = (selector: string): Element | null => {
    for (const root of roots) {
      let first: Element | null = null;
      for (let up = root.parentElement?.closest(selector); up; up = up.parentElement?.closest(selector))
        first = up;
      first ??= root.matches(selector) ? root : root.querySelector(selector);
      if (first) return first;
    }
    return null;
  };
  return new Proxy(document, {
    get(target, property) {
      if (property === 'querySelectorAll') return querySelectorAll;
      if (property === 'querySelector') return querySelector;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

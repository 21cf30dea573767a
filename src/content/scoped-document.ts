/**
 * A view of `document` limited to one changed subtree, for incremental scans with an
 * extractor that takes a whole document (`extractPage(document, url)`).
 *
 * `querySelector(All)` answer with the matches inside `root`, plus the ancestors of `root`
 * that match (a message whose inner text just arrived is an ancestor of the added node).
 * Everything else (title, body, location) is the real document. Adapters that query through
 * `document.body` still work, just without the saving.
 */
export function scopedDocument(document: Document, root: Element): Document {
  const ancestorsMatching = (selector: string): Element[] => {
    const out: Element[] = [];
    for (let up = root.parentElement?.closest(selector); up; up = up.parentElement?.closest(selector))
      out.unshift(up);
    return out;
  };
  const querySelectorAll = (selector: string): Element[] => {
    const inside = root.matches(selector) ? [root] : [];
    for (const found of root.querySelectorAll(selector)) inside.push(found);
    return [...ancestorsMatching(selector), ...inside];
  };
  // First in document order: the outermost matching ancestor, else root, else a descendant.
  const querySelector = (selector: string): Element | null =>
    ancestorsMatching(selector)[0] ?? (root.matches(selector) ? root : root.querySelector(selector));
  return new Proxy(document, {
    get(target, property) {
      if (property === 'querySelectorAll') return querySelectorAll;
      if (property === 'querySelector') return querySelector;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

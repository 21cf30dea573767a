import { describe, expect, it } from 'vitest';
import { scopedDocument } from '../../src/content/scoped-document.ts';
import { outermost, selectAll, selectFirst } from '../../src/extract/select.ts';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}
const ids = (elements: Array<Element | null>) => elements.map((e) => e?.id ?? null);

describe('selector fallbacks', () => {
  // The whole page is queried fallback by fallback, a subtree or scoped view with one list.
  const roots = (doc: Document) => [doc, doc.body, scopedDocument(doc, [doc.body])];

  it('selectAll: the first fallback with any match wins, even when a later one matches earlier', () => {
    const doc = page('<i id="a" class="old"></i><b id="b" class="new"></b><i id="c" class="old"></i>');
    for (const root of roots(doc)) {
      expect(ids(selectAll(root, ['.new', '.old']))).toEqual(['b']);
      expect(ids(selectAll(root, ['.gone', '.old']))).toEqual(['a', 'c']);
      expect(selectAll(root, ['.gone', '.none'])).toEqual([]);
    }
  });

  it('selectAll: an element matching two fallbacks counts for the first', () => {
    const doc = page('<i id="a" class="new old"></i><i id="b" class="old"></i>');
    for (const root of roots(doc)) expect(ids(selectAll(root, ['.new', '.old']))).toEqual(['a']);
  });

  it('selectFirst: the first fallback wins over an earlier match of a later one', () => {
    const doc = page('<i id="a" class="old"></i><b id="b" class="new"></b>');
    expect(selectFirst(doc, ['.new', '.old'])?.id).toBe('b');
    expect(selectFirst(doc, ['.gone', '.old'])?.id).toBe('a');
    expect(selectFirst(doc, ['.gone', '.none'])).toBeNull();
  });

  it('`:scope` fallbacks are read relative to the root they are queried from', () => {
    const doc = page('<div id="r"><p id="child"><span id="deep" class="x"></span></p></div>');
    const root = doc.getElementById('r')!;
    expect(ids(selectAll(root, [':scope > .x', ':scope > p']))).toEqual(['child']);
    expect(selectFirst(root, [':scope > .x', ':scope > p'])?.id).toBe('child');
  });
});

describe('outermost', () => {
  it('drops matches nested in an earlier kept one, keeps siblings after it', () => {
    const doc = page(
      '<div id="p1" class="m"><div id="r1" class="m"><div id="r2" class="m"></div></div></div><div id="p2" class="m"></div>',
    );
    expect(ids(outermost(selectAll(doc, ['.m'])))).toEqual(['p1', 'p2']);
  });
});

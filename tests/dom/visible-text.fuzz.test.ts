import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksIn, textAndLinks, visibleText } from '../../src/extract/page-record.ts';
import { check, fuzzTimeout } from '../unit/fuzz/fuzz-config.ts';

/**
 * The reference: `visibleText`'s node-by-node walk as of the whitespace change, collapsing with
 * the plain `/\s+/g`. Any faster reading (native text for subtrees that need no walk, other
 * whitespace handling) must match it string for string.
 */
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const UNSEEN = new Set('SCRIPT STYLE TEMPLATE NOSCRIPT'.split(' '));
function walkedText(element: Element, skipClass?: string): string {
  if (element.firstElementChild === null) return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const blocks: boolean[] = [];
  let text = '';
  let budget = 50_000;
  let node: Node = element;
  walk: while (budget-- > 0) {
    let inside: Node | null = null;
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      const classes = ` ${((node as Element).getAttribute('class') ?? '').replace(/[\t\n\f\r ]+/g, ' ')} `;
      if (!UNSEEN.has(tag) && (skipClass === undefined || !classes.includes(` ${skipClass} `))) {
        const block = BLOCK.has(tag);
        if ((node as Element).firstElementChild === null) {
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
  return text.replace(/\s+/g, ' ').trim();
}

type Tree =
  | { text: string }
  | { comment: true }
  | { tag: string; svg: boolean; className: string; href?: string | undefined; children: Tree[] };

const TAGS = ['span', 'b', 'a', 'em', 'div', 'p', 'li', 'h3', 'td', 'section', 'br', 'hr'];
const UNSEEN_TAGS = ['script', 'style', 'template', 'noscript'];
const CLASSES = [
  '',
  'visually-hidden',
  'a11y visually-hidden',
  'x\tvisually-hidden',
  'visually-hidden-not',
  'hidden',
];
const text = fc
  .array(fc.constantFrom('word', 'a', ' ', '  ', '\n', '\t', '\u00a0', '.', 'Coinbase'), { maxLength: 4 })
  .map((parts) => ({ text: parts.join('') }));

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((self) => ({
  node: fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.constant({ comment: true as const }) },
    { weight: 5, arbitrary: self('tree') },
  ),
  tree: fc.record({
    tag: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...TAGS) },
      { weight: 1, arbitrary: fc.constantFrom(...UNSEEN_TAGS) },
    ),
    // SVG elements have lower-case tag names that are never blocks, whatever they are called.
    svg: fc.nat(9).map((n) => n === 0),
    className: fc.constantFrom(...CLASSES),
    // On any tag; only HTML anchors with a web address are links.
    href: fc.constantFrom(
      undefined,
      'https://coinbase-careers.com/jd',
      '/relative',
      'mailto:hr@example.com',
      '',
    ),
    children: fc.array(self('node'), { maxLength: 4, depthIdentifier: 'tree' }),
  }),
}));

function build(doc: Document, node: Tree): Node {
  if ('text' in node) return doc.createTextNode(node.text);
  if ('comment' in node) return doc.createComment('note');
  const element = node.svg
    ? doc.createElementNS('http://www.w3.org/2000/svg', node.tag)
    : doc.createElement(node.tag);
  if (node.className) element.setAttribute('class', node.className);
  if (node.href !== undefined) element.setAttribute('href', node.href);
  // Appended one by one, so neighbouring texts stay separate nodes (the parser would merge them).
  for (const child of node.children) element.appendChild(build(doc, child));
  return element;
}

describe('visibleText', () => {
  it(
    'reads every random tree, and every element in it, as the node-by-node walk does',
    () => {
      const doc = document.implementation.createHTMLDocument('');
      check(
        fc.property(tree, fc.constantFrom(undefined, 'visually-hidden'), (shape, skipClass) => {
          const root = build(doc, shape) as Element;
          doc.body.replaceChildren(root);
          for (const element of [root, ...root.querySelectorAll('*')]) {
            expect(visibleText(element, skipClass)).toBe(walkedText(element, skipClass));
          }
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'textAndLinks reads the same text as visibleText and the same links as linksIn (a query for anchors), in one walk',
    () => {
      const doc = document.implementation.createHTMLDocument('');
      const base = doc.createElement('base');
      base.href = 'https://www.linkedin.com/feed/';
      doc.head.append(base);
      const unseen = UNSEEN_TAGS.map((t) => t.toUpperCase());
      check(
        fc.property(tree, (shape) => {
          const root = build(doc, shape) as Element;
          doc.body.replaceChildren(root);
          for (const element of [root, ...root.querySelectorAll('*')]) {
            const read = textAndLinks(element);
            expect(read.text).toBe(visibleText(element));
            // Anchors inside never-rendered elements are no links anyone can click.
            const clickable = linksIn(element).filter((link) => {
              for (let up = link.element.parentElement; up; up = up.parentElement) {
                if (unseen.includes(up.tagName)) return false;
                if (up === element) return true;
              }
              return true;
            });
            expect(read.links).toEqual(clickable);
          }
        }),
        3_000,
      );
    },
    fuzzTimeout(),
  );

  it('reads parsed markup as the walk does, including what the parser reorders', () => {
    const pieces = [
      '<p>',
      '</p>',
      '<span>',
      '</span>',
      '<br>',
      'one ',
      'two',
      '<div>',
      '</div>',
      '<script>x</script>',
    ];
    check(
      fc.property(
        fc.array(
          fc.constantFrom(...pieces, '<b class="visually-hidden">', '</b>', '<table><tr><td>', '</table>'),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          const root = new DOMParser().parseFromString(`<div>${parts.join('')}</div>`, 'text/html').body;
          for (const element of [root, ...root.querySelectorAll('*')]) {
            expect(visibleText(element, 'visually-hidden')).toBe(walkedText(element, 'visually-hidden'));
          }
        },
      ),
      500,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../src/extract/build-record.ts';
import { linkOf, linksIn, textAndLinks, visibleText } from '../../src/extract/page-record.ts';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('visibleText', () => {
  it('separates blocks and line breaks, keeps inline runs together', () => {
    expect(
      visibleText(element('<p>$18,000/month.<br>Apply <b>now</b></p><div>Coinbase</div><div>Careers</div>')),
    ).toBe('$18,000/month. Apply now Coinbase Careers');
    // X splits a link's address over hidden inline spans: it must stay one address.
    expect(visibleText(element('<a><span>https://</span>coinbase.com/car<span>eers</span>…</a>'))).toBe(
      'https://coinbase.com/careers…',
    );
  });

  it('skips scripts and styles, which are never shown', () => {
    expect(
      visibleText(element('Hello<script>var x = "coinbase-careers.com"</script><style>p{}</style> there')),
    ).toBe('Hello there');
  });

  it('skips elements of the skip class by whole class token only', () => {
    const actor = element(
      '<span aria-hidden="true">Alex</span> <span class="a11y visually-hidden">Alex</span> ' +
        '<span class="visually-hidden-not">Recruiter</span> <span class="x\tvisually-hidden">Alex</span>',
    );
    expect(visibleText(actor, 'visually-hidden')).toBe('Alex Recruiter');
    expect(visibleText(actor)).toBe('Alex Alex Recruiter Alex');
  });

  it('ends a block after its last nested child, and ignores comments', () => {
    expect(
      visibleText(element('<div><p>one<b>two</b></p><!--note-->three</div><span>four<i>five</i></span>six')),
    ).toBe('onetwo three fourfivesix');
  });

  it('reads a 1,000-deep nest without recursion', () => {
    const words = Array.from({ length: 1_000 }, (_, n) => `w${n}`);
    const text = visibleText(element(words.map((w) => `<div>${w}`).join('')));
    expect(text).toBe(words.join(' '));
  });
});

describe('links and records', () => {
  it('takes only web links', () => {
    expect(linkOf(element('<a href="javascript:alert(1)">x</a>').firstElementChild!)).toBeNull();
    expect(linkOf(element('<a href="mailto:a@b.c">x</a>').firstElementChild!)).toBeNull();
    // An SVG link's href is an SVGAnimatedString: skipped, not a crash.
    const mixed = element(
      '<svg><a href="https://example.org/svg"><text>x</text></a></svg><a href="https://example.org/">y</a>',
    );
    expect(textAndLinks(mixed).links.map((l) => l.href)).toEqual(['https://example.org/']);
  });

  it('keeps what it read of an anchor the node budget cuts off, and stops at 200 links', () => {
    const root = element('<a href="https://coinbase-careers.example/jd"><b>Coinbase</b></a>');
    const anchor = root.firstElementChild!;
    // Past the 50,000-node budget inside the anchor: its text so far, not nothing.
    for (let i = 0; i < 50_100; i++) anchor.append(root.ownerDocument.createTextNode(' w'));
    const cut = textAndLinks(root);
    expect(cut.links).toHaveLength(1);
    expect(cut.links[0]!.text.startsWith('Coinbase w w')).toBe(true);
    expect(cut.text).toBe(visibleText(root));
    const many = element(
      Array.from({ length: 250 }, (_, i) => `<a href="https://example.org/${i}">${i}</a>`).join(''),
    );
    expect(textAndLinks(many).links.map((l) => l.text)).toEqual(
      Array.from({ length: 200 }, (_, i) => String(i)),
    );
  });

  it('linksIn stops at 200 links without reading the anchors past them', () => {
    const many = element(
      Array.from({ length: 1_000 }, (_, i) => `<a href="https://example.org/${i}">${i}</a>`).join(''),
    );
    let read = 0;
    for (const anchor of many.querySelectorAll('a'))
      Object.defineProperty(anchor, 'href', { get: () => `https://example.org/${read++}` });
    expect(linksIn(many)).toHaveLength(200);
    expect(read).toBe(200);
  });

  it('caps what a hostile page can put in one record', () => {
    const root = element('');
    const links = Array.from({ length: 500 }, (_, i) => ({
      href: `https://example.org/${i}`,
      text: 'x'.repeat(5_000),
    }));
    const record = buildRecord({
      key: 'k'.repeat(1_000),
      element: root,
      text: 'y'.repeat(50_000),
      links: [...links, { href: `https://example.org/${'z'.repeat(5_000)}` }],
      attachments: Array.from({ length: 80 }, (_, i) => ({ element: root, name: `f${i}.pdf` })),
      pageUrl: 'https://example.org/',
      author: 'a'.repeat(5_000),
    });
    expect(record.key).toHaveLength(256);
    expect(record.candidate.text).toHaveLength(20_000);
    expect(record.candidate.links).toHaveLength(200);
    expect(record.candidate.links![0]!.text).toHaveLength(1_024);
    expect(record.candidate.attachments).toHaveLength(50);
    expect(record.candidate.author).toHaveLength(1_024);
  });

  it('sends a repeated address once but marks every element showing it', () => {
    const root = element(
      '<a id="a" href="https://t.co/x">https://example.org/a</a><a id="b" href="https://t.co/x"></a>',
    );
    const [a, b] = [root.querySelector('#a')!, root.querySelector('#b')!];
    const record = buildRecord({
      key: 'k',
      element: root,
      text: '',
      links: [
        { element: a, href: 'https://example.org/a', text: 'https://example.org/a' },
        { element: b, href: 'https://example.org/a' },
      ],
      pageUrl: 'https://x.com/home',
    });
    expect(record.candidate.links).toEqual([
      { href: 'https://example.org/a', text: 'https://example.org/a' },
    ]);
    expect(record.targets.map((t) => t.element)).toEqual([a, b]);
  });
});

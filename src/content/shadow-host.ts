/**
 * Hosts for everything Lureguard draws on a page: a plain element with a CLOSED shadow root,
 * styled only from inside (adoptedStyleSheets). `:host` rules marked !important win over any
 * page rule, even the page's own !important ones (CSS Scoping: for important declarations
 * the shadow tree's context wins), so the page cannot hide or restyle the host by CSS.
 */

/** Every host and badge we created; page-made look-alikes are never in here. */
export const ownElements = new WeakSet<Element>();

const HOST_GUARD = `
:host { all: initial !important; display: block !important; visibility: visible !important;
  opacity: 1 !important; position: relative !important; z-index: 2147483647 !important; transform: none !important;
  filter: none !important; clip-path: none !important; mask: none !important; pointer-events: auto !important;
  content-visibility: visible !important; width: auto !important; height: auto !important;
  min-height: 0 !important; max-height: none !important; overflow: visible !important; }
`;

const sheets = new Map<string, CSSStyleSheet>();
function sheet(css: string): CSSStyleSheet {
  let found = sheets.get(css);
  if (!found) {
    found = new CSSStyleSheet();
    found.replaceSync(css);
    sheets.set(css, found);
  }
  return found;
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/** A host element (default `div`) with a closed root; `hostCss` may replace the default :host guard. */
export function createShadowHost(
  css: string,
  options: { tag?: 'div' | 'span'; hostCss?: string } = {},
): ShadowHost {
  const host = createHost(options.tag);
  return { host, root: attachRoot(host, css, options.hostCss) };
}

/** A host of ours without its root yet: the hooks can go on the page before the content is built. */
export function createHost(tag: 'div' | 'span' = 'div'): HTMLElement {
  const host = document.createElement(tag);
  ownElements.add(host);
  return host;
}

/** The closed root of a host from `createHost`, styled by shared constructed sheets. */
export function attachRoot(host: HTMLElement, css: string, hostCss = HOST_GUARD): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [sheet(hostCss), sheet(css)];
  return root;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Shared look: light by default, dark when the OS or the page's color scheme asks for it. */
export const THEME = `
.box { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif;
  border-radius: 8px; padding: 12px 14px; border: 2px solid var(--edge); background: var(--bg); color: var(--fg);
  text-align: start; }
.dangerous { --edge: #b3261e; --bg: #fdecea; --fg: #3b0a07; --accent: #b3261e; }
.suspicious { --edge: #9a6700; --bg: #fff8e1; --fg: #3d2a00; --accent: #7a5200; }
@media (prefers-color-scheme: dark) {
  .dangerous { --bg: #3b1210; --fg: #ffdad6; --accent: #ffb4ab; }
  .suspicious { --bg: #332600; --fg: #ffe08a; --accent: #f0c048; }
}
.title { font-weight: 700; margin: 0 0 4px; color: var(--accent); }
p { margin: 0; }
ul { margin: 8px 0 0; padding-inline-start: 20px; }
li { margin: 2px 0; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--edge);
  background: transparent; color: var(--fg); cursor: pointer; }
button:hover { background: color-mix(in srgb, var(--edge) 12%, transparent); }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`;

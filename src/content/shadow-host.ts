/**
 * Hosts for everything Lureguard draws on a page: a plain element with a CLOSED shadow root,
 * styled only from inside (adoptedStyleSheets). `:host` rules marked !important win over any
 * page rule, even the page's own !important ones (CSS Scoping: for important declarations
 * the shadow tree's context wins), so the page cannot hide or restyle the host by CSS.
 */

import HOST_GUARD from './styles/host-guard.css?inline';
import THEME from './styles/theme.css?inline';

/** Shared look: light by default, dark when the OS or the page's color scheme asks for it. */
export { HOST_GUARD, THEME };

/** Every host and badge we created; page-made look-alikes are never in here. */
export const ownElements = new WeakSet<Element>();

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

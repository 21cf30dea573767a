import type { WarningLevel } from '../core/types.ts';
import { t } from '../ui/i18n/translate.ts';
import { createShadowHost, el, HOST_GUARD, THEME } from './shadow-host.ts';
import HOST from './styles/top-layer-host.css?inline';

/**
 * The fallback when a page hides, covers or keeps removing an inline warning: one banner in
 * the browser's top layer (a manual popover), which no z-index, overlay or ancestor style can
 * cover. It lists the warnings the page tried to hide.
 *
 * Out of the page's reach: the popover lives inside a CLOSED shadow root that we attach to
 * <body> (with a <slot> so the page renders as before). Page scripts cannot query, remove or
 * close it, and their MutationObservers never see it. Only if <body> already has a shadow
 * root do we fall back to a popover host in the light DOM, which the guard keeps re-adding.
 */

export interface TopLayerItem {
  level: WarningLevel;
  text: string;
}

export class TopLayerBanner {
  private host: HTMLElement | null = null;
  /** The <body> we attached our closed root to (a page may replace <body>). */
  private fortress: HTMLElement | null = null;
  private list: HTMLUListElement | null = null;
  private closedByUser = false;

  get element(): HTMLElement | null {
    return this.host;
  }

  /** Shows (or re-shows, on top of anything the page opened since) the given warnings. */
  show(items: TopLayerItem[]): void {
    if (items.length === 0 || this.closedByUser) {
      this.hide();
      return;
    }
    const level: WarningLevel = items.some((i) => i.level === 'dangerous') ? 'dangerous' : 'suspicious';
    if (!this.host) this.build();
    const host = this.host!;
    host.setAttribute('data-lureguard-warning', level);
    host.setAttribute('aria-label', `${t('topLayerTitle')}. ${items[0]!.text}`);
    this.list!.replaceChildren(...items.map((i) => el('li', i.text)));
    this.list!.parentElement!.className = `box ${level}`;
    if (!host.isConnected) this.attach(host);
    // Re-open when the page closed it, or opened its own top-layer element over ours.
    if (host.matches(':popover-open') && !covered(host)) return;
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  }

  hide(): void {
    if (this.host?.matches(':popover-open')) this.host.hidePopover();
    if (!this.fortress) this.host?.remove();
  }

  /** Into our closed root on <body> when we can; else at the end of the document. */
  private attach(host: HTMLElement): void {
    const body = document.body;
    if (body && this.fortress !== body) {
      try {
        const root = body.attachShadow({ mode: 'closed' });
        root.append(document.createElement('slot'), host);
        this.fortress = body;
        return;
      } catch {
        // <body> already has a shadow root (the page's): use the light DOM.
      }
    }
    document.documentElement.append(host);
  }

  private build(): void {
    const { host, root } = createShadowHost(THEME, { hostCss: HOST_GUARD + HOST });
    host.setAttribute('popover', 'manual');
    const box = el('div', undefined, 'box');
    box.setAttribute('role', 'alert');
    this.list = el('ul');
    const close = el('button', t('topLayerClose'));
    close.type = 'button';
    close.addEventListener('click', () => {
      this.closedByUser = true;
      this.hide();
    });
    const actions = el('div', undefined, 'actions');
    actions.append(close);
    box.append(el('p', t('topLayerTitle'), 'title'), this.list, actions);
    root.append(box);
    this.host = host;
  }
}

function covered(host: HTMLElement): boolean {
  const rect = host.getBoundingClientRect();
  // Hit-test in the host's own tree: inside our closed root, the document would only see <body>.
  const tree = host.getRootNode() as Document | ShadowRoot;
  return tree.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(rect.height / 2, 20)) !== host;
}

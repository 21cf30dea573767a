import type { MarkedTarget } from './warning-renderer.ts';

/**
 * Stops a click on a dangerous link or attachment and asks the worker to show the
 * interstitial instead. Listens in the capture phase on window, before the page's own
 * handlers; targets are looked up in our own map, never from attributes the page could set.
 */
export function guardClicks(
  targetOf: (element: Element) => MarkedTarget | undefined,
  open: (target: MarkedTarget) => void,
): void {
  const onClick = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    for (const node of event.composedPath()) {
      if (!(node instanceof Element)) continue;
      const target = targetOf(node);
      if (target?.level !== 'dangerous' || target.href === undefined) continue;
      event.preventDefault();
      event.stopImmediatePropagation();
      open(target);
      return;
    }
  };
  addEventListener('click', onClick, true);
  addEventListener('auxclick', onClick, true);
}

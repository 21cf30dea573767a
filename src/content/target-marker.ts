import type { WarningLevel } from '../core/types.ts';
import { t } from '../ui/i18n/translate.ts';
import { createShadowHost, el } from './shadow-host.ts';
import CSS from './styles/target-marker.css?inline';
import HOST from './styles/target-marker-host.css?inline';

/**
 * The small badge placed right after a flagged link or attachment, so the exact thing to avoid
 * is visible even when the banner is scrolled away. Closed shadow root, text only.
 */
export function renderMarker(level: WarningLevel): HTMLElement {
  const { host, root } = createShadowHost(CSS, { tag: 'span', hostCss: HOST });
  const label = t(level === 'dangerous' ? 'markerDangerous' : 'markerSuspicious');
  host.setAttribute('data-lureguard-marker', level);
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', label);
  host.title = label;
  root.append(el('span', level === 'dangerous' ? '⚠ Lureguard' : '! Lureguard', `badge ${level}`));
  return host;
}

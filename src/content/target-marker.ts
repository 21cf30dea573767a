import type { WarningLevel } from '../core/types.ts';
import { t } from '../ui/i18n/translate.ts';
import { createShadowHost, el } from './shadow-host.ts';

/**
 * The small badge placed right after a flagged link or attachment, so the exact thing to avoid
 * is visible even when the banner is scrolled away. Closed shadow root, text only.
 */
const CSS = `
.badge { display: inline-block; font: 700 11px/16px system-ui, sans-serif; padding: 0 5px; margin-inline-start: 4px;
  border-radius: 8px; vertical-align: middle; color: #fff; background: #b3261e; }
.badge.suspicious { background: #7a5200; }
`;
const HOST = `:host { all: initial !important; display: inline !important; visibility: visible !important;
  opacity: 1 !important; }`;

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

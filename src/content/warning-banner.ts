import type { Verdict, WarningLevel } from '../core/types.ts';

/**
 * The inline warning. Built from text only (never page HTML) inside a closed shadow root,
 * so the page can neither read nor restyle it. The host keeps the stable QA hooks:
 * `data-lureguard-warning="<level>"` and an aria-label with the headline reason.
 */

const STYLE = `
:host { all: initial; display: block !important; margin: 8px 0 !important; }
.banner { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; border-radius: 8px; padding: 12px 14px;
  border: 2px solid var(--edge); background: var(--bg); color: var(--fg); }
.banner.dangerous { --edge: #b3261e; --bg: #fdecea; --fg: #3b0a07; --accent: #b3261e; }
.banner.suspicious { --edge: #9a6700; --bg: #fff8e1; --fg: #3d2a00; --accent: #7a5200; }
@media (prefers-color-scheme: dark) {
  .banner.dangerous { --bg: #3b1210; --fg: #ffdad6; --accent: #ffb4ab; }
  .banner.suspicious { --bg: #332600; --fg: #ffe08a; --accent: #f0c048; }
}
.title { font-weight: 700; margin: 0 0 4px; color: var(--accent); }
.headline { margin: 0; }
ul { margin: 8px 0 0; padding-left: 20px; }
li { margin: 2px 0; }
button { font: inherit; margin-top: 8px; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--edge);
  background: transparent; color: var(--fg); cursor: pointer; }
button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
`;

let sheet: CSSStyleSheet | null = null;
function styleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

const TITLES: Record<WarningLevel, string> = {
  dangerous: 'Lureguard: this looks like a fake recruiter',
  suspicious: 'Lureguard: be careful with this job offer',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The headline a person reads first, and screen readers announce: the first (worst) reason. */
export function headline(verdict: Verdict): string {
  return verdict.reasons[0]?.message ?? 'This post matches a known recruiting-scam pattern.';
}

export function renderWarning(level: WarningLevel, verdict: Verdict): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-lureguard-warning', level);
  host.setAttribute('aria-label', `${TITLES[level]}. ${headline(verdict)}`);
  const root = host.attachShadow({ mode: 'closed' });
  root.adoptedStyleSheets = [styleSheet()];

  const banner = el('div', undefined, `banner ${level}`);
  banner.setAttribute('role', 'alert');
  banner.append(el('p', TITLES[level], 'title'), el('p', headline(verdict), 'headline'));

  const rest = verdict.reasons.slice(1);
  if (rest.length > 0) {
    const list = el('ul');
    list.hidden = true;
    list.id = 'reasons';
    for (const reason of rest) list.append(el('li', reason.message));
    const toggle = el('button', `Why else? (${rest.length} more)`);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'reasons');
    toggle.addEventListener('click', () => {
      list.hidden = !list.hidden;
      toggle.setAttribute('aria-expanded', String(!list.hidden));
    });
    banner.append(toggle, list);
  }
  root.append(banner);
  return host;
}

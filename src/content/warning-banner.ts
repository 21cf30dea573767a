import type { Verdict, WarningLevel } from '../core/types.ts';
import { t } from '../ui/i18n/translate.ts';
import { attachRoot, createHost, el, THEME } from './shadow-host.ts';
import SPACING from './styles/warning-banner.css?inline';

/**
 * The inline warning. Built from text only (never page HTML) inside a closed shadow root,
 * so the page can neither read nor restyle it. The host keeps the stable QA hooks:
 * `data-lureguard-warning="<level>"` and an aria-label with the headline reason.
 */

export function title(level: WarningLevel): string {
  return t(level === 'dangerous' ? 'bannerTitleDangerous' : 'bannerTitleSuspicious');
}

/** The headline a person reads first, and screen readers announce: the first (worst) reason. */
export function headline(verdict: Verdict): string {
  return verdict.reasons[0]?.message ?? t('bannerFallbackHeadline');
}

export function ariaLabel(level: WarningLevel, verdict: Verdict): string {
  // "Title. Reason" in English; Japanese joins the two with 。, not a Latin full stop.
  return t('warningLabel', title(level), headline(verdict));
}

export interface BannerActions {
  report(): void;
}

const CSS = THEME + SPACING;

/** The warning's host with its QA hooks, ready to place; `fillWarning` builds what it shows. */
export function warningHost(level: WarningLevel, verdict: Verdict): HTMLElement {
  const host = createHost();
  host.setAttribute('data-lureguard-warning', level);
  host.setAttribute('aria-label', ariaLabel(level, verdict));
  return host;
}

export function fillWarning(
  host: HTMLElement,
  level: WarningLevel,
  verdict: Verdict,
  actions: BannerActions,
): void {
  const root = attachRoot(host, CSS);
  const banner = el('div', undefined, `box ${level}`);
  banner.setAttribute('role', 'alert');
  banner.append(el('p', title(level), 'title'), el('p', headline(verdict), 'headline'));
  if (level === 'dangerous') banner.append(el('p', t('bannerAdvice'), 'advice'));

  const buttons = el('div', undefined, 'actions');
  const rest = verdict.reasons.slice(1);
  let list: HTMLUListElement | null = null;
  if (rest.length > 0) {
    const reasons = el('ul');
    list = reasons;
    reasons.hidden = true;
    reasons.id = 'reasons';
    for (const reason of rest) reasons.append(el('li', reason.message));
    const more = t('bannerDetails', rest.length);
    const toggle = el('button', more);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'reasons');
    toggle.addEventListener('click', () => {
      reasons.hidden = !reasons.hidden;
      toggle.setAttribute('aria-expanded', String(!reasons.hidden));
      toggle.textContent = reasons.hidden ? more : t('bannerHideDetails');
    });
    buttons.append(toggle);
  }
  const report = el('button', t('bannerReport'));
  report.type = 'button';
  report.addEventListener('click', () => actions.report());
  buttons.append(report);
  banner.append(buttons);
  if (list) banner.append(list);
  root.append(banner);
}

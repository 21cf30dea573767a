import { afterEach, describe, expect, it } from 'vitest';
import { locale, registerStrings, setLanguage, t, translatePage } from '../../src/ui/i18n/translate.ts';

/** translatePage fills text, placeholders and <html lang> from the tables, never as HTML. */
registerStrings({
  en: {
    historyHeading: { message: 'Reports and history' },
    historyEndpointPlaceholder: { message: 'https://hooks.example/… or mailto:a@example.com' },
    historyDestinationNow: { message: 'Reports go to $1.' },
    reportIntro: { message: '<img src=x onerror=alert(1)> stays text' },
  },
  ja: {
    historyHeading: { message: '報告と履歴' },
    historyEndpointPlaceholder: { message: 'https://hooks.example/… または mailto:a@example.com' },
    historyDestinationNow: { message: '報告の送信先: $1' },
  },
});

function page(): HTMLElement {
  document.body.innerHTML = `
    <h1 data-i18n="historyHeading">Reports and history</h1>
    <input id="endpoint" data-i18n-placeholder="historyEndpointPlaceholder" placeholder="old" />
    <p id="intro" data-i18n="reportIntro">old intro</p>
    <p id="unknown" data-i18n="noSuchKey">kept as is</p>`;
  return document.body;
}

afterEach(() => setLanguage('en'));

describe('translatePage', () => {
  it('fills text and placeholders in Japanese and sets <html lang>', () => {
    setLanguage('ja');
    const body = page();
    translatePage(body);
    expect(body.querySelector('h1')!.textContent).toBe('報告と履歴');
    expect(body.querySelector('#endpoint')!.getAttribute('placeholder')).toBe(
      'https://hooks.example/… または mailto:a@example.com',
    );
    expect(document.documentElement.lang).toBe('ja');
  });

  it('falls back to English for a key missing in Japanese, and leaves unknown keys alone', () => {
    setLanguage('ja');
    const body = page();
    translatePage(body);
    expect(body.querySelector('#intro')!.textContent).toBe('<img src=x onerror=alert(1)> stays text');
    expect(body.querySelector('#intro img')).toBeNull();
    expect(body.querySelector('#unknown')!.textContent).toBe('kept as is');
  });

  it('uses English when chosen, and t() substitutes values as plain text', () => {
    setLanguage('en');
    const body = page();
    translatePage(body);
    expect(body.querySelector('h1')!.textContent).toBe('Reports and history');
    expect(document.documentElement.lang).toBe('en');
    expect(t('historyDestinationNow', '$2 https://hooks.example/x')).toBe(
      'Reports go to $2 https://hooks.example/x.',
    );
    setLanguage('ja');
    expect(t('historyDestinationNow', 'mailto:a@example.com')).toBe('報告の送信先: mailto:a@example.com');
  });

  it('formats dates in the browser’s own locale when it speaks the chosen language, else in that language', () => {
    expect(navigator.language).toMatch(/^en-/);
    setLanguage('en');
    expect(locale()).toBe(navigator.language);
    setLanguage('ja');
    expect(locale()).toBe('ja');
    expect(new Date(Date.UTC(2026, 10, 25)).toLocaleDateString(locale(), { timeZone: 'UTC' })).toBe(
      '2026/11/25',
    );
  });
});

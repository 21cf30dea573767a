import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

describe('Telegram Web K', () => {
  it('warns on the fake Bybit recruiter and the disguised document, not on the admin’s genuine link', async () => {
    const page = await openFixture(
      browser(),
      'https://web.telegram.org/k/#-1001987654321',
      'telegram/k-group-chat.html',
    );
    await expectWarned(page, '.bubble[data-mid="5101"]', 'Bybit');
    await expectWarned(page, '.bubble[data-mid="5102"]', 'Bybit');
    expect(await page.locator('.bubble[data-mid="5102"] .document').getAttribute('data-lureguard')).toBe(
      'dangerous',
    );
    await expectSilent(browser(), page, 'telegram-message:-1001987654321:5103', '.bubble[data-mid="5103"]');
    expect(await page.locator('.bubble[data-mid="5104"]').getAttribute('data-lureguard')).toBeNull();
    expect(await warningCount(page)).toBe(2);
    await page.close();
  });

  it('follows a hash-route chat switch: old warnings go, the new chat is judged under its own keys', async () => {
    const page = await openFixture(
      browser(),
      'https://web.telegram.org/k/#-1001987654321',
      'telegram/k-group-chat.html',
    );
    await expectWarned(page, '.bubble[data-mid="5101"]', 'Bybit');
    // Web K swaps the bubbles when the hash names another chat.
    await page.evaluate(() => {
      const keep = document.querySelector('.bubble[data-mid="5103"]')!;
      location.hash = '#@placeholder_admin';
      const inner = document.querySelector('.bubbles-inner')!;
      inner.replaceChildren(keep);
    });
    await expectSilent(
      browser(),
      page,
      'telegram-message:@placeholder_admin:5103',
      '.bubble[data-mid="5103"]',
    );
    await expect.poll(() => warningCount(page)).toBe(0);
    await page.close();
  });
});

describe('Telegram Web A', () => {
  it('warns on the fake Gemini recruiter, not on the genuine link', async () => {
    const page = await openFixture(
      browser(),
      'https://web.telegram.org/a/#6200000001',
      'telegram/a-private-chat.html',
    );
    await expectWarned(page, '#message-301', 'Gemini');
    await expectSilent(browser(), page, 'telegram-message:6200000001:304', '#message-304');
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

/** A post body, found by its subject link (quotes inside other posts link to it too). */
const body = (msg: string) =>
  ['windowbg', 'windowbg2']
    .map((cell) => `td.${cell} > table:has(div.subject a[href$="#msg${msg}"]) div.post`)
    .join(', ');

describe('Bitcointalk', () => {
  it('warns on the fake Crypto.com HR reply, not on the announcement or the moderator', async () => {
    const url = 'https://bitcointalk.org/index.php?topic=5520000.0';
    const page = await openFixture(browser(), url, 'bitcointalk/topic.html');
    await expectWarned(page, body('64500002'), 'Crypto.com');
    await expectSilent(browser(), page, 'bitcointalk-post:64500001', body('64500001'));
    await expectSilent(browser(), page, 'bitcointalk-post:64500003', body('64500003'));
    expect(await warningCount(page)).toBe(1);
    await page.close();
  });
});

import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './browser-harness.ts';
import { expectSilent, expectWarned, openFixture, WARNING, warningCount } from './site-harness.ts';

const browser = useExtensionBrowser();

describe('crypto job boards', () => {
  it('cryptojobslist: warns on a Coinbase posting that applies on a lookalike (JSON-LD and button)', async () => {
    const url = 'https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote';
    const page = await openFixture(browser(), url, 'job-boards/cryptojobslist-fake.html');
    await expectWarned(page, '.job-description', 'Coinbase');
    expect(await page.locator(WARNING).getAttribute('aria-label')).toContain('coinbase-talent.com');
    expect(await page.locator('a.apply-button').getAttribute('data-lureguard')).not.toBeNull();
    await page.close();
  });

  it('web3.career: stays silent on a genuine Kraken posting', async () => {
    const url = 'https://web3.career/backend-engineer-kraken/84211';
    const page = await openFixture(browser(), url, 'job-boards/web3career-genuine.html');
    await expectSilent(browser(), page, 'job-board:web3.career:84211', '#job-description');
    expect(await warningCount(page)).toBe(0);
    await page.close();
  });

  it('wellfound: stays silent on a genuine Ripple posting', async () => {
    const url = 'https://wellfound.com/jobs/3012345-senior-protocol-engineer';
    const page = await openFixture(browser(), url, 'job-boards/wellfound-genuine.html');
    await expectSilent(browser(), page, 'job-board:wellfound.com:3012345', '[data-test="JobDescription"]');
    expect(await warningCount(page)).toBe(0);
    await page.close();
  });
});

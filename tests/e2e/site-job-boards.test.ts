import { describe, expect, it } from 'vitest';
import { tabIdOf, useExtensionBrowser, waitForJudged } from './browser-harness.ts';
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

  it('wellfound: follows client-side navigation to a fake posting whose lookalike is only in the JSON-LD that Next.js updates last', async () => {
    const url = 'https://wellfound.com/jobs/3012345-senior-protocol-engineer';
    const page = await openFixture(browser(), url, 'job-boards/wellfound-genuine.html');
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'job-board:wellfound.com:3012345');
    // Next.js renders the next job's page first; the head (with its JSON-LD) follows in an effect.
    await page.evaluate(() => {
      history.pushState({}, '', '/jobs/3012999-senior-rust-engineer');
      document.querySelector('main')!.innerHTML = `
        <div class="styles_header__DeF56"><h1 class="inline text-xl font-semibold">Senior Rust Engineer</h1><a href="/company/kraken-placeholder" class="styles_companyLink__GhI78">Kraken</a></div>
        <div class="styles_description__JkL90" data-test="JobDescription">
          <p>Kraken is hiring a Senior Rust Engineer for its exchange core. Fully remote, $250k.</p>
          <p>Apply through our careers portal; the take-home test is sent after the first call.</p>
        </div>
        <button class="styles_applyButton__MnO12" type="button" data-test="JobApplyButton">Apply</button>`;
      setTimeout(() => {
        const ld = document.createElement('script');
        ld.type = 'application/ld+json';
        ld.textContent = JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'JobPosting',
          title: 'Senior Rust Engineer',
          hiringOrganization: {
            '@type': 'Organization',
            name: 'Kraken',
            sameAs: 'https://kraken-careers.io',
          },
          applyUrl: 'https://kraken-careers.io/apply/senior-rust-engineer',
        });
        document.querySelector('script[type="application/ld+json"]')!.replaceWith(ld);
        document.title = 'Senior Rust Engineer at Kraken • Wellfound';
      }, 400);
    });
    await expectWarned(page, '[data-test="JobDescription"]', 'Kraken');
    expect(await page.locator(WARNING).getAttribute('aria-label')).toContain('kraken-careers.io');
    await page.close();
  });
});

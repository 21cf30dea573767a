import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';
import { startLoopbackHttps, testCertSpkiHash } from './loopback-https.ts';

// No Playwright routing here: a real TLS server on loopback answers for www.linkedin.com,
// so the content script's match pattern, the certificate path and DNS mapping are all real.
let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof startLoopbackHttps>>;
const requests: string[] = [];

beforeAll(async () => {
  site = await startLoopbackHttps((path, host) => {
    requests.push(`${host}${path}`);
    if (path.startsWith('/jobs/view/4103000001')) {
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: linkedInJobView('sdui', {
          jobId: '4103000001',
          applyHref: wrap.safetyGo('https://coinbase.com.careers-portal.xyz/apply?job=4103000001'),
          jdHref: wrap.safetyGo('https://coinbase.com.careers-portal.xyz/Coinbase_JD.pdf'),
          jdText: 'Please read the job description first:',
          jdLinkText: 'Coinbase_JD.pdf',
        }),
      };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  });
  browser = await launchWithExtension({
    hostRules: [`MAP www.linkedin.com 127.0.0.1:${site.port}`],
    extraArgs: [`--ignore-certificate-errors-spki-list=${testCertSpkiHash()}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('warns on a fake job post served over real HTTPS as www.linkedin.com', async () => {
  const page = await browser.context.newPage();
  const response = await page.goto('https://www.linkedin.com/jobs/view/4103000001/');
  expect(response?.status()).toBe(200);
  expect(requests.some((r) => r.startsWith('www.linkedin.com/jobs/view/4103000001'))).toBe(true);
  const warning = page.locator('[data-lureguard-warning]');
  await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(1);
  const label = (await warning.getAttribute('aria-label')) ?? '';
  expect(label).toContain('Coinbase');
  expect(label).toContain('coinbase.com.careers-portal.xyz');
});

import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  EXTENSION_ID,
  serveHtml,
  tabIdOf,
  tabState,
  useExtensionBrowser,
  waitForJudged,
} from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';

const browser = useExtensionBrowser();

const FORGED_VERDICT = {
  type: 'bg:verdicts',
  results: [
    {
      key: 'linkedin-job:4102000001',
      verdict: {
        verdict: 'dangerous',
        reasons: [{ id: 'forged', level: 'dangerous', message: 'forged by the page' }],
      },
    },
  ],
};

function cleanJobPage(jobId: string): string {
  return linkedInJobView('sdui', {
    jobId,
    applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
    jdHref: wrap.safetyGo('https://www.coinbase.com/careers'),
    jdText: 'All open roles:',
    jdLinkText: 'coinbase.com/careers',
  });
}

/** Runs `expression` inside Lureguard's own content-script world on the page, through DevTools. */
async function evaluateInContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await browser().context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (c) =>
      c.auxData?.type === 'isolated' && (c.origin.includes(EXTENSION_ID) || c.name.includes('Lureguard')),
  );
  if (!world)
    throw new Error(`no Lureguard content-script world among ${contexts.map((c) => c.name).join(', ')}`);
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.result.value;
}

describe('messages the worker must ignore', () => {
  it('ignores verdicts and events forged by the page script', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4102000001/';
    const forgery = `<script>
      const forged = ${JSON.stringify(FORGED_VERDICT)};
      window.postMessage(forged, '*');
      document.dispatchEvent(new CustomEvent('lureguard', { detail: forged }));
      window.dispatchEvent(new CustomEvent('cs:judge', { detail: forged }));
    </script>`;
    await serveHtml(
      browser().context,
      url,
      cleanJobPage('4102000001').replace('</body>', `${forgery}</body>`),
    );
    const page = await browser().context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'linkedin-job:4102000001');
    // Forge again after the content script is running.
    await page.evaluate((forged) => {
      window.postMessage(forged, '*');
      document.dispatchEvent(new CustomEvent('lureguard', { detail: forged }));
    }, FORGED_VERDICT);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-lureguard-warning]').count()).toBe(0);
    expect(await badgeText(browser(), tabId)).toBe('');
    expect((await tabState(browser(), tabId)).findings).toEqual([]);
    await page.close();
  });

  it('drops malformed runtime messages from its own content script, and keeps working', async () => {
    const url = 'https://www.linkedin.com/jobs/view/4102000002/';
    await serveHtml(browser().context, url, cleanJobPage('4102000002'));
    const page = await browser().context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, 'linkedin-job:4102000002');

    const malformed = [
      'null',
      '"cs:judge"',
      "({ type: 'cs:judge', items: 'garbage' })",
      "({ type: 'cs:judge', items: [] })",
      "({ type: 'cs:judge', items: [{ key: 'k', candidate: { text: 5 } }] })",
      "({ type: 'bg:verdicts', results: [] })",
      "({ type: 'ui:get-tab-findings', tabId: 1 })",
      "({ type: 'cs:judge', items: [{ key: 'x'.repeat(10000), candidate: {} }] })",
    ];
    for (const message of malformed) {
      const reply = await evaluateInContentScript(
        page,
        // Chrome resolves with undefined when no listener answers.
        `chrome.runtime.sendMessage(${message}).then((r) => r === undefined ? 'ignored' : 'answered:' + JSON.stringify(r), () => 'ignored')`,
      );
      expect(reply, message).toBe('ignored');
    }
    // A well-formed request from the same world still gets an answer.
    const valid = await evaluateInContentScript(
      page,
      `chrome.runtime.sendMessage({ type: 'cs:judge', items: [{ key: 'probe', candidate: { links: [{ href: 'https://coinbase-careers.com/jd.pdf' }] } }] })
        .then((r) => r.type + ':' + r.results[0].verdict.verdict)`,
    );
    expect(valid).toMatch(/^bg:verdicts:(suspicious|dangerous)$/);
    await page.close();
  });

  it('refuses content-script requests sent from an extension page', async () => {
    const popup = await browser().context.newPage();
    await popup.goto(`chrome-extension://${EXTENSION_ID}/src/ui/popup/popup.html`);
    const reply = await popup.evaluate(() =>
      chrome.runtime
        .sendMessage({ type: 'cs:judge', items: [{ key: 'from-page', candidate: { text: 'x' } }] })
        .then(
          (r) => (r === undefined ? 'ignored' : 'answered'),
          () => 'ignored',
        ),
    );
    expect(reply).toBe('ignored');
    await popup.close();
  });
});

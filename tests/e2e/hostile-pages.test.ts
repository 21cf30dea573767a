import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../fixtures/load-fixture.ts';
import { badgeText, serveHtml, tabIdOf, useExtensionBrowser, waitForJudged } from './browser-harness.ts';
import { linkedInJobView, wrap } from './linkedin-fixtures.ts';

/**
 * Issue 7 §1: every page is hostile. Each case serves one fixture from tests/fixtures/hostile/
 * at www.linkedin.com around a real-shaped LinkedIn page, and checks the warning holds.
 */
const WARNING = '[data-lureguard-warning]';
const browser = useExtensionBrowser();
let nextJob = 4105000000;

function fakeJob(jobId: string): string {
  return linkedInJobView('sdui', {
    jobId,
    applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
    jdHref: wrap.safetyGo('https://talentdocs-share.net/files/Coinbase_EM_Product_Security_JD.pdf'),
    jdText: 'Before the first interview, please review the full role description:',
    jdLinkText: 'Job description (PDF)',
  });
}

function genuineJob(jobId: string): string {
  return linkedInJobView('sdui', {
    jobId,
    applyHref: wrap.safetyGo(`https://www.coinbase.com/careers/positions/${jobId}`),
    jdHref: wrap.safetyGo('https://www.coinbase.com/careers'),
    jdText: 'See all open roles on our careers site:',
    jdLinkText: 'coinbase.com/careers',
  });
}

/** Serves a job view with a hostile fixture spliced in (end of body, or start of head). */
async function openHostile(
  fixture: string,
  options: { genuine?: boolean; inHead?: boolean } = {},
): Promise<{ page: Page; jobId: string }> {
  const jobId = String(nextJob++);
  const url = `https://www.linkedin.com/jobs/view/${jobId}/`;
  const base = options.genuine ? genuineJob(jobId) : fakeJob(jobId);
  const snippet = fixtureHtml(`hostile/${fixture}`);
  const html = options.inHead
    ? base.replace(/<head>/i, `<head>${snippet}`)
    : base.replace('</body>', `${snippet}</body>`);
  await serveHtml(browser().context, url, html);
  const page = await browser().context.newPage();
  await page.goto(url);
  return { page, jobId };
}

/**
 * Whether a person can see a warning: some warning host (inline or in the top layer) is rendered,
 * has a size, is not transparent, and is the topmost element at its own centre.
 */
function warningVisible(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-lureguard-warning]')].some((host) => {
      if (!host.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const r = host.getBoundingClientRect();
      if (r.width < 20 || r.height < 10) return false;
      host.scrollIntoView({ block: 'center' });
      const c = host.getBoundingClientRect();
      return document.elementFromPoint(c.left + c.width / 2, c.top + Math.min(c.height / 2, 20)) === host;
    }),
  );
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

/**
 * The top-layer fallback lives in a closed shadow root the page cannot see, so look through
 * DevTools: a Lureguard popover that is open, and is what a click at its centre would hit.
 */
async function inTopLayer(page: Page): Promise<boolean> {
  const cdp = await browser().context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    for (const node of walk(root)) {
      const attrs = node.attributes ?? [];
      if (!attrs.includes('popover') || !attrs.includes('data-lureguard-warning')) continue;
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: node.nodeId });
      const open = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: 'function () { return this.matches(":popover-open"); }',
        returnByValue: true,
      });
      if (open.result.value !== true) continue;
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId });
      const [x1, y1, x2, , , y3] = model.content;
      const hit = await cdp.send('DOM.getNodeForLocation', {
        x: Math.round((x1! + x2!) / 2),
        y: Math.round(y1! + Math.min((y3! - y1!) / 2, 20)),
      });
      const ours = new Set([...walk(node)].map((n) => n.backendNodeId));
      if (ours.has(hit.backendNodeId)) return true;
    }
    return false;
  } finally {
    await cdp.detach();
  }
}

describe('the page attacks the warning', () => {
  it('keeps removing it: the warning returns, then holds in the top layer', async () => {
    const { page } = await openHostile('remove-warning.html');
    await expect.poll(() => inTopLayer(page), { timeout: 15_000 }).toBe(true);
    // It holds: a while later it is still there, though the page keeps removing every warning it can find.
    await page.waitForTimeout(2_000);
    expect(await inTopLayer(page)).toBe(true);
    await page.close();
  });

  it('hides it with !important CSS: the shadow root’s :host rules win, in place', async () => {
    const { page } = await openHostile('hide-with-css.html');
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => warningVisible(page)).toBe(true);
    expect(await inTopLayer(page)).toBe(false);
    await page.close();
  });

  it('restyles it through style, class and hidden: the attributes are undone', async () => {
    const { page } = await openHostile('restyle-inline.html');
    await expect.poll(() => page.locator(`${WARNING}[data-attacked]`).count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() =>
        page
          .locator(WARNING)
          .evaluate((h) => h.hasAttribute('style') || h.hasAttribute('hidden') || h.classList.length > 0),
      )
      .toBe(false);
    await expect.poll(() => warningVisible(page)).toBe(true);
    await page.close();
  });

  it('covers it with a full-screen overlay: it is shown in the top layer, above the overlay', async () => {
    const { page } = await openHostile('overlay.html');
    await expect.poll(() => page.locator('#cover').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => inTopLayer(page), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('hides its container with display:none: it is shown in the top layer', async () => {
    const { page } = await openHostile('hide-ancestor.html');
    await expect.poll(() => inTopLayer(page), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('moves it away from the post: it is put back before the post', async () => {
    const { page, jobId } = await openHostile('move-warning.html');
    await expect.poll(() => page.locator('#far-away[data-done]').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() =>
        page.evaluate(
          (id) =>
            document.querySelector('[data-lureguard-warning]')?.nextElementSibling ===
            document.querySelector(`[componentkey="JobDetails_AboutTheJob_${id}"]`),
          jobId,
        ),
      )
      .toBe(true);
    expect(await page.locator('#far-away [data-lureguard-warning]').count()).toBe(0);
    await page.close();
  });
});

describe('the page forges our hooks and messages', () => {
  it('strips every data-lureguard* it did not set; a genuine job stays silent', async () => {
    const { page, jobId } = await openHostile('forged-hooks.html', { genuine: true });
    const tabId = await tabIdOf(browser(), page);
    await waitForJudged(browser(), tabId, `linkedin-job:${jobId}`);
    await expect.poll(() => page.locator('.late-forgery').count(), { timeout: 5_000 }).toBe(5);
    await expect.poll(() => page.locator('[data-lureguard], [data-lureguard-warning]').count()).toBe(0);
    expect(await badgeText(browser(), tabId)).toBe('');
    await page.close();
  });

  it('a forged mark on the fake job does not stop the real warning', async () => {
    const { page } = await openHostile('forged-hooks.html');
    await expect
      .poll(
        () => page.locator(WARNING).evaluateAll((hosts) => hosts.map((h) => h.getAttribute('aria-label'))),
        {
          timeout: 10_000,
        },
      )
      .toEqual([expect.stringContaining('talentdocs-share.net')]);
    await page.close();
  });
});

describe('the page patches the platform', () => {
  it('attachShadow, MutationObserver, Array.prototype, JSON and custom elements: the isolated world still warns', async () => {
    const { page } = await openHostile('patched-platform.html', { inHead: true });
    // Playwright's page.evaluate itself breaks on this page; locators run in their own world.
    expect(await page.locator('html').getAttribute('data-patched')).toBe('yes');
    await expect.poll(() => page.locator(WARNING).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(WARNING).getAttribute('data-lureguard-warning')).toBe('dangerous');
    expect(await page.locator(WARNING).getAttribute('aria-label')).toContain('talentdocs-share.net');
    expect(await page.locator('a:has-text("Job description (PDF)")').getAttribute('data-lureguard')).toBe(
      'dangerous',
    );
    await page.close();
  });
});

describe('hard content', () => {
  it('zero-width, bidi and homoglyph text, a 5 MB text node, 100,000 links, 1,000-deep DOM: still warns', async () => {
    const { page } = await openHostile('hard-content.html');
    // Native queries: Playwright's own selector engine is very slow on a page this size.
    const count = (selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);
    expect(await count('aside a[href*="/jobs/view/5"]')).toBe(100_000);
    await expect.poll(() => count(WARNING), { timeout: 20_000 }).toBe(1);
    const label = await page.evaluate(
      () => document.querySelector('[data-lureguard-warning]')?.getAttribute('aria-label') ?? '',
    );
    expect(label).toContain('Coinbase');
    expect(await page.evaluate(() => document.title)).toBeTruthy();
    await page.close();
  });
});

describe('infinite scroll', () => {
  it('10,000 nodes per second for 10 s: every fake post and no genuine post is flagged', async () => {
    const url = 'https://www.linkedin.com/feed/';
    const html = fixtureHtml('linkedin/feed.html').replace(
      '</body>',
      `${fixtureHtml('hostile/infinite-scroll.html')}</body>`,
    );
    await serveHtml(browser().context, url, html);
    const page = await browser().context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => (window as { __scrollDone?: boolean }).__scrollDone === true,
      undefined,
      {
        timeout: 30_000,
        polling: 500,
      },
    );
    const added = await page.evaluate(
      () => (window as unknown as { __added: { fake: string[]; genuine: string[] } }).__added,
    );
    expect(added.fake.length).toBe(80);
    expect(added.genuine.length).toBe(1_920);
    const flagged = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-urn][data-lureguard]')].map((e) => e.getAttribute('data-urn')),
      );
    await expect
      .poll(async () => (await flagged()).filter((u) => added.fake.includes(u!)).length, { timeout: 30_000 })
      .toBe(added.fake.length);
    const wrong = (await flagged()).filter((u) => added.genuine.includes(u!));
    expect(wrong).toEqual([]);
    // One warning per flagged post, each right before its post.
    const warningsBeforeFakes = await page.evaluate(
      (fakes) =>
        fakes.filter((urn) => {
          const post = document.querySelector(`[data-urn="${urn}"]`);
          return post?.previousElementSibling?.hasAttribute('data-lureguard-warning') === true;
        }).length,
      added.fake,
    );
    expect(warningsBeforeFakes).toBe(added.fake.length);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.log(
      `infinite scroll: ${longTasks.length} long tasks in the page (longest ${Math.round(Math.max(0, ...longTasks))} ms), page and extension together`,
    );
    await page.close();
  });
});

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** The built extension; `LUREGUARD_DIST` lets parallel builds (`vite build --outDir …`) test side by side. */
export const DIST = resolve(process.env.LUREGUARD_DIST ?? resolve(import.meta.dirname, '../../dist'));
export const EXTENSION_ID = 'hllcajbgabfpacbllhecnhogegjidgbh';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. End-to-end tests need Debian's full chromium package ` +
        '(headless shell cannot load extensions): run `sudo apt-get update && sudo apt-get install -y chromium`, ' +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`No built extension in ${DIST}: run \`npm run build\` first (npm test does).`);
  }
  return path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The live service worker; after a restart this is the new one. */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Real headless Chromium with the built extension loaded. `MAP * ~NOTFOUND` keeps it off
 * the internet: only routed requests and explicitly mapped loopback hosts answer.
 */
export async function launchWithExtension(options: { hostRules?: string[]; extraArgs?: string[] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lureguard-e2e-'));
  // Downloads land in the throwaway profile, never in the user's own ~/Downloads.
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({
      download: { default_directory: join(userDataDir, 'downloads'), prompt_for_download: false },
    }),
  );
  const rules = [...(options.hostRules ?? []), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      `--host-resolver-rules=${rules}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-gpu',
      ...(options.extraArgs ?? []),
    ],
  });
  const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
  const worker = async () =>
    context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
  // The worker target appears before its script has run; wait until its top-level listeners
  // are registered, or an early download or message would reach a worker that ignores it.
  const started = await worker();
  const deadline = Date.now() + 20_000;
  while (
    !(await started.evaluate(
      () => chrome.runtime.onMessage.hasListeners() && chrome.downloads.onDeterminingFilename.hasListeners(),
    ))
  ) {
    if (Date.now() > deadline) throw new Error('the extension service worker never registered its listeners');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    context,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  } satisfies ExtensionBrowser;
}

/** Serves `html` for one exact URL on a real hostname, through Playwright's router. */
/** One Chromium with the built extension for the whole test file; call the result inside tests. */
export function useExtensionBrowser(): () => ExtensionBrowser {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the extension browser did not launch');
    return browser;
  };
}

export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** The id Chrome gave the tab showing `page` (found by URL through the worker). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await (await browser.worker()).evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    const exact = tabs.filter((t) => t.url === wanted || t.pendingUrl === wanted);
    if (exact.length === 1) return exact[0]!.id!;
    const active = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active[0]?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab found for ${url}`);
  return id;
}

export async function badgeText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return (await browser.worker()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The worker's record of a tab: which entities it judged and what it found. */
export async function tabState(
  browser: ExtensionBrowser,
  tabId: number,
): Promise<{ judged: string[]; findings: unknown[] }> {
  return (await browser.worker()).evaluate(async (id) => {
    const { tabs } = await chrome.storage.session.get('tabs');
    return (
      (tabs as Record<string, { judged: string[]; findings: unknown[] }> | undefined)?.[id] ?? {
        judged: [],
        findings: [],
      }
    );
  }, tabId);
}

/** Waits until the worker has judged `key` on the tab: a clean page is then known to be scanned. */
export async function waitForJudged(
  browser: ExtensionBrowser,
  tabId: number,
  key: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await tabState(browser, tabId)).judged.includes(key)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the worker never judged ${key}`);
}

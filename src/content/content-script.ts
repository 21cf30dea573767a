import { BgRejudge, findingsIn } from '../core/verdict-messages.ts';
import type { PageRecord } from '../extract/page-record.ts';
import { pageRecords, shadowRootFinder } from '../extract/site-adapters.ts';
import { extensionApi as browser } from '../ui/i18n/extension-api.ts';
import { setLanguage } from '../ui/i18n/translate.ts';
import { parseSettings, readSettings, SETTINGS_KEY, type UserSettings } from '../ui/i18n/user-settings.ts';
import { guardClicks } from './click-guard.ts';
import './content-strings.ts';
import { NavigationWatch } from './navigation-watch.ts';
import { PageScanner } from './page-scanner.ts';
import { ownElements } from './shadow-host.ts';
import { siteEnabled } from './site-switch.ts';
import { type MarkedTarget, WarningRenderer } from './warning-renderer.ts';

/** Thin, idempotent bootstrap: one scanner per page, however often the script is injected. */
const STARTED = '__lureguardStarted';
const isolatedGlobal = globalThis as typeof globalThis & { [STARTED]?: boolean };
/** How often banners are checked for being hidden or covered (layout reads; cheap for a few banners). */
const VISIBILITY_CHECK_MS = 1_000;

async function send(message: object): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    // The worker was restarting; one retry wakes it.
    return browser.runtime.sendMessage(message).catch(() => undefined);
  }
}

async function judge(records: PageRecord[], signal: AbortSignal) {
  const response = await send({
    type: 'cs:judge',
    items: records.map((r) => ({ key: r.key, candidate: r.candidate })),
  });
  return signal.aborted ? [] : findingsIn(response);
}

function openInterstitial(target: MarkedTarget): void {
  void send({
    type: 'cs:open-interstitial',
    key: target.key,
    // An absent link or file name goes as undefined, which the worker's schema reads as absent.
    url: target.href,
    fileName: target.fileName,
  });
}

async function start(): Promise<void> {
  let settings: UserSettings = await readSettings();
  setLanguage(settings.language);
  let enabled = siteEnabled(location.href, settings);
  /** The site's way to its content's shadow roots, for the page's route (none on most sites). */
  let findShadowRoots: ReturnType<typeof shadowRootFinder>;
  const renderer = new WarningRenderer((key) => void send({ type: 'cs:open-report', key }));
  const scanner = new PageScanner(pageRecords, judge, renderer, (root) => renderer.stripForgedIn(root));

  /** A new page (load, SPA route, site switched back on): the badge restarts, then a full scan. */
  const restart = async () => {
    scanner.reset();
    enabled = siteEnabled(location.href, settings);
    findShadowRoots = shadowRootFinder(new URL(location.href));
    await send({ type: 'cs:page-start', url: location.href });
    // The full scan strips forged hooks page-wide first; with the site off, only that is done.
    if (enabled) scanner.scanAll();
    else renderer.stripForgedIn(document.documentElement);
    watchShadowRoots();
  };
  const navigation = new NavigationWatch(() => void restart());

  // After removals: once, right after the next frame (its layout reads then find layout clean).
  let guardPending = false;
  const guardSoon = () => {
    if (guardPending) return;
    guardPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        guardPending = false;
        renderer.guard();
      }, 0),
    );
  };
  // The once-a-second visibility check reads layout, so it runs only when that is cheap: we
  // inserted or removed nothing for a whole tick (frames have laid the page out since), our scan
  // is idle, and the tab is shown (a hidden tab draws no frames, and shows nobody anything).
  let writesAtLastTick = -1;
  window.setInterval(() => {
    watchShadowRoots();
    const quiet = renderer.writes === writesAtLastTick;
    writesAtLastTick = renderer.writes;
    if (quiet && renderer.findingCount > 0 && scanner.settled && document.visibilityState === 'visible')
      renderer.guardNearScreen();
  }, VISIBILITY_CHECK_MS);

  const observer = new MutationObserver((mutations) => {
    if (navigation.check()) return;
    let removed = false;
    let added = false;
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        renderer.stripForged(mutation.target as Element);
        continue;
      }
      if (mutation.type === 'characterData') {
        const parent = mutation.target.parentElement;
        if (parent && enabled) scanner.changed(parent);
        continue;
      }
      if (mutation.removedNodes.length > 0) removed = true;
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) {
          if (ownElements.has(node)) continue;
          added = true;
          if (enabled) scanner.changed(node);
          else renderer.stripForgedIn(node);
        } else if (node.parentElement && enabled && node.nodeType === Node.TEXT_NODE) {
          scanner.changed(node.parentElement);
        }
      }
    }
    if (removed && renderer.findingCount > 0) guardSoon();
    // The page added elements: one may be (or hold) a shadow host the site renders into.
    if (added) watchShadowRoots();
  });
  const observe = (root: Node) =>
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-lureguard', 'data-lureguard-warning'],
    });
  observe(document.documentElement);

  // Open shadow roots the site fills (LinkedIn's messaging overlay): the document's observer
  // does not see into them, so each gets observed too, once, and what it holds is read. Looked
  // for when the page adds elements; a page may also attach one to an element already there,
  // with no change the observer sees, so the once-a-second tick looks too.
  const watched = new WeakSet<ShadowRoot>();
  function watchShadowRoots(): void {
    if (!enabled || !findShadowRoots) return;
    for (const root of findShadowRoots(document)) {
      if (watched.has(root)) continue;
      watched.add(root);
      observe(root);
      for (const child of root.children) scanner.changed(child);
    }
  }

  guardClicks((element) => renderer.targets.get(element), openInterstitial);

  browser.runtime.onMessage.addListener((message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !BgRejudge.safeParse(message).success) return;
    if (enabled) scanner.rejudge();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes[SETTINGS_KEY]) return;
    settings = parseSettings(changes[SETTINGS_KEY].newValue);
    setLanguage(settings.language);
    void restart();
  });

  await restart();
}

if (!isolatedGlobal[STARTED]) {
  isolatedGlobal[STARTED] = true;
  void start();
}

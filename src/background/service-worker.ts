import browser, { type Runtime } from 'webextension-polyfill';
import { createEngine, type Engine } from '../core/engine.ts';
import { buildIndicatorIndex } from '../core/lists/indicator-index.ts';
import { ALLOWED_SENDERS, type BgStatus, RequestMessage, type ResponseMessage } from '../core/messages.ts';
import type { Verdict } from '../core/types.ts';
import { reasonText } from '../ui/i18n/reason-text.ts';
import { type Language, setLanguage } from '../ui/i18n/translate.ts';
import { readSettings, SETTINGS_KEY } from '../ui/i18n/user-settings.ts';
import { installDownloadGuard } from './downloads/download-guard.ts';
import { FeedStore } from './feed-store.ts';
import { type Policy, readPolicy } from './policy.ts';
import { installReportDelivery, onJudged, reportHandlers } from './reports/report-features.ts';
import type { WorkerContext } from './reports/worker-context.ts';
import { senderKind } from './sender-check.ts';
import { recordFindings, resetTab, tabState } from './tab-findings.ts';
import { isItemAllowed, readUserAllowlist, userAllowHosts } from './user-allowlist.ts';
import { readUserFeeds, writeUserFeeds } from './user-feeds.ts';
import {
  allowItem,
  continueFromInterstitial,
  getAllowlist,
  interstitialFor,
  openLinkInterstitial,
  openReport,
  removeAllow,
} from './warning-actions.ts';

const FEED_ALARM = 'lureguard-feeds';
const DEFAULT_POLL_MINUTES = 60;
const ownOrigin = browser.runtime.getURL('');
const feeds = new FeedStore();

interface WorkerState {
  policy: Policy;
  engine: Engine;
}

/** Users may add feeds unless policy forbids opting out (a user feed can carry an allowlist). */
function userFeedsAllowed(policy: Policy): boolean {
  return policy.disableUserOptOut !== true;
}

function buildEngine(policy: Policy): Engine {
  return createEngine({
    indicators: buildIndicatorIndex(feeds.activeLists()),
    allowHosts: [...(policy.allowlist ?? []), ...userAllowHosts()],
  });
}

async function boot(): Promise<WorkerState> {
  const policy = await readPolicy();
  await readUserAllowlist();
  const userFeeds = userFeedsAllowed(policy) ? await readUserFeeds() : [];
  const policyIds = new Set((policy.feeds ?? []).map((f) => f.id));
  await feeds.start([
    ...(policy.feeds ?? []).map((f) => ({ ...f, origin: 'policy' as const })),
    ...userFeeds.filter((f) => !policyIds.has(f.id)).map((f) => ({ ...f, origin: 'user' as const })),
  ]);
  const pollMinutes = policy.pollMinutes ?? DEFAULT_POLL_MINUTES;
  const existing = await browser.alarms.get(FEED_ALARM);
  if (existing?.periodInMinutes !== pollMinutes) {
    // Jitter the first check so a fleet of browsers does not hit the feed host at once.
    await browser.alarms.create(FEED_ALARM, {
      delayInMinutes: 0.5 + Math.random() * 4.5,
      periodInMinutes: pollMinutes,
    });
  }
  return { policy, engine: buildEngine(policy) };
}

/** Boots, or falls back to the bundled list alone: a broken policy or store never leaves the worker unprotected. */
function safeBoot(): Promise<WorkerState> {
  return boot().catch((error: unknown) => {
    const policy: Policy = { problems: [`startup failed: ${(error as Error).message}`] };
    return { policy, engine: buildEngine(policy) };
  });
}

let state: Promise<WorkerState> = safeBoot();

/** The language page warnings speak; findings are stored in English and translated on the way out. */
const readLanguage = async (): Promise<Language> => setLanguage((await readSettings()).language);
let language = readLanguage();

/** What a page warning shows of a verdict (the fields PageFinding keeps), in the chosen language: less to copy across. */
function forPage(verdict: Verdict, chosen: Language): Verdict {
  if (verdict.reasons.length === 0) return verdict;
  return {
    verdict: verdict.verdict,
    reasons: verdict.reasons.map((r) => ({
      id: r.id,
      level: r.level,
      message: reasonText(r, chosen),
      ...(r.url === undefined ? {} : { url: r.url }),
      ...(r.file === undefined ? {} : { file: r.file }),
    })),
  };
}

/** The live engine, policy and lists, for the download guard and reports (read at each use). */
const reportContext: WorkerContext = {
  engine: async () => (await state).engine,
  policy: async () => (await state).policy,
  lists: () =>
    feeds
      .activeLists()
      .map((l) => ({ feedId: l.feedId, version: l.payload.version, issuedAt: l.payload.issuedAt })),
};

/** The user allowlist changed: same policy and lists, new engine. */
function rebuildEngine(): void {
  state = state.then((current) => ({ ...current, engine: buildEngine(current.policy) }));
}

async function pollFeeds(force: boolean): Promise<void> {
  const current = await state;
  if (await feeds.poll(current.policy.pollMinutes ?? DEFAULT_POLL_MINUTES, force)) {
    state = Promise.resolve({ ...current, engine: buildEngine(current.policy) });
  }
}

async function status(problem?: string, problemCode?: BgStatus['problemCode']): Promise<BgStatus> {
  const { policy } = await state;
  const defaultList = feeds.activeLists()[0]!;
  return {
    type: 'bg:status',
    feeds: feeds.statuses(),
    policyProblems: policy.problems,
    userFeedsAllowed: userFeedsAllowed(policy),
    ...(policy.orgName ? { orgName: policy.orgName } : {}),
    defaultIndicatorCount: defaultList.payload.indicators.length,
    ...(problem ? { problem } : {}),
    ...(problemCode ? { problemCode } : {}),
  };
}

type Handlers = {
  [K in RequestMessage['type']]: (
    message: Extract<RequestMessage, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Promise<ResponseMessage>;
};

// One handler per message type; the dispatcher below has already checked shape and sender.
const handlers: Handlers = {
  ...reportHandlers(reportContext),
  'cs:page-start': async (_message, sender) => {
    await resetTab(sender.tab!.id!);
    return { type: 'bg:ack' };
  },
  'cs:judge': async (message, sender) => {
    const { engine } = await state;
    const results = message.items.map((item) => ({
      key: item.key,
      // "This is a mistake" on one item: it stays clean until the user undoes it.
      verdict: isItemAllowed(item.key)
        ? { verdict: 'clean' as const, reasons: [] }
        : engine.judge(item.candidate),
    }));
    await recordFindings(sender.tab!.id!, results);
    void onJudged(reportContext, sender.tab!.id!, message.items, results);
    const chosen = await language;
    return {
      type: 'bg:verdicts',
      results: results.map((r) => ({ key: r.key, verdict: forPage(r.verdict, chosen) })),
    };
  },
  'ui:get-tab-findings': async (message) => {
    const tab = await tabState(message.tabId);
    return { type: 'bg:tab-findings', judged: tab.judged.length, findings: tab.findings };
  },
  'ui:get-status': () => status(),
  'ui:check-feeds': async () => {
    await pollFeeds(true);
    return status();
  },
  'ui:add-feed': async (message) => {
    const { policy } = await state;
    if (!userFeedsAllowed(policy))
      return status('Your organisation’s policy does not allow adding feeds.', 'feeds-not-allowed');
    const existing = await readUserFeeds();
    if (
      existing.some((f) => f.id === message.feed.id) ||
      policy.feeds?.some((f) => f.id === message.feed.id)
    ) {
      return status(`A feed with id ${message.feed.id} already exists.`, 'duplicate-feed-id');
    }
    await writeUserFeeds([...existing, message.feed]);
    state = safeBoot();
    await pollFeeds(true);
    return status();
  },
  'cs:open-interstitial': (message, sender) => openLinkInterstitial(message, sender.tab!.id!, sender.url),
  'cs:open-report': (message, sender) => openReport(message, sender.tab!.id!),
  'ui:get-interstitial': async (message) => interstitialFor(message.id, (await state).policy),
  'ui:interstitial-continue': async (message, sender) =>
    continueFromInterstitial(message, (await state).policy, sender.tab?.id),
  'ui:allow-item': (message) => allowItem(message, rebuildEngine),
  'ui:get-allowlist': () => getAllowlist(),
  'ui:remove-allow': (message) => removeAllow(message.id, rebuildEngine),
  'ui:remove-feed': async (message) => {
    await writeUserFeeds((await readUserFeeds()).filter((f) => f.id !== message.id));
    state = safeBoot();
    return status();
  },
};

function dispatch(raw: unknown, sender: Runtime.MessageSender): Promise<ResponseMessage> | undefined {
  const kind = senderKind(sender, browser.runtime.id, ownOrigin);
  if (kind === null) return undefined;
  const parsed = RequestMessage.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  if (ALLOWED_SENDERS[message.type] !== kind) return undefined;
  const handler = handlers[message.type] as (
    m: RequestMessage,
    s: Runtime.MessageSender,
  ) => Promise<ResponseMessage>;
  return handler(message, sender);
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => dispatch(raw, sender));
browser.tabs.onRemoved.addListener((tabId) => void resetTab(tabId));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FEED_ALARM) void pollFeeds(false);
});
browser.storage.onChanged.addListener((changes, area) => {
  // New enterprise policy: feeds, keys or the allowlist may have changed.
  if (area === 'managed') state = safeBoot();
  if (area === 'local' && changes[SETTINGS_KEY]) language = readLanguage();
});
installDownloadGuard(reportContext);
installReportDelivery();

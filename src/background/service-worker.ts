import browser, { type Runtime } from 'webextension-polyfill';
import { createEngine } from '../core/engine.ts';
import { ALLOWED_SENDERS, RequestMessage, type ResponseMessage } from '../core/messages.ts';
import { senderKind } from './sender-check.ts';
import { recordFindings, resetTab, tabState } from './tab-findings.ts';

const engine = createEngine();
const ownOrigin = browser.runtime.getURL('');

type Handlers = {
  [K in RequestMessage['type']]: (
    message: Extract<RequestMessage, { type: K }>,
    sender: Runtime.MessageSender,
  ) => Promise<ResponseMessage>;
};

// One handler per message type; the dispatcher below has already checked shape and sender.
const handlers: Handlers = {
  'cs:page-start': async (_message, sender) => {
    await resetTab(sender.tab!.id!);
    return { type: 'bg:ack' };
  },
  'cs:judge': async (message, sender) => {
    const results = message.items.map((item) => ({ key: item.key, verdict: engine.judge(item.candidate) }));
    await recordFindings(sender.tab!.id!, results);
    return { type: 'bg:verdicts', results };
  },
  'ui:get-tab-findings': async (message) => {
    const state = await tabState(message.tabId);
    return { type: 'bg:tab-findings', judged: state.judged.length, findings: state.findings };
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

browser.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender));
browser.tabs.onRemoved.addListener((tabId) => void resetTab(tabId));

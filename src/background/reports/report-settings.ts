import browser from 'webextension-polyfill';
import type { ReportDestination } from '../../core/reports/report-messages.ts';
import type { Policy } from '../policy.ts';

/** The user's own report destination (options); an enterprise `reportEndpoint` overrides it. */
const KEY = 'reportEndpoint';

export async function readUserEndpoint(): Promise<string | undefined> {
  const value = (await browser.storage.local.get(KEY))[KEY];
  return typeof value === 'string' && /^(https:\/\/|mailto:)\S+$/i.test(value) ? value : undefined;
}

export async function writeUserEndpoint(endpoint: string): Promise<void> {
  if (endpoint === '') await browser.storage.local.remove(KEY);
  else await browser.storage.local.set({ [KEY]: endpoint });
}

export async function reportDestination(policy: Policy): Promise<ReportDestination | undefined> {
  const fromPolicy = policy.reportEndpoint !== undefined;
  const target = policy.reportEndpoint ?? (await readUserEndpoint());
  if (!target) return undefined;
  return { kind: target.toLowerCase().startsWith('mailto:') ? 'mailto' : 'webhook', target, fromPolicy };
}

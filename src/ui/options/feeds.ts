import browser from 'webextension-polyfill';
import { BgStatus } from '../../core/messages.ts';
import { feedProblemText, problemText } from '../i18n/problem-text.ts';
import { locale, t } from '../i18n/translate.ts';

/** Feed status and management. Everything is built from text; nothing from the network is parsed as HTML. */

type Feed = BgStatus['feeds'][number];

/** The last answer, drawn again when the language changes. */
let shown: BgStatus | undefined;

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString(locale()) : '—';
}

/** The status cell. A known failure is said in words, with the worker's English detail beside it. */
function stateCell(feed: Feed): HTMLTableCellElement {
  if (feed.lastError) {
    const sentence = feedProblemText(feed.lastErrorCode);
    const td = cell(
      feed.version !== undefined
        ? t('feedStatusErrorKeeping', sentence ?? feed.lastError, feed.version)
        : t('feedStatusError', sentence ?? feed.lastError),
      'error',
    );
    if (sentence) {
      const detail = document.createElement('code');
      detail.className = 'detail';
      detail.textContent = feed.lastError;
      td.append(' ', detail);
    }
    return td;
  }
  if (feed.outOfDate) return cell(t('feedStatusOutOfDate'), 'stale');
  return cell(t(feed.version === undefined ? 'feedStatusNotFetched' : 'feedStatusOk'));
}

function feedRow(feed: Feed): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.feedId = feed.id;
  row.append(
    cell(`${feed.id} (${feed.url})`),
    cell(t(feed.origin === 'policy' ? 'feedOriginPolicy' : 'feedOriginUser')),
    cell(feed.version === undefined ? '—' : String(feed.version)),
    cell(when(feed.issuedAt)),
    cell(when(feed.expiresAt)),
    cell(feed.indicatorCount === undefined ? '—' : feed.indicatorCount.toLocaleString(locale())),
    cell(when(feed.lastCheck)),
    stateCell(feed),
  );
  const actions = document.createElement('td');
  if (feed.origin === 'user') {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = t('feedRemove');
    remove.addEventListener('click', () => void showFeeds({ type: 'ui:remove-feed', id: feed.id }));
    actions.append(remove);
  }
  row.append(actions);
  return row;
}

function render(status: BgStatus): void {
  const org = document.getElementById('org')!;
  org.hidden = !status.orgName;
  org.textContent = status.orgName ? t('optionsManagedBy', status.orgName) : '';
  document.getElementById('default-list')!.textContent = t(
    'optionsDefaultList',
    status.defaultIndicatorCount.toLocaleString(locale()),
  );
  document.querySelector('#feeds tbody')!.replaceChildren(...status.feeds.map(feedRow));
  document.getElementById('no-feeds')!.hidden = status.feeds.length > 0;
  document.getElementById('policy-problems')!.replaceChildren(
    ...status.policyProblems.map((problem) => {
      const li = document.createElement('li');
      li.textContent = t('optionsPolicyIgnored', problem);
      return li;
    }),
  );
  document.getElementById('add-feed-section')!.hidden = !status.userFeedsAllowed;
}

/** Sends a feed request (by default: just the status) and shows the answer. */
export async function showFeeds(message: object = { type: 'ui:get-status' }): Promise<void> {
  const parsed = BgStatus.safeParse(await browser.runtime.sendMessage(message));
  if (!parsed.success) {
    document.getElementById('message')!.textContent = t('optionsStatusUnreadable');
    return;
  }
  shown = parsed.data;
  render(shown);
  document.getElementById('message')!.textContent = problemText(shown) ?? '';
}

/** After a language change: the same status in the new language. */
export function renderFeedsAgain(): void {
  if (shown) render(shown);
}

document
  .getElementById('check-now')!
  .addEventListener('click', () => void showFeeds({ type: 'ui:check-feeds' }));
document.getElementById('add-feed')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  void showFeeds({
    type: 'ui:add-feed',
    feed: {
      id: String(form.get('id')).trim(),
      url: String(form.get('url')).trim(),
      keys: String(form.get('keys')).split(/\s+/).filter(Boolean),
      threshold: Number(form.get('threshold')),
    },
  });
});

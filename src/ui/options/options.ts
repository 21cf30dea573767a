import browser from 'webextension-polyfill';
import { BgStatus } from '../../core/messages.ts';

/** Feed status and management. Everything is built from text; nothing from the network is parsed as HTML. */

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function feedState(feed: BgStatus['feeds'][number]): { text: string; className?: string } {
  if (feed.lastError) {
    const keeping = feed.version !== undefined ? ` (still using version ${feed.version})` : '';
    return { text: `Error: ${feed.lastError}${keeping}`, className: 'error' };
  }
  if (feed.outOfDate)
    return { text: 'Protection data out of date: the list has expired', className: 'stale' };
  if (feed.version === undefined) return { text: 'Not fetched yet' };
  return { text: 'OK' };
}

async function send(message: object): Promise<void> {
  const parsed = BgStatus.safeParse(await browser.runtime.sendMessage(message));
  if (parsed.success) render(parsed.data);
  else document.getElementById('message')!.textContent = 'Lureguard could not read its status.';
}

function render(status: BgStatus): void {
  const org = document.getElementById('org')!;
  org.hidden = !status.orgName;
  org.textContent = status.orgName ? `Managed by ${status.orgName}.` : '';
  document.getElementById('default-list')!.textContent =
    `The bundled list of ${status.defaultIndicatorCount} public indicators is always on.`;
  const body = document.querySelector('#feeds tbody')!;
  body.replaceChildren();
  for (const feed of status.feeds) {
    const row = document.createElement('tr');
    row.dataset.feedId = feed.id;
    const state = feedState(feed);
    row.append(
      cell(`${feed.id} (${feed.url})`),
      cell(feed.origin === 'policy' ? 'Your organisation' : 'You'),
      cell(feed.version === undefined ? '—' : String(feed.version)),
      cell(when(feed.issuedAt)),
      cell(when(feed.expiresAt)),
      cell(feed.indicatorCount === undefined ? '—' : String(feed.indicatorCount)),
      cell(when(feed.lastCheck)),
      cell(state.text, state.className),
    );
    const actions = document.createElement('td');
    if (feed.origin === 'user') {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', () => void send({ type: 'ui:remove-feed', id: feed.id }));
      actions.append(remove);
    }
    row.append(actions);
    body.append(row);
  }
  document.getElementById('no-feeds')!.hidden = status.feeds.length > 0;
  const problems = document.getElementById('policy-problems')!;
  problems.replaceChildren(
    ...status.policyProblems.map((p) => {
      const li = document.createElement('li');
      li.textContent = `Policy value ignored: ${p}`;
      return li;
    }),
  );
  document.getElementById('add-feed-section')!.hidden = !status.userFeedsAllowed;
  document.getElementById('message')!.textContent = status.problem ?? '';
}

document.getElementById('check-now')!.addEventListener('click', () => void send({ type: 'ui:check-feeds' }));
document.getElementById('add-feed')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  void send({
    type: 'ui:add-feed',
    feed: {
      id: String(form.get('id')).trim(),
      url: String(form.get('url')).trim(),
      keys: String(form.get('keys')).split(/\s+/).filter(Boolean),
      threshold: Number(form.get('threshold')),
    },
  });
});
void send({ type: 'ui:get-status' });

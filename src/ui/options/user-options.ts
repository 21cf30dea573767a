import browser from 'webextension-polyfill';
import '../i18n/page-strings.ts';
import { BgAllowlist, type UserAllowEntry } from '../../core/messages.ts';
import { type MessageKey, setLanguage, t, translatePage } from '../i18n/translate.ts';
import { readSettings, type UserSettings, writeSettings } from '../i18n/user-settings.ts';
import { renderFeedsAgain, showFeeds } from './feeds.ts';

/**
 * The options page: the user's own choices (sites on/off, the allowlist with undo, the language),
 * then the feeds (feeds.ts) once the language is known. Text only.
 */

/** Site ids as `siteOf` (src/extract/site-adapters.ts) names them, with their label. */
const SITES: ReadonlyArray<[string, MessageKey]> = [
  ['linkedin', 'siteLinkedin'],
  ['discord', 'siteDiscord'],
  ['telegram', 'siteTelegram'],
  ['reddit', 'siteReddit'],
  ['x', 'siteX'],
  ['bitcointalk', 'siteBitcointalk'],
  ['job-boards', 'siteJobBoards'],
  ['generic', 'siteGeneric'],
];

let settings: UserSettings;

async function save(next: UserSettings): Promise<void> {
  settings = next;
  await writeSettings(next);
  document.getElementById('message')!.textContent = t('optionsSaved');
}

function renderSites(): void {
  const box = document.getElementById('sites')!;
  box.replaceChildren(
    ...SITES.map(([id, label]) => {
      const row = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = 'site';
      input.value = id;
      input.checked = !settings.disabledSites.includes(id);
      input.addEventListener('change', () => {
        const off = new Set(settings.disabledSites);
        if (input.checked) off.delete(id);
        else off.add(id);
        void save({ ...settings, disabledSites: [...off] });
      });
      row.append(input, ` ${t(label)}`);
      return row;
    }),
  );
}

function renderAllowlist(entries: UserAllowEntry[]): void {
  document.getElementById('allow-empty')!.hidden = entries.length > 0;
  document.getElementById('allowlist')!.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.dataset.allowId = entry.id;
      const what = document.createElement('span');
      what.textContent = t(entry.scope === 'host' ? 'allowScopeHost' : 'allowScopeItem', entry.value);
      const note = document.createElement('small');
      note.textContent = entry.note;
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.textContent = t('optionsUndo');
      undo.addEventListener('click', () => void allowlistRequest({ type: 'ui:remove-allow', id: entry.id }));
      item.append(what, undo, document.createElement('br'), note);
      return item;
    }),
  );
}

async function allowlistRequest(message: object): Promise<void> {
  const parsed = BgAllowlist.safeParse(await browser.runtime.sendMessage(message).catch(() => undefined));
  if (parsed.success) renderAllowlist(parsed.data.entries);
}

async function main(): Promise<void> {
  settings = await readSettings();
  setLanguage(settings.language);
  translatePage();
  renderSites();
  const language = document.getElementById('language') as HTMLSelectElement;
  language.value = settings.language;
  language.addEventListener('change', () => {
    const choice = language.value as UserSettings['language'];
    setLanguage(choice);
    translatePage();
    renderSites();
    renderFeedsAgain();
    void allowlistRequest({ type: 'ui:get-allowlist' });
    void save({ ...settings, language: choice });
  });
  await Promise.all([showFeeds(), allowlistRequest({ type: 'ui:get-allowlist' })]);
}

void main();

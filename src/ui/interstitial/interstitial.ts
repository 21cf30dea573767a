import browser from 'webextension-polyfill';
import '../i18n/page-strings.ts';
import { BgInterstitial } from '../../core/messages.ts';
import { unwrapUrl } from '../../core/url/unwrap-url.ts';
import { reasonText } from '../i18n/reason-text.ts';
import { currentLanguage, setLanguage, t, translatePage } from '../i18n/translate.ts';
import { readSettings } from '../i18n/user-settings.ts';

/**
 * The page shown instead of a dangerous link or download. Everything on it comes from the
 * worker's stored entry and is written as text. "Go back" is the default; "Continue anyway"
 * exists only when policy allows, and the worker checks that again when asked.
 */
const id = new URLSearchParams(location.search).get('id') ?? '';
const $ = (elementId: string) => document.getElementById(elementId)!;

function goBack(): void {
  if (history.length > 1) history.back();
  else window.close();
}

function show(row: string, field: string, value: string | undefined): void {
  if (!value) return;
  $(field).textContent = value;
  $(row).hidden = false;
}

async function load(): Promise<void> {
  setLanguage((await readSettings()).language);
  translatePage();
  $('back').addEventListener('click', goBack);
  $('report').addEventListener('click', () => {
    location.href = browser.runtime.getURL(
      `src/ui/report/report.html?interstitial=${encodeURIComponent(id)}`,
    );
  });
  $('back').focus();
  const parsed = BgInterstitial.safeParse(
    await browser.runtime.sendMessage({ type: 'ui:get-interstitial', id }).catch(() => undefined),
  );
  const entry = parsed.success ? parsed.data.entry : undefined;
  if (!parsed.success || !entry) {
    $('problem').textContent = t('interstitialExpired');
    $('report').hidden = true;
    return;
  }
  const info = parsed.data;
  if (entry.kind === 'download') {
    $('title').textContent = t('interstitialTitleDownload');
    document.title = t('interstitialTitleDownload');
  } else document.title = t('interstitialTitleLink');
  show('target-row', 'target', entry.targetUrl);
  // Redirect wrappers (LinkedIn's /safety/go, Google's /url) hide the real host: name it.
  const unwrapped = unwrapUrl(entry.targetUrl);
  if (unwrapped.ok && unwrapped.chain.length > 1) show('destination-row', 'destination', unwrapped.url.href);
  show('file-row', 'file', entry.fileName);
  show('page-row', 'page', entry.pageUrl);
  $('reasons').replaceChildren(
    ...entry.verdict.reasons.map((reason) => {
      const item = document.createElement('li');
      item.textContent = reasonText(reason, currentLanguage());
      item.dataset.reasonId = reason.id;
      return item;
    }),
  );
  if (info.canContinue) {
    const go = $('continue') as HTMLButtonElement;
    go.hidden = false;
    go.addEventListener('click', async () => {
      go.disabled = true;
      const answer = (await browser.runtime.sendMessage({ type: 'ui:interstitial-continue', id })) as {
        type?: string;
        problem?: string;
      };
      if (answer?.type === 'bg:refused') $('problem').textContent = answer.problem ?? '';
    });
  } else {
    $('policy').textContent = info.orgName
      ? t('interstitialPolicyOrg', info.orgName)
      : t('interstitialPolicy');
    $('policy').hidden = false;
  }
  if (info.supportContact) {
    $('support').textContent = t('interstitialSupport', info.supportContact);
    $('support').hidden = false;
  }
}

void load();

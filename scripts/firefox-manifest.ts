/**
 * Derives the Firefox manifest from `manifest.json`, which stays the single source of truth.
 * Pure, so tests/unit/firefox checks it without a build.
 */

/** Stable, so Firefox keeps the same storage and enterprise-policy entry across installs. */
export const GECKO_ID = 'lureguard@lureguard.dev';

/**
 * 140 is the first desktop Firefox that knows `data_collection_permissions` (and it is an ESR);
 * Ed25519 in WebCrypto, which list verification needs, arrived in 129.
 */
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android learned `data_collection_permissions` in 142. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/** Keys Firefox does not know: it ignores them, but the add-on linter warns about each. */
const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'key', 'storage'] as const;

type Json = Record<string, unknown>;

export function firefoxManifest(chrome: Json): Json {
  const out: Json = structuredClone(chrome);
  for (const key of CHROME_ONLY_KEYS) delete out[key];

  // Firefox runs MV3 backgrounds as event pages, not service workers.
  const background = chrome.background as { service_worker?: string; type?: string } | undefined;
  if (background?.service_worker) {
    out.background = {
      scripts: [background.service_worker],
      ...(background.type ? { type: background.type } : {}),
    };
  }

  const specific = (chrome.browser_specific_settings ?? {}) as Json;
  out.browser_specific_settings = {
    ...specific,
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Nothing browsed leaves the browser unless a report destination is configured by the user
      // or their organisation, which is not data collection by the developer.
      data_collection_permissions: { required: ['none'] },
      ...(specific.gecko as Json | undefined),
    },
    gecko_android: {
      strict_min_version: FIREFOX_ANDROID_MIN_VERSION,
      ...(specific.gecko_android as Json | undefined),
    },
  };
  return out;
}

/** Every content-script file in the manifest, so each is built self-contained as in Chrome. */
export function contentScriptFiles(manifest: Json): string[] {
  const scripts = (manifest.content_scripts ?? []) as { js?: string[] }[];
  return [...new Set(scripts.flatMap((s) => s.js ?? []))];
}

/**
 * Extension APIs Chromium has and Firefox lacks, which our code feature-tests before use
 * (e.g. the download guard holds downloads with onDeterminingFilename where it exists).
 */
export const CHROMIUM_ONLY_APIS = [
  'chrome.downloads.onDeterminingFilename',
  'browser.downloads.onDeterminingFilename',
] as const;

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentScriptFiles,
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  firefoxManifest,
  GECKO_ID,
} from '../../../scripts/firefox-manifest.ts';

const chrome = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8'));

describe('the Firefox manifest derived from manifest.json', () => {
  const firefox = firefoxManifest(chrome);

  it('runs the worker entry as a background script, keeping its module type', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background.service_worker], type: 'module' });
  });

  it('carries a gecko id, the minimum versions and the data-collection declaration', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    });
  });

  it('needs at least Firefox 129, the first with Ed25519 in WebCrypto', () => {
    expect(Number.parseInt(FIREFOX_MIN_VERSION, 10)).toBeGreaterThanOrEqual(129);
    expect(Number.parseInt(FIREFOX_ANDROID_MIN_VERSION, 10)).toBeGreaterThanOrEqual(129);
  });

  it('drops the Chrome-only keys and keeps everything else as is', () => {
    for (const key of ['minimum_chrome_version', 'key', 'storage']) expect(firefox).not.toHaveProperty(key);
    const { background, browser_specific_settings, ...rest } = firefox;
    const { background: _b, minimum_chrome_version: _m, key: _k, storage: _s, ...expected } = chrome;
    expect(rest).toEqual(expected);
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(chrome);
    firefoxManifest(chrome);
    expect(JSON.stringify(chrome)).toBe(before);
  });

  it('lets settings already in the manifest win over the defaults', () => {
    const custom = firefoxManifest({
      ...chrome,
      browser_specific_settings: { gecko: { id: 'other@example.org' }, safari: { strict_min_version: '18' } },
    });
    expect(custom.browser_specific_settings).toMatchObject({
      gecko: { id: 'other@example.org', strict_min_version: FIREFOX_MIN_VERSION },
      safari: { strict_min_version: '18' },
    });
  });

  it('builds every content script self-contained, each file once', () => {
    expect(
      contentScriptFiles({
        content_scripts: [{ js: ['a.ts', 'b.ts'] }, { js: ['a.ts'] }, { css: ['x.css'] }],
      }),
    ).toEqual(['a.ts', 'b.ts']);
    expect(contentScriptFiles(chrome)).toContain('src/content/content-script.ts');
  });
});

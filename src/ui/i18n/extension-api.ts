/**
 * The extension API for code that also runs in the content script. MV3 `chrome.*` (Chrome) and
 * `browser.*` (Firefox) both return promises, so the content script needs no
 * webextension-polyfill, which would take 10 KB of its 60 KB budget.
 */
export const extensionApi: typeof chrome =
  (globalThis as { browser?: typeof chrome }).browser ?? globalThis.chrome;

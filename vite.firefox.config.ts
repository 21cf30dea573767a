import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type UserConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { CHROMIUM_ONLY_APIS, contentScriptFiles, firefoxManifest } from './scripts/firefox-manifest.ts';
import chromeConfig from './vite.config.ts';

/**
 * `npm run build:firefox`: the Chrome build (same sources, same extra pages in `build.rollupOptions`)
 * with its crx plugin swapped for one that targets Firefox.
 */
const base = chromeConfig as UserConfig;

export default defineConfig({
  ...base,
  plugins: [
    crx({
      // Plain JSON in, plain JSON out: crx's manifest type has no `gecko_android`, hence the cast.
      manifest: firefoxManifest(manifest) as unknown as ManifestV3Export,
      browser: 'firefox',
      // Self-contained content scripts, as in Chrome: no web_accessible_resources for a page to probe.
      contentScripts: { standaloneFiles: contentScriptFiles(manifest) },
    }),
  ],
  build: {
    ...base.build,
    outDir: 'dist-firefox',
    emptyOutDir: true,
    target: 'firefox140',
  },
  // Chromium-only APIs that the code feature-tests: known absent here, so the bundler drops those branches
  // and Mozilla's linter (UNSUPPORTED_API) never sees them.
  define: { ...base.define, ...Object.fromEntries(CHROMIUM_ONLY_APIS.map((api) => [api, 'undefined'])) },
  server: { cors: { origin: [/moz-extension:\/\//] } },
});

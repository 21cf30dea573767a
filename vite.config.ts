import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    crx({
      manifest: manifest as ManifestV3Export,
      contentScripts: {
        // A self-contained IIFE content script: no loader and no web_accessible_resources,
        // so a page cannot probe for the extension by fetching its files.
        standaloneFiles: ['src/content/content-script.ts'],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome137',
    sourcemap: false,
    rollupOptions: {
      // Extension pages the manifest does not name (opened by the worker).
      input: {
        interstitial: 'src/ui/interstitial/interstitial.html',
        report: 'src/ui/report/report.html',
        history: 'src/ui/history/history.html',
      },
    },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath, DIST } from './browser-harness.ts';

/** Checks on the built dist/ that a loaded extension depends on. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

describe('the built extension', () => {
  chromiumPath(); // fails with install instructions when the build or the browser is missing
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));

  it('exposes no web-accessible resources, so pages cannot probe for it', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('ships the managed-policy schema it names (Chromium skips the extension otherwise)', () => {
    expect(statSync(join(DIST, manifest.storage.managed_schema)).isFile()).toBe(true);
  });

  it('has a self-contained content script within the 60 KB budget', () => {
    const [script] = manifest.content_scripts[0].js as string[];
    const text = readFileSync(join(DIST, script!), 'utf8');
    expect(text).not.toMatch(/^\s*import\s/m);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(60 * 1024);
  });

  it('contains no eval or Function constructor', () => {
    const offenders = jsFiles(DIST).filter((file) =>
      /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(DIST, f))).toEqual([]);
  });
});

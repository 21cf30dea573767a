import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Pages are hostile: the extension never turns strings into HTML or code. This reads the
 * source; tests/e2e/built-extension.test.ts checks the built bundle.
 */
const ROOT = resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string, extensions: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(path);
  }
  return out;
}

const HTML_SINKS =
  /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc/;
const CODE_FROM_STRINGS = /\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/;

describe('no HTML or code built from strings', () => {
  const sources = filesUnder(resolve(ROOT, 'src'), ['.ts', '.html']);

  it('finds the source files it checks', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each([
    'el.innerHTML = s',
    'el.outerHTML = x',
    "x.insertAdjacentHTML('beforeend', s)",
    'document.write(s)',
  ])('the HTML-sink pattern catches %s', (sample) => {
    expect(HTML_SINKS.test(sample)).toBe(true);
  });

  it.each(['eval(code)', 'new Function("return 1")', "setTimeout('alert(1)', 1)"])(
    'the code pattern catches %s',
    (sample) => {
      expect(CODE_FROM_STRINGS.test(sample)).toBe(true);
    },
  );

  it('source has no HTML sinks and no eval', () => {
    const offenders = sources.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return HTML_SINKS.test(text) || CODE_FROM_STRINGS.test(text);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

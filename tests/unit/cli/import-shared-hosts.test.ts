import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../src/cli/import/csv.ts';
import { importDefangedText } from '../../../src/cli/import/defanged-text.ts';
import { IndicatorBuilder } from '../../../src/cli/import/indicator-builder.ts';
import { importMisp } from '../../../src/cli/import/misp.ts';
import { importStix } from '../../../src/cli/import/stix.ts';
import { isSharedHost, SHARED_HOSTS } from '../../../src/core/lists/shared-hosts.ts';

// Whatever a threat report, a MISP event, a STIX bundle or a CSV says about a shared host (a
// repository on github.com, a profile on linkedin.com), the import never lists the whole host.
const sharedHost = fc.oneof(
  fc.constantFrom(...SHARED_HOSTS),
  // Platform-owned subdomains count as the platform (evil.linkedin.com is still LinkedIn's).
  fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
      fc.constantFrom('github.com', 'linkedin.com', 'google.com'),
    )
    .map(([sub, host]) => `${sub}.${host}`),
);
const path = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), { maxLength: 3 })
  .map((parts) => parts.join('/'));
const defang = (text: string) =>
  text
    .replace(/\./g, '[.]')
    .replace(/^https/, 'hxxps')
    .replace('://', '[:]//');

function imported(run: (builder: IndicatorBuilder) => void): IndicatorBuilder {
  const builder = new IndicatorBuilder('prop');
  run(builder);
  return builder;
}

describe('import never turns a shared host into a whole-domain indicator', () => {
  it('in any format, with or without a path', () => {
    fc.assert(
      fc.property(sharedHost, path, (host, rest) => {
        const url = `https://${host}/${rest}`;
        const builders = [
          imported((b) => importCsv(`kind,value\ndomain,${host}\nurl,${url}\n`, b, 'csv')),
          imported((b) =>
            importDefangedText(`${defang(host)} ${defang(url)} ${defang(`${host}/${rest}`)}`, b, 'txt'),
          ),
          imported((b) =>
            importMisp(
              {
                Event: {
                  Attribute: [
                    { type: 'domain', value: host, to_ids: true },
                    { type: 'hostname', value: host, to_ids: true },
                    { type: 'url', value: url, to_ids: true },
                  ],
                },
              },
              b,
              'misp',
            ),
          ),
          imported((b) =>
            importStix(
              {
                type: 'bundle',
                objects: [
                  { type: 'indicator', pattern: `[domain-name:value = '${host}']` },
                  { type: 'indicator', pattern: `[url:value = '${url}']` },
                ],
              },
              b,
              'stix',
            ),
          ),
        ];
        for (const builder of builders) {
          for (const indicator of builder.indicators) {
            expect(indicator.kind).toBe('url');
            if (indicator.kind === 'url') expect(new URL(indicator.value).pathname).not.toBe('/');
          }
          // Nothing vanished silently: every input that was not imported was counted with its reason.
          if (builder.indicators.length === 0) expect(builder.skipped.size).toBeGreaterThan(0);
        }
        expect(isSharedHost(host)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});

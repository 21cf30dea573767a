import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refang } from '../../../src/cli/import/defanged-text.ts';
import { IndicatorPayload } from '../../../src/core/lists/indicator-payload.ts';
import { run, tempDir } from './cli-harness.ts';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** Imports a fixture; returns the payload (schema-checked) and the summary lines. */
async function importFixture(format: string, file: string) {
  const result = await run(['import', '--from', format, join(FIXTURES, file), '--feed-id', 'acme-security']);
  expect(result.code).toBe(0);
  const payload = IndicatorPayload.parse(JSON.parse(result.out.join('\n')));
  const values = payload.indicators.map(
    (i) => `${i.kind} ${i.value}${i.kind === 'url' ? ` ${i.match}` : ''}`,
  );
  return { payload, values, summary: result.err };
}

describe('lureguard import --from stix', () => {
  it("imports the [x:y = '…'] subset and reports every other pattern and object", async () => {
    const { payload, values, summary } = await importFixture('stix', 'stix-bundle.json');
    expect(payload.feedId).toBe('acme-security');
    expect(values).toEqual([
      'domain coinbase-walet.biz',
      'url https://github.com/michalcaladanxyz/caladanecomvp prefix',
      'sha256 17eeae8ac77d6b866651356b60646f0c33b481228e42f807269813b03e98e3a3',
      'sha256 7bd7c41bc5b91cced6630cfc64c595ec149c115ad98de1d346d48497b38cefa5',
      'filename Requirement.pdf',
      'email blakesmith.bz@gmail.com',
    ]);
    expect(summary[0]).toBe('imported 6 (1 domain, 1 url, 2 sha256, 1 filename, 1 email)');
    // AND and MATCHES patterns, an IP, a YARA rule and a bare github.com are each reported, not dropped.
    expect(summary[1]).toContain("2 × STIX pattern outside the [x:y = '…'] OR subset");
    expect(summary[1]).toContain('1 × STIX path ipv4-addr:value is not supported');
    expect(summary[1]).toContain('1 × pattern_type yara is not supported');
    expect(summary[1]).toContain('1 × shared host github.com cannot be a whole-domain indicator');
    expect(summary[1]).toContain('STIX object of type relationship is not an indicator');
    // The indicator's id and name travel with it, so a warning can cite them.
    expect(payload.indicators[0]).toMatchObject({
      note: 'ClickFake Interview lure site',
      source: 'stix-bundle.json (stix) indicator--0b7a3a3e-7d0e-4f3a-9a53-1e0e6b0f9c01',
    });
  });

  it('says so when the file is not a bundle', async () => {
    const dir = tempDir();
    const path = join(dir, 'x.json');
    writeFileSync(path, JSON.stringify({ type: 'indicator', pattern: "[domain-name:value = 'a.biz']" }));
    const result = await run(['import', '--from', 'stix', path]);
    expect(result.err).toContain('skipped: 1 × not a STIX 2.1 bundle (no "type": "bundle" with "objects")');
  });
});

describe('lureguard import --from misp', () => {
  it('imports only to_ids attributes, from the event and its objects', async () => {
    const { values, summary } = await importFixture('misp', 'misp-event.json');
    expect(values).toEqual([
      'domain app.freebling.io',
      'url https://bitbucket.org/juandsuareza/main/src/main/ prefix',
      'email ruslaniaruslania2@gmail.com',
      'filename ELO_Whitepaper_final.pdf',
      'sha256 7bd7c41bc5b91cced6630cfc64c595ec149c115ad98de1d346d48497b38cefa5',
    ]);
    // The write-up URL, the free text and the file size have no to_ids; the bare bitbucket.org
    // hostname is a shared host; an IP is not a supported kind.
    expect(summary[1]).toBe(
      'skipped: 1 × shared host bitbucket.org cannot be a whole-domain indicator; 3 × MISP attribute without to_ids; 1 × MISP type ip-dst is not supported',
    );
  });
});

describe('lureguard import --from csv', () => {
  it('imports rows by kind, keeps quoted commas and quotes, and reports bad rows', async () => {
    const { payload, values, summary } = await importFixture('csv', 'indicators.csv');
    expect(values).toEqual([
      'domain coinbase-walet.biz',
      // One attacker's app on a customer suffix may be listed whole; github.com may not.
      'domain metamask-horse-z3lk.vercel.app',
      'url https://github.com/michalcaladanxyz/caladanecomvp prefix',
      'sha256 17eeae8ac77d6b866651356b60646f0c33b481228e42f807269813b03e98e3a3',
      'npm-package react-plaid-sdk',
    ]);
    expect(payload.indicators[0]!.note).toBe('ClickFake Interview, Coinbase-themed lure site');
    expect(payload.indicators[2]!.note).toBe('coding test "assessment" repository');
    expect(payload.indicators[4]!.severity).toBe('suspicious');
    expect(summary[1]).toBe(
      'skipped: 1 × shared host github.com cannot be a whole-domain indicator; 1 × row 8: severity must be dangerous or suspicious; 1 × row 9: kind ip is not supported',
    );
  });
});

describe('lureguard import --from text', () => {
  it('takes defanged values from a report and leaves plainly written references alone', async () => {
    const { values, summary } = await importFixture('text', 'report.txt');
    expect(values).toEqual([
      'url https://coinbase-walet.biz/interview/start prefix',
      // A repository and a paste on shared hosts, written without a scheme: kept as URL prefixes.
      'url https://github.com/michalcaladanxyz/caladanecomvp prefix',
      'url https://api.npoint.io/0b1e2f3a4b5c6d7e8f90 prefix',
      'sha256 17eeae8ac77d6b866651356b60646f0c33b481228e42f807269813b03e98e3a3',
      'email blakesmith.bz@gmail.com',
      'domain app.freebling.io',
    ]);
    expect(values.some((v) => v.startsWith('domain github.com') || v.includes('paloaltonetworks'))).toBe(
      false,
    );
    expect(summary[1]).toBe(
      'skipped: 1 × URL written plainly (not defanged), likely a reference; 1 × domain written plainly (not defanged), likely a reference',
    );
  });

  it.each([
    ['hxxps[:]//evil[.]com/a', 'https://evil.com/a'],
    ['hXXp://evil(.)com', 'http://evil.com'],
    ['user[at]evil[dot]com', 'user@evil.com'],
    ['evil{.}com', 'evil.com'],
    ['https[:]//a[/]b', 'https://a/b'],
  ])('refangs %s', (defanged, clean) => {
    expect(refang(defanged)).toBe(clean);
  });
});

describe('lureguard import (all formats)', () => {
  it('never turns a shared host into a whole-domain indicator', async () => {
    const dir = tempDir();
    const hosts = [
      'github.com',
      'vercel.app',
      'bitbucket.org',
      'linkedin.com',
      'www.linkedin.com',
      'gist.github.com',
    ];
    writeFileSync(
      join(dir, 'shared.csv'),
      `kind,value\n${hosts.map((h) => `domain,${h}\nurl,https://${h}/`).join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'shared.txt'),
      hosts.map((h) => `${h.replace(/\./g, '[.]')} and hxxps[:]//${h.replace(/\./g, '[.]')}/`).join('\n'),
    );
    for (const [format, file] of [
      ['csv', 'shared.csv'],
      ['text', 'shared.txt'],
    ]) {
      const result = await run(['import', '--from', format!, join(dir, file!)]);
      const payload = JSON.parse(result.out.join('\n')) as { indicators: unknown[] };
      expect(payload.indicators).toEqual([]);
      expect(result.err[1]).toMatch(/shared host/);
    }
  });

  it('writes to --out and prints the summary on stdout instead', async () => {
    const out = join(tempDir(), 'payload.json');
    const result = await run(['import', '--from', 'misp', join(FIXTURES, 'misp-event.json'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe('imported 5 (1 domain, 1 url, 1 email, 1 filename, 1 sha256)');
    expect(IndicatorPayload.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
  });

  it('refuses an unknown format and a file that is not JSON', async () => {
    expect((await run(['import', '--from', 'openioc', join(FIXTURES, 'report.txt')])).code).toBe(2);
    const notJson = await run(['import', '--from', 'stix', join(FIXTURES, 'report.txt')]);
    expect(notJson.code).toBe(1);
    expect(notJson.err[0]).toMatch(/is not JSON/);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromBase64, sha256Hex, utf8 } from '../../../src/core/lists/bytes.ts';
import { parsePublicKeyLine } from '../../../src/core/lists/dsse.ts';
import { buildIndicatorIndex } from '../../../src/core/lists/indicator-index.ts';
import { verifyEnvelope } from '../../../src/core/lists/verify-envelope.ts';

// docs/indicator-list.md promises a complete signed example that really verifies: these tests
// take the example straight out of the markdown, so the document cannot drift from the code.
const DOC = readFileSync(resolve(import.meta.dirname, '../../../docs/indicator-list.md'), 'utf8');
const NOW = new Date('2026-11-25T12:00:00Z');

/** The fenced block right after `<!-- example:NAME -->`, without its fences. */
function exampleBlock(name: string): string {
  const match = new RegExp(`<!-- example:${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(DOC);
  if (!match) throw new Error(`docs/indicator-list.md has no example:${name} block`);
  return match[1]!;
}

const publicKey = exampleBlock('public-key').trim();
const envelopeText = exampleBlock('envelope');
const payloadText = `${exampleBlock('payload')}\n`;

describe('docs/indicator-list.md', () => {
  it("verifies the example envelope against the example's public key", async () => {
    const result = await verifyEnvelope(envelopeText, {
      feedId: 'acme-security',
      keys: [publicKey],
      threshold: 1,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, expired: false });
    if (result.ok) {
      expect(result.payload.version).toBe(42);
      expect(new Set(result.payload.indicators.map((i) => i.kind))).toEqual(
        new Set(['domain', 'url', 'sha256', 'filename', 'email', 'handle', 'npm-package', 'text']),
      );
      expect(result.payload.brands).toHaveLength(1);
      expect(result.payload.allowlist).toEqual(['jobs.acme.example']);
    }
  });

  it('signs exactly the payload shown, byte for byte, with the keyid and PAE header the text gives', async () => {
    const envelope = JSON.parse(envelopeText) as { payload: string; signatures: Array<{ keyid: string }> };
    const body = fromBase64(envelope.payload)!;
    expect(utf8.decode(body)).toBe(payloadText);
    expect(DOC).toContain(`payload is ${body.length} bytes`);
    expect(DOC).toContain(`DSSEv1 44 application/vnd.lureguard.indicators.v1+json ${body.length} {`);
    const key = await parsePublicKeyLine(publicKey);
    expect(envelope.signatures[0]!.keyid).toBe(key!.keyid);
    expect(key!.keyid).toBe(await sha256Hex(key!.raw));
    expect(DOC).toContain(`keyid ${key!.keyid}`);
  });

  it('rejects the example under another key, another feed id, a later minimum version or after expiry', async () => {
    const other = 'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    const policy = { feedId: 'acme-security', keys: [publicKey], threshold: 1, now: NOW };
    expect(await verifyEnvelope(envelopeText, { ...policy, keys: [other] })).toMatchObject({
      ok: false,
      problem: 'threshold',
    });
    expect(await verifyEnvelope(envelopeText, { ...policy, feedId: 'acme-staging' })).toMatchObject({
      problem: 'feed-id',
    });
    expect(await verifyEnvelope(envelopeText, { ...policy, minVersion: 43 })).toMatchObject({
      problem: 'rollback',
    });
    expect(
      await verifyEnvelope(envelopeText, { ...policy, now: new Date('2027-11-24T09:00:00Z') }),
    ).toMatchObject({ problem: 'expired' });
  });

  it('matches the way the text says each indicator kind matches', async () => {
    const result = await verifyEnvelope(envelopeText, { keys: [publicKey], threshold: 1, now: NOW });
    if (!result.ok) throw new Error(result.problem);
    const index = buildIndicatorIndex([{ feedId: 'acme-security', payload: result.payload }], NOW);
    const ids = (hits: Array<{ indicator: { id: string } }>) => hits.map((h) => h.indicator.id);
    expect(ids(index.matchHost('www.coinbase-walet.biz'))).toEqual(['acme-0001']);
    expect(ids(index.matchHost('app.freebling.io'))).toEqual(['acme-0002']);
    expect(ids(index.matchHost('x.app.freebling.io'))).toEqual([]);
    expect(
      ids(
        index.matchUrl(new URL('https://github.com/michalcaladanxyz/caladanecomvp/blob/main/package.json')),
      ),
    ).toEqual(['acme-0003']);
    expect(ids(index.matchUrl(new URL('https://github.com/michalcaladanxyz/caladanecomvp-docs')))).toEqual(
      [],
    );
    expect(ids(index.matchUrl(new URL('https://bitbucket.org/juandsuareza/main/src/main')))).toEqual([
      'acme-0004',
    ]);
    expect(ids(index.matchUrl(new URL('https://bitbucket.org/juandsuareza/main/src/main/x')))).toEqual([]);
    expect(ids(index.matchFileName('REQUIREMENT.PDF'))).toEqual(['acme-0006']);
    expect(ids(index.matchHandle('https://www.linkedin.com/in/adam-majoros-a73944105'))).toEqual([
      'acme-0008',
    ]);
    expect(ids(index.matchText('Please Run the project outside Docker, it is faster'))).toEqual([
      'acme-0010',
    ]);
    expect(ids(index.matchText('Paste this camera driver fix command into Terminal'))).toEqual(['acme-0011']);
    expect(index.isAllowlisted(new URL('https://jobs.acme.example/openings'))).toBe(true);
    // validUntil retires one indicator without a new release.
    const later = buildIndicatorIndex(
      [{ feedId: 'acme-security', payload: result.payload }],
      new Date('2026-12-02T00:00:00Z'),
    );
    expect(ids(later.matchHost('app.freebling.io'))).toEqual([]);
  });
});

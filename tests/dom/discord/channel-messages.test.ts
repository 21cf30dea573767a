import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { fixtureHtml, loadFixture } from '../../fixtures/load-fixture.ts';

const URL_JOBS = 'https://discord.com/channels/1200000000000000100/1300000000000000200';

describe('Discord channel messages', () => {
  const records = extractPage(loadFixture('discord/channel-jobs.html', URL_JOBS), new URL(URL_JOBS));
  const byKey = new Map(records.map((r) => [r.key, r]));

  it('keys every message by its message id', () => {
    expect(records.map((r) => r.key)).toEqual([
      'discord-message:1310000000000000011',
      'discord-message:1310000000000000012',
      'discord-message:1310000000000000013',
      'discord-message:1310000000000000014',
    ]);
  });

  it('keeps a masked link’s shown text beside its real href', () => {
    expect(byKey.get('discord-message:1310000000000000011')!.candidate.links).toEqual([
      { href: 'https://kraken-jobs.net/apply/rust', text: 'careers.kraken.com' },
    ]);
  });

  it('carries the author over to a grouped message and reads CDN attachments by file name', () => {
    const grouped = byKey.get('discord-message:1310000000000000012')!;
    expect(grouped.candidate.author).toBe('kraken_talent_placeholder');
    expect(grouped.candidate.attachments).toHaveLength(1);
    expect(grouped.candidate.attachments![0]!.name).toBe('Kraken_Senior_Rust_Engineer_JD.pdf');
    expect(grouped.candidate.attachments![0]!.href).toMatch(/^https:\/\/cdn\.discordapp\.com\/attachments\//);
    // The attachment is not also a link.
    expect(grouped.candidate.links).toBeUndefined();
  });

  it('reads embeds and skips the quoted message of a reply', () => {
    const reply = byKey.get('discord-message:1310000000000000013')!;
    expect(reply.candidate.text).toContain('Join us in building the open financial system.');
    expect(reply.candidate.text).not.toContain('Kraken is hiring');
    expect(reply.candidate.links?.map((l) => l.href)).toEqual([
      'https://www.coinbase.com/careers/positions',
      'https://www.coinbase.com/careers',
    ]);
  });

  it('reads nothing from the member list or the channel sidebar', () => {
    expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('Hiring at Kraken • DM me');
  });

  it('reads older messages added later, and none twice', () => {
    const doc = loadFixture('discord/channel-jobs.html', URL_JOBS);
    doc
      .querySelector('[data-list-id="chat-messages"]')!
      .insertAdjacentHTML('afterbegin', fixtureHtml('discord/channel-jobs-more.html'));
    const keys = extractPage(doc, new URL(URL_JOBS)).map((r) => r.key);
    expect(keys).toHaveLength(6);
    expect(keys.slice(0, 2)).toEqual([
      'discord-message:1310000000000000031',
      'discord-message:1310000000000000032',
    ]);
  });

  it('reads nothing on Discord pages that are not channels', () => {
    const url = 'https://discord.com/app';
    expect(extractPage(loadFixture('discord/channel-jobs.html', url), new URL(url))).toEqual([]);
  });
});

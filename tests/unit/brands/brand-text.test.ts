import { describe, expect, it } from 'vitest';
import { aOrAn } from '../../../src/core/brands/brand-text.ts';
import { loadBundledCatalog } from '../../../src/core/brands/catalog.ts';
import { createEngine } from '../../../src/core/engine.ts';
import { createBrandIndex } from '../../../src/core/lookalike/brand-index.ts';

describe('aOrAn', () => {
  it.each([
    ['Coinbase', 'a Coinbase'],
    ['OKX', 'an OKX'],
    ['FTX', 'an FTX'],
    ['HTX', 'an HTX'],
    ['BTCC', 'a BTCC'],
    ['NEAR Foundation', 'a NEAR Foundation'],
    ['Alchemy', 'an Alchemy'],
    ['Anchorage Digital', 'an Anchorage Digital'],
    ['Upbit', 'an Upbit'],
    ['Uniswap Labs', 'a Uniswap Labs'],
    ['Ethereum Foundation', 'an Ethereum Foundation'],
    ['Eurex', 'a Eurex'],
    ['OneKey', 'a OneKey'],
    ['Crypto.com', 'a Crypto.com'],
    ['bitFlyer', 'a bitFlyer'],
    ['MetaMask / Consensys', 'a MetaMask / Consensys'],
  ])('%s -> %s', (name, expected) => {
    expect(aOrAn(name)).toBe(expected);
  });
});

describe('warnings name a brand with the right article', () => {
  it('"okx-careers.org is not an OKX domain", as a lookalike and as a job document host', () => {
    const index = createBrandIndex(loadBundledCatalog());
    const [lookalike] = index.lookalikesOf('okx-careers.org', { mentionedBrandIds: new Set(['okx']) });
    expect(lookalike?.message).toContain('okx-careers.org is not an OKX domain');
    const verdict = createEngine({ indicators: null }).judge({
      text: 'OKX is hiring a Senior Rust Engineer. Please review the attached job description before the interview.',
      links: [{ href: 'https://files-share.net/OKX_Job_Description.pdf' }],
      pageUrl: 'https://discord.com/channels/1/2',
    });
    const messages = verdict.reasons.map((r) => r.message).join('\n');
    expect(messages).not.toMatch(/\ba OKX\b/);
    expect(messages).toMatch(/\ban OKX domain\b/);
  });
});

import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { loadFixture } from '../../fixtures/load-fixture.ts';

function extract(file: string, url: string) {
  return extractPage(loadFixture(`telegram/${file}`, url), new URL(url));
}

describe('Telegram Web K', () => {
  const url = 'https://web.telegram.org/k/#-1001987654321';

  it('keys bubbles by chat and message id, skips our own, carries the sender over', () => {
    const records = extract('k-group-chat.html', url);
    expect(records.map((r) => r.key)).toEqual([
      'telegram-message:-1001987654321:5101',
      'telegram-message:-1001987654321:5102',
      'telegram-message:-1001987654321:5103',
    ]);
    expect(records[1]!.candidate.author).toBe('Chris Placeholder');
    expect(records[1]!.candidate.attachments).toEqual([{ name: 'Bybit_Job_Description.pdf.lnk' }]);
    expect(records[1]!.targets[0]!.element.classList.contains('document')).toBe(true);
  });

  it('reads words, not the time or the chat-list preview', () => {
    const records = extract('k-group-chat.html', url);
    expect(records[0]!.candidate.text).not.toMatch(/10:12/);
    expect(records[1]!.candidate.text).toBe('Chris Placeholder');
    expect(records[2]!.candidate.links).toEqual([
      { href: 'https://www.bybitglobal.com/en/careers', text: 'https://www.bybitglobal.com/en/careers' },
    ]);
  });

  it('reads nothing without a chat in the hash route', () => {
    expect(extract('k-group-chat.html', 'https://web.telegram.org/k/')).toEqual([]);
  });

  it('gives the same message a different key in another chat', () => {
    const other = extract('k-group-chat.html', 'https://web.telegram.org/k/#@placeholder_hr');
    expect(other[0]!.key).toBe('telegram-message:@placeholder_hr:5101');
  });
});

describe('Telegram Web A', () => {
  const url = 'https://web.telegram.org/a/#6200000001';

  it('reads documents by title, the chat title as sender of a private chat, and skips own messages', () => {
    const records = extract('a-private-chat.html', url);
    expect(records.map((r) => r.key)).toEqual([
      'telegram-message:6200000001:301',
      'telegram-message:6200000001:304',
    ]);
    const [fake] = records;
    expect(fake!.candidate.author).toBe('Jamie Placeholder');
    expect(fake!.candidate.attachments).toEqual([{ name: 'Gemini_Security_Engineer_JD.zip' }]);
    expect(fake!.candidate.links).toEqual([
      { href: 'https://gemini-hiring.com/test', text: 'gemini-hiring.com/test' },
    ]);
    expect(fake!.candidate.text).not.toContain('09:41');
  });
});

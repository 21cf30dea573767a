import { expect, it } from 'vitest';
import { extractPage } from '../../../src/extract/site-adapters.ts';
import { loadFixture } from '../../fixtures/load-fixture.ts';

const url = 'https://bitcointalk.org/index.php?topic=5520000.0';

it('reads posts by message id with the poster, not the signatures', () => {
  const records = extractPage(loadFixture('bitcointalk/topic.html', url), new URL(url));
  expect(records.map((r) => [r.key, r.candidate.author])).toEqual([
    ['bitcointalk-post:64500001', 'placeholder_og'],
    ['bitcointalk-post:64500002', 'placeholder_hr2'],
    ['bitcointalk-post:64500003', 'placeholder_mod'],
  ]);
  expect(records[1]!.element.className).toBe('post');
  expect(records[1]!.candidate.links?.map((l) => l.href)).toEqual([
    'https://cryptocom-careers.net/files/Senior_Solidity_JD.pdf',
  ]);
  expect(JSON.stringify(records.map((r) => r.candidate))).not.toContain('example-signature-campaign');
});

it('reads nothing on a board index', () => {
  const board = 'https://bitcointalk.org/index.php?board=52.0';
  expect(extractPage(loadFixture('bitcointalk/topic.html', board), new URL(board))).toEqual([]);
});

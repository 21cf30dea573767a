import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOWED_SENDERS, BgVerdicts, RequestMessage } from '../../../src/core/messages.ts';
import { BgVerdictsFrame, findingsIn, PageFinding } from '../../../src/core/verdict-messages.ts';

const validJudge = {
  type: 'cs:judge',
  items: [{ key: 'linkedin-job:1', candidate: { text: 'hello', links: [{ href: 'https://example.com/' }] } }],
};

describe('RequestMessage', () => {
  it('accepts each well-formed request', () => {
    expect(RequestMessage.safeParse(validJudge).success).toBe(true);
    expect(
      RequestMessage.safeParse({ type: 'cs:page-start', url: 'https://www.linkedin.com/feed/' }).success,
    ).toBe(true);
    expect(RequestMessage.safeParse({ type: 'ui:get-tab-findings', tabId: 7 }).success).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'cs:judge'],
    ['an unknown type', { type: 'cs:eval', code: '1+1' }],
    ['a response type', { type: 'bg:verdicts', results: [] }],
    ['items that are not an array', { type: 'cs:judge', items: 'x' }],
    ['no items', { type: 'cs:judge', items: [] }],
    ['too many items', { type: 'cs:judge', items: Array.from({ length: 201 }, () => validJudge.items[0]) }],
    ['a text that is not a string', { type: 'cs:judge', items: [{ key: 'k', candidate: { text: 5 } }] }],
    ['a huge key', { type: 'cs:judge', items: [{ key: 'k'.repeat(300), candidate: {} }] }],
    ['a huge text', { type: 'cs:judge', items: [{ key: 'k', candidate: { text: 'x'.repeat(20_001) } }] }],
    ['a negative tab id', { type: 'ui:get-tab-findings', tabId: -1 }],
    ['a fractional tab id', { type: 'ui:get-tab-findings', tabId: 1.5 }],
  ])('rejects %s', (_name, message) => {
    expect(RequestMessage.safeParse(message).success).toBe(false);
  });

  it('names a sender kind for every request type', () => {
    expect(ALLOWED_SENDERS['cs:judge']).toBe('content-script');
    expect(ALLOWED_SENDERS['cs:page-start']).toBe('content-script');
    expect(ALLOWED_SENDERS['ui:get-tab-findings']).toBe('extension-page');
  });
});

describe('BgVerdicts', () => {
  it('rejects a verdict level outside the three', () => {
    const bad = { type: 'bg:verdicts', results: [{ key: 'k', verdict: { verdict: 'evil', reasons: [] } }] };
    expect(BgVerdicts.safeParse(bad).success).toBe(false);
  });
  it('accepts a dangerous verdict with reasons', () => {
    const good = {
      type: 'bg:verdicts',
      results: [
        {
          key: 'k',
          verdict: { verdict: 'dangerous', reasons: [{ id: 'x', level: 'dangerous', message: 'm' }] },
        },
      ],
    };
    expect(BgVerdicts.safeParse(good).success).toBe(true);
  });
});

describe('findingsIn (the content script reads a reply)', () => {
  const good = (key: string) => ({
    key,
    verdict: { verdict: 'dangerous', reasons: [{ id: 'x', level: 'dangerous', message: 'm' }] },
  });
  it('keeps every finding that fits when one in the batch does not', () => {
    const reply = {
      type: 'bg:verdicts',
      results: [good('a'), { key: 'b', verdict: { verdict: 'evil', reasons: [] } }, 'junk', good('c')],
    };
    expect(findingsIn(reply).map((f) => f.key)).toEqual(['a', 'c']);
  });
  it('gives nothing for a reply that is not a bg:verdicts frame', () => {
    expect(findingsIn(undefined)).toEqual([]);
    expect(findingsIn({ type: 'bg:other', results: [good('a')] })).toEqual([]);
    expect(findingsIn({ type: 'bg:verdicts', results: 'a' })).toEqual([]);
  });
  it('reads findings exactly as the schema would, whatever the reply holds', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', 'k', 'x'.repeat(256), 'x'.repeat(257)),
    );
    const nearlyValid = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 4, arbitrary: valid }, fc.anything());
    const reason = fc.record(
      {
        id: nearlyValid(
          fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('i'.repeat(64), 'i'.repeat(65))),
        ),
        level: nearlyValid(fc.constantFrom('suspicious', 'dangerous', 'clean')),
        message: nearlyValid(
          fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('m'.repeat(2_000), 'm'.repeat(2_001))),
        ),
        url: nearlyValid(fc.oneof(fc.webUrl(), fc.constant(undefined))),
        file: nearlyValid(fc.string({ maxLength: 20 })),
        brand: fc.anything(),
      },
      { requiredKeys: ['id', 'level', 'message'] },
    );
    const reasons = fc.oneof(
      fc.constant([]),
      fc.array(reason, { maxLength: 3 }),
      fc.array(fc.constant({ id: 'x', level: 'dangerous', message: 'm' }), { minLength: 99, maxLength: 102 }),
      fc.array(fc.anything(), { maxLength: 2 }),
      fc.anything(),
    );
    const nearlyFinding = fc.record(
      {
        key: nearlyValid(key),
        verdict: nearlyValid(
          fc.record(
            {
              verdict: nearlyValid(fc.constantFrom('clean', 'suspicious', 'dangerous', 'Clean')),
              reasons,
              extra: fc.anything(),
            },
            { requiredKeys: ['verdict', 'reasons'] },
          ),
        ),
        html: fc.anything(),
      },
      { requiredKeys: ['key', 'verdict'] },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: nearlyFinding }, fc.anything()), { maxLength: 6 }),
        (results) => {
          const bySchema = results.flatMap((r) => {
            const parsed = PageFinding.safeParse(r);
            return parsed.success ? [parsed.data] : [];
          });
          expect(findingsIn({ type: 'bg:verdicts', results })).toStrictEqual(bySchema);
        },
      ),
      // A fixed seed, as in tests/unit/fuzz: a failure reproduces.
      { numRuns: 1_500, seed: 20261125 },
    );
  }, 30_000);
  it('reads the frame exactly as BgVerdictsFrame would, whatever the reply is', () => {
    const frame = fc.oneof(
      fc.record(
        {
          type: fc.oneof(fc.constant('bg:verdicts'), fc.anything()),
          results: fc.oneof(fc.array(fc.constant(good('a')), { maxLength: 3 }), fc.anything()),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(frame, (reply) => {
        const parsed = BgVerdictsFrame.safeParse(reply);
        const bySchema = parsed.success
          ? findingsIn({ type: 'bg:verdicts', results: parsed.data.results })
          : [];
        expect(findingsIn(reply)).toStrictEqual(bySchema);
      }),
      { numRuns: 2_000, seed: 20261204 },
    );
  });
  it('drops fields a finding should not carry', () => {
    const [finding] = findingsIn({ type: 'bg:verdicts', results: [{ ...good('a'), html: '<img onerror>' }] });
    expect(finding).toEqual(good('a'));
  });
});

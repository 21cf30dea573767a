import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { senderKind } from '../../../src/background/sender-check.ts';
import { ALLOWED_SENDERS, RequestMessage, ResponseMessage } from '../../../src/core/messages.ts';
import { check, fuzzTimeout } from './fuzz-config.ts';

/** Keys a forger would try: ours, and the ones that reach prototypes. */
const KEY = fc.constantFrom(
  'type',
  'items',
  'key',
  'candidate',
  'text',
  'links',
  'href',
  'url',
  'tabId',
  'id',
  'feed',
  'keys',
  'threshold',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
);
const TYPES = Object.keys(ALLOWED_SENDERS);
const hostile = fc.anything({
  key: fc.oneof(KEY, fc.string({ maxLength: 8 })),
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 4,
});

/** Well-formed requests of several kinds, the starting points for mutation. */
const VALID: unknown[] = [
  { type: 'cs:page-start', url: 'https://www.linkedin.com/jobs/view/1/' },
  {
    type: 'cs:judge',
    items: [
      {
        key: 'linkedin-job:1',
        candidate: {
          text: 'Coinbase is hiring',
          links: [{ href: 'https://coinbase-careers.com/', text: 'Apply' }],
        },
      },
    ],
  },
  { type: 'ui:get-tab-findings', tabId: 3 },
  { type: 'ui:get-status' },
  {
    type: 'ui:add-feed',
    feed: {
      id: 'acme',
      url: 'https://intel.acme.example/l.json',
      keys: [`ed25519:${'A'.repeat(43)}=`],
      threshold: 1,
    },
  },
  { type: 'cs:open-report', key: 'k' },
  { type: 'ui:remove-feed', id: 'acme' },
];

/** Replaces the value at one random path of a JSON-like value. */
function replaceAt(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = replaceAt(child, path.slice(1), replacement);
  return copy;
}

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
}

describe('message schemas under fuzzing', () => {
  it(
    'never throw on any value, and what they accept is a known request, plain data',
    () => {
      check(
        fc.property(
          fc.oneof(hostile, fc.record({ type: fc.constantFrom(...TYPES) }, { requiredKeys: [] })),
          (raw) => {
            const parsed = RequestMessage.safeParse(raw);
            if (parsed.success) {
              expect(TYPES).toContain(parsed.data.type);
              // What the worker handles survives a JSON round trip unchanged: no Maps, Dates or getters.
              expect(JSON.parse(JSON.stringify(parsed.data))).toEqual(parsed.data);
            }
            expect(typeof ResponseMessage.safeParse(raw).success).toBe('boolean');
            expectPrototypesClean();
          },
        ),
        6_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'accept a mutated request only when it still fits, and drop fields they do not know',
    () => {
      check(
        fc.property(
          fc.constantFrom(...VALID),
          fc.array(fc.nat(), { maxLength: 5 }),
          fc.oneof(hostile, fc.string(), fc.integer(), fc.constant(undefined)),
          fc.string({ maxLength: 10 }),
          (base, path, replacement, extraKey) => {
            expect(RequestMessage.safeParse(base).success).toBe(true);
            const mutated = replaceAt(base, path, replacement) as Record<string, unknown>;
            const withExtra =
              mutated && typeof mutated === 'object'
                ? { ...mutated, [`x-${extraKey}`]: { polluted: true } }
                : mutated;
            const parsed = RequestMessage.safeParse(withExtra);
            if (parsed.success) {
              expect(Object.keys(parsed.data)).not.toContain(`x-${extraKey}`);
              expect(ALLOWED_SENDERS[parsed.data.type]).toBeDefined();
            }
            expectPrototypesClean();
          },
        ),
        8_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'a sender is ours only with our id, and an extension page only from our origin',
    () => {
      const ownId = 'hllcajbgabfpacbllhecnhogegjidgbh';
      const ownOrigin = `chrome-extension://${ownId}/`;
      check(
        fc.property(
          fc.record(
            {
              id: fc.oneof(fc.constant(ownId), fc.string({ maxLength: 32 })),
              url: fc.oneof(
                fc.constant(`${ownOrigin}src/ui/popup/popup.html`),
                fc.webUrl(),
                fc.constant(`chrome-extension://${'a'.repeat(32)}/x.html`),
                fc.constant(`${ownOrigin.slice(0, -1)}.evil.example/`),
                fc.string({ maxLength: 40 }),
              ),
              tab: fc.record({ id: fc.nat() }, { requiredKeys: [] }),
              origin: fc.string({ maxLength: 20 }),
            },
            { requiredKeys: [] },
          ),
          (sender) => {
            const kind = senderKind(sender as Runtime.MessageSender, ownId, ownOrigin);
            if (sender.id !== ownId) expect(kind).toBeNull();
            if (kind === 'extension-page') expect(sender.url?.startsWith(ownOrigin)).toBe(true);
            if (kind === 'content-script') {
              expect(sender.tab?.id).toBeDefined();
              expect(sender.url?.startsWith(ownOrigin)).toBe(false);
            }
          },
        ),
        3_000,
      );
    },
    fuzzTimeout(),
  );
});

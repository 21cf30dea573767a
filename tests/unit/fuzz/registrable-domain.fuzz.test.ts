import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostParts, registrableDomain } from '../../../src/core/domain/registrable-domain.ts';
import { anyString, check, fuzzTimeout, piecesString } from './fuzz-config.ts';

/** Labels that stress the Public Suffix List: private sections, wildcards, exceptions, IPs, IDNs. */
const HOST_PIECES = [
  'vercel.app',
  'github.io',
  'co.uk',
  'ck',
  'www.ck',
  'kawasaki.jp',
  'city.kawasaki.jp',
  'com',
  'xn--p1ai',
  'xn--',
  'coinbase',
  '127.0.0.1',
  '[::1]',
  '.',
  '..',
  '-',
  'A',
  'İ',
  '\u0000',
  ' ',
];

/** The hostname the URL parser makes of `input`, as the engine sees it; null when it is no URL host. */
function hostnameOf(input: string): string | null {
  try {
    return new URL(`https://${input}/`).hostname || null;
  } catch {
    return null;
  }
}

/** A fresh parse of `host` with the one-entry cache flushed. */
function uncachedParts(host: string) {
  hostParts(`flush-${host.length}.invalid`);
  return hostParts(host);
}

describe('domain parsing under fuzzing', () => {
  it(
    'never throws on any string',
    () => {
      check(
        fc.property(fc.oneof(anyString(120), piecesString(HOST_PIECES)), (input) => {
          const parts = hostParts(input);
          expect(parts.host).toBe(parts.host.toLowerCase());
          expect(parts.host).not.toMatch(/\.$/);
          expect(typeof registrableDomain(input)).toBe('string');
          expect(Object.isFrozen(parts)).toBe(true);
        }),
        4_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'splits every hostname a URL can carry into parts that add up to it',
    () => {
      check(
        fc.property(fc.oneof(fc.domain(), piecesString(HOST_PIECES, 8)), (input) => {
          const hostname = hostnameOf(input);
          if (hostname === null) return;
          const parts = hostParts(hostname);
          if (parts.domain === null) return;
          // The registrable domain is whole labels at the end of the host.
          expect(`.${parts.host}`.endsWith(`.${parts.domain}`)).toBe(true);
          if (parts.suffix !== null) expect(parts.domain.endsWith(parts.suffix)).toBe(true);
          const whole = parts.subdomain ? `${parts.subdomain}.${parts.domain}` : parts.domain;
          // A URL may start with empty labels ("https://.evil.vercel.app/"); tldts keeps or drops them.
          expect([parts.host, parts.host.replace(/^\.+/, '')]).toContain(whole);
        }),
        4_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'is stable: the cache answers as a fresh parse, and a registrable domain is its own',
    () => {
      check(
        fc.property(fc.oneof(fc.domain(), piecesString(HOST_PIECES, 8)), (host) => {
          expect(hostParts(host)).toEqual(uncachedParts(host));
          const domain = registrableDomain(host);
          expect(registrableDomain(domain)).toBe(domain);
          // Adding a subdomain never changes the registrable domain of a listed name.
          if (hostParts(host).domain !== null) expect(registrableDomain(`careers.${host}`)).toBe(domain);
        }),
        4_000,
      );
    },
    fuzzTimeout(),
  );

  it(
    'ignores case and trailing dots',
    () => {
      check(
        fc.property(fc.domain(), fc.nat(3), (host, dots) => {
          expect(registrableDomain(`${host.toUpperCase()}${'.'.repeat(dots)}`)).toBe(registrableDomain(host));
        }),
        4_000,
      );
    },
    fuzzTimeout(),
  );
});

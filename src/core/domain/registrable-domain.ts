import { parse } from 'tldts';

export interface HostParts {
  /** Lower-case ASCII (punycode) hostname without a trailing dot. */
  host: string;
  /** Registrable domain by the Public Suffix List ("coinbase-careers.com"), or null for IPs and bare suffixes. */
  domain: string | null;
  /** Public suffix ("com", "co.uk", "vercel.app"). */
  suffix: string | null;
  /** Labels left of the registrable domain ("careers.jobs" in careers.jobs.example.com). */
  subdomain: string;
  isIp: boolean;
  /** The suffix is on the Public Suffix List; "uniswap.eth" is not a DNS name a browser resolves. */
  listed: boolean;
}

/**
 * Splits a hostname with the Public Suffix List, never by treating the last label as the TLD.
 * Private PSL sections are on, so "evil.vercel.app" has registrable domain "evil.vercel.app".
 */
let lastHostname: string | null = null;
let lastParts: HostParts | null = null;

export function hostParts(hostname: string): HostParts {
  // One judgement asks about the same host several times in a row; parse it once.
  if (lastParts !== null && lastHostname === hostname) return lastParts;
  const parts = Object.freeze(parseHost(hostname));
  lastHostname = hostname;
  lastParts = parts;
  return parts;
}

/** Made once: a fresh options object per parse was garbage on every host judged. */
const PARSE_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

function parseHost(hostname: string): HostParts {
  const lower = hostname.toLowerCase();
  // A trailing dot is rare: skip the regex unless there is one.
  const host = lower.endsWith('.') ? lower.replace(/(?<!\.)\.+$/, '') : lower;
  const parsed = parse(host, PARSE_OPTIONS);
  return {
    host,
    domain: parsed.domain,
    suffix: parsed.publicSuffix,
    subdomain: parsed.subdomain ?? '',
    isIp: parsed.isIp === true,
    listed: parsed.isIcann === true || parsed.isPrivate === true,
  };
}

/** Registrable domain of a hostname, or the hostname itself for IPs and bare suffixes. */
export function registrableDomain(hostname: string): string {
  const parts = hostParts(hostname);
  return parts.domain ?? parts.host;
}

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
}

/**
 * Splits a hostname with the Public Suffix List, never by treating the last label as the TLD.
 * Private PSL sections are on, so "evil.vercel.app" has registrable domain "evil.vercel.app".
 */
export function hostParts(hostname: string): HostParts {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false });
  return {
    host,
    domain: parsed.domain,
    suffix: parsed.publicSuffix,
    subdomain: parsed.subdomain ?? '',
    isIp: parsed.isIp === true,
  };
}

/** Registrable domain of a hostname, or the hostname itself for IPs and bare suffixes. */
export function registrableDomain(hostname: string): string {
  const parts = hostParts(hostname);
  return parts.domain ?? parts.host;
}

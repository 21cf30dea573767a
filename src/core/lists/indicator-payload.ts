import * as z from 'zod/mini';
import { Brand } from '../brands/brand.ts';
import { checkSafeRegex } from './safe-regex.ts';
import { isSharedHost } from './shared-hosts.ts';

/** Size limits: a list past these is refused before or while parsing. */
export const LIST_LIMITS = {
  envelopeBytes: 256 * 1024 * 1024,
  indicators: 2_000_000,
  brands: 10_000,
  allowlist: 100_000,
  stringChars: 2_048,
} as const;

export const PAYLOAD_TYPE = 'application/vnd.lureguard.indicators.v1+json';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const Timestamp = z.string().check(
  z.regex(RFC3339_UTC, 'must be an RFC 3339 UTC time like 2026-11-24T12:00:00Z'),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

const Hostname = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(/^(?=[a-z0-9])[a-z0-9.-]*[a-z0-9]$/, 'lower-case ASCII hostname (punycode for IDNs)'),
  );
const Text = (max: number = LIST_LIMITS.stringChars) => z.string().check(z.maxLength(max));

const common = {
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  severity: z.enum(['suspicious', 'dangerous']),
  note: Text(),
  source: z.string().check(z.minLength(1), z.maxLength(LIST_LIMITS.stringChars)),
  validUntil: z.optional(Timestamp),
};

const DomainIndicator = z.strictObject({
  ...common,
  kind: z.literal('domain'),
  value: Hostname.check(
    z.refine((h) => !isSharedHost(h), 'a shared host (github.com, vercel.app, …) may only be a url prefix'),
  ),
  includeSubdomains: z.boolean(),
});
const UrlIndicator = z.strictObject({
  ...common,
  kind: z.literal('url'),
  value: z
    .string()
    .check(z.maxLength(LIST_LIMITS.stringChars), z.regex(/^https?:\/\/[^\s/?#]+/, 'http(s) URL')),
  match: z.enum(['exact', 'prefix']),
});
const Sha256Indicator = z.strictObject({
  ...common,
  kind: z.literal('sha256'),
  value: z.string().check(z.regex(/^[a-f0-9]{64}$/, 'lower-case hex SHA-256')),
});
const FilenameIndicator = z.strictObject({
  ...common,
  kind: z.literal('filename'),
  value: z.string().check(z.minLength(1), z.maxLength(255)),
});
const EmailIndicator = z.strictObject({
  ...common,
  kind: z.literal('email'),
  value: z
    .string()
    .check(z.maxLength(320), z.regex(/^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$/, 'lower-case e-mail address')),
});
const HandleIndicator = z.strictObject({
  ...common,
  kind: z.literal('handle'),
  platform: z.enum(['linkedin', 'x', 'telegram', 'discord', 'github', 'reddit', 'other']),
  value: z.string().check(z.minLength(1), z.maxLength(512)),
});
const NpmIndicator = z.strictObject({
  ...common,
  kind: z.literal('npm-package'),
  value: z.string().check(z.regex(/^(@[a-z0-9._-]{1,100}\/)?[a-z0-9._-]{1,214}$/, 'npm package name')),
});
const TextIndicator = z
  .strictObject({
    ...common,
    kind: z.literal('text'),
    value: z.string().check(z.minLength(3), z.maxLength(500)),
    regex: z.optional(z.boolean()),
  })
  .check(
    z.refine((t) => !t.regex || checkSafeRegex(t.value).ok, {
      message:
        'regex is not provably linear-time (no *, +, {n,}, quantified groups, backreferences or lookaround)',
      path: ['value'],
    }),
  );

export const Indicator = z.discriminatedUnion('kind', [
  DomainIndicator,
  UrlIndicator,
  Sha256Indicator,
  FilenameIndicator,
  EmailIndicator,
  HandleIndicator,
  NpmIndicator,
  TextIndicator,
]);
export type Indicator = z.infer<typeof Indicator>;
export type IndicatorKind = Indicator['kind'];

export const IndicatorPayload = z
  .strictObject({
    schema: z.literal(1),
    feedId: z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/, 'feedId: letters, digits and . _ : -')),
    version: z.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
    issuedAt: Timestamp,
    expiresAt: Timestamp,
    indicators: z.array(Indicator).check(z.maxLength(LIST_LIMITS.indicators)),
    brands: z.array(Brand).check(z.maxLength(LIST_LIMITS.brands)),
    allowlist: z.array(Hostname).check(z.maxLength(LIST_LIMITS.allowlist)),
  })
  .check(
    z.refine((p) => Date.parse(p.expiresAt) > Date.parse(p.issuedAt), {
      message: 'expiresAt must be after issuedAt',
      path: ['expiresAt'],
    }),
  );
export type IndicatorPayload = z.infer<typeof IndicatorPayload>;

/** "indicators.3.value": the path of the first schema problem, for one-line errors. */
export function firstIssuePath(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
  const issue = error.issues[0];
  if (!issue) return '(unknown)';
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}

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
const HOSTNAME = /^(?=[a-z0-9])[a-z0-9.-]*[a-z0-9]$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
const EMAIL = /^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$/;
const NPM_NAME = /^(@[a-z0-9._-]{1,100}\/)?[a-z0-9._-]{1,214}$/;
const SEVERITIES = ['suspicious', 'dangerous'] as const;
const URL_MATCHES = ['exact', 'prefix'] as const;
const PLATFORMS = ['linkedin', 'x', 'telegram', 'discord', 'github', 'reddit', 'other'] as const;
const TEXT_CHARS = { min: 3, max: 500 } as const;
const ID_CHARS = 128;
const HOSTNAME_CHARS = 253;
const FILENAME_CHARS = 255;
const EMAIL_CHARS = 320;
const HANDLE_CHARS = 512;

export const Timestamp = z.string().check(
  z.regex(RFC3339_UTC, 'must be an RFC 3339 UTC time like 2026-11-24T12:00:00Z'),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date'),
);

const Hostname = z
  .string()
  .check(z.maxLength(HOSTNAME_CHARS), z.regex(HOSTNAME, 'lower-case ASCII hostname (punycode for IDNs)'));
const Text = (max: number = LIST_LIMITS.stringChars) => z.string().check(z.maxLength(max));

const common = {
  id: z.string().check(z.minLength(1), z.maxLength(ID_CHARS)),
  severity: z.enum(SEVERITIES),
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
  value: z.string().check(z.maxLength(LIST_LIMITS.stringChars), z.regex(HTTP_URL, 'http(s) URL')),
  match: z.enum(URL_MATCHES),
});
const Sha256Indicator = z.strictObject({
  ...common,
  kind: z.literal('sha256'),
  value: z.string().check(z.regex(SHA256_HEX, 'lower-case hex SHA-256')),
});
const FilenameIndicator = z.strictObject({
  ...common,
  kind: z.literal('filename'),
  value: z.string().check(z.minLength(1), z.maxLength(FILENAME_CHARS)),
});
const EmailIndicator = z.strictObject({
  ...common,
  kind: z.literal('email'),
  value: z.string().check(z.maxLength(EMAIL_CHARS), z.regex(EMAIL, 'lower-case e-mail address')),
});
const HandleIndicator = z.strictObject({
  ...common,
  kind: z.literal('handle'),
  platform: z.enum(PLATFORMS),
  value: z.string().check(z.minLength(1), z.maxLength(HANDLE_CHARS)),
});
const NpmIndicator = z.strictObject({
  ...common,
  kind: z.literal('npm-package'),
  value: z.string().check(z.regex(NPM_NAME, 'npm package name')),
});
const TextIndicator = z
  .strictObject({
    ...common,
    kind: z.literal('text'),
    value: z.string().check(z.minLength(TEXT_CHARS.min), z.maxLength(TEXT_CHARS.max)),
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

const payloadShape = {
  schema: z.literal(1),
  feedId: z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/, 'feedId: letters, digits and . _ : -')),
  version: z.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  issuedAt: Timestamp,
  expiresAt: Timestamp,
  indicators: z.array(Indicator).check(z.maxLength(LIST_LIMITS.indicators)),
  brands: z.array(Brand).check(z.maxLength(LIST_LIMITS.brands)),
  allowlist: z.array(Hostname).check(z.maxLength(LIST_LIMITS.allowlist)),
};
const expiresAfterIssued = z.refine<{ issuedAt: string; expiresAt: string }>(
  (p) => Date.parse(p.expiresAt) > Date.parse(p.issuedAt),
  { message: 'expiresAt must be after issuedAt', path: ['expiresAt'] },
);

export const IndicatorPayload = z.strictObject(payloadShape).check(expiresAfterIssued);
export type IndicatorPayload = z.infer<typeof IndicatorPayload>;

/**
 * IndicatorPayload with the indicators left to acceptsIndicator (their count is checked): the
 * fast path's other half. Only its yes counts: on a no the full schema runs and names the problem.
 */
const PayloadWithoutIndicators = z
  .strictObject({
    ...payloadShape,
    indicators: z.custom<unknown[]>((v) => Array.isArray(v) && v.length <= LIST_LIMITS.indicators),
  })
  .check(expiresAfterIssued);

function allAccepted(indicators: unknown[]): boolean {
  // By index, not every(): every() skips the holes of a sparse array, which the schema refuses.
  for (let i = 0; i < indicators.length; i++) if (!acceptsIndicator(indicators[i])) return false;
  return true;
}

/**
 * `IndicatorPayload.safeParse` with the same answer, faster for a large list: zod checks
 * everything but the indicators, `acceptsIndicator` checks those, and the schema's copy of an
 * accepted indicator equals it, so the indicators are kept as they are. Anything the fast
 * check does not accept goes through the full schema, which decides and names the problem.
 */
export function parseIndicatorPayload(json: unknown): ReturnType<typeof IndicatorPayload.safeParse> {
  const rest = PayloadWithoutIndicators.safeParse(json);
  if (rest.success && allAccepted(rest.data.indicators)) {
    // zod's own output (brands drop unknown keys, as in the full schema) around the input's
    // indicators, which the schema would have copied unchanged.
    return { success: true, data: rest.data as IndicatorPayload };
  }
  return IndicatorPayload.safeParse(json);
}

// ---- the fast check: the Indicator schema above, written out by hand ----
// zod spends about 2 µs per indicator (a million-indicator list: seconds). This is the same
// schema as plain code over the same regexes and limits; a property test holds the two equal.
// It may only be stricter than the schema, never looser: a refusal here costs time, not safety.

const COMMON_KEYS = ['id', 'severity', 'note', 'source', 'validUntil', 'kind', 'value'];
/** Each kind's allowed keys (the strict objects' shapes). */
const KEYS = new Map<string, ReadonlySet<string>>([
  ['domain', new Set([...COMMON_KEYS, 'includeSubdomains'])],
  ['url', new Set([...COMMON_KEYS, 'match'])],
  ['sha256', new Set(COMMON_KEYS)],
  ['filename', new Set(COMMON_KEYS)],
  ['email', new Set(COMMON_KEYS)],
  ['handle', new Set([...COMMON_KEYS, 'platform'])],
  ['npm-package', new Set(COMMON_KEYS)],
  ['text', new Set([...COMMON_KEYS, 'regex'])],
]);

/** zod measures strings in code points (a surrogate pair counts once), so this does too. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}
/** Within [min, max] code points; counted only when the UTF-16 length leaves it in doubt. */
function hasLength(s: string, min: number, max: number): boolean {
  const units = s.length;
  if (units >= 2 * min && units <= max) return true;
  const length = codePoints(s);
  return length >= min && length <= max;
}
const isString = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && hasLength(v, min, max);
const isTimestamp = (v: unknown): boolean =>
  typeof v === 'string' && RFC3339_UTC.test(v) && !Number.isNaN(Date.parse(v));
const isOneOf = (v: unknown, values: readonly string[]): boolean =>
  typeof v === 'string' && values.includes(v);

/** For a data object (what JSON.parse builds): true only when `Indicator.safeParse(value)` succeeds with a copy equal to `value`. */
export function acceptsIndicator(value: unknown): boolean {
  // A plain object (JSON's kind): zod reads inherited keys too, so anything else takes the slow path.
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  const v = value as Record<string, unknown>;
  const kind = v.kind;
  const keys = typeof kind === 'string' ? KEYS.get(kind) : undefined;
  if (keys === undefined) return false;
  for (const key in v) if (!keys.has(key)) return false;
  // An optional field passes zod when undefined, present or not, and then is copied as it is.
  const validUntil = v.validUntil;
  if (
    !isString(v.id, 1, ID_CHARS) ||
    !isOneOf(v.severity, SEVERITIES) ||
    !isString(v.note, 0, LIST_LIMITS.stringChars) ||
    !isString(v.source, 1, LIST_LIMITS.stringChars) ||
    (validUntil !== undefined && !isTimestamp(validUntil))
  )
    return false;
  const x = v.value;
  if (typeof x !== 'string') return false;
  switch (kind as Indicator['kind']) {
    case 'domain':
      return (
        hasLength(x, 0, HOSTNAME_CHARS) &&
        HOSTNAME.test(x) &&
        !isSharedHost(x) &&
        typeof v.includeSubdomains === 'boolean'
      );
    case 'url':
      return hasLength(x, 0, LIST_LIMITS.stringChars) && HTTP_URL.test(x) && isOneOf(v.match, URL_MATCHES);
    case 'sha256':
      return SHA256_HEX.test(x);
    case 'filename':
      return hasLength(x, 1, FILENAME_CHARS);
    case 'email':
      return hasLength(x, 0, EMAIL_CHARS) && EMAIL.test(x);
    case 'handle':
      return hasLength(x, 1, HANDLE_CHARS) && isOneOf(v.platform, PLATFORMS);
    case 'npm-package':
      return NPM_NAME.test(x);
    case 'text': {
      const regex = v.regex;
      if (!hasLength(x, TEXT_CHARS.min, TEXT_CHARS.max)) return false;
      if (regex !== undefined && typeof regex !== 'boolean') return false;
      return !regex || checkSafeRegex(x).ok;
    }
  }
}

/** "indicators.3.value": the path of the first schema problem, for one-line errors. */
export function firstIssuePath(error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): string {
  const issue = error.issues[0];
  if (!issue) return '(unknown)';
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
}

import * as z from 'zod/mini';

const Hostname = z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/));

export const BrandSource = z.object({
  /** Where the value was seen: a URL-like reference or a citation. */
  ref: z.string().check(z.minLength(1)),
  /** When it was seen or published, ISO date or date range. */
  date: z.string().check(z.minLength(4)),
});

/**
 * A protected brand. Data, not code: the bundled catalog and signed indicator lists
 * (`brands[]`) both produce these, so a security team can protect its own company.
 */
export const Brand = z.object({
  /** Stable kebab-case id, e.g. "crypto-com". */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** Display name used in warnings, e.g. "Crypto.com". */
  name: z.string().check(z.minLength(1)),
  /** How people write the name in posts: "Crypto.com", "crypto com", "CDC". */
  aliases: z.array(z.string().check(z.minLength(2))),
  /** Domain tokens a lookalike would contain: "coinbase", "cryptocom". */
  tokens: z.array(z.string().check(z.regex(/^[a-z0-9]{3,}$/))),
  /** Official registrable domains (and their subdomains), e.g. "coinbase.com". */
  domains: z.array(Hostname),
  /** Official careers pages and ATS boards, as URL prefixes. */
  careers: z.array(z.string().check(z.regex(/^https:\/\//))),
  /** Domains official recruiters write from. */
  emailDomains: z.array(Hostname),
  /**
   * The brand's token is also an ordinary word or another company's name
   * ("kraken", "gemini", "circle"): it needs job or brand context before a bare
   * combosquat is flagged.
   */
  commonWord: z.optional(z.boolean()),
  sources: z.array(BrandSource).check(z.minLength(1)),
});
export type Brand = z.infer<typeof Brand>;

export const BrandCatalog = z.object({
  /** Date the catalog was last reviewed. */
  reviewed: z.string(),
  brands: z.array(Brand),
});
export type BrandCatalog = z.infer<typeof BrandCatalog>;

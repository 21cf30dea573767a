import * as z from 'zod/mini';

/**
 * JSON-LD `JobPosting` as job boards embed it for search engines. The page is hostile: scripts
 * are size-capped, parsed in try/catch, and only the fields we use are kept, through zod.
 */
const MAX_SCRIPT_CHARS = 200_000;
const MAX_SCRIPTS = 10;

const Text = z.pipe(
  z.unknown(),
  z.transform((v) => (typeof v === 'string' ? v.slice(0, 20_000) : undefined)),
);
const Organization = z.union([
  z.string(),
  z.looseObject({ name: z.optional(Text), sameAs: z.optional(z.unknown()), url: z.optional(Text) }),
]);
const JobPostingLd = z.looseObject({
  '@type': z.union([z.string(), z.array(z.string())]),
  title: z.optional(Text),
  description: z.optional(Text),
  url: z.optional(Text),
  applyUrl: z.optional(Text),
  directApply: z.optional(z.unknown()),
  hiringOrganization: z.optional(z.unknown()),
  identifier: z.optional(z.unknown()),
});

export interface JobPosting {
  title: string;
  organization: string;
  /** The description, tags stripped (boards put HTML in it). */
  description: string;
  /** Addresses the posting points at: the apply URL, the posting URL, the organization's site. */
  urls: string[];
}

export function jobPostingsIn(document: Document): JobPosting[] {
  const out: JobPosting[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (const script of [...scripts].slice(0, MAX_SCRIPTS)) {
    const source = script.textContent ?? '';
    if (source.length > MAX_SCRIPT_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue;
    }
    for (const node of nodesOf(data)) {
      const posting = toPosting(node);
      if (posting) out.push(posting);
    }
  }
  return out;
}

/** A script holds one node, an array of nodes, or an `@graph`; nothing deeper is searched. */
function nodesOf(data: unknown): unknown[] {
  const top = Array.isArray(data) ? data : [data];
  const nodes: unknown[] = [];
  for (const item of top.slice(0, 50)) {
    const graph = (item as { '@graph'?: unknown } | null)?.['@graph'];
    if (Array.isArray(graph)) nodes.push(...graph.slice(0, 50));
    else nodes.push(item);
  }
  return nodes;
}

function toPosting(node: unknown): JobPosting | null {
  const parsed = JobPostingLd.safeParse(node);
  if (!parsed.success) return null;
  const ld = parsed.data;
  const types = Array.isArray(ld['@type']) ? ld['@type'] : [ld['@type']];
  if (!types.includes('JobPosting')) return null;
  const org = Organization.safeParse(ld.hiringOrganization);
  const orgName = org.success ? (typeof org.data === 'string' ? org.data : (org.data.name ?? '')) : '';
  const orgUrls =
    org.success && typeof org.data !== 'string'
      ? [org.data.url, ...(Array.isArray(org.data.sameAs) ? org.data.sameAs : [org.data.sameAs])]
      : [];
  const urls = [ld.applyUrl, ld.url, ...orgUrls].filter(
    (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u) && u.length <= 4_096,
  );
  return {
    title: ld.title ?? '',
    organization: orgName,
    description: stripTags(ld.description ?? ''),
    urls: [...new Set(urls)].slice(0, 10),
  };
}

/** Text of an HTML description without parsing it as HTML (it is page data). */
function stripTags(html: string): string {
  return html
    .replace(/<[^>]{0,1000}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

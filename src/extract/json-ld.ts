import { isRecord } from '../core/is-record.ts';
import { capText } from './page-record.ts';

/**
 * JSON-LD `JobPosting` as job boards embed it for search engines. The page is hostile: scripts
 * are size-capped and parsed in try/catch, and only the fields we use are read, each checked for
 * its type (anything else counts as absent) and strings capped.
 */
const MAX_SCRIPT_CHARS = 200_000;
const MAX_SCRIPTS = 10;
/** Where pages keep their structured data. */
export const JSON_LD_SCRIPT = 'script[type="application/ld+json"]';

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
  const scripts = document.querySelectorAll(JSON_LD_SCRIPT);
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
  if (!isRecord(node)) return null;
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (!types.includes('JobPosting') || !types.every((t) => typeof t === 'string')) return null;
  // A name, or an organization with a name and its sites.
  const org = node.hiringOrganization;
  const orgName = typeof org === 'string' ? org : isRecord(org) ? (text(org.name) ?? '') : '';
  const orgUrls = isRecord(org) ? [org.url, ...(Array.isArray(org.sameAs) ? org.sameAs : [org.sameAs])] : [];
  const urls = [node.applyUrl, node.url, ...orgUrls].filter(
    (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u) && u.length <= 4_096,
  );
  return {
    title: text(node.title) ?? '',
    organization: orgName,
    description: stripTags(text(node.description) ?? ''),
    urls: [...new Set(urls)].slice(0, 10),
  };
}

/** A string field, capped; any other value is absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? capText(value) : undefined;
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

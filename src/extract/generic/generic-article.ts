import { buildRecord } from '../build-record.ts';
import { type PageRecord, textAndLinks, visibleText } from '../page-record.ts';
import { selectAll } from '../select.ts';

/** Pages in the match list no site adapter understands: the main content, if it talks about a job. */
const CONTAINERS = ['article[id], main article', 'main', '[role="main"]'] as const;
const JOB_WORDS = /\b(hiring|recruit(er|ing)|job description|apply|position|role|salary|interview)\b/i;
const MAX_CONTAINERS = 20;

export function extractGeneric(document: Document, url: URL): PageRecord[] {
  const records: PageRecord[] = [];
  for (const element of selectAll(document, CONTAINERS).slice(0, MAX_CONTAINERS)) {
    const { text, links } = textAndLinks(element);
    if (!JOB_WORDS.test(text.slice(0, 20_000))) continue;
    // The element's own id, else its heading: stable across rescans, unlike a position.
    const label = element.id || visibleText(element.querySelector('h1, h2')).slice(0, 120) || element.tagName;
    records.push(
      buildRecord({
        key: `generic:${url.pathname}#${label}`,
        element,
        text,
        links,
        pageUrl: url.href,
      }),
    );
  }
  return records;
}

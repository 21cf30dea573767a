import type { Fallbacks } from '../select.ts';

/** Job-board posting pages; JSON-LD carries the facts, the DOM gives the element to mark. */
export const jobBoardSelectors = {
  /**
   * The description box: cryptojobslist `.job-description` (Next.js, 2023-2026), web3.career
   * `#job-description` / `.job-description` (2022-2026), wellfound `[data-test="JobDescription"]`
   * (2023-2026); a page's `main article` as the last resort.
   */
  description: ['.job-description, #job-description, [data-test="JobDescription"]', 'main article'],
  /** The posting's title (h1 on all three boards). */
  title: ['main h1', 'h1'],
  /** Apply buttons: links labelled "Apply" in the posting's header or sidebar (2022-2026). */
  apply: ['a[data-test="apply-button"], a.apply-button, a[id^="apply"]', 'main a[href*="apply"]'],
} satisfies Record<string, Fallbacks>;

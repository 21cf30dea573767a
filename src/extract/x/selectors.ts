import type { Fallbacks } from '../select.ts';

/** X web client selectors: `data-testid` is stable where the `css-…`/`r-…` classes are not. */
export const xSelectors = {
  /** One post (2019-2026). */
  tweet: ['article[data-testid="tweet"]', 'article[role="article"]'],
  /** The post's time stamp sits inside its permalink (2019-2026); a quoted post has its own, later. */
  timestamp: ['a[href*="/status/"] > time', 'a[href*="/status/"] time'],
  /** The author's display name and @handle (2020-2026). */
  userName: ['[data-testid="User-Name"]'],
  /** The post text (2019-2026); a quoted post's text sits in the same article and is read with it. */
  text: ['[data-testid="tweetText"]'],
  /** Link preview card (2021-2026): one t.co link whose aria-label starts with the shown domain. */
  card: ['[data-testid="card.wrapper"]'],
} satisfies Record<string, Fallbacks>;

import type { Fallbacks } from '../select.ts';

/** Bitcointalk (SMF 1.1 theme, unchanged since 2011) selectors. */
export const bitcointalkSelectors = {
  /** The cell holding one post: poster column + header and body (2011-2026). */
  postCell: ['td.windowbg > table, td.windowbg2 > table', 'td.windowbg, td.windowbg2'],
  /** The post body; quotes inside it are part of what the poster chose to show. */
  body: ['div.post'],
  /** The subject links to `…?topic=<id>.msg<id>#msg<id>`: the post's stable id (2011-2026). */
  subjectLink: ['div.subject a[href*="#msg"]', '.td_headerandpost a[href*=".msg"]'],
  /** The subject line above the body (2011-2026). */
  subject: ['div.subject'],
  /** Poster name, linking to the profile (2011-2026). */
  poster: ['td.poster_info > b > a', 'td.poster_info b'],
} satisfies Record<string, Fallbacks>;

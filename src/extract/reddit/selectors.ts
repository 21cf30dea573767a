import type { Fallbacks } from '../select.ts';

/** Reddit selectors: new Reddit web components and old Reddit `.thing` rows. */
export const redditSelectors = {
  /** New Reddit post (2023-2026): attributes carry title, author and the link target (`content-href`). */
  post: ['shreddit-post[id^="t3_"]', 'shreddit-post'],
  /** The post body (self text) rendered into the `text-body` slot (2023-2026). */
  postBody: ['[slot="text-body"]', '[id$="-post-rtjson-content"]'],
  /** New Reddit comment (2023-2026): `thingid` and `author` attributes; its text in its own `comment` slot. */
  comment: ['shreddit-comment[thingid^="t1_"]'],
  /** Old Reddit link and comment rows (2008-2026): `data-fullname` is the entity id. */
  thing: ['.thing[data-fullname]:not(.promoted)'],
  /** A thing's own entry; replies nest inside `.child`, so never read the whole thing. */
  thingEntry: [':scope > .entry'],
  thingTitle: [':scope > .entry a.title'],
  /** Self text or comment body (2008-2026). */
  thingBody: [':scope > .entry .usertext-body .md'],
} satisfies Record<string, Fallbacks>;

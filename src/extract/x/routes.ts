/** X (formerly Twitter): timelines, searches and single posts on x.com or twitter.com. */
export function isX(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'].includes(url.hostname)
  );
}

/** `/<handle>/status/<id>` (optionally followed by `/photo/1`, `/analytics`…). */
export function xStatusIdOf(href: string): string | null {
  return /\/[A-Za-z0-9_]{1,15}\/status\/(\d{5,25})(?:[/?#]|$)/.exec(href)?.[1] ?? null;
}

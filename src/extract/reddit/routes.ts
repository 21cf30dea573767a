/** New Reddit (`www.reddit.com`, shreddit web components, 2023-2026). */
export function isNewReddit(url: URL): boolean {
  return url.protocol === 'https:' && (url.hostname === 'www.reddit.com' || url.hostname === 'reddit.com');
}

/** Old Reddit (`old.reddit.com`): server-rendered `.thing` rows. */
export function isOldReddit(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'old.reddit.com';
}

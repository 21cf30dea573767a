/** Telegram Web: K at `/k/`, A at `/a/`; the open chat is in the hash (`#@user`, `#-100…`, `#<id>`). */
export function isTelegramWeb(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'web.telegram.org' && /^\/[ka]\/?$/.test(url.pathname);
}

/** The open chat from the hash route: `#@handle`, `#-1001234567890`, `#777000`; A adds `_<thread>`. */
export function telegramChatOf(url: URL): string | null {
  const match = /^#(@[A-Za-z0-9_]{4,32}|-?\d{1,20})(?:_\d+)?$/.exec(url.hash);
  return match ? match[1]! : null;
}

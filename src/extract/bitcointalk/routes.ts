/** Bitcointalk topic pages: `/index.php?topic=<id>.<offset>` (SMF 1.1). */
export function isBitcointalkTopic(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.hostname === 'bitcointalk.org' &&
    (url.pathname === '/index.php' || url.pathname === '/') &&
    /^\d{1,10}(\.(\d{1,8}|msg\d{1,12}))?$/.test(url.searchParams.get('topic') ?? '')
  );
}

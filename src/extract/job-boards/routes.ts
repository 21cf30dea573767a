/** Crypto job boards; each returns the posting's stable id from the URL, or null for other pages. */

/** `https://cryptojobslist.com/jobs/<slug>` */
export function cryptoJobsListJobId(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'cryptojobslist.com') return null;
  return /^\/jobs\/([a-z0-9-]{3,200})\/?$/i.exec(url.pathname)?.[1] ?? null;
}

/** `https://web3.career/<slug>/<numeric id>` */
export function web3CareerJobId(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'web3.career') return null;
  return /^\/[a-z0-9-]{3,200}\/(\d{2,12})\/?$/i.exec(url.pathname)?.[1] ?? null;
}

/** `https://wellfound.com/jobs/<numeric id>-<slug>` */
export function wellfoundJobId(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'wellfound.com') return null;
  return /^\/jobs\/(\d{2,12})(?:-[a-z0-9-]{1,200})?\/?$/i.exec(url.pathname)?.[1] ?? null;
}

export function isJobBoardHost(url: URL): boolean {
  return ['cryptojobslist.com', 'web3.career', 'wellfound.com'].includes(url.hostname);
}

export function jobBoardJobId(url: URL): string | null {
  return cryptoJobsListJobId(url) ?? web3CareerJobId(url) ?? wellfoundJobId(url);
}

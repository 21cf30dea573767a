/**
 * Hosts where anyone can publish: an indicator on them must name a URL path, never the whole
 * domain (a whole-domain match would flag every GitHub repository or LinkedIn profile).
 */
export const SHARED_HOSTS: readonly string[] = [
  'github.com',
  'gist.github.com',
  'raw.githubusercontent.com',
  'githubusercontent.com',
  'github.io',
  'gitlab.com',
  'gitlab.io',
  'bitbucket.org',
  'bitbucket.io',
  'vercel.app',
  'vercel.com',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'linkedin.com',
  'www.linkedin.com',
  'lnkd.in',
  'npmjs.com',
  'www.npmjs.com',
  'google.com',
  'docs.google.com',
  'drive.google.com',
  'sites.google.com',
  'forms.gle',
  'dropbox.com',
  'notion.site',
  'notion.so',
  'calendly.com',
  'medium.com',
  'substack.com',
  'discord.com',
  'discord.gg',
  'cdn.discordapp.com',
  't.me',
  'telegram.org',
  'x.com',
  'twitter.com',
  'reddit.com',
  'youtube.com',
  'onedrive.live.com',
  '1drv.ms',
  'sharepoint.com',
  'herokuapp.com',
  'glitch.me',
  'replit.app',
  'npoint.io',
  'api.npoint.io',
  'pastebin.com',
  'wetransfer.com',
  'mega.nz',
  'firebaseapp.com',
  'web.app',
  'azurewebsites.net',
  'amazonaws.com',
  's3.amazonaws.com',
  'cloudfront.net',
  'blogspot.com',
  'wordpress.com',
  'wixsite.com',
];

const SHARED = new Set(SHARED_HOSTS);

/**
 * Suffixes whose subdomains are separate customers' sites (private Public Suffix List entries):
 * "metamask-horse-z3lk.vercel.app" is one attacker's app and may be listed whole, while a
 * subdomain of github.com or linkedin.com belongs to the platform itself.
 */
const CUSTOMER_SUFFIXES = new Set([
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'github.io',
  'gitlab.io',
  'bitbucket.io',
  'herokuapp.com',
  'glitch.me',
  'replit.app',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'cloudfront.net',
  'blogspot.com',
  'wordpress.com',
  'wixsite.com',
  'notion.site',
]);

/** The host is a shared host, or a platform-owned subdomain of one (gist.github.com, evil.linkedin.com). */
export function isSharedHost(host: string): boolean {
  const h = host.toLowerCase();
  if (SHARED.has(h)) return true;
  for (let dot = h.indexOf('.'); dot !== -1; dot = h.indexOf('.', dot + 1)) {
    const parent = h.slice(dot + 1);
    if (CUSTOMER_SUFFIXES.has(parent)) return false;
    if (SHARED.has(parent)) return true;
  }
  return false;
}

import { registrableDomain } from '../domain/registrable-domain.ts';
import { printable } from '../text/printable.ts';
import type { Reason } from '../types.ts';
import { isDocumentName, realExtension } from './file-name.ts';

/**
 * Where anyone can upload anything: a "job description" hosted here says nothing about who
 * made it. Keyed by registrable domain (private PSL sections on, so app hosts are covered
 * by their suffix below).
 */
const SHARING_DOMAINS: Record<string, string> = {
  'drive.google.com': 'Google Drive',
  'docs.google.com': 'Google Docs',
  'dropbox.com': 'Dropbox',
  'dropboxusercontent.com': 'Dropbox',
  'mega.nz': 'MEGA',
  'mega.io': 'MEGA',
  'wetransfer.com': 'WeTransfer',
  'we.tl': 'WeTransfer',
  '1drv.ms': 'OneDrive',
  'onedrive.live.com': 'OneDrive',
  'notion.site': 'Notion',
  'npoint.io': 'npoint.io',
  'pastebin.com': 'Pastebin',
  'paste.ee': 'paste.ee',
  'hastebin.com': 'Hastebin',
  'mediafire.com': 'MediaFire',
  'sendspace.com': 'SendSpace',
  'file.io': 'file.io',
  'gofile.io': 'Gofile',
  'transfer.sh': 'transfer.sh',
  'anonfiles.com': 'AnonFiles',
  'box.com': 'Box',
  'jumpshare.com': 'Jumpshare',
  'gitbook.io': 'GitBook',
};
/** App-hosting suffixes where every customer gets its own registrable domain. */
const APP_HOST_SUFFIXES: Record<string, string> = {
  'vercel.app': 'Vercel',
  'notion.site': 'Notion',
  'netlify.app': 'Netlify',
  'pages.dev': 'Cloudflare Pages',
  'workers.dev': 'Cloudflare Workers',
  'glitch.me': 'Glitch',
  'github.io': 'GitHub Pages',
  'gitlab.io': 'GitLab Pages',
  'web.app': 'Firebase Hosting',
  'firebaseapp.com': 'Firebase Hosting',
  'herokuapp.com': 'Heroku',
  'onrender.com': 'Render',
  'replit.app': 'Replit',
  'repl.co': 'Replit',
  'surge.sh': 'Surge',
  'azurewebsites.net': 'Azure App Service',
  'blob.core.windows.net': 'Azure Blob Storage',
  's3.amazonaws.com': 'Amazon S3',
};

// Maps, not object lookups: a host named "constructor" must not find Object.prototype.
const SHARING = new Map(Object.entries(SHARING_DOMAINS));
const APP_HOSTS = new Map(Object.entries(APP_HOST_SUFFIXES));
/** Longer parent domains cannot be keys: skipping them keeps the walk linear on "a.a.a.…" hosts. */
const LONGEST_APP_HOST = Math.max(...Object.keys(APP_HOST_SUFFIXES).map((k) => k.length));

function sharingService(host: string): string | undefined {
  const h = host.toLowerCase();
  const direct = SHARING.get(h) ?? SHARING.get(registrableDomain(h));
  if (direct) return direct;
  // A suffix walk over the host's parent domains, not a scan of the suffix list.
  for (let at = h.indexOf('.'); at !== -1; at = h.indexOf('.', at + 1)) {
    if (h.length - at - 1 > LONGEST_APP_HOST) continue;
    const name = APP_HOSTS.get(h.slice(at + 1));
    if (name) return name;
  }
  return undefined;
}

/** Is this link a document (by file name, by URL path, or by Google Docs/Drive's document paths)? */
function looksLikeDocument(url: URL, fileName: string | undefined, host: string): boolean {
  if (fileName !== undefined && isDocumentName(fileName)) return true;
  const path = url.pathname.toLowerCase();
  if (isDocumentName(path)) return true;
  return (
    /^\/(file\/d|document\/d|presentation\/d|spreadsheets\/d)\//.test(path) ||
    (host === 'docs.google.com' && path.length > 1)
  );
}

/** What nearly every link gets; frozen, as every caller shares it. */
const NO_REASONS = Object.freeze([]) as unknown as Reason[];

/** `host` is the URL's hostname when the caller has read it already (the getter builds a new string). */
export function documentHostReasons(url: URL, fileName?: string, host = url.hostname): Reason[] {
  // Both checks are pure; the path check is the cheaper one and rules out most links.
  if (!looksLikeDocument(url, fileName, host)) return NO_REASONS;
  const service = sharingService(host);
  if (!service) return NO_REASONS;
  const what = fileName ? `“${printable(fileName, 120)}”` : 'This document';
  return [
    {
      id: 'file-on-sharing-host',
      level: 'suspicious',
      escalatesWithJobContext: true,
      host,
      message: `${what} is hosted on ${service} (${host}), where anyone can upload files; real employers share job descriptions on their own careers site.`,
    },
  ];
}

/** Video-call and "fix your camera" names, and the hosts their real vendors ship from. */
const VIDEO_APPS: Array<{ pattern: RegExp; name: string; vendors: string[] }> = [
  { pattern: /zoom/i, name: 'Zoom', vendors: ['zoom.us', 'zoom.com'] },
  {
    pattern: /teams|msteams/i,
    name: 'Microsoft Teams',
    vendors: ['microsoft.com', 'live.com', 'office.com', 'office.net'],
  },
  { pattern: /google.?meet|\bmeet\b/i, name: 'Google Meet', vendors: ['google.com', 'gstatic.com'] },
  { pattern: /skype/i, name: 'Skype', vendors: ['skype.com', 'microsoft.com'] },
  { pattern: /webex/i, name: 'Webex', vendors: ['webex.com', 'cisco.com'] },
  { pattern: /mirotalk/i, name: 'MiroTalk', vendors: ['mirotalk.com'] },
  { pattern: /fcc.?call/i, name: 'FCCCall', vendors: [] },
  { pattern: /gather/i, name: 'Gather', vendors: ['gather.town'] },
  {
    pattern:
      /camera.?(driver|fix|update)|(audio|video|webcam|mic(rophone)?).?(driver|fix)|driver.?(update|fix)/i,
    name: 'a camera or audio "driver fix"',
    vendors: [],
  },
];
const INSTALLER_EXTENSIONS = new Set([
  'exe',
  'msi',
  'msix',
  'pkg',
  'dmg',
  'app',
  'zip',
  'sh',
  'command',
  'bat',
  'cmd',
  'ps1',
  'deb',
  'rpm',
  'appimage',
  'scr',
  'lnk',
]);

export function videoCallInstallerReasons(url: URL | undefined, fileName: string): Reason[] {
  if (typeof fileName !== 'string' || !INSTALLER_EXTENSIONS.has(realExtension(fileName))) return [];
  const app = VIDEO_APPS.find((a) => a.pattern.test(fileName));
  if (!app) return [];
  const domain = url ? registrableDomain(url.hostname) : undefined;
  if (domain && app.vendors.includes(domain)) return [];
  const from = url ? ` from ${url.hostname}` : '';
  return [
    {
      id: 'file-fake-video-call-installer',
      level: 'dangerous',
      file: fileName,
      ...(url ? { host: url.hostname } : {}),
      message: `“${printable(fileName, 120)}”${from} claims to be ${app.name}${app.vendors.length ? `, which is only distributed from ${app.vendors[0]}` : ''}; fake recruiters use such installers to plant malware.`,
    },
  ];
}

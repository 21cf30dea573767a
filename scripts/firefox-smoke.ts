/**
 * `npm run smoke:firefox`: the Firefox build in real Firefox, on the e2e fixtures. A manual
 * check, not part of `npm test`: it needs Debian's Firefox ESR and NSS tools
 * (`apt-get install firefox-esr libnss3-tools`), which CI does not install.
 *
 * web-ext runs `dist-firefox/` as a temporary add-on in headless Firefox with a fresh profile
 * that trusts the test CA (tests/fixtures/tls). Firefox reaches every site through a local
 * CONNECT proxy, so the pages load under their real hostnames from a loopback HTTPS server.
 * Each fixture page carries one extra script that reports what it sees (warning hosts and
 * their labels, marked elements, open shadow roots included) to that server; the counts are
 * compared with the ones the Chromium e2e tests expect. Each label is printed, cut to 140
 * characters (SMOKE_LABEL_CHARS=1000 prints them whole, to proofread the warnings' wording).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLoopbackHttps } from '../tests/e2e/loopback-https.ts';
import { fixtureHtml } from '../tests/fixtures/load-fixture.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TLS = join(ROOT, 'tests/fixtures/tls');
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const DIST = resolve(process.env.LUREGUARD_FIREFOX_DIST ?? join(ROOT, 'dist-firefox'));
const WAIT_MS = 30_000;

/** Each page, its fixture, and how many warnings the Chromium e2e tests expect on it. */
const PAGES = [
  { url: 'https://www.linkedin.com/feed/', fixture: 'linkedin/feed.html', warnings: 2 },
  {
    url: 'https://discord.com/channels/1200000000000000100/1300000000000000200',
    fixture: 'discord/channel-jobs.html',
    warnings: 2,
  },
  { url: 'https://web.telegram.org/k/#-1001987654321', fixture: 'telegram/k-group-chat.html', warnings: 2 },
  { url: 'https://web.telegram.org/a/#6200000001', fixture: 'telegram/a-private-chat.html', warnings: 1 },
  { url: 'https://www.reddit.com/r/CryptoJobs/', fixture: 'reddit/new-subreddit.html', warnings: 1 },
  { url: 'https://old.reddit.com/r/CryptoJobs/', fixture: 'reddit/old-subreddit.html', warnings: 2 },
  { url: 'https://x.com/home', fixture: 'x/home-timeline.html', warnings: 1 },
  {
    url: 'https://bitcointalk.org/index.php?topic=5520000.0',
    fixture: 'bitcointalk/topic.html',
    warnings: 1,
  },
  {
    url: 'https://cryptojobslist.com/jobs/senior-security-engineer-coinbase-remote',
    fixture: 'job-boards/cryptojobslist-fake.html',
    warnings: 1,
  },
];

/** Reports the page's warnings and marks to the server, whenever they change. */
const REPORTER = `<script>(() => {
  const roots = () => [document, ...[...document.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  let last = '';
  setInterval(() => {
    const seen = JSON.stringify({
      page: location.href,
      warnings: roots().flatMap((r) => [...r.querySelectorAll('[data-lureguard-warning]')].map((h) => h.getAttribute('aria-label'))),
      marked: roots().flatMap((r) => [...r.querySelectorAll('[data-lureguard]')].map((e) => e.tagName.toLowerCase() + ':' + e.getAttribute('data-lureguard'))),
      browser: navigator.userAgent.split(' ').pop(),
    });
    if (seen !== last) fetch('/__lureguard-smoke?' + encodeURIComponent((last = seen)));
  }, 300);
})();</script>`;

interface Seen {
  page: string;
  warnings: string[];
  marked: string[];
  browser: string;
}

const bodies = new Map(
  PAGES.map((p) => {
    const url = new URL(p.url);
    return [
      `${url.host}${url.pathname}${url.search}`,
      fixtureHtml(p.fixture).replace('</body>', `${REPORTER}</body>`),
    ];
  }),
);
const seen = new Map<string, Seen>();

const REPORT = '/__lureguard-smoke?';
const site = await startLoopbackHttps(
  (path, host) => {
    if (path.startsWith(REPORT)) {
      const report = JSON.parse(decodeURIComponent(path.slice(REPORT.length))) as Seen;
      seen.set(new URL(report.page).href, report);
      return { status: 204, type: 'text/plain', body: '' };
    }
    const body = bodies.get(`${host}${path}`);
    return { status: body ? 200 : 404, type: 'text/html; charset=utf-8', body: body ?? '' };
  },
  { leaf: true },
);

// Every host Firefox asks for, through CONNECT, ends at the loopback site server.
const proxy = createHttpServer();
proxy.on('connect', (_req, client, head) => {
  const upstream = connect(site.port, '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => client.destroy());
  client.on('error', () => upstream.destroy());
});
await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
const proxyPort = (proxy.address() as AddressInfo).port;

const profile = mkdtempSync(join(tmpdir(), 'lureguard-firefox-'));
execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${profile}`]);
execFileSync('certutil', [
  '-A',
  '-n',
  'lureguard-test-ca',
  '-t',
  'C,,',
  '-i',
  join(TLS, 'test-only-loopback.crt'),
  '-d',
  `sql:${profile}`,
]);
const prefs: Record<string, string | number | boolean> = {
  'network.proxy.type': 1,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
};
writeFileSync(
  join(profile, 'user.js'),
  Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n'),
);

const webExt = spawn(
  join(ROOT, 'node_modules/.bin/web-ext'),
  [
    'run',
    ...['--source-dir', DIST, '--firefox', FIREFOX, '--firefox-profile', profile],
    ...PAGES.flatMap((p) => ['--start-url', p.url]),
    ...['--no-reload', '--no-input', '--arg=-headless'],
  ],
  { stdio: ['ignore', 'ignore', 'pipe'] },
);
let stderr = '';
webExt.stderr.on('data', (chunk) => (stderr += chunk));

const passed = (p: (typeof PAGES)[number]) => seen.get(new URL(p.url).href)?.warnings.length === p.warnings;
const deadline = Date.now() + WAIT_MS;
while (Date.now() < deadline && !PAGES.every(passed)) await new Promise((r) => setTimeout(r, 500));
// A little longer: a page must not gain warnings it should not have.
await new Promise((r) => setTimeout(r, 2_000));

let failures = 0;
for (const p of PAGES) {
  const report = seen.get(new URL(p.url).href);
  const ok = passed(p);
  if (!ok) failures++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${p.url}: ${report?.warnings.length ?? 'no report'} of ${p.warnings} warnings`,
  );
  for (const label of report?.warnings ?? [])
    console.log(`       ${label.slice(0, Number(process.env.SMOKE_LABEL_CHARS ?? 140))}`);
}
console.log(
  `\n${[...seen.values()][0]?.browser ?? FIREFOX}: ${PAGES.length - failures} of ${PAGES.length} pages as in Chromium`,
);
if (failures > 0 && stderr) console.log(stderr.slice(-2_000));

webExt.kill('SIGINT');
await new Promise((r) => setTimeout(r, 1_500));
webExt.kill('SIGKILL');
void site.close();
proxy.close();
rmSync(profile, { recursive: true, force: true });
process.exit(failures > 0 ? 1 : 0);

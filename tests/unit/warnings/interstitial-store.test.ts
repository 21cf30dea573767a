import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the extension APIs the store uses: session storage and tab navigation. */
const session = new Map<string, unknown>();
const opened: Array<{ tabId?: number; url: string }> = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
        },
      },
    },
    runtime: { getURL: (path: string) => `chrome-extension://test/${path}` },
    tabs: {
      update: async (tabId: number, { url }: { url: string }) => void opened.push({ tabId, url }),
      create: async ({ url }: { url: string }) => void opened.push({ url }),
    },
  },
}));

const { continueInterstitial, getInterstitial, onInterstitialContinue, openInterstitial } = await import(
  '../../../src/background/interstitial-store.ts'
);

const entry = {
  kind: 'download' as const,
  verdict: {
    verdict: 'dangerous' as const,
    reasons: [{ id: 'file-double-extension', level: 'dangerous' as const, message: 'x' }],
  },
  targetUrl: 'https://cdn.example/JD.pdf.exe',
  fileName: 'JD.pdf.exe',
  downloadId: 7,
};

describe('interstitial store', () => {
  const continued: unknown[] = [];
  beforeEach(() => {
    session.clear();
    opened.length = 0;
    continued.length = 0;
    onInterstitialContinue(
      'download',
      async (e, context) => void continued.push([e.downloadId, context.tabId]),
    );
  });

  it('stores the entry in session storage and opens the page in the given tab', async () => {
    const id = await openInterstitial(entry, 5);
    expect(opened).toEqual([
      { tabId: 5, url: `chrome-extension://test/src/ui/interstitial/interstitial.html?id=${id}` },
    ]);
    expect(await getInterstitial(id)).toEqual(entry);
  });

  it('continues once only, through the continuation registered for the kind', async () => {
    const id = await openInterstitial(entry);
    expect(await continueInterstitial(id, { preventBypass: false, tabId: 9 })).toEqual({ ok: true });
    expect(continued).toEqual([[7, 9]]);
    const again = await continueInterstitial(id, { preventBypass: false });
    expect(again.ok).toBe(false);
    expect(continued).toHaveLength(1);
  });

  it('refuses to continue when policy prevents bypass, and keeps the entry', async () => {
    const id = await openInterstitial(entry, 3);
    const refused = await continueInterstitial(id, { preventBypass: true });
    expect(refused).toEqual({ ok: false, problem: expect.stringContaining('organisation') });
    expect(continued).toEqual([]);
    expect(await getInterstitial(id)).toEqual(entry);
  });

  it('rejects an entry that does not fit the schema (a bug, so it throws)', async () => {
    await expect(openInterstitial({ ...entry, kind: 'other' } as never)).rejects.toThrow();
  });
});

/**
 * Same-document navigation in single-page apps (LinkedIn, Discord, X, Reddit, Telegram's hash
 * routes). The page's `history.pushState` runs in the page's world, out of our sight, so we
 * listen to every signal we do get (hashchange, popstate, the Navigation API's entry change)
 * and also compare the URL whenever the DOM changes.
 */
export class NavigationWatch {
  private lastUrl = location.href;

  constructor(private readonly onNavigate: (url: string) => void) {
    const check = () => this.check();
    addEventListener('hashchange', check);
    addEventListener('popstate', check);
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('currententrychange', check);
  }

  /** Call on every mutation batch: cheap (one string compare). */
  check(): boolean {
    const url = location.href;
    if (url === this.lastUrl) return false;
    this.lastUrl = url;
    this.onNavigate(url);
    return true;
  }
}

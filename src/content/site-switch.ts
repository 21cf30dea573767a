import { siteOf } from '../extract/site-adapters.ts';
import type { UserSettings } from '../ui/i18n/user-settings.ts';

/** Whether the user left Lureguard on for the site this URL belongs to (options page, "Sites"). */
export function siteEnabled(url: string, settings: UserSettings): boolean {
  const site = siteOf(new URL(url));
  return site !== undefined && !settings.disabledSites.includes(site);
}

import * as z from 'zod/mini';
import { extensionApi } from './extension-api.ts';

/**
 * The user's own settings (options page), in storage.local: sites switched off and the UI
 * language. Content scripts read them directly; a bad stored value falls back to defaults.
 */
export const UserSettings = z.object({
  disabledSites: z.array(z.string().check(z.maxLength(32))).check(z.maxLength(32)),
  language: z.enum(['auto', 'en', 'ja']),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: UserSettings = { disabledSites: [], language: 'auto' };

export function parseSettings(raw: unknown): UserSettings {
  const parsed = UserSettings.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function readSettings(): Promise<UserSettings> {
  try {
    return parseSettings((await extensionApi.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function writeSettings(settings: UserSettings): Promise<void> {
  await extensionApi.storage.local.set({ [SETTINGS_KEY]: UserSettings.parse(settings) });
}

import { type MessageKey, t } from './translate.ts';

/** What the extension pages call a verdict, in the chosen language. */
const VERDICT_KEY: Record<'clean' | 'suspicious' | 'dangerous', MessageKey> = {
  clean: 'levelClean',
  suspicious: 'levelSuspicious',
  dangerous: 'levelDangerous',
};

export function verdictLabel(verdict: keyof typeof VERDICT_KEY): string {
  return t(VERDICT_KEY[verdict]);
}

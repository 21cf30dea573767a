import { afterEach, describe, expect, it } from 'vitest';
import '../../src/content/content-strings.ts';
import { ariaLabel } from '../../src/content/warning-banner.ts';
import type { Verdict } from '../../src/core/types.ts';
import { setLanguage } from '../../src/ui/i18n/translate.ts';

const verdict: Verdict = {
  verdict: 'dangerous',
  reasons: [
    {
      id: 'lookalike-combosquat',
      level: 'dangerous',
      message: 'coinbase-talent.com is not a Coinbase domain. Costs $1 or $2?',
    },
  ],
};

describe("a warning's aria-label (the QA hook's headline reason)", () => {
  afterEach(() => setLanguage('en'));

  it('is "Title. Reason" in English, the reason word for word', () => {
    setLanguage('en');
    expect(ariaLabel('dangerous', verdict)).toBe(
      'Lureguard: this looks like a fake recruiter. coinbase-talent.com is not a Coinbase domain. Costs $1 or $2?',
    );
  });

  it('joins title and reason with 。 in Japanese, not a Latin full stop', () => {
    setLanguage('ja');
    const label = ariaLabel('suspicious', { ...verdict, verdict: 'suspicious' });
    expect(label).toBe(
      'Lureguard: この求人には注意してください。coinbase-talent.com is not a Coinbase domain. Costs $1 or $2?',
    );
  });
});

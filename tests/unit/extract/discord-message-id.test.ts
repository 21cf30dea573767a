import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trailingSnowflake } from '../../../src/extract/discord/message-id.ts';
import { check } from '../fuzz/fuzz-config.ts';

/** What the adapter used before: the regex whose result `trailingSnowflake` must keep. */
const byRegex = (value: string) => /(\d{5,25})$/.exec(value)?.[1];

describe('trailingSnowflake', () => {
  it('takes the message id at the end of a row id', () => {
    expect(trailingSnowflake('chat-messages-1300000000000000200-1310000000000000011')).toBe(
      '1310000000000000011',
    );
    expect(trailingSnowflake('chat-messages___chat-messages-1-12345')).toBe('12345');
  });

  it('takes none for a run under 5 digits, and the last 25 of a longer run', () => {
    expect(trailingSnowflake('chat-messages-1234')).toBeUndefined();
    expect(trailingSnowflake('')).toBeUndefined();
    expect(trailingSnowflake('123456x')).toBeUndefined();
    const long = '999991234567890123456789012345';
    expect(trailingSnowflake(`id-${long}`)).toBe('1234567890123456789012345');
    // Non-ASCII digits are not digits to `\d`.
    expect(trailingSnowflake('id-12345\u0661')).toBeUndefined();
  });

  it('agrees with the regex on any mix of digits and separators', () => {
    const value = fc
      .array(
        fc.oneof(
          fc.string({ unit: fc.constantFrom('0', '5', '9'), maxLength: 30 }),
          fc.string({ maxLength: 3 }),
        ),
        {
          maxLength: 6,
        },
      )
      .map((parts) => parts.join(''));
    check(
      fc.property(value, (v) => trailingSnowflake(v) === byRegex(v)),
      2_000,
    );
  });
});

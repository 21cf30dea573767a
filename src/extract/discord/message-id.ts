/** A message row's id: `chat-messages-<channelId>-<messageId>`, or the same in `data-list-item-id`. */
export function messageIdOf(row: Element): string | undefined {
  return trailingSnowflake(row.id || (row.getAttribute('data-list-item-id') ?? ''));
}

/**
 * The last 5-25 digits that end `value` (what `/(\d{5,25})$/` finds: a longer run gives its last
 * 25), none when the run is shorter than 5. By hand, because that regex tries every digit of the
 * channel id before it, and it runs for thousands of rows and their earlier siblings.
 */
export function trailingSnowflake(value: string): string | undefined {
  const floor = Math.max(0, value.length - 25);
  let start = value.length;
  while (start > floor) {
    const code = value.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start--;
  }
  return value.length - start >= 5 ? value.slice(start) : undefined;
}

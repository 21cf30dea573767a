/** A message row's id: `chat-messages-<channelId>-<messageId>`, or the same in `data-list-item-id`. */
export function messageIdOf(row: Element): string | undefined {
  return trailingSnowflake(row.id || (row.getAttribute('data-list-item-id') ?? ''));
}

/**
 * The last 5-25 digits that end `value` (what `/(\d{5,25})$/` finds: a longer run gives its last
 * 25), none when the run is shorter than 5. Only the last 25 characters can hold them: that
 * regex on the whole id tried every digit of the channel id before it, for thousands of rows
 * and their earlier siblings.
 */
export function trailingSnowflake(value: string): string | undefined {
  return /\d{5,}$/.exec(value.slice(-25))?.[0];
}

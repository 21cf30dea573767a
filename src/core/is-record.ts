/** A JSON object (not null, not an array): for hand-written checks of parsed data (worker replies, JSON-LD). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

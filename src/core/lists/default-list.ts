import defaultList from '../generated/default-indicator-list.json' with { type: 'json' };
import { firstIssuePath, IndicatorPayload } from './indicator-payload.ts';

let cached: IndicatorPayload | null = null;

/**
 * The bundled list of public indicators (scripts/build-default-list.ts), validated by the same
 * schema as any signed list. It ships inside the extension, so its integrity is the package's.
 */
export function loadDefaultList(): IndicatorPayload {
  if (!cached) {
    const parsed = IndicatorPayload.safeParse(defaultList);
    if (!parsed.success) throw new Error(`bundled default list is invalid: ${firstIssuePath(parsed.error)}`);
    cached = parsed.data;
  }
  return cached;
}

import catalogJson from '../../../data/brands.json' with { type: 'json' };
import { type Brand, BrandCatalog } from './brand.ts';

let cached: Brand[] | null = null;

/** The bundled brand catalog (data/brands.json), validated once. Broken bundled data is a bug: it throws. */
export function loadBundledCatalog(): Brand[] {
  if (!cached) {
    const parsed = BrandCatalog.safeParse(catalogJson);
    if (!parsed.success) {
      throw new Error(
        `data/brands.json is invalid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      );
    }
    cached = parsed.data.brands;
  }
  return cached;
}

import type { IndicatorBuilder, Meta } from './indicator-builder.ts';

/** The STIX 2.1 pattern subset: `[object:path = 'value']`, joined by OR. */
const COMPARISON = /\[\s*([a-z0-9-]+):([A-Za-z0-9_.'-]+)\s*=\s*'((?:[^'\\]|\\.){0,4000})'\s*\]/g;
const OR_ONLY = /^\s*(\[[^\]]*\]\s*(OR\s*)?)+$/;

export function importStix(json: unknown, builder: IndicatorBuilder, source: string): void {
  const bundle = json as { type?: string; objects?: unknown[] };
  if (bundle?.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    builder.skip('not a STIX 2.1 bundle (no "type": "bundle" with "objects")');
    return;
  }
  for (const object of bundle.objects as Array<Record<string, unknown>>) {
    if (object?.type !== 'indicator') {
      builder.skip(`STIX object of type ${String(object?.type)} is not an indicator`);
      continue;
    }
    if (object.pattern_type !== undefined && object.pattern_type !== 'stix') {
      builder.skip(`pattern_type ${String(object.pattern_type)} is not supported`);
      continue;
    }
    const pattern = String(object.pattern ?? '');
    // Inner ORs are written "[a = 'x' OR b = 'y']"; split them into bracketed comparisons.
    const flattened = pattern.replace(/'\s+OR\s+(?=[a-z0-9-]+:)/g, "'] OR [");
    if (
      !OR_ONLY.test(flattened) ||
      /\b(AND|FOLLOWEDBY|LIKE|MATCHES|IN|WITHIN|REPEATS)\b|!=|<|>/.test(flattened.replace(/'[^']*'/g, "''"))
    ) {
      builder.skip("STIX pattern outside the [x:y = '…'] OR subset");
      continue;
    }
    const meta: Meta = {
      severity: 'dangerous',
      note: String(object.name ?? object.description ?? '').slice(0, 500),
      source: `${source} ${String(object.id ?? '')}`.trim(),
    };
    for (const match of flattened.matchAll(COMPARISON)) {
      const [, objectType, path, rawValue] = match;
      const value = rawValue!.replace(/\\(.)/g, '$1');
      const where = `${objectType}:${path}`;
      if (where === 'domain-name:value') builder.domain(value, meta);
      else if (where === 'url:value') builder.url(value, meta);
      else if (/^file:hashes\.('SHA-256'|SHA256|'SHA256')$/i.test(where))
        builder.other('sha256', value, meta);
      else if (where === 'file:name') builder.other('filename', value, meta);
      else if (where === 'email-addr:value') builder.other('email', value, meta);
      else builder.skip(`STIX path ${where} is not supported`);
    }
  }
}

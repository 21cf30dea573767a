import type { IndicatorBuilder, Meta } from './indicator-builder.ts';

interface MispAttribute {
  type?: string;
  value?: string;
  to_ids?: boolean | string | number;
  comment?: string;
  uuid?: string;
}

/** A MISP event: only attributes marked for detection (`to_ids`), including those inside objects. */
export function importMisp(json: unknown, builder: IndicatorBuilder, source: string): void {
  const event = (json as { Event?: Record<string, unknown> })?.Event ?? (json as Record<string, unknown>);
  const attributes: MispAttribute[] = [];
  if (Array.isArray(event?.Attribute)) attributes.push(...(event.Attribute as MispAttribute[]));
  if (Array.isArray(event?.Object)) {
    for (const object of event.Object as Array<{ Attribute?: MispAttribute[] }>)
      attributes.push(...(object.Attribute ?? []));
  }
  if (attributes.length === 0) {
    builder.skip('no MISP attributes found (expected {"Event": {"Attribute": [...]}})');
    return;
  }
  const eventInfo = String(event?.info ?? '').slice(0, 300);
  for (const attribute of attributes) {
    const toIds = attribute.to_ids === true || attribute.to_ids === '1' || attribute.to_ids === 1;
    if (!toIds) {
      builder.skip('MISP attribute without to_ids');
      continue;
    }
    const value = String(attribute.value ?? '');
    const meta: Meta = {
      severity: 'dangerous',
      note: [eventInfo, attribute.comment].filter(Boolean).join('; ').slice(0, 500),
      source: `${source} MISP ${attribute.uuid ?? ''}`.trim(),
    };
    switch (attribute.type) {
      case 'domain':
      case 'hostname':
        builder.domain(value, meta);
        break;
      case 'url':
      case 'link':
        builder.url(value, meta);
        break;
      case 'sha256':
        builder.other('sha256', value, meta);
        break;
      case 'filename':
        builder.other('filename', value, meta);
        break;
      case 'filename|sha256': {
        const [name, hash] = value.split('|');
        if (name) builder.other('filename', name, meta);
        if (hash) builder.other('sha256', hash, meta);
        break;
      }
      case 'email':
      case 'email-src':
      case 'email-dst':
        builder.other('email', value, meta);
        break;
      default:
        builder.skip(`MISP type ${String(attribute.type)} is not supported`);
    }
  }
}

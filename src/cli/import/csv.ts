import type { IndicatorBuilder, Severity } from './indicator-builder.ts';

/** RFC 4180 rows: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** CSV with a header row naming at least `kind` and `value`; `severity`, `note`, `source` optional. */
export function importCsv(text: string, builder: IndicatorBuilder, source: string): void {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (at('kind') === -1 || at('value') === -1) {
    builder.skip('CSV header must name the columns kind and value');
    return;
  }
  rows.forEach((row, i) => {
    const get = (name: string) => (at(name) === -1 ? '' : (row[at(name)] ?? '').trim());
    const severity = get('severity') || 'dangerous';
    if (severity !== 'dangerous' && severity !== 'suspicious') {
      builder.skip(`row ${i + 2}: severity must be dangerous or suspicious`);
      return;
    }
    const meta = {
      severity: severity as Severity,
      note: get('note'),
      source: get('source') || `${source} row ${i + 2}`,
    };
    const kind = get('kind').toLowerCase();
    const value = get('value');
    if (kind === 'domain') builder.domain(value, meta);
    else if (kind === 'url') builder.url(value, meta);
    else if (kind === 'sha256' || kind === 'filename' || kind === 'email' || kind === 'npm-package')
      builder.other(kind, value, meta);
    else builder.skip(`row ${i + 2}: kind ${kind || '(empty)'} is not supported`);
  });
}

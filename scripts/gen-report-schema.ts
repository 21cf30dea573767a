import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportJsonSchema } from '../src/core/reports/report-json-schema.ts';

/** Writes docs/report-schema.json from the zod schema the worker validates reports with. */
const out = resolve(import.meta.dirname, '../docs/report-schema.json');
writeFileSync(out, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);

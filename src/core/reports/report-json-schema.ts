import * as z from 'zod/mini';
import { REPORT_SCHEMA_VERSION, ReportPayload } from './report-payload.ts';

/** The published JSON Schema (docs/report-schema.json), derived from the zod schema so the two cannot drift. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ReportPayload, { target: 'draft-2020-12' }),
    $id: 'https://github.com/lureguard/lureguard/blob/main/docs/report-schema.json',
    title: `Lureguard report (${REPORT_SCHEMA_VERSION})`,
    description:
      'JSON body of a Lureguard report POST. The same body is sent with the header Idempotency-Key: <id>; receivers should keep the first report per id and drop repeats.',
  };
}

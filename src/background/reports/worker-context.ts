import type { Engine } from '../../core/engine.ts';
import type { ReportPayload } from '../../core/reports/report-payload.ts';
import type { Policy } from '../policy.ts';

/** What the report and download features need from the worker, read fresh at each use. */
export interface WorkerContext {
  engine(): Promise<Engine>;
  policy(): Promise<Policy>;
  /** The indicator lists in force, for the report's `lists` field. */
  lists(): ReportPayload['lists'];
}

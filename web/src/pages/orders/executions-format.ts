/**
 * The format of a broker's executions file, from its name. The import has no format picker:
 * brokers name their CSV files `.csv`, while FIX drop copies come as `.fix`, `.txt`, `.log` or
 * with no extension at all, so anything not named `.csv` is read as FIX.
 */
import type { ExecutionsRequest } from '../../api/types';

/** `csv` or `fix`, as `POST /v1/orders/executions` takes it. */
export type ExecutionsFormat = ExecutionsRequest['format'];

/** `csv` for a file named `….csv` (any case), else `fix`. */
export function executionsFormat(fileName: string): ExecutionsFormat {
  return /\.csv$/i.test(fileName.trim()) ? 'csv' : 'fix';
}

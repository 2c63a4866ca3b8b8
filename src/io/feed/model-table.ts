/** `models.csv`: one row per (model_id, target, weight); a model is all the rows with its id. */
import type { ModelTarget } from '../../domain/index.js';
import { type Cell, decimalCell, idCell, textCell } from './cells.js';
import type { Ref, TableSpec } from './table-spec.js';
import type { RowReader } from './row-reader.js';
import { describeInput } from '../describe-input.js';

/** One target of one model, its weight kept as exact text too (for the sum check). */
export interface ModelRow {
  modelId: string;
  name: string;
  target: ModelTarget;
  weight: string;
}

const TARGET = /^(security|model):(.+)$/;

/** `security:VTI` or `model:us-core`. */
const targetCell: Cell<{ kind: 'security' | 'model'; id: string }> = (text) => {
  const m = TARGET.exec(text);
  const id = m?.[2]?.trim();
  if (m && id) return { ok: true, value: { kind: m[1] as 'security' | 'model', id } };
  return {
    ok: false,
    message: `expected security:ID or model:ID (e.g. security:VTI), found ${describeInput(text)}`,
  };
};

function targetRef(r: RowReader): Ref[] {
  const parsed = targetCell(r.raw('target'));
  return parsed.ok ? [{ kind: parsed.value.kind, id: parsed.value.id, column: 'target' }] : [];
}

export const modelsTable: TableSpec<ModelRow> = {
  file: 'models.csv',
  columns: [
    { name: 'model_id', required: true },
    { name: 'name', required: false },
    { name: 'target', required: true },
    { name: 'weight', required: true },
  ],
  read(r) {
    const modelId = r.required('model_id', idCell);
    const target = r.required('target', targetCell);
    const weight = r.required('weight', decimalCell('fraction'));
    if (!target || weight === undefined) return undefined;
    const w = Number(weight);
    return {
      modelId: modelId!,
      name: r.optional('name', textCell) ?? '',
      target:
        target.kind === 'security'
          ? { security: target.id, weight: w }
          : { model: target.id, weight: w },
      weight,
    };
  },
  key: { columns: ['model_id', 'target'], what: 'model target (model_id, target)' },
  defines: { kind: 'model', column: 'model_id' },
  group: { column: 'model_id', why: 'a model is written as a whole' },
  refs: targetRef,
};

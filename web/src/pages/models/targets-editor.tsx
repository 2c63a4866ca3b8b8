/** The editable targets table with the running weight total and the cash remainder. */
import type { TargetRow } from './target-row';
import { newKey } from './target-row';
import { NumberField } from '../../components/form/number-field';
import { percent } from '../../format/format';

/** Props of {@link TargetsEditor}. */
export interface TargetsEditorProps {
  rows: TargetRow[];
  onChange: (rows: TargetRow[]) => void;
  readOnly: boolean;
}

/** One line per target; add and remove rows. */
export function TargetsEditor({ rows, onChange, readOnly }: TargetsEditorProps) {
  const sum = rows.reduce((s, r) => s + (r.weight ?? 0), 0);
  const set = (key: number, change: Partial<TargetRow>): void =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <div className="targets-editor" data-testid="model-targets">
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>Kind</th>
              <th>Security or model</th>
              <th className="num">Weight</th>
              {!readOnly && <th aria-label="Remove" />}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key} data-testid={`target-row-${i}`}>
                <td>
                  <select
                    aria-label="Kind"
                    disabled={readOnly}
                    value={r.kind}
                    onChange={(e) => set(r.key, { kind: e.target.value as TargetRow['kind'] })}
                  >
                    <option value="security">security</option>
                    <option value="model">model</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label="Id"
                    readOnly={readOnly}
                    value={r.id}
                    data-testid={`target-id-${i}`}
                    onChange={(e) => set(r.key, { id: e.target.value })}
                  />
                </td>
                <td className="num">
                  {readOnly ? (
                    percent(r.weight)
                  ) : (
                    <NumberField
                      label="Weight"
                      unit="percent"
                      value={r.weight}
                      testId={`target-weight-${i}`}
                      onChange={(weight) => set(r.key, { weight })}
                    />
                  )}
                </td>
                {!readOnly && (
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove ${r.id}`}
                      onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className={sum > 1 + 1e-9 ? 'total-bad' : undefined}>
              <td colSpan={2}>Total (cash {percent(Math.max(1 - sum, 0))})</td>
              <td className="num" data-testid="model-weight-total">
                {percent(sum)}
              </td>
              {!readOnly && <td />}
            </tr>
          </tfoot>
        </table>
      </div>
      {!readOnly && (
        <button
          type="button"
          data-testid="target-add"
          onClick={() =>
            onChange([...rows, { key: newKey(), kind: 'security', id: '', weight: undefined }])
          }
        >
          Add target
        </button>
      )}
    </div>
  );
}

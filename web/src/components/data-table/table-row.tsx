/** One body row of a {@link DataTable}. */
import type { Column } from './column';
import { cellClass, formatCell } from './column';

/** Props of {@link TableRow}. */
export interface TableRowProps<T> {
  row: T;
  columns: readonly Column<T>[];
  testId?: string | undefined;
  expandable: boolean;
  expanded: boolean;
  onToggle: () => void;
  selection?: { checked: boolean; disabled: boolean; onChange: (on: boolean) => void } | undefined;
}

/** The cells of a row, each rendered or formatted by its column. */
export function TableRow<T>(props: TableRowProps<T>) {
  const { row, columns, selection } = props;
  return (
    <tr data-testid={props.testId} className={props.expanded ? 'row-open' : undefined}>
      {selection && (
        <td className="cell-check">
          <input
            type="checkbox"
            aria-label="Select row"
            data-testid={props.testId ? `${props.testId}-select` : undefined}
            checked={selection.checked}
            disabled={selection.disabled}
            onChange={(e) => selection.onChange(e.target.checked)}
          />
        </td>
      )}
      {props.expandable && (
        <td className="cell-toggle">
          <button
            type="button"
            className="toggle-button"
            aria-expanded={props.expanded}
            aria-label={props.expanded ? 'Hide details' : 'Show details'}
            data-testid={props.testId ? `${props.testId}-toggle` : undefined}
            onClick={props.onToggle}
          >
            {props.expanded ? '▾' : '▸'}
          </button>
        </td>
      )}
      {columns.map((c) => (
        <td key={c.key} className={cellClass(c)}>
          {c.render ? c.render(row) : formatCell(c.value(row), c.format)}
        </td>
      ))}
    </tr>
  );
}

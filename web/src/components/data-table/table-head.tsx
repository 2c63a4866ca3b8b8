/** The header row of a {@link DataTable}: sort buttons and the select-all box. */
import type { Column } from './column';
import { isNumeric } from './column';
import type { SortState } from './sort-rows';

/** Props of {@link TableHead}. */
export interface TableHeadProps<T> {
  columns: readonly Column<T>[];
  sort: SortState | null;
  onSort: (key: string, numeric: boolean) => void;
  expandable: boolean;
  selection?: { all: boolean; onAll: (on: boolean) => void } | undefined;
}

/** Column headers; a sortable header is a button that shows the sort direction. */
export function TableHead<T>({ columns, sort, onSort, expandable, selection }: TableHeadProps<T>) {
  return (
    <thead>
      <tr>
        {selection && (
          <th className="cell-check">
            <input
              type="checkbox"
              aria-label="Select all rows"
              data-testid="select-all"
              checked={selection.all}
              onChange={(e) => selection.onAll(e.target.checked)}
            />
          </th>
        )}
        {expandable && <th className="cell-toggle" aria-label="Details" />}
        {columns.map((c) => {
          const numeric = isNumeric(c);
          const active = sort?.key === c.key;
          const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <th
              key={c.key}
              className={numeric ? 'num' : undefined}
              aria-sort={c.sortable === false ? undefined : ariaSort}
              title={c.title}
            >
              {c.sortable === false ? (
                c.header
              ) : (
                <button
                  type="button"
                  className={`sort-button${active ? ' active' : ''}`}
                  onClick={() => onSort(c.key, numeric)}
                >
                  {c.header}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

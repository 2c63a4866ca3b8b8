/**
 * The dashboard's table: click a header to sort, type in the filter box to narrow, numbers
 * right-aligned and formatted, with loading and empty states. Wide tables scroll inside their
 * card. Optional row selection (checkboxes) and expandable rows serve the approval queue.
 */
import { Fragment, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Column } from './column';
import { filterRows, nextSort, sortRows, type SortState } from './sort-rows';
import { TableHead } from './table-head';
import { TableRow } from './table-row';
import { tableCount } from './table-count';

/** Rows drawn at first; more on request, so a 10,000-lot account stays responsive. */
const PAGE = 200;

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  rows: readonly T[] | undefined;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** How many rows the server has in all, when `rows` is one page of them. */
  total?: number;
  loading?: boolean;
  empty?: string;
  initialSort?: SortState;
  /** Shown left of the filter box (buttons acting on the table). */
  toolbar?: ReactNode;
  filterable?: boolean;
  testId?: string;
  rowTestId?: (row: T) => string;
  /** Checkbox selection by row key. */
  selected?: ReadonlySet<string>;
  onSelect?: (keys: Set<string>) => void;
  canSelect?: (row: T) => boolean;
  /** Content under a row when it is expanded (click the row's toggle). */
  renderExpanded?: (row: T) => ReactNode;
}

/** A sortable, filterable table. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, columns, rowKey, loading, selected, onSelect, canSelect, renderExpanded } = props;
  const [sort, setSort] = useState<SortState | null>(props.initialSort ?? null);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const shown = useMemo(
    () => sortRows(filterRows(rows ?? [], columns, filter), columns, sort),
    [rows, columns, filter, sort],
  );
  const selectable = shown.filter((r) => !canSelect || canSelect(r)).map(rowKey);
  const width = columns.length + (onSelect ? 1 : 0) + (renderExpanded ? 1 : 0);

  const toggleOpen = (key: string): void => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };

  return (
    <div className="table-card" data-testid={props.testId}>
      <div className="table-tools">
        <div className="table-toolbar">{props.toolbar}</div>
        {props.filterable !== false && (
          <input
            className="table-filter"
            type="search"
            placeholder="Filter…"
            aria-label="Filter rows"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        )}
        <span className="table-count" data-testid={props.testId && `${props.testId}-count`}>
          {rows ? tableCount(shown.length, rows.length, props.total) : ''}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <TableHead
            columns={columns}
            sort={sort}
            onSort={(key, numeric) => setSort(nextSort(sort, key, numeric))}
            expandable={Boolean(renderExpanded)}
            selection={
              onSelect && {
                all: selectable.length > 0 && selectable.every((k) => selected?.has(k)),
                onAll: (on) => onSelect(on ? new Set(selectable) : new Set()),
              }
            }
          />
          <tbody>
            {loading && !rows && (
              <tr>
                <td colSpan={width} className="table-state">
                  Loading…
                </td>
              </tr>
            )}
            {rows && shown.length === 0 && (
              <tr>
                <td colSpan={width} className="table-state">
                  {filter ? 'No rows match the filter.' : (props.empty ?? 'Nothing here yet.')}
                </td>
              </tr>
            )}
            {shown.slice(0, limit).map((row) => {
              const key = rowKey(row);
              const expanded = open.has(key) && renderExpanded;
              return (
                <Fragment key={key}>
                  <TableRow
                    row={row}
                    columns={columns}
                    testId={props.rowTestId?.(row)}
                    expandable={Boolean(renderExpanded)}
                    expanded={Boolean(expanded)}
                    onToggle={() => toggleOpen(key)}
                    selection={
                      onSelect && {
                        checked: selected?.has(key) ?? false,
                        disabled: canSelect ? !canSelect(row) : false,
                        onChange: (on) => {
                          const next = new Set(selected);
                          if (on) next.add(key);
                          else next.delete(key);
                          onSelect(next);
                        },
                      }
                    }
                  />
                  {expanded && (
                    <tr className="row-detail">
                      <td colSpan={width}>
                        <div className="row-detail-body">{renderExpanded(row)}</div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit(limit + PAGE * 5)}>
          Show more ({shown.length - limit} hidden)
        </button>
      )}
    </div>
  );
}

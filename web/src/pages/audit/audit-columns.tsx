/** The audit log's columns. */
import type { AuditEntry } from '../../api/types';
import type { Column } from '../../components/data-table/column';
import { setQuery } from '../../router/history';

/** A cell that filters the log by its value when clicked. */
function filterLink(key: 'actor' | 'entity' | 'entityId', value: string) {
  return (
    <button
      type="button"
      className="link-button"
      title={`Show only ${value}`}
      onClick={() => setQuery({ [key]: value })}
    >
      {value}
    </button>
  );
}

/** When, who, what, which entity, and the detail. */
export const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { key: 'id', header: '#', value: (e) => e.id, format: 'count' },
  { key: 'at', header: 'When', value: (e) => e.at, format: 'dateTime' },
  {
    key: 'actor',
    header: 'Actor',
    value: (e) => e.actor,
    render: (e) => filterLink('actor', e.actor),
  },
  { key: 'action', header: 'Action', value: (e) => e.action },
  {
    key: 'entity',
    header: 'Entity',
    value: (e) => e.entity,
    render: (e) => filterLink('entity', e.entity),
  },
  {
    key: 'entityId',
    header: 'Id',
    value: (e) => e.entityId,
    render: (e) => filterLink('entityId', e.entityId),
  },
  {
    key: 'detail',
    header: 'Detail',
    value: (e) => JSON.stringify(e.detail),
    sortable: false,
    render: (e) => (
      <code className="detail" title={JSON.stringify(e.detail, null, 2)}>
        {JSON.stringify(e.detail)}
      </code>
    ),
  },
];

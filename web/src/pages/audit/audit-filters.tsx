/** The audit log's filters; applying them changes the URL, which reloads the list. */
import { useEffect, useState } from 'react';
import { setQuery } from '../../router/history';

/** Props of {@link AuditFilters}: the filters now applied. */
export interface AuditFiltersProps {
  actor: string | undefined;
  entity: string | undefined;
  entityId: string | undefined;
}

/** Actor, entity and id inputs with Apply and Clear. */
export function AuditFilters({ actor, entity, entityId }: AuditFiltersProps) {
  const [a, setA] = useState(actor ?? '');
  const [e, setE] = useState(entity ?? '');
  const [id, setId] = useState(entityId ?? '');
  useEffect(() => {
    setA(actor ?? '');
    setE(entity ?? '');
    setId(entityId ?? '');
  }, [actor, entity, entityId]);
  return (
    <form
      className="filters"
      onSubmit={(ev) => {
        ev.preventDefault();
        setQuery({ actor: a.trim(), entity: e.trim(), entityId: id.trim() });
      }}
    >
      <label className="field">
        <span>Actor</span>
        <input
          value={a}
          placeholder="any"
          onChange={(x) => setA(x.target.value)}
          data-testid="audit-actor"
        />
      </label>
      <label className="field">
        <span>Entity</span>
        <input
          value={e}
          placeholder="e.g. proposal"
          onChange={(x) => setE(x.target.value)}
          data-testid="audit-entity"
        />
      </label>
      <label className="field">
        <span>Entity id</span>
        <input
          value={id}
          placeholder="any"
          onChange={(x) => setId(x.target.value)}
          data-testid="audit-entity-id"
        />
      </label>
      <button type="submit" data-testid="audit-apply">
        Apply
      </button>
      <button type="button" onClick={() => setQuery({ actor: '', entity: '', entityId: '' })}>
        Clear
      </button>
    </form>
  );
}

/** The approval queue's filters; they live in the URL so a filtered queue can be linked. */
import { useEffect, useState } from 'react';
import { setQuery } from '../../router/history';

const STATUSES = [
  'proposed',
  'approved',
  'rejected',
  'ordered',
  'filled',
  'cancelled',
  'noTrade',
  'gated',
  'error',
];

/** Props of {@link ProposalFilters}. */
export interface ProposalFiltersProps {
  run: string;
  status: string;
  household: string;
}

/** Run and household inputs (applied on Enter or blur) and a status select. */
export function ProposalFilters({ run, status, household }: ProposalFiltersProps) {
  const [runText, setRunText] = useState(run);
  const [hhText, setHhText] = useState(household);
  useEffect(() => setRunText(run), [run]);
  useEffect(() => setHhText(household), [household]);
  const apply = (): void => setQuery({ run: runText.trim(), household: hhText.trim() });
  return (
    <form
      className="filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="field">
        <span>Status</span>
        <select
          value={status}
          onChange={(e) => setQuery({ status: e.target.value || 'all' })}
          data-testid="filter-status"
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          <option value="all">any status</option>
        </select>
      </label>
      <label className="field">
        <span>Run</span>
        <input
          value={runText}
          placeholder="any run, or latest"
          onChange={(e) => setRunText(e.target.value)}
          onBlur={apply}
          data-testid="filter-run"
        />
      </label>
      <label className="field">
        <span>Household</span>
        <input
          value={hhText}
          placeholder="any household"
          onChange={(e) => setHhText(e.target.value)}
          onBlur={apply}
          data-testid="filter-household"
        />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

/** The list of restrictions with a row to add one (security, sector or tag, and the rule). */
import { useState } from 'react';
import type { Restriction, RestrictionRule } from '../../api/types';
import { describeRestriction } from '../../pages/account/summarize-settings';

/** Props of {@link RestrictionsEditor}. */
export interface RestrictionsEditorProps {
  value: Restriction[];
  onChange: (value: Restriction[]) => void;
}

type Kind = 'security' | 'sector' | 'tag';

function make(kind: Kind, name: string, rule: RestrictionRule): Restriction {
  if (kind === 'security') return { security: name.toUpperCase(), rule };
  return kind === 'sector' ? { sector: name, rule } : { tag: name, rule };
}

/** Restrictions: remove any, add new. */
export function RestrictionsEditor({ value, onChange }: RestrictionsEditorProps) {
  const [kind, setKind] = useState<Kind>('security');
  const [name, setName] = useState('');
  const [rule, setRule] = useState<RestrictionRule>('noBuy');
  return (
    <fieldset className="fieldset">
      <legend>Restrictions</legend>
      <ul className="chip-list" data-testid="settings-restrictions">
        {value.length === 0 && <li className="muted">None</li>}
        {value.map((r, i) => (
          <li key={i} className="chip">
            {describeRestriction(r)}
            <button
              type="button"
              aria-label={`Remove ${describeRestriction(r)}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <select
          aria-label="Applies to"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="security">Security</option>
          <option value="sector">Sector</option>
          <option value="tag">Tag</option>
        </select>
        <input
          aria-label="Name"
          placeholder={
            kind === 'security' ? 'e.g. AAPL' : kind === 'sector' ? 'e.g. Energy' : 'e.g. tobacco'
          }
          value={name}
          data-testid="restriction-name"
          onChange={(e) => setName(e.target.value)}
        />
        <select
          aria-label="Rule"
          value={rule}
          onChange={(e) => setRule(e.target.value as RestrictionRule)}
        >
          <option value="noBuy">no buy</option>
          <option value="noSell">no sell</option>
          <option value="noHold">no hold</option>
        </select>
        <button
          type="button"
          disabled={name.trim() === ''}
          data-testid="restriction-add"
          onClick={() => {
            onChange([...value, make(kind, name.trim(), rule)]);
            setName('');
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}

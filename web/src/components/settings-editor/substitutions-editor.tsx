/** Substitutions: hold `to` wherever the model says `from`. */
import { useState } from 'react';

type Substitution = { from: string; to: string };

/** Props of {@link SubstitutionsEditor}. */
export interface SubstitutionsEditorProps {
  value: Substitution[];
  onChange: (value: Substitution[]) => void;
}

/** The list with a row to add one. */
export function SubstitutionsEditor({ value, onChange }: SubstitutionsEditorProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <fieldset className="fieldset">
      <legend>Substitutions</legend>
      <ul className="chip-list">
        {value.length === 0 && <li className="muted">None</li>}
        {value.map((s, i) => (
          <li key={i} className="chip">
            {s.from} → {s.to}
            <button
              type="button"
              aria-label={`Remove ${s.from} to ${s.to}`}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <input
          aria-label="Model security"
          placeholder="From (e.g. VTI)"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <input
          aria-label="Held instead"
          placeholder="To (e.g. ITOT)"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
        <button
          type="button"
          disabled={from.trim() === '' || to.trim() === ''}
          onClick={() => {
            onChange([...value, { from: from.trim().toUpperCase(), to: to.trim().toUpperCase() }]);
            setFrom('');
            setTo('');
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}

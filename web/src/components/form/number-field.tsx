/**
 * A number input for a setting that may be unset. Percent fields take what people type
 * ("2" for 2%) and store the fraction the API wants (0.02).
 */
import { useEffect, useState } from 'react';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  /** `percent`: shown ×100 with a % suffix; `money`: with a $ prefix. */
  unit?: 'percent' | 'money' | 'plain';
  min?: number;
  step?: number | 'any';
  testId?: string;
  hint?: string;
  required?: boolean;
}

const show = (v: number | undefined, scale: number): string =>
  v === undefined ? '' : `${Number((v * scale).toPrecision(12))}`;

/** A labelled number input; clearing it unsets the value. */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onChange, unit = 'plain', testId, hint } = props;
  const scale = unit === 'percent' ? 100 : 1;
  const [text, setText] = useState(show(value, scale));

  // Follows outside changes (a reset) without fighting the user's typing of "0." etc.
  useEffect(() => {
    setText((t) => (t !== '' && Number(t) / scale === value ? t : show(value, scale)));
  }, [value, scale]);

  return (
    <label className="field">
      <span>{label}</span>
      <span className={`input-unit unit-${unit}`}>
        <input
          type="number"
          inputMode="decimal"
          step={props.step ?? 'any'}
          min={props.min}
          required={props.required}
          value={text}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            const n = e.target.valueAsNumber;
            onChange(e.target.value === '' || Number.isNaN(n) ? undefined : n / scale);
          }}
        />
      </span>
      {hint && <small className="hint">{hint}</small>}
    </label>
  );
}

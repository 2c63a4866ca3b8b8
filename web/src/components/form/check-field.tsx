/** A checkbox for an optional boolean setting: unchecked leaves it unset (the default). */

/** Props of {@link CheckField}. */
export interface CheckFieldProps {
  label: string;
  checked: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
  testId?: string;
}

/** A labelled checkbox. */
export function CheckField({ label, checked, onChange, testId }: CheckFieldProps) {
  return (
    <label className="check-field">
      <input
        type="checkbox"
        checked={checked ?? false}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked ? true : undefined)}
      />
      <span>{label}</span>
    </label>
  );
}

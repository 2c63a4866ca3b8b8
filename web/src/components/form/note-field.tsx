/** The note that goes with a decision or a change (who asked, why). */

/** Props of {@link NoteField}. */
export interface NoteFieldProps {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  required?: boolean;
  testId?: string;
  placeholder?: string;
}

/** A one-line note input. */
export function NoteField({
  value,
  onChange,
  label = 'Note',
  required,
  testId,
  placeholder,
}: NoteFieldProps) {
  return (
    <label className="field field-grow">
      <span>
        {label}
        {required ? ' (required)' : ''}
      </span>
      <input
        type="text"
        value={value}
        required={required}
        placeholder={placeholder}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/**
 * "Import executions": a button that opens the file picker for a broker's executions file
 * (CSV, or FIX execution reports as .fix or .txt) and hands over the file picked.
 */

/** Props of {@link ExecutionsFileButton}. */
export interface ExecutionsFileButtonProps {
  /** True while a file is being sent: no second file until the first is answered. */
  busy: boolean;
  /** Called with the file picked. */
  onFile: (file: File) => void;
}

/** A file input dressed as a toolbar button. */
export function ExecutionsFileButton({ busy, onFile }: ExecutionsFileButtonProps) {
  return (
    <label
      className="button file-button"
      aria-disabled={busy}
      title="Book a broker's executions file (CSV or FIX) as fills; each execution books once"
    >
      Import executions
      <input
        type="file"
        accept=".csv,.fix,.txt"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Emptied so that picking the same file again — a resend after a timeout, which books
          // nothing twice — still fires a change.
          e.target.value = '';
          if (file) onFile(file);
        }}
        data-testid="executions-file"
      />
    </label>
  );
}

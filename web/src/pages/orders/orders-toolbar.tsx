/**
 * Create orders from approved proposals, download the open orders as CSV or FIX, and import
 * the broker's executions file to book its fills.
 */
import { createOrders, exportOrders, importExecutions } from '../../api/orders-api';
import { ErrorBanner } from '../../components/error-banner';
import { useAction } from '../../hooks/use-action';
import { downloadText } from './download';
import { ExecutionsFileButton } from './executions-file-button';
import { executionsFormat } from './executions-format';
import type { ExecutionsImport } from './executions-report';

/** Props of {@link OrdersToolbar}. */
export interface OrdersToolbarProps {
  /** Called with a line saying what was created. */
  onCreated: (message: string) => void;
  /** Called with an executions file's outcome once the server has booked it. */
  onImported: (report: ExecutionsImport) => void;
  /** Called when a new file is picked, so the last file's report is not read as this one's. */
  onImporting: () => void;
}

/** Four buttons, and the error of the last one that failed. */
export function OrdersToolbar({ onCreated, onImported, onImporting }: OrdersToolbarProps) {
  const create = useAction(async () => {
    const out = await createOrders();
    onCreated(
      out.orders.length === 0
        ? 'No approved proposals to order.'
        : `${out.orders.length} orders from ${out.proposalIds.length} proposals.`,
    );
  });
  const download = useAction(async (format: 'csv' | 'fix') => {
    const file = await exportOrders(format);
    downloadText(file.text, file.fileName ?? `orders.${format}`, file.type);
  });
  const upload = useAction(async (file: File) => {
    onImporting();
    const text = await file.text();
    // Said here, in words, rather than sent for the server's schema error about `text`.
    if (text.trim() === '') throw new Error(`${file.name} is empty.`);
    const format = executionsFormat(file.name);
    onImported({ format, outcome: await importExecutions({ format, text }) });
  });
  return (
    <div className="toolbar-stack">
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={create.busy}
          onClick={() => void create.run()}
          data-testid="orders-create"
        >
          Create orders from approved
        </button>
        <button
          type="button"
          disabled={download.busy}
          onClick={() => void download.run('csv')}
          data-testid="export-csv"
        >
          Export CSV
        </button>
        <button
          type="button"
          disabled={download.busy}
          onClick={() => void download.run('fix')}
          data-testid="export-fix"
        >
          Export FIX
        </button>
        <ExecutionsFileButton busy={upload.busy} onFile={(file) => void upload.run(file)} />
      </div>
      <ErrorBanner
        error={create.error ?? download.error ?? upload.error}
        onDismiss={() => {
          create.clear();
          download.clear();
          upload.clear();
        }}
      />
    </div>
  );
}

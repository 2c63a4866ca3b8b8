/** Create orders from approved proposals, and download the open orders as CSV or FIX. */
import { createOrders, exportOrders } from '../../api/orders-api';
import { ErrorBanner } from '../../components/error-banner';
import { useAction } from '../../hooks/use-action';
import { downloadText } from './download';

/** Props of {@link OrdersToolbar}. */
export interface OrdersToolbarProps {
  /** Called with a line saying what was created. */
  onCreated: (message: string) => void;
}

/** Three buttons, and the error of the last one that failed. */
export function OrdersToolbar({ onCreated }: OrdersToolbarProps) {
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
      </div>
      <ErrorBanner
        error={create.error ?? download.error}
        onDismiss={() => {
          create.clear();
          download.clear();
        }}
      />
    </div>
  );
}

/**
 * `/orders`: block orders. Traders aggregate approved proposals into orders, download the
 * open ones as CSV or FIX, import the broker's executions file to book its fills, and open an
 * order to see its allocations by account and its fills, and fill it — all of it or some
 * shares — at a price and date, or cancel it.
 */
import { useState } from 'react';
import { listOrders } from '../../api/orders-api';
import type { OrderStatus } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DataTable } from '../../components/data-table/data-table';
import { ErrorBanner } from '../../components/error-banner';
import { Notice } from '../../components/notice';
import { PageHeader } from '../../components/page-header';
import { useResource } from '../../hooks/use-resource';
import { ExecutionsReport, type ExecutionsImport } from './executions-report';
import { orderColumns } from './order-columns';
import { OrderDetail } from './order-detail';
import { OrdersToolbar } from './orders-toolbar';

const STATUSES: readonly (OrderStatus | 'all')[] = ['open', 'filled', 'cancelled', 'all'];

/** The orders page. */
export function OrdersPage() {
  const { can } = useSession();
  const [status, setStatus] = useState<OrderStatus | 'all'>('open');
  const [message, setMessage] = useState<string | null>(null);
  const [executions, setExecutions] = useState<ExecutionsImport | null>(null);
  const list = useResource(() => listOrders(status === 'all' ? undefined : status), status);
  const trade = can('tradeOrders');
  const { reload } = list;
  const changed = (m: string): void => {
    setMessage(m);
    reload();
  };
  const imported = (report: ExecutionsImport): void => {
    setExecutions(report);
    reload();
  };
  return (
    <>
      <PageHeader
        title="Orders"
        actions={
          trade && (
            <OrdersToolbar
              onCreated={changed}
              onImported={imported}
              onImporting={() => setExecutions(null)}
            />
          )
        }
      />
      <div className="filters">
        <label className="field">
          <span>Status</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
            data-testid="orders-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={list.error} />
      {message && (
        <Notice onDismiss={() => setMessage(null)} testId="order-outcome">
          {message}
        </Notice>
      )}
      {executions && <ExecutionsReport report={executions} onDismiss={() => setExecutions(null)} />}
      <DataTable
        rows={list.data?.items}
        total={list.data?.total}
        loading={list.loading}
        columns={orderColumns(status, list.data?.items)}
        rowKey={(o) => o.id}
        rowTestId={(o) => `order-row-${o.id}`}
        initialSort={{ key: 'created', dir: 'desc' }}
        testId="orders-table"
        empty={
          status === 'open' ? 'No open orders. Create them from approved proposals.' : 'No orders.'
        }
        renderExpanded={(o) => <OrderDetail order={o} canTrade={trade} onChanged={changed} />}
      />
    </>
  );
}

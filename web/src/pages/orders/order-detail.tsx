/**
 * An opened order: its allocations by account with their filled shares, its fills (once it has
 * any) and, for an open order and a trader, the fill and cancel controls — so the allocations
 * are in view when the order is filled.
 */
import { getOrder } from '../../api/orders-api';
import type { OrderSummary } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { useResource } from '../../hooks/use-resource';
import { AllocationsTable } from './allocations-table';
import { FillsTable } from './fills-table';
import { OrderActions } from './order-actions';

/** Props of {@link OrderDetail}. */
export interface OrderDetailProps {
  order: OrderSummary;
  canTrade: boolean;
  onChanged: (message: string) => void;
}

/** Allocations, fills, then the actions. */
export function OrderDetail({ order, canTrade, onChanged }: OrderDetailProps) {
  // Keyed on the filled shares and status too: after a fill or cancel the list reloads, the
  // row stays open, and its allocations and fills must load again to match.
  const { data, error, loading } = useResource(
    () => getOrder(order.id),
    `${order.id}\u0000${order.filledQuantity}\u0000${order.status}`,
  );
  const fills = data?.fills ?? [];
  return (
    <div className="stack" data-testid={`order-detail-${order.id}`}>
      <ErrorBanner error={error} />
      <AllocationsTable allocations={data?.allocations} loading={loading} />
      {fills.length > 0 && (
        <>
          <h3>Fills</h3>
          <FillsTable fills={fills} />
        </>
      )}
      {canTrade && order.status === 'open' && <OrderActions order={order} onChanged={onChanged} />}
    </div>
  );
}

/**
 * An opened order: its allocations by account and, for an open order and a trader, the fill
 * and cancel controls — so the allocations are in view when the order is filled.
 */
import type { OrderSummary } from '../../api/types';
import { AllocationsTable } from './allocations-table';
import { OrderActions } from './order-actions';

/** Props of {@link OrderDetail}. */
export interface OrderDetailProps {
  order: OrderSummary;
  canTrade: boolean;
  onChanged: (message: string) => void;
}

/** Allocations, then the actions. */
export function OrderDetail({ order, canTrade, onChanged }: OrderDetailProps) {
  return (
    <div className="stack" data-testid={`order-detail-${order.id}`}>
      <AllocationsTable order={order.id} />
      {canTrade && order.status === 'open' && <OrderActions order={order} onChanged={onChanged} />}
    </div>
  );
}

/**
 * Fill an open order — all that is left of it, or some shares — at a price on a date (through
 * the ledger), or cancel it (with some filled, the rest is cancelled).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { cancelOrder, fillOrder } from '../../api/orders-api';
import type { FillRequest, OrderSummary } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { today } from '../../format/format';
import { useAction } from '../../hooks/use-action';
import { describeCancel, describeFill } from './describe-outcome';
import { remainingShares, sharesToFill } from './fill-shares';

/** Props of {@link OrderActions}. */
export interface OrderActionsProps {
  order: OrderSummary;
  /** Called with a line saying what happened. */
  onChanged: (message: string) => void;
}

/** Shares, price and date inputs with Fill, and Cancel. */
export function OrderActions({ order, onChanged }: OrderActionsProps) {
  const [shares, setShares] = useState('');
  const [price, setPrice] = useState('');
  const [date, setDate] = useState(today());
  const remaining = remainingShares(order);
  const fill = useAction(async () => {
    const quantity = sharesToFill(shares);
    // No quantity at all when the box is empty: the server then fills whatever is left, even
    // if another trader filled some since this page loaded.
    const request: FillRequest = {
      price: Number(price),
      date,
      ...(quantity === undefined ? {} : { quantity }),
    };
    const outcome = await fillOrder(order.id, request);
    // Emptied so the placeholder shows the new remainder and a second Fill takes the rest.
    setShares('');
    onChanged(describeFill(outcome));
  });
  const cancel = useAction(async () => {
    onChanged(describeCancel(await cancelOrder(order.id), order.quantity));
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void fill.run();
  };
  const partly = order.filledQuantity > 0;
  return (
    <form className="order-actions" onSubmit={submit}>
      <input
        type="number"
        step="any"
        min="0"
        max={remaining}
        aria-label="Fill shares"
        title="Shares to fill; empty fills the rest of the order"
        placeholder={String(remaining)}
        value={shares}
        onChange={(e) => setShares(e.target.value)}
        data-testid={`fill-quantity-${order.id}`}
      />
      <input
        type="number"
        step="any"
        min="0"
        required
        aria-label="Fill price"
        placeholder="Price"
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        data-testid={`fill-price-${order.id}`}
      />
      <input
        type="date"
        required
        aria-label="Fill date"
        value={date}
        onChange={(e) => setDate(e.target.value)}
        data-testid={`fill-date-${order.id}`}
      />
      <button type="submit" disabled={fill.busy} data-testid={`fill-${order.id}`}>
        Fill
      </button>
      <button
        type="button"
        className="button-danger"
        disabled={cancel.busy}
        onClick={() => {
          const question = partly
            ? `Cancel the rest of order ${order.id}? What is filled stays booked; its proposals are cancelled.`
            : `Cancel order ${order.id}? Its proposals are cancelled too.`;
          if (window.confirm(question)) void cancel.run();
        }}
        data-testid={`cancel-${order.id}`}
      >
        Cancel
      </button>
      <ErrorBanner
        error={fill.error ?? cancel.error}
        onDismiss={() => {
          fill.clear();
          cancel.clear();
        }}
      />
    </form>
  );
}

/** Fill an open order at a price on a date (through the ledger), or cancel it. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { cancelOrder, fillOrder } from '../../api/orders-api';
import type { OrderOutcome, OrderSummary } from '../../api/types';
import { ErrorBanner } from '../../components/error-banner';
import { money, today } from '../../format/format';
import { useAction } from '../../hooks/use-action';

/** Props of {@link OrderActions}. */
export interface OrderActionsProps {
  order: OrderSummary;
  /** Called with a line saying what happened. */
  onChanged: (message: string) => void;
}

/** What a fill booked, in one line. */
function describeFill(o: OrderOutcome): string {
  const gain = o.bookings.reduce((s, b) => s + (b.realizedGainUsd ?? 0), 0);
  const wash = o.bookings.reduce((s, b) => s + b.washSaleDisallowedUsd, 0);
  return (
    `Filled ${o.orderId}: ${o.bookings.length} bookings, realized ${money(gain)}` +
    (wash > 0 ? `, wash sale disallowed ${money(wash)}` : '') +
    `; ${o.proposals.length} proposals settled.`
  );
}

/** Price and date inputs with Fill, and Cancel. */
export function OrderActions({ order, onChanged }: OrderActionsProps) {
  const [price, setPrice] = useState('');
  const [date, setDate] = useState(today());
  const fill = useAction(async () => {
    onChanged(describeFill(await fillOrder(order.id, { price: Number(price), date })));
  });
  const cancel = useAction(async () => {
    const o = await cancelOrder(order.id);
    onChanged(`Cancelled ${o.orderId}; ${o.proposals.length} proposals cancelled.`);
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void fill.run();
  };
  return (
    <form className="order-actions" onSubmit={submit}>
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
          if (window.confirm(`Cancel order ${order.id}? Its proposals are cancelled too.`))
            void cancel.run();
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

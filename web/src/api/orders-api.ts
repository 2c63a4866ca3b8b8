/** Order calls. */
import { get, post, requestText } from './client';
import type {
  ExecutionsOutcome,
  ExecutionsRequest,
  FillRequest,
  OrderDetail,
  OrderList,
  OrderOutcome,
  OrdersCreated,
  OrderStatus,
} from './types';

const enc = encodeURIComponent;

/** Block orders (all statuses when none is given). */
export const listOrders = (status?: OrderStatus): Promise<OrderList> =>
  get<OrderList>('/v1/orders', { status, limit: 1000 });

/** One order with its allocations. */
export const getOrder = (id: string): Promise<OrderDetail> =>
  get<OrderDetail>(`/v1/orders/${enc(id)}`);

/** Aggregates every approved proposal into block orders. */
export const createOrders = (): Promise<OrdersCreated> => post<OrdersCreated>('/v1/orders', {});

/** The open orders as a CSV or FIX file. */
export const exportOrders = (
  format: 'csv' | 'fix',
): Promise<{ text: string; fileName: string | null; type: string }> =>
  requestText(`/v1/orders/export?format=${format}`);

/** Fills an order at a price on a date (through the ledger). */
export const fillOrder = (id: string, input: FillRequest): Promise<OrderOutcome> =>
  post<OrderOutcome>(`/v1/orders/${enc(id)}/fill`, input);

/**
 * Books a broker's executions file (CSV or FIX execution reports) as fills, each once by its
 * execution id: sending the same file again books nothing twice.
 */
export const importExecutions = (input: ExecutionsRequest): Promise<ExecutionsOutcome> =>
  post<ExecutionsOutcome>('/v1/orders/executions', input);

/** Cancels an open order. */
export const cancelOrder = (id: string, note = ''): Promise<OrderOutcome> =>
  post<OrderOutcome>(`/v1/orders/${enc(id)}/cancel`, { note });

/** Block orders (`/v1/orders`): list, one with allocations, create, export, fill, cancel. */
import { z } from 'zod';
import { IsoDateSchema } from '../../io/iso-date.js';
import { strictObject } from '../../io/strict-object.js';
import { listOf, NoteSchema, PageQueryShape, queryInt, TimestampSchema } from './common.js';

export const OrderStatusSchema = z.enum(['open', 'filled', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** `GET /v1/orders` query: `status` (default all). */
export const OrderListQuerySchema = z.strictObject({
  status: OrderStatusSchema.optional(),
  ...PageQueryShape,
});
export type OrderListQuery = z.input<typeof OrderListQuerySchema>;

/** One account's part of a block order. */
export const AllocationSchema = z.strictObject({
  tradeId: z.string(),
  proposalId: z.string(),
  householdId: z.string(),
  accountId: z.string(),
  quantity: z.number(),
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** A block order (one security, one side) as listed. */
export const OrderSummarySchema = z.strictObject({
  id: z.string(),
  securityId: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.number(),
  status: OrderStatusSchema,
  createdAt: TimestampSchema,
  filledAt: TimestampSchema.nullable(),
  fillPriceUsd: z.number().nullable(),
  allocationCount: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderListSchema = listOf(OrderSummarySchema);
export type OrderList = z.infer<typeof OrderListSchema>;

/** `GET /v1/orders/:id`: the order and every allocation. */
export const OrderDetailSchema = OrderSummarySchema.extend({
  allocations: z.array(AllocationSchema),
});
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

/** `POST /v1/orders` answer: the orders written and the proposals now `ordered`. */
export const OrdersCreatedSchema = z.strictObject({
  orders: z.array(OrderSummarySchema),
  proposalIds: z.array(z.string()),
});
export type OrdersCreated = z.infer<typeof OrdersCreatedSchema>;

/** A FIX CompID: 1–64 printable ASCII characters (a control character would break the message). */
const CompIdSchema = z
  .string()
  .regex(/^[\x20-\x7e]{1,64}$/, 'use 1–64 printable ASCII characters (FIX carries no others)');

/** `GET /v1/orders/export` query; `sender`, `target`, `seq` apply to FIX only. */
export const OrderExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'fix']),
  sender: CompIdSchema.optional(),
  target: CompIdSchema.optional(),
  seq: queryInt(1, 2 ** 31 - 1).optional(),
});
export type OrderExportQuery = z.input<typeof OrderExportQuerySchema>;

/**
 * The highest fill price per share: far above any listed share, far below the doubles whose
 * products with a quantity overflow (1e308 once booked a lot the store could not read back).
 * The store refuses the same (src/store/fills.ts; a test keeps the two equal — this module
 * stays free of store imports because the dashboard imports it).
 */
export const MAX_FILL_PRICE = 1e8;

/** `POST /v1/orders/:id/fill` body: the fill price per share and date (default the run's date). */
export const FillRequestSchema = strictObject({
  price: z.number().gt(0).max(MAX_FILL_PRICE),
  date: IsoDateSchema.optional(),
});
export type FillRequest = z.infer<typeof FillRequestSchema>;

/** `POST /v1/orders/:id/cancel` body. */
export const CancelRequestSchema = strictObject({ note: NoteSchema.default('') });
export type CancelRequest = z.input<typeof CancelRequestSchema>;

/** One account's booking of a fill. */
export const BookingSchema = z.strictObject({
  accountId: z.string(),
  tradeId: z.string(),
  quantity: z.number(),
  /** Cash effect: negative for a buy, positive for a sell. */
  amountUsd: z.number(),
  realizedGainUsd: z.number().nullable(),
  washSaleDisallowedUsd: z.number(),
});
export type Booking = z.infer<typeof BookingSchema>;

/** A fill or cancel done: the bookings (none for a cancel) and the proposals it settled. */
export const OrderOutcomeSchema = z.strictObject({
  orderId: z.string(),
  bookings: z.array(BookingSchema),
  proposals: z.array(z.strictObject({ id: z.string(), status: z.enum(['filled', 'cancelled']) })),
});
export type OrderOutcome = z.infer<typeof OrderOutcomeSchema>;

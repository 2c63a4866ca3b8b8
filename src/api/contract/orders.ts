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
  /** Shares of this allocation booked so far (0 … quantity; the fills' pro-rata parts). */
  filledQuantity: z.number(),
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
  /** When the last fill was booked (null before the first). */
  filledAt: TimestampSchema.nullable(),
  /** The average price of its fills, weighted by their shares (null before the first). */
  fillPriceUsd: z.number().nullable(),
  allocationCount: z.number().int(),
  /**
   * Shares filled so far: 0 … quantity. An `open` order with some filled is partly filled; a
   * `cancelled` one with some filled had the rest cancelled.
   */
  filledQuantity: z.number(),
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

export const OrderListSchema = listOf(OrderSummarySchema);
export type OrderList = z.infer<typeof OrderListSchema>;

/** One fill of a block order (an order fills in one or in several). */
export const OrderFillSchema = z.strictObject({
  quantity: z.number(),
  priceUsd: z.number(),
  /** The trade date it was booked on, YYYY-MM-DD. */
  date: z.string(),
  filledAt: TimestampSchema,
  filledBy: z.string(),
  /**
   * The ExecID of the broker's trade bust or correction that took this fill back (added field):
   * it no longer counts in the order's filled shares or average price.
   */
  takenBackBy: z.string().optional(),
});
export type OrderFill = z.infer<typeof OrderFillSchema>;

/** `GET /v1/orders/:id`: the order, every allocation and its fills, oldest first. */
export const OrderDetailSchema = OrderSummarySchema.extend({
  allocations: z.array(AllocationSchema),
  fills: z.array(OrderFillSchema),
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

/** The most shares one fill may name (the API's bound on every number). */
export const MAX_FILL_QUANTITY = 1e12;

/**
 * `POST /v1/orders/:id/fill` body: the fill price per share, the date (default the run's date)
 * and the shares filled (default the rest of the order; fewer is a partial fill, shared among
 * the allocations pro rata).
 */
export const FillRequestSchema = strictObject({
  price: z.number().gt(0).max(MAX_FILL_PRICE),
  date: IsoDateSchema.optional(),
  quantity: z.number().gt(0).max(MAX_FILL_QUANTITY).optional(),
  /** The broker's execution id (FIX ExecID): a second fill with it is refused, 409 `alreadyBooked`. */
  execId: z
    .string()
    .regex(/^[\x21-\x7e][\x20-\x7e]{0,127}$/, 'use 1–128 printable ASCII characters')
    .optional(),
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

/**
 * A fill or cancel done: the bookings (none for a cancel), the proposals it settled, and the
 * order's status and shares after it (a partial fill leaves the order `open` with
 * `remainingQuantity` > 0).
 */
export const OrderOutcomeSchema = z.strictObject({
  orderId: z.string(),
  bookings: z.array(BookingSchema),
  proposals: z.array(z.strictObject({ id: z.string(), status: z.enum(['filled', 'cancelled']) })),
  status: OrderStatusSchema,
  filledQuantity: z.number(),
  remainingQuantity: z.number(),
});
export type OrderOutcome = z.infer<typeof OrderOutcomeSchema>;

/** The largest executions file the API reads in one request (characters). */
export const MAX_EXECUTIONS_TEXT = 5_000_000;

/**
 * `POST /v1/orders/executions` body: a broker's executions as the text of a CSV file
 * (`order_id, exec_id, quantity, price[, date]`) or of FIX execution reports (35=8).
 */
export const ExecutionsRequestSchema = strictObject({
  format: z.enum(['csv', 'fix']),
  text: z.string().min(1).max(MAX_EXECUTIONS_TEXT),
});
export type ExecutionsRequest = z.infer<typeof ExecutionsRequestSchema>;

/** A line or message of the file that could not be read (and was not booked). */
export const ExecutionProblemSchema = z.strictObject({
  /** `line 4` (CSV) or `message 2` (FIX). */
  at: z.string(),
  /** The column or tag to blame, when one is. */
  field: z.string().optional(),
  message: z.string(),
  /** The order and execution the line names, where those could be read. */
  orderId: z.string().optional(),
  execId: z.string().optional(),
});

/**
 * How one execution ended: booked as a fill (a correction: its corrected execution booked in
 * place of the first), `undone` (a trade bust took its execution's fill back), booked before
 * (by its ExecID), or refused.
 */
export const ExecutionResultSchema = z.strictObject({
  at: z.string(),
  orderId: z.string(),
  execId: z.string(),
  outcome: z.enum(['booked', 'undone', 'alreadyBooked', 'refused']),
  /** What happened, in a line (for a refusal: why, and what to do). */
  message: z.string(),
  /** The order after it (booked only). */
  status: OrderStatusSchema.nullable(),
  filledQuantity: z.number().nullable(),
  remainingQuantity: z.number().nullable(),
});
export type ExecutionResult = z.infer<typeof ExecutionResultSchema>;

/** The answer: counts, the problems of the file, and each execution's result in file order. */
export const ExecutionsOutcomeSchema = z.strictObject({
  booked: z.number().int(),
  /** Trade busts applied. */
  undone: z.number().int(),
  alreadyBooked: z.number().int(),
  refused: z.number().int(),
  /** FIX reports of something other than a trade, left alone. */
  ignored: z.number().int(),
  problems: z.array(ExecutionProblemSchema),
  results: z.array(ExecutionResultSchema),
});
export type ExecutionsOutcome = z.infer<typeof ExecutionsOutcomeSchema>;

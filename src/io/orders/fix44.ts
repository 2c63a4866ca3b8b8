/**
 * Orders as FIX 4.4 NewOrderSingle messages (MsgType 35=D), one per block order, with the
 * allocation to each account in the NoAllocs (78) repeating group. Fields follow the FIX 4.4
 * message layout: the standard header (8, 9, 35, 49, 56, 34, 52), then ClOrdID (11), the
 * allocations (78, then 79/80 per account), HandlInst (21), Symbol (55), Side (54),
 * TransactTime (60), OrderQty (38), OrdType (40), and the trailer's CheckSum (10).
 *
 * BodyLength (9) counts the bytes after its own delimiter up to and including the delimiter
 * before `10=`; CheckSum is the sum of every byte before `10=`, modulo 256, as three digits.
 */
import type { ExportOrder } from './order-types.js';

/** The FIX field delimiter (Start of Heading, 0x01). */
export const SOH = '\u0001';

export interface FixOptions {
  /** SenderCompID (49). */
  senderCompId: string;
  /** TargetCompID (56). */
  targetCompId: string;
  /** MsgSeqNum (34) of the first message; each next one adds 1. Default 1. */
  firstSeqNum?: number;
  /** SendingTime (52) and TransactTime (60); default now. */
  sendingTime?: Date;
  /** Separate fields with `|` instead of SOH, for people to read (length and checksum are still those of the SOH message). */
  display?: boolean;
}

/** The messages, or why they cannot be built. */
export type FixResult = { ok: true; messages: string[] } | { ok: false; why: string };

/** A FIX UTCTimestamp with milliseconds: `YYYYMMDD-HH:MM:SS.sss`. */
export function utcTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2026-11-20T14:30:05.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 23)}`;
}

/** CheckSum (10): the byte sum of `text` modulo 256, as three digits. */
export function fixChecksum(text: string): string {
  let total = 0;
  for (let i = 0; i < text.length; i++) total += text.charCodeAt(i);
  return String(total % 256).padStart(3, '0');
}

/** A whole message from its body fields (everything between 9 and 10), SOH-delimited. */
export function fixMessage(body: readonly (readonly [number, string])[]): string {
  const text = body.map(([tag, value]) => `${tag}=${value}${SOH}`).join('');
  const head = `8=FIX.4.4${SOH}9=${text.length}${SOH}`;
  return `${head}${text}10=${fixChecksum(head + text)}${SOH}`;
}

const PRINTABLE = /^[\x20-\x7e]+$/;
const QUANTITY = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Why `orders` cannot become FIX, or undefined: FIX carries printable ASCII, no delimiters. */
function problemOf(orders: readonly ExportOrder[], o: FixOptions): string | undefined {
  const seq = o.firstSeqNum ?? 1;
  if (!Number.isSafeInteger(seq) || seq < 1)
    return `the first MsgSeqNum must be a whole number ≥ 1; got ${seq}`;
  const text = (what: string, value: string): string | undefined =>
    PRINTABLE.test(value) && !(o.display && value.includes('|'))
      ? undefined
      : `${what} "${value}" must be printable ASCII${o.display ? ' without "|"' : ''} for FIX`;
  const qty = (what: string, value: string): string | undefined =>
    QUANTITY.test(value) && Number(value) > 0
      ? undefined
      : `${what} quantity "${value}" must be a positive decimal`;
  const checks = [text('SenderCompID', o.senderCompId), text('TargetCompID', o.targetCompId)];
  for (const order of orders) {
    checks.push(text('order id', order.id), text(`order ${order.id} symbol`, order.symbol));
    checks.push(qty(`order ${order.id}`, order.quantity));
    if (order.allocations.length === 0) checks.push(`order ${order.id} has no allocations`);
    for (const a of order.allocations)
      checks.push(
        text(`order ${order.id} account`, a.account),
        qty(`order ${order.id} account ${a.account}`, a.quantity),
      );
  }
  return checks.find((c) => c !== undefined);
}

/**
 * One NewOrderSingle per order: a market order (40=1) for automated execution (21=1), side
 * 1 = buy, 2 = sell, sequence numbers counting up from `firstSeqNum`.
 *
 * @example
 * const r = newOrderSingles(orders, { senderCompId: 'TAILOR', targetCompId: 'BROKER' });
 * if (r.ok) process.stdout.write(r.messages.join('\n'));
 */
export function newOrderSingles(orders: readonly ExportOrder[], options: FixOptions): FixResult {
  const problem = problemOf(orders, options);
  if (problem) return { ok: false, why: problem };
  const time = utcTimestamp(options.sendingTime ?? new Date());
  const first = options.firstSeqNum ?? 1;
  const messages = orders.map((order, i) => {
    const message = fixMessage([
      [35, 'D'],
      [49, options.senderCompId],
      [56, options.targetCompId],
      [34, String(first + i)],
      [52, time],
      [11, order.id],
      [78, String(order.allocations.length)],
      ...order.allocations.flatMap((a) => [[79, a.account] as const, [80, a.quantity] as const]),
      [21, '1'],
      [55, order.symbol],
      [54, order.side === 'buy' ? '1' : '2'],
      [60, time],
      [38, order.quantity],
      [40, '1'],
    ]);
    return options.display ? message.replaceAll(SOH, '|') : message;
  });
  return { ok: true, messages };
}

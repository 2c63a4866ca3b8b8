/**
 * Executions: a broker's report that part of a block order traded — the order (our ClOrdID),
 * the broker's id of the execution (ExecID, so that a report read twice books once), the shares
 * and the price, and the trade date. Read from a CSV file or from FIX execution reports; every
 * line that cannot be read is a problem naming where it is and what to change.
 */
import { dateCell } from '../feed/cells.js';
import { inRange, isDecimalText } from '../feed/decimal-text.js';

/** One execution, as read from a file. */
export interface Execution {
  /** Where it was read: `line 4` (CSV) or `message 2` (FIX). */
  at: string;
  orderId: string;
  execId: string;
  /** Shares, as exact decimal text. */
  quantity: string;
  /** Price per share, as exact decimal text. */
  price: string;
  /** The trade date, YYYY-MM-DD; absent: the fill's default (the run's date). */
  date?: string;
  /**
   * A trade correction (FIX ExecType G): the ExecID (ExecRefID, 19) of the execution it replaces;
   * the shares, price and date are the corrected ones.
   */
  corrects?: string;
}

/** A trade bust (FIX ExecType H): execution `busts` (ExecRefID, 19) of the order did not happen. */
export interface ExecutionBust {
  at: string;
  orderId: string;
  /** The bust's own ExecID. */
  execId: string;
  busts: string;
}

/** Is it a bust? */
export const isBust = (e: Execution | ExecutionBust): e is ExecutionBust => 'busts' in e;

/** A line or message that could not be read. */
export interface ExecutionProblem {
  at: string;
  /** The column (CSV) or tag (FIX) to blame, when one is. */
  field?: string;
  message: string;
  /** The order and execution the line names, where those could be read (to chase it). */
  orderId?: string;
  execId?: string;
}

/**
 * What a file of executions holds: the executions (with any busts and corrections, in file
 * order), the problems, and reports not about trades.
 */
export interface ExecutionFile {
  executions: (Execution | ExecutionBust)[];
  problems: ExecutionProblem[];
  /** FIX reports of something other than a trade (new, cancelled, rejected …), left alone. */
  ignored: number;
}

/** An id: 1–128 printable ASCII characters (what a FIX ClOrdID or ExecID can carry). */
const ID = /^[\x21-\x7e][\x20-\x7e]{0,127}$/;

/** A positive decimal text, or why not (the feed's decimal rule: digits, an optional point). */
export function positiveDecimal(text: string, what: string): string | { why: string } {
  const t = text.trim();
  if (!isDecimalText(t) || !inRange(t, 'positive'))
    return { why: `${what} must be a decimal number above 0 (like 12.5); got "${text}"` };
  return t;
}

/** A YYYY-MM-DD date that exists, or why not (the feed's date cell decides). */
export function isoDate(text: string): string | { why: string } {
  const t = text.trim();
  if (!dateCell(t).ok) return { why: `date must be a day as YYYY-MM-DD; got "${text}"` };
  return t;
}

/** An order or execution id, or why not. */
export function idText(text: string, what: string): string | { why: string } {
  const t = text.trim();
  return ID.test(t)
    ? t
    : { why: `${what} must be 1–128 printable characters; got "${text.slice(0, 40)}"` };
}

/**
 * Reads the checked fields of one line or message: `read` returns a field's value, or records
 * its problem (at `at`, naming `field`) and returns ''; `ok()` says whether every field so far
 * was good, i.e. whether the execution may be kept. `identify` names the line's order and
 * execution, those of them that could be read, in every problem of the line.
 */
export function fieldReader(at: string, problems: ExecutionProblem[]) {
  let ok = true;
  const ids: { orderId?: string; execId?: string } = {};
  const mine: ExecutionProblem[] = [];
  return {
    read: (field: string, checked: string | { why: string }): string => {
      if (typeof checked === 'string') return checked;
      const problem = { at, field, message: checked.why, ...ids };
      problems.push(problem);
      mine.push(problem);
      ok = false;
      return '';
    },
    ok: (): boolean => ok,
    identify: (orderId: string, execId: string): void => {
      if (orderId !== '') ids.orderId = orderId;
      if (execId !== '') ids.execId = execId;
      for (const p of mine) Object.assign(p, ids);
    },
  };
}

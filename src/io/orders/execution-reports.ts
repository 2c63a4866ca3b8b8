/**
 * Executions from FIX execution reports (MsgType 35=8), as a broker sends them back for the
 * NewOrderSingle messages of `fix44.ts`: one message per line, fields separated by SOH (or by
 * `|`, the form people read). A report of a trade — ExecType (150) F, or 1 / 2 (partial fill,
 * fill) from FIX 4.2 brokers — gives ClOrdID (11, our order id), ExecID (17), LastQty (32),
 * LastPx (31) and TradeDate (75, YYYYMMDD, optional). A trade bust (150=H) gives ClOrdID, its
 * own ExecID and the ExecID of the execution it takes back (ExecRefID, 19); a trade correction
 * (150=G) gives those and the corrected LastQty, LastPx and TradeDate. Other reports (new,
 * cancelled, rejected, other message types) are counted as ignored. A message with a CheckSum
 * (10) that does not match its bytes (SOH form) was changed or cut short and is a problem.
 */
import {
  fieldReader,
  idText,
  isoDate,
  positiveDecimal,
  type Execution,
  type ExecutionBust,
  type ExecutionFile,
  type ExecutionProblem,
} from './execution.js';
import { fixChecksum, SOH } from './fix44.js';

const TRADE_EXEC_TYPES = new Set(['F', '1', '2']);

/** Trade Cancel (H): a bust; Trade Correct (G): a correction. */
const BUST = 'H';
const CORRECTION = 'G';

/** The messages of `text`: each starts at `8=FIX` at the start of a line or after a delimiter. */
function messagesOf(text: string): string[] {
  const starts: number[] = [];
  const re = /8=FIX/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text[m.index - 1];
    if (m.index === 0 || before === '\n' || before === '\r' || before === SOH || before === '|')
      starts.push(m.index);
  }
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).replace(/[\r\n]+$/, ''));
}

/** The checksum problem of an SOH message, if its CheckSum (10) does not match its bytes. */
function checksumProblem(message: string): string | undefined {
  const at = message.lastIndexOf(`${SOH}10=`);
  if (at < 0) return undefined;
  const stated = message.slice(at + 4).replace(new RegExp(`${SOH}$`), '');
  const actual = fixChecksum(message.slice(0, at + 1));
  return stated === actual
    ? undefined
    : `CheckSum (10) is ${stated} but the message sums to ${actual}: it was changed or cut short`;
}

/** Reads executions from FIX execution reports; a message with a problem is reported and left out. */
export function parseExecutionReports(text: string): ExecutionFile {
  const executions: (Execution | ExecutionBust)[] = [];
  const problems: ExecutionProblem[] = [];
  let ignored = 0;
  const messages = messagesOf(text);
  if (messages.length === 0)
    return {
      executions,
      problems: [{ at: 'message 1', message: 'no FIX message (each starts with 8=FIX)' }],
      ignored,
    };
  for (const [i, message] of messages.entries()) {
    const at = `message ${i + 1}`;
    const soh = message.includes(SOH);
    const sum = soh ? checksumProblem(message) : undefined;
    if (sum) {
      problems.push({ at, field: '10 CheckSum', message: sum });
      continue;
    }
    const fields = new Map<string, string>();
    for (const field of message.split(soh ? SOH : '|')) {
      const eq = field.indexOf('=');
      if (eq > 0 && !fields.has(field.slice(0, eq)))
        fields.set(field.slice(0, eq), field.slice(eq + 1));
    }
    const execType = fields.get('150') ?? '';
    const isTrade = TRADE_EXEC_TYPES.has(execType) || execType === BUST || execType === CORRECTION;
    if (fields.get('35') !== '8' || !isTrade) {
      ignored++;
      continue;
    }
    const { read, ok, identify } = fieldReader(at, problems);
    const orderId = read('11 ClOrdID', idText(fields.get('11') ?? '', 'ClOrdID (11)'));
    const execId = read('17 ExecID', idText(fields.get('17') ?? '', 'ExecID (17)'));
    identify(orderId, execId);
    const undoes =
      execType === BUST || execType === CORRECTION
        ? read(
            '19 ExecRefID',
            idText(
              fields.get('19') ?? '',
              `ExecRefID (19), the execution a trade ${execType === BUST ? 'bust' : 'correction'} takes back,`,
            ),
          )
        : undefined;
    if (execType === BUST) {
      if (ok()) executions.push({ at, orderId, execId, busts: undoes! });
      continue;
    }
    const quantity = read('32 LastQty', positiveDecimal(fields.get('32') ?? '', 'LastQty (32)'));
    const price = read('31 LastPx', positiveDecimal(fields.get('31') ?? '', 'LastPx (31)'));
    const day = fields.get('75');
    const date =
      day === undefined
        ? undefined
        : read(
            '75 TradeDate',
            /^\d{8}$/.test(day)
              ? isoDate(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`)
              : { why: `TradeDate (75) must be YYYYMMDD; got "${day}"` },
          );
    if (ok())
      executions.push({
        at,
        orderId,
        execId,
        quantity,
        price,
        ...(date === undefined ? {} : { date }),
        ...(undoes === undefined ? {} : { corrects: undoes }),
      });
  }
  return { executions, problems, ignored };
}

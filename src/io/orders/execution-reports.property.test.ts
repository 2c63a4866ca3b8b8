/**
 * Properties of the FIX execution-report reader on generated streams: every message is read,
 * reported as a problem or counted as ignored — nothing is lost or read twice — and what was
 * sent comes back exactly. Whatever the text, the reader answers and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExecutionReports } from './execution-reports.js';
import type { Execution, ExecutionBust } from './execution.js';
import { fixMessage } from './fix44.js';
import { brokerId, isoDay, positiveDecimalText } from '../test-support/execution-arbitraries.js';

/** An id a broker may send, without the `|` of the display form. */
const id = brokerId(16).map((t) => t.replaceAll('|', '!'));

/** One message as sent, and what the reader should make of it. */
type Sent =
  | { kind: 'read'; fields: [number, string][]; expected: Omit<Execution | ExecutionBust, 'at'> }
  | { kind: 'ignored'; fields: [number, string][] }
  | { kind: 'problem'; fields: [number, string][]; field: string };

const trade: fc.Arbitrary<Sent> = fc
  .record({
    orderId: id,
    execId: id,
    quantity: positiveDecimalText,
    price: positiveDecimalText,
    date: fc.option(isoDay, { nil: undefined }),
    execType: fc.constantFrom('F', '1', '2'),
  })
  .map(({ orderId, execId, quantity, price, date, execType }) => ({
    kind: 'read',
    fields: [
      [11, orderId],
      [17, execId],
      [150, execType],
      [32, quantity],
      [31, price],
      ...(date === undefined ? [] : [[75, date.replaceAll('-', '')] as [number, string]]),
    ],
    expected: { orderId, execId, quantity, price, ...(date === undefined ? {} : { date }) },
  }));

const bust: fc.Arbitrary<Sent> = fc
  .record({ orderId: id, execId: id, busts: id })
  .map(({ orderId, execId, busts }) => ({
    kind: 'read',
    fields: [
      [11, orderId],
      [17, execId],
      [150, 'H'],
      [19, busts],
    ],
    expected: { orderId, execId, busts },
  }));

const correction: fc.Arbitrary<Sent> = fc
  .record({
    orderId: id,
    execId: id,
    corrects: id,
    quantity: positiveDecimalText,
    price: positiveDecimalText,
  })
  .map(({ orderId, execId, corrects, quantity, price }) => ({
    kind: 'read',
    fields: [
      [11, orderId],
      [17, execId],
      [150, 'G'],
      [19, corrects],
      [32, quantity],
      [31, price],
    ],
    expected: { orderId, execId, quantity, price, corrects },
  }));

/** Reports of something other than a trade: new, cancelled, rejected, pending. */
const notATrade: fc.Arbitrary<Sent> = fc
  .record({ orderId: id, execType: fc.constantFrom('0', '4', '8', 'A', 'E') })
  .map(({ orderId, execType }) => ({
    kind: 'ignored',
    fields: [
      [11, orderId],
      [150, execType],
    ],
  }));

/** A trade with one field spoiled: the reader must name that field. */
const spoiled: fc.Arbitrary<Sent> = fc
  .tuple(
    trade,
    fc.constantFrom(
      [32, '-5', '32 LastQty'] as const,
      [32, '0', '32 LastQty'] as const,
      [31, 'abc', '31 LastPx'] as const,
      [75, '2026-11-20', '75 TradeDate'] as const,
      [75, '20260231', '75 TradeDate'] as const,
      [11, '', '11 ClOrdID'] as const,
      [17, ' ', '17 ExecID'] as const,
    ),
  )
  .map(([sent, [tag, value, field]]) => ({
    kind: 'problem',
    fields: [...sent.fields.filter(([t]) => t !== tag), [tag, value]],
    field,
  }));

const stream = fc.array(fc.oneof(trade, bust, correction, notATrade, spoiled), {
  minLength: 1,
  maxLength: 12,
});

/** The message as a broker sends it, SOH-delimited with length and checksum. */
const asFix = (fields: [number, string][]): string =>
  fixMessage([[35, '8'], [49, 'BRK'], [56, 'TLR'], [37, 'B-1'], ...fields]);

describe('parseExecutionReports on generated streams', () => {
  it('reads every trade, bust and correction as sent, and accounts for every message', () => {
    fc.assert(
      fc.property(stream, fc.constantFrom('\n', '\r\n', ''), (sent, separator) => {
        const file = parseExecutionReports(sent.map((s) => asFix(s.fields)).join(separator));
        const at = (i: number): string => `message ${i + 1}`;
        expect(file.executions).toEqual(
          sent.flatMap((s, i) => (s.kind === 'read' ? [{ at: at(i), ...s.expected }] : [])),
        );
        expect(file.ignored).toBe(sent.filter((s) => s.kind === 'ignored').length);
        expect(file.problems.map((p) => [p.at, p.field])).toEqual(
          sent.flatMap((s, i) => (s.kind === 'problem' ? [[at(i), s.field]] : [])),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('in the | form people read, reads the same executions', () => {
    fc.assert(
      fc.property(stream, (sent) => {
        const soh = parseExecutionReports(sent.map((s) => asFix(s.fields)).join('\n'));
        const piped = parseExecutionReports(
          sent.map((s) => asFix(s.fields).replaceAll('\u0001', '|')).join('\n'),
        );
        expect(piped).toEqual(soh);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a message changed in transit by its checksum, and reads the others', () => {
    fc.assert(
      fc.property(stream, fc.nat(), fc.nat(), (sent, which, where) => {
        const messages = sent.map((s) => asFix(s.fields));
        const i = which % messages.length;
        const m = messages[i]!;
        // One byte from MsgType (35) up to the CheckSum, as a line garbled in transit would be.
        const body = m.indexOf('35=8');
        const end = m.lastIndexOf('\u000110=');
        const pos = body + (where % (end - body));
        const c = m.charCodeAt(pos);
        messages[i] =
          m.slice(0, pos) + String.fromCharCode(c === 0x7e ? 0x21 : c + 1) + m.slice(pos + 1);
        const file = parseExecutionReports(messages.join('\n'));
        const about = (at: string) =>
          [...file.executions, ...file.problems].filter((e) => e.at === at).length;
        expect(file.problems.filter((p) => p.at === `message ${i + 1}`)).toEqual([
          expect.objectContaining({ field: '10 CheckSum' }),
        ]);
        expect(about(`message ${i + 1}`)).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('answers for any text without throwing, each message read once at most', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          stream.map((s) => s.map((m) => asFix(m.fields)).join('')),
        ),
        fc.nat(),
        (text, cut) => {
          const file = parseExecutionReports(
            text.slice(0, text.length - (cut % (text.length + 1))),
          );
          const ats = file.executions.map((e) => e.at);
          expect(new Set(ats).size).toBe(ats.length);
          const problemAts = new Set(file.problems.map((p) => p.at));
          for (const a of ats) expect(problemAts.has(a)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

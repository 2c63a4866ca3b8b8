import { describe, expect, it } from 'vitest';
import { parseExecutionReports } from './execution-reports.js';
import { isBust } from './execution.js';
import { fixMessage, SOH } from './fix44.js';

/** An execution report as a broker would send it (SOH, with length and checksum). */
const report = (fields: [number, string][]): string =>
  fixMessage([[35, '8'], [49, 'BRK'], [56, 'TLR'], [34, '7'], ...fields]);

const trade = (execId: string, qty: string, px: string, extra: [number, string][] = []) =>
  report([
    [37, 'B-1'],
    [11, 'ord-a1'],
    [17, execId],
    [150, 'F'],
    [39, '1'],
    [55, 'VTI'],
    [32, qty],
    [31, px],
    ...extra,
  ]);

describe('parseExecutionReports', () => {
  it('reads the trades of a stream of reports, one per line, and ignores the others', () => {
    const text = [
      report([
        [11, 'ord-a1'],
        [17, 'E-0'],
        [150, '0'],
        [39, '0'],
      ]), // New: not a trade
      trade('E-1', '600', '301.25', [[75, '20261120']]),
      trade('E-2', '400', '301.5'),
    ].join('\n');
    expect(parseExecutionReports(text)).toEqual({
      executions: [
        {
          at: 'message 2',
          orderId: 'ord-a1',
          execId: 'E-1',
          quantity: '600',
          price: '301.25',
          date: '2026-11-20',
        },
        { at: 'message 3', orderId: 'ord-a1', execId: 'E-2', quantity: '400', price: '301.5' },
      ],
      problems: [],
      ignored: 1,
    });
  });

  it('reads messages that follow each other without line breaks, and the | form people read', () => {
    const a = trade('E-1', '6', '10');
    const b = trade('E-2', '4', '11');
    expect(parseExecutionReports(a + b).executions.map((e) => e.execId)).toEqual(['E-1', 'E-2']);
    const piped = `8=FIX.4.4|35=8|11=ord-a1|17=E-9|150=2|32=5|31=12.5|10=000|`;
    expect(parseExecutionReports(piped).executions).toEqual([
      { at: 'message 1', orderId: 'ord-a1', execId: 'E-9', quantity: '5', price: '12.5' },
    ]);
  });

  it('reads a trade bust and a correction by the execution each takes back, in file order', () => {
    const bust = report([
      [11, 'ord-a1'],
      [17, 'E-3'],
      [19, 'E-1'],
      [150, 'H'],
      [39, '1'],
    ]);
    const correction = report([
      [11, 'ord-a1'],
      [17, 'E-4'],
      [19, 'E-2'],
      [150, 'G'],
      [32, '390'],
      [31, '301.5'],
      [75, '20261120'],
    ]);
    const file = parseExecutionReports(
      [trade('E-1', '600', '301.25'), bust, correction].join('\n'),
    );
    expect(file.executions).toEqual([
      { at: 'message 1', orderId: 'ord-a1', execId: 'E-1', quantity: '600', price: '301.25' },
      { at: 'message 2', orderId: 'ord-a1', execId: 'E-3', busts: 'E-1' },
      {
        at: 'message 3',
        orderId: 'ord-a1',
        execId: 'E-4',
        quantity: '390',
        price: '301.5',
        date: '2026-11-20',
        corrects: 'E-2',
      },
    ]);
    expect(file.executions.map(isBust)).toEqual([false, true, false]);
    expect(file.problems).toEqual([]);
    expect(file.ignored).toBe(0);
  });

  it('names what a bust or correction lacks: the execution it takes back, or the corrected shares', () => {
    const unnamed = report([
      [11, 'ord-a1'],
      [17, 'E-5'],
      [150, 'H'],
    ]);
    const noShares = report([
      [11, 'ord-a1'],
      [17, 'E-6'],
      [19, 'E-2'],
      [150, 'G'],
      [31, '301.5'],
    ]);
    const file = parseExecutionReports([unnamed, noShares].join('\n'));
    expect(file.executions).toEqual([]);
    expect(file.problems).toEqual([
      {
        at: 'message 1',
        field: '19 ExecRefID',
        message:
          'ExecRefID (19), the execution a trade bust takes back, must be 1–128 printable characters; got ""',
        orderId: 'ord-a1',
        execId: 'E-5',
      },
      {
        at: 'message 2',
        field: '32 LastQty',
        message: 'LastQty (32) must be a decimal number above 0 (like 12.5); got ""',
        orderId: 'ord-a1',
        execId: 'E-6',
      },
    ]);
  });

  it('names the tag of each bad field, and refuses a message whose checksum does not match', () => {
    const bad = trade('E-1', '-5', '10', [[75, '2026-11-20']]);
    const changed = trade('E-2', '4', '11').replace(`32=4${SOH}`, `32=5${SOH}`);
    const file = parseExecutionReports(`${bad}\n${changed}`);
    expect(file.executions).toEqual([]);
    expect(file.problems).toEqual([
      {
        at: 'message 1',
        field: '32 LastQty',
        message: 'LastQty (32) must be a decimal number above 0 (like 12.5); got "-5"',
        orderId: 'ord-a1',
        execId: 'E-1',
      },
      {
        at: 'message 1',
        field: '75 TradeDate',
        message: 'TradeDate (75) must be YYYYMMDD; got "2026-11-20"',
        orderId: 'ord-a1',
        execId: 'E-1',
      },
      {
        at: 'message 2',
        field: '10 CheckSum',
        message: expect.stringMatching(
          /^CheckSum \(10\) is \d{3} but the message sums to \d{3}: it was changed or cut short$/,
        ),
      },
    ]);
    expect(parseExecutionReports('hello').problems).toEqual([
      { at: 'message 1', message: 'no FIX message (each starts with 8=FIX)' },
    ]);
  });
});

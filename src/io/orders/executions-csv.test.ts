import { describe, expect, it } from 'vitest';
import { parseExecutionsCsv } from './executions-csv.js';

describe('parseExecutionsCsv', () => {
  it('reads executions in any column order, leaving a broker’s other columns alone', () => {
    const file = parseExecutionsCsv(
      'price,quantity,venue,exec_id,order_id,date\r\n' +
        '301.25,600,XNYS,E-1,ord-a1,2026-11-20\r\n' +
        '301.5,400,XNAS,E-2,ord-a1,\r\n',
    );
    expect(file).toEqual({
      executions: [
        {
          at: 'line 2',
          orderId: 'ord-a1',
          execId: 'E-1',
          quantity: '600',
          price: '301.25',
          date: '2026-11-20',
        },
        { at: 'line 3', orderId: 'ord-a1', execId: 'E-2', quantity: '400', price: '301.5' },
      ],
      problems: [],
      ignored: 0,
    });
  });

  it('names the line and column of each bad cell and keeps the good rows', () => {
    const file = parseExecutionsCsv(
      'order_id,exec_id,quantity,price,date\n' +
        'ord-a1,E-1,0,301.25,2026-11-20\n' +
        'ord-a1,,12,1e3,2026-02-30\n' +
        'ord-a1,E-3,12,301,\n',
    );
    expect(file.executions.map((e) => e.execId)).toEqual(['E-3']);
    expect(file.problems).toEqual([
      // Each names the order and execution, those of them that could be read.
      {
        at: 'line 2',
        field: 'quantity',
        message: 'quantity must be a decimal number above 0 (like 12.5); got "0"',
        orderId: 'ord-a1',
        execId: 'E-1',
      },
      {
        at: 'line 3',
        field: 'exec_id',
        message: 'exec_id must be 1–128 printable characters; got ""',
        orderId: 'ord-a1',
      },
      {
        at: 'line 3',
        field: 'price',
        message: 'price must be a decimal number above 0 (like 12.5); got "1e3"',
        orderId: 'ord-a1',
      },
      {
        at: 'line 3',
        field: 'date',
        message: 'date must be a day as YYYY-MM-DD; got "2026-02-30"',
        orderId: 'ord-a1',
      },
    ]);
  });

  it('says which columns a header lacks, and that an empty file is empty', () => {
    expect(parseExecutionsCsv('order,exec_id,qty,price\nx,y,1,2\n').problems).toEqual([
      {
        at: 'line 1',
        message:
          'the header lacks order_id, quantity; it needs order_id, exec_id, quantity, price (and may have date)',
      },
    ]);
    expect(parseExecutionsCsv('').problems).toEqual([
      { at: 'line 1', message: 'the file is empty' },
    ]);
  });
});

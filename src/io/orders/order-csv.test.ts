import { describe, expect, it } from 'vitest';
import { parseCsv } from '../feed/csv.js';
import { csvField, ORDER_CSV_COLUMNS, ordersCsv } from './order-csv.js';

describe('orders as CSV', () => {
  it('writes one CRLF record per allocation under a header', () => {
    const text = ordersCsv([
      {
        id: 'ord-1',
        symbol: 'VTI',
        side: 'sell',
        quantity: '50',
        allocations: [
          {
            account: 'H1-TAX',
            quantity: '40',
            household: 'H1',
            proposal: 'p1',
            trade: 'p1:H1-TAX:0',
          },
          { account: 'H3-TAX', quantity: '10' },
        ],
      },
      { id: 'ord-2', symbol: 'BND', side: 'buy', quantity: '1', allocations: [] },
    ]);
    expect(text).toBe(
      'order_id,symbol,side,order_quantity,account,allocation_quantity,household,proposal,trade\r\n' +
        'ord-1,VTI,sell,50,H1-TAX,40,H1,p1,p1:H1-TAX:0\r\n' +
        'ord-1,VTI,sell,50,H3-TAX,10,,,\r\n' +
        'ord-2,BND,buy,1,,,,,\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, and reads back the same', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    const account = 'Smith, "Joint"\nTrust';
    const text = ordersCsv([
      {
        id: 'ord-3',
        symbol: 'VTI',
        side: 'buy',
        quantity: '2',
        allocations: [{ account, quantity: '2' }],
      },
    ]);
    const [header, row] = parseCsv(text);
    expect(header?.cells).toEqual([...ORDER_CSV_COLUMNS]);
    expect(row?.cells).toEqual(['ord-3', 'VTI', 'buy', '2', account, '2', '', '', '']);
  });
});

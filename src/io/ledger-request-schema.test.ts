import { describe, expect, it } from 'vitest';
import { formatPath } from '../domain/problem.js';
import { parseLedgerRequest } from './index.js';
import type { JsonPath } from './problem-helpers.js';
import { edited, fixture, problemCodes, problemLines, REMOVE } from './test-support/fixtures.js';

const valid = () => fixture('ledger-request');
/** The problems of the spec's example request after the changes. */
const lines = (...changes: [JsonPath, unknown][]) =>
  problemLines(parseLedgerRequest(edited(valid(), ...changes)));
const buy = {
  date: '2024-01-05',
  account: 'A',
  security: 'XYZ',
  side: 'buy',
  quantity: 1,
  price: 2,
};

describe('parseLedgerRequest: numbers', () => {
  it('accepts positive quantities and prices, and a zero fee or proceeds', () => {
    expect(lines([['transactions', 1, 'fee'], 0], [['transactions', 1, 'proceeds'], 0])).toEqual(
      [],
    );
  });

  it.each([
    [['transactions', 0, 'quantity'], -5, 'expected a number greater than 0, found -5'],
    [['transactions', 0, 'quantity'], 0, 'expected a number greater than 0, found 0'],
    [['transactions', 0, 'price'], 0, 'expected a number greater than 0, found 0'],
    [['transactions', 0, 'quantity'], '5', 'expected a number greater than 0, found "5"'],
    [['transactions', 0, 'quantity'], Infinity, 'expected a number greater than 0, found Infinity'],
    [
      ['transactions', 0, 'quantity'],
      REMOVE,
      'expected a number greater than 0, found nothing (the field is missing)',
    ],
    [['transactions', 0, 'fee'], -0.01, 'expected a number at least 0, found -0.01'],
    [['transactions', 1, 'proceeds'], -1, 'expected a number at least 0, found -1'],
    [['transactions', 1, 'lots', 0, 'quantity'], 0, 'expected a number greater than 0, found 0'],
    [['transactions', 4, 'returnOfCapital'], 0, 'expected a number greater than 0, found 0'],
    [
      ['transactions', 5, 'spinoff', 'ratio'],
      -0.25,
      'expected a number greater than 0, found -0.25',
    ],
    [
      ['transactions', 5, 'spinoff', 'basisFraction'],
      1.1,
      'expected a fraction from 0 to 1 (0.05 is 5%), found 1.1',
    ],
    [['openingLots', 0, 'costBasis'], -900, 'expected a number at least 0, found -900'],
  ] as const)('rejects %j = %s', (path, value, message) => {
    expect(lines([[...path], value])).toEqual([`${formatPath(path)}: ${message}`]);
  });
});

describe('parseLedgerRequest: dates and ids', () => {
  it('accepts 29 February of a leap year', () => {
    expect(lines([['transactions', 0, 'date'], '2024-02-29'])).toEqual([]);
  });

  it.each([
    ['2023-02-29', 'expected a real calendar date, found "2023-02-29" (no such day)'],
    ['1900-02-29', 'expected a real calendar date, found "1900-02-29" (no such day)'],
    ['2024-04-31', 'expected a real calendar date, found "2024-04-31" (no such day)'],
    ['2024-1-05', 'expected a date as YYYY-MM-DD, found "2024-1-05"'],
    ['2024-01-05T00:00:00Z', 'expected a date as YYYY-MM-DD, found "2024-01-05T00:00:00Z"'],
  ])('rejects the date %s', (date, message) => {
    expect(lines([['transactions', 0, 'date'], date])).toEqual([
      `transactions[0].date: ${message}`,
    ]);
  });

  it('rejects an empty id', () => {
    expect(lines([['openingLots', 0, 'lot'], ''])).toEqual([
      'openingLots[0].lot: expected a non-empty string (an id), found ""',
    ]);
  });

  it('rejects an opening lot bought before its holding period started', () => {
    expect(lines([['openingLots', 0, 'bought'], '2019-04-30'])).toEqual([
      'openingLots[0].bought: bought (2019-04-30) is before acquired (2019-05-01): the trade date cannot precede the holding-period start',
    ]);
    expect(lines([['openingLots', 0, 'bought'], '2019-06-01'])).toEqual([]);
    expect(lines([['openingLots', 0, 'bought'], '2019-4-30'])).toEqual([
      'openingLots[0].bought: expected a date as YYYY-MM-DD, found "2019-4-30"',
    ]);
  });
});

describe('parseLedgerRequest: kinds of transaction', () => {
  it('says which keys tell the kinds apart when none or several are present', () => {
    expect(lines([['transactions', 2], { date: '2024-03-01', security: 'XYZ' }])).toEqual([
      'transactions[2]: expected exactly one of side, split, renameTo, returnOfCapital, spinoff, found none',
    ]);
    expect(lines([['transactions', 3, 'split'], 2])).toEqual([
      'transactions[3]: expected exactly one of side, split, renameTo, returnOfCapital, spinoff, found split and renameTo',
    ]);
  });

  it('reports only the problems of the kind the key selects', () => {
    expect(lines([['transactions', 3, 'renameTo'], 42])).toEqual([
      'transactions[3].renameTo: expected a non-empty string (an id), found 42',
    ]);
  });

  it.each(['short', 'sellShort', 'shortSell', 'buyToCover', 'cover'])(
    'says short sales are not supported for side %s',
    (side) => {
      expect(lines([['transactions', 0, 'side'], side])).toEqual([
        `transactions[0].side: short sales are not supported: side must be "buy" or "sell", found "${side}"`,
      ]);
    },
  );

  it('suggests the side meant', () => {
    expect(lines([['transactions', 0, 'side'], 'Buy'])).toEqual([
      'transactions[0].side: expected "buy" or "sell", found "Buy" (did you mean "buy"?)',
    ]);
  });

  it.each(['option', 'optionType', 'putCall', 'strike', 'expiry', 'expiration'])(
    'says options are not supported for a field %s on a trade, an opening lot, or alone',
    (field) => {
      const message = `options are not supported: Tailor tracks shares of stocks and funds only (found "${field}")`;
      expect(lines([['transactions', 0, field], 'x'])).toEqual([`transactions[0]: ${message}`]);
      expect(lines([['openingLots', 0, field], 'x'])).toEqual([`openingLots[0]: ${message}`]);
      const alone = { date: '2024-01-01', account: 'A', security: 'XYZ', [field]: 'x' };
      expect(lines([['transactions', 2], alone])).toEqual([`transactions[2]: ${message}`]);
    },
  );

  it.each([2, 0.25, 1.02, '1:12', '3:2'])('accepts the split ratio %j', (split) => {
    expect(lines([['transactions', 2, 'split'], split])).toEqual([]);
  });

  it.each([0, -2, '0:1', '1:0', '1.5:1', '01:2', '1/12', '', true])(
    'rejects the split ratio %j',
    (split) => {
      expect(lines([['transactions', 2, 'split'], split])).toEqual([
        `transactions[2].split: expected a number greater than 0 or a "new:old" string of two positive integers, e.g. "1:12", found ${JSON.stringify(split)}`,
      ]);
    },
  );

  it('rejects a rename or spin-off into the same security', () => {
    expect(
      lines(
        [['transactions', 3, 'renameTo'], 'XYZ'],
        [['transactions', 5, 'spinoff', 'security'], 'XYZN'],
      ),
    ).toEqual([
      'transactions[3].renameTo: renameTo is the same as security "XYZ": a rename must change the ticker',
      'transactions[5].spinoff.security: the spun-off security is "XYZN" itself: name the new security',
    ]);
  });
});

describe('parseLedgerRequest: lots of a sell', () => {
  it('requires lots on a SPECID sell, at the sell', () => {
    expect(lines([['transactions', 1, 'lots'], REMOVE])).toEqual([
      'transactions[1]: a sell under method SPECID must name the lots it relieves: add "lots": [{ "lot": …, "quantity": … }]',
    ]);
  });

  it.each(['FIFO', 'HIFO', 'MINTAX'])(
    'accepts a sell naming its lots under method %s (specific identification), and one without',
    (method) => {
      expect(lines([['method'], method])).toEqual([]);
      expect(lines([['method'], method], [['transactions', 1, 'lots'], REMOVE])).toEqual([]);
    },
  );

  it('rejects lots whose quantities do not add up to the sale, exactly as decimals', () => {
    const sell = (quantity: number, ...picks: number[]): [JsonPath, unknown] => [
      ['transactions', 1],
      {
        ...buy,
        side: 'sell',
        quantity,
        lots: picks.map((q, i) => ({ lot: `B${i}`, quantity: q })),
      },
    ];
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(lines(sell(0.3, 0.1, 0.2))).toEqual([]);
    expect(lines(sell(40, 30))).toEqual([
      "transactions[1].lots: the lots' quantities sum to 30, not the sale's quantity 40: make them equal",
    ]);
  });

  it('rejects a lot named twice in one sell, a lot id on a sell, and lots or proceeds on a buy', () => {
    const sell = {
      ...buy,
      side: 'sell',
      quantity: 2,
      lot: 'B9',
      lots: [
        { lot: 'B1', quantity: 1 },
        { lot: 'B1', quantity: 1 },
      ],
    };
    expect(
      lines(
        [['transactions', 1], sell],
        [['transactions', 0, 'lots'], []],
        [['transactions', 0, 'proceeds'], 3],
      ),
    ).toEqual([
      'transactions[0].lots: lots names the lots a sell relieves; a buy names its new lot in "lot"',
      "transactions[0].proceeds: proceeds is only for a sell; a buy's cost is quantity × price plus fee",
      'transactions[1].lot: lot names the new lot of a buy; a sell may name the lots it relieves in "lots"',
      'transactions[1].lots[1].lot: lot "B1" appears twice (first at transactions[1].lots[0].lot): name each lot once',
    ]);
  });
});

describe('parseLedgerRequest: references and unique ids', () => {
  it('rejects accounts that are not listed, with a hint', () => {
    expect(
      lines([['transactions', 0, 'account'], 'IRX'], [['openingLots', 0, 'account'], 'B']),
    ).toEqual([
      'transactions[0].account: unknown account "IRX": list it in accounts (did you mean "IRA"?)',
      'openingLots[0].account: unknown account "B": list it in accounts',
    ]);
  });

  it('rejects repeated account ids, lot ids within an account, and overlapping wash groups', () => {
    const found = lines(
      [['accounts', 1, 'id'], 'A'],
      [['transactions', 0, 'lot'], 'O1'],
      [
        ['washGroups'],
        [
          ['SPY', 'IVV'],
          ['VOO', 'SPY'],
        ],
      ],
    );
    expect(found).toEqual([
      'accounts[1].id: account id "A" appears twice (first at accounts[0].id): account ids must be unique',
      'transactions[0].lot: lot id "O1" appears twice (first at openingLots[0].lot): lot ids must be unique within account "A"',
      'washGroups[1][1]: security "SPY" appears twice (first at washGroups[0][0]): a security belongs to at most one wash group, once',
    ]);
  });

  it('accepts the same lot id in two accounts', () => {
    expect(
      lines([
        ['openingLots', 1],
        {
          account: 'IRA',
          security: 'OLD',
          lot: 'O1',
          quantity: 1,
          costBasis: 1,
          acquired: '2020-01-01',
        },
      ]),
    ).toEqual([]);
  });
});

describe('parseLedgerRequest: unknown fields', () => {
  it.each([
    [[], 'methd', '$: unknown field "methd" (did you mean "method"?)'],
    [
      ['accounts', 0],
      'taxstatus',
      'accounts[0]: unknown field "taxstatus" (did you mean "taxStatus"?)',
    ],
    [['transactions', 0], 'fees', 'transactions[0]: unknown field "fees" (did you mean "fee"?)'],
    [['transactions', 1, 'lots', 0], 'qty', 'transactions[1].lots[0]: unknown field "qty"'],
    [
      ['transactions', 5, 'spinoff'],
      'basisfraction',
      'transactions[5].spinoff: unknown field "basisfraction" (did you mean "basisFraction"?)',
    ],
    [
      ['openingLots', 0],
      'costbasis',
      'openingLots[0]: unknown field "costbasis" (did you mean "costBasis"?)',
    ],
  ] as const)('rejects an unknown field at %j', (path, key, message) => {
    expect(lines([[...path, key], 1])).toEqual([message]);
  });

  it('names every unknown field of one object in one problem', () => {
    const result = parseLedgerRequest(
      edited(valid(), [['accounts', 0, 'x'], 1], [['accounts', 0, 'y'], 2]),
    );
    expect(problemLines(result)).toEqual(['accounts[0]: unknown field "x"; unknown field "y"']);
    expect(problemCodes(result)).toEqual(['unknown_field']);
  });
});

describe('parseLedgerRequest: the document as a whole', () => {
  it.each([
    [null, 'null'],
    [[], 'an array of 0 items'],
    ['text', '"text"'],
    [3, '3'],
  ])('rejects %j at the root', (input, found) => {
    expect(problemLines(parseLedgerRequest(input))).toEqual([
      `$: expected an object, found ${found}`,
    ]);
  });

  it('collects every problem at once, field checks and cross-field rules alike', () => {
    const result = parseLedgerRequest(
      edited(
        valid(),
        [['method'], 'fifo'],
        [['transactions', 0, 'quantity'], -5],
        [['transactions', 0, 'account'], 'Z'],
        [['transactions', 2, 'date'], '2023-02-29'],
        [['openingLots', 0, 'costbasis'], 1],
        [['accounts', 1, 'id'], 'A'],
      ),
    );
    expect(problemLines(result)).toEqual([
      'method: expected one of "FIFO", "HIFO", "SPECID", "MINTAX", found "fifo" (did you mean "FIFO"?)',
      'transactions[0].quantity: expected a number greater than 0, found -5',
      'transactions[2].date: expected a real calendar date, found "2023-02-29" (no such day)',
      'openingLots[0]: unknown field "costbasis" (did you mean "costBasis"?)',
      'accounts[1].id: account id "A" appears twice (first at accounts[0].id): account ids must be unique',
      'transactions[0].account: unknown account "Z": list it in accounts',
    ]);
    expect(problemCodes(result)).toEqual([
      'invalid_value',
      'too_small',
      'invalid_format',
      'unknown_field',
      'duplicate_id',
      'unknown_reference',
    ]);
  });
});

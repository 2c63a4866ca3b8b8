import { describe, expect, it } from 'vitest';
import { formatPath } from '../domain/problem.js';
import { parseRebalanceRequest } from './index.js';
import type { JsonPath } from './problem-helpers.js';
import { edited, fixture, problemCodes, problemLines, REMOVE } from './test-support/fixtures.js';

/** The problems of the spec's example request (completed) after the changes. */
const lines = (...changes: [JsonPath, unknown][]) =>
  problemLines(parseRebalanceRequest(edited(fixture('rebalance-request'), ...changes)));
const settings: JsonPath = ['accounts', 0, 'settings'];

describe('parseRebalanceRequest: fields', () => {
  it.each([
    [['securities', 0, 'price'], 0, 'expected a number greater than 0, found 0'],
    [['securities', 0, 'lotSize'], -1, 'expected a number greater than 0, found -1'],
    [['securities', 0, 'taxDrag'], 1.2, 'expected a fraction from 0 to 1 (0.05 is 5%), found 1.2'],
    [
      ['models', 0, 'targets', 0, 'weight'],
      -0.1,
      'expected a fraction from 0 to 1 (0.05 is 5%), found -0.1',
    ],
    [
      ['models', 0, 'targets', 0, 'weight'],
      1.5,
      'expected a fraction from 0 to 1 (0.05 is 5%), found 1.5',
    ],
    [
      ['household', 'shortTermRate'],
      40.8,
      'expected a fraction from 0 to 1 (0.05 is 5%), found 40.8',
    ],
    [['accounts', 0, 'lots', 0, 'quantity'], -100, 'expected a number greater than 0, found -100'],
    [
      ['accounts', 0, 'lots', 0, 'acquired'],
      '2021-02-29',
      'expected a real calendar date, found "2021-02-29" (no such day)',
    ],
    [
      ['accounts', 0, 'recentTrades', 1, 'side'],
      'sellShort',
      'short sales are not supported: side must be "buy" or "sell", found "sellShort"',
    ],
    [
      ['accounts', 0, 'recentTrades', 1, 'realizedLoss'],
      40,
      'expected a number at most 0, found 40',
    ],
    [
      ['accounts', 0, 'taxStatus'],
      'roth',
      'expected one of "taxable", "deferred", "exempt", found "roth"',
    ],
    [['accounts', 0, 'model'], 3, 'expected a model id or null, found 3'],
    [['accounts', 0, 'cash'], '5000', 'expected a finite number, found "5000"'],
    [
      ['accounts', 0, 'recentTrades'],
      REMOVE,
      'expected an array, found nothing (the field is missing)',
    ],
    [[...settings, 'cash', 'min'], 2, 'expected a fraction from 0 to 1 (0.05 is 5%), found 2'],
    [[...settings, 'cash', 'withdrawal'], -10, 'expected a number at least 0, found -10'],
    [
      [...settings, 'tax', 'gainBudget', 'shortTerm'],
      REMOVE,
      'expected a finite number, found nothing (the field is missing)',
    ],
    [
      [...settings, 'trading', 'mode'],
      'Full',
      'expected one of "full", "buyOnly", "sellOnly", "cashOnly", found "Full" (did you mean "full"?)',
    ],
    [
      [...settings, 'drift', 'threshold'],
      3,
      'expected a fraction from 0 to 1 (0.05 is 5%), found 3',
    ],
    [[...settings, 'risk', 'maxTrackingError'], -0.02, 'expected a number at least 0, found -0.02'],
    [['riskModel', 'specificVariance', 'AAPL'], -0.04, 'expected a number at least 0, found -0.04'],
  ] as const)('rejects %j = %j', (path, value, message) => {
    expect(lines([[...path], value])).toEqual([`${formatPath(path)}: ${message}`]);
  });

  it('accepts optional blocks left out, a null model, and a gain budget with a total', () => {
    expect(
      lines(
        [['accounts', 0, 'settings'], REMOVE],
        [['accounts', 0, 'model'], null],
        [['household', 'model'], REMOVE],
        [['riskModel'], REMOVE],
      ),
    ).toEqual([]);
    expect(lines([[...settings, 'tax', 'gainBudget', 'total'], 4000])).toEqual([]);
    expect(lines([['accounts', 0, 'recentTrades', 1, 'realizedLoss'], -40])).toEqual([]);
  });

  it('rejects a restriction that names none, or more than one, of security, sector and tag', () => {
    const restrictions = [...settings, 'restrictions'];
    expect(
      lines(
        [[...restrictions, 0, 'sector'], 'Energy'],
        [[...restrictions, 2, 'sector'], REMOVE],
        [[...restrictions, 3, 'rule'], 'never'],
      ),
    ).toEqual([
      'accounts[0].settings.restrictions[0]: expected exactly one of security, sector, tag, found security and sector',
      'accounts[0].settings.restrictions[2]: expected exactly one of security, sector, tag, found none',
      'accounts[0].settings.restrictions[3].rule: expected one of "noBuy", "noSell", "noHold", found "never"',
    ]);
  });

  it('says options are not supported on a held lot', () => {
    expect(lines([['accounts', 0, 'lots', 0, 'strike'], 150])).toEqual([
      'accounts[0].lots[0]: options are not supported: Tailor tracks shares of stocks and funds only (found "strike")',
    ]);
  });
});

describe('parseRebalanceRequest: unknown fields at every depth', () => {
  it.each([
    [[], 'asof', '$: unknown field "asof" (did you mean "asOf"?)'],
    [
      ['securities', 0],
      'washgroup',
      'securities[0]: unknown field "washgroup" (did you mean "washGroup"?)',
    ],
    [
      ['models', 0, 'targets', 0],
      'wieght',
      'models[0].targets[0]: unknown field "wieght" (did you mean "weight"?)',
    ],
    [['riskModel'], 'factor', 'riskModel: unknown field "factor" (did you mean "factors"?)'],
    [['household'], 'taxRate', 'household: unknown field "taxRate"'],
    [
      ['accounts', 0, 'lots', 0],
      'costbasis',
      'accounts[0].lots[0]: unknown field "costbasis" (did you mean "costBasis"?)',
    ],
    [['accounts', 0, 'recentTrades', 0], 'fee', 'accounts[0].recentTrades[0]: unknown field "fee"'],
    [
      [...settings],
      'restriction',
      'accounts[0].settings: unknown field "restriction" (did you mean "restrictions"?)',
    ],
    [
      [...settings, 'tax', 'gainBudget'],
      'totl',
      'accounts[0].settings.tax.gainBudget: unknown field "totl" (did you mean "total"?)',
    ],
    [
      [...settings, 'substitutions', 0],
      'into',
      'accounts[0].settings.substitutions[0]: unknown field "into"',
    ],
  ] as const)('rejects an unknown field in %j', (path, key, message) => {
    expect(lines([[...path, key], 1])).toEqual([message]);
  });
});

describe('parseRebalanceRequest: models', () => {
  it('accepts weights summing to 1 within 1e-9 and rejects more', () => {
    const weights = (a: number, b: number): [JsonPath, unknown] => [
      ['models', 0, 'targets'],
      [
        { security: 'VTI', weight: a },
        { security: 'AGG', weight: b },
      ],
    ];
    expect(lines(weights(0.6, 0.4 + 5e-10))).toEqual([]);
    expect(lines(weights(0.6, 0.4 + 1e-8))).toEqual([
      "models[0].targets: the weights sum to 1.00000001: a model's weights must sum to at most 1 (the remainder is cash)",
    ]);
  });

  it('rejects sub-models, account models and household models that do not exist', () => {
    expect(
      lines(
        [['models', 1, 'targets', 1, 'model'], 'Tech'],
        [['accounts', 0, 'model'], 'us-cor'],
        [['household', 'model'], 'balanced'],
      ),
    ).toEqual([
      'models[1].targets[1].model: unknown model "Tech": list it in models (did you mean "tech"?)',
      'accounts[0].model: unknown model "us-cor": list it in models (did you mean "us-core"?)',
      'household.model: unknown model "balanced": list it in models',
    ]);
  });

  it('rejects a model that contains itself, directly or through others', () => {
    const loop = { model: 'growth-blend', weight: 0.1 };
    const self = { model: 'us-core', weight: 0.01 };
    const result = parseRebalanceRequest(
      edited(
        fixture('rebalance-request'),
        [['models', 2, 'targets', 2, 'weight'], 0.1],
        [['models', 2, 'targets', 3], loop],
        [['models', 0, 'targets', 2], self],
      ),
    );
    expect(problemLines(result)).toEqual([
      'models[0].targets[2].model: model cycle us-core → us-core: a model may not contain itself',
      'models[2].targets[3].model: model cycle growth-blend → tech → growth-blend: a model may not contain itself',
    ]);
    expect(problemCodes(result)).toEqual(['model_cycle', 'model_cycle']);
  });

  it('rejects a target named twice in one model', () => {
    expect(lines([['models', 0, 'targets', 1, 'security'], 'VTI'])).toEqual([
      'models[0].targets[1].security: security "VTI" appears twice (first at models[0].targets[0].security): name each target of a model once',
    ]);
  });
});

describe('parseRebalanceRequest: securities named anywhere are listed', () => {
  it.each([
    [['models', 0, 'targets', 0, 'security']],
    [['accounts', 0, 'lots', 0, 'security']],
    [['accounts', 0, 'recentTrades', 0, 'security']],
    [['accounts', 0, 'settings', 'restrictions', 0, 'security']],
    [['accounts', 0, 'settings', 'substitutions', 0, 'from']],
    [['accounts', 0, 'settings', 'substitutions', 0, 'to']],
  ] as const)('at %j', (path) => {
    expect(lines([[...path], 'GOOG'])).toEqual([
      `${formatPath(path)}: unknown security "GOOG": list it in securities`,
    ]);
  });

  it('in the risk model', () => {
    expect(
      lines(
        [
          ['riskModel', 'exposures', 'AAPLE'],
          [1, 0],
        ],
        [['riskModel', 'specificVariance', 'QQQ'], 0.1],
      ),
    ).toEqual([
      'riskModel.exposures.AAPLE: unknown security "AAPLE": list it in securities (did you mean "AAPL"?)',
      'riskModel.specificVariance.QQQ: unknown security "QQQ": list it in securities',
    ]);
  });
});

describe('parseRebalanceRequest: shapes and unique ids', () => {
  it('rejects risk-model rows and a covariance that do not match the factors', () => {
    expect(
      lines(
        [['riskModel', 'exposures', 'AAPL'], [1.1]],
        [
          ['riskModel', 'factorCovariance'],
          [
            [0.03, 0, 0],
            [0, 0.01, 0],
          ],
        ],
      ),
    ).toEqual([
      'riskModel.exposures.AAPL: expected 2 exposures, one per factor (factors has 2), found 1',
      'riskModel.factorCovariance[0]: expected 2 columns (factors has 2), found 3',
      'riskModel.factorCovariance[1]: expected 2 columns (factors has 2), found 3',
    ]);
    expect(lines([['riskModel', 'factorCovariance'], [[0.03, 0]]])).toEqual([
      'riskModel.factorCovariance: expected 2 rows (factors has 2), found 1',
    ]);
  });

  it('rejects repeated ids: securities, models, accounts, and lots within an account', () => {
    const request = fixture('rebalance-request') as { accounts: unknown[] };
    const lot = { id: 'L1', security: 'T', quantity: 1, costBasis: 20, acquired: '2020-01-02' };
    expect(
      lines(
        [['securities', 8], { id: 'AAPL', price: 190 }],
        [['models', 3], { id: 'us-core', targets: [] }],
        [['accounts', 1], request.accounts[0]],
        [['accounts', 0, 'lots', 1], lot],
      ),
    ).toEqual([
      'securities[8].id: id "AAPL" appears twice (first at securities[0].id): ids in securities must be unique',
      'models[3].id: id "us-core" appears twice (first at models[0].id): ids in models must be unique',
      'accounts[1].id: id "A1" appears twice (first at accounts[0].id): ids in accounts must be unique',
      'accounts[0].lots[1].id: lot id "L1" appears twice (first at accounts[0].lots[0].id): lot ids must be unique within an account',
    ]);
  });
});

describe('parseRebalanceRequest: substitutions', () => {
  it('rejects a security substituted by itself or twice in one account', () => {
    const substitutions = [...settings, 'substitutions'];
    expect(
      lines(
        [[...substitutions, 0, 'to'], 'VTI'],
        [[...substitutions, 1], { from: 'VTI', to: 'AGG' }],
      ),
    ).toEqual([
      'accounts[0].settings.substitutions[0].to: "VTI" is substituted by itself: name a different security in "to"',
      'accounts[0].settings.substitutions[1].from: security "VTI" appears twice (first at accounts[0].settings.substitutions[0].from): substitute each security once',
    ]);
  });

  it('with a household model, rejects tradable accounts that substitute one security differently', () => {
    const second = {
      id: 'IRA',
      taxStatus: 'deferred',
      model: null,
      cash: 0,
      lots: [],
      recentTrades: [],
      settings: { substitutions: [{ from: 'VTI', to: 'AGG' }] },
    };
    const conflict: [JsonPath, unknown][] = [
      [['accounts', 1], second],
      [['household', 'model'], 'us-core'],
    ];
    expect(lines(...conflict)).toEqual([
      'accounts[1].settings.substitutions[0].to: "VTI" is substituted by "AGG" here but by "ITOT" at accounts[0].settings.substitutions[0].to: with a household model every tradable account must substitute it the same way',
    ]);
    expect(lines(...conflict, [['accounts', 1, 'tradable'], false])).toEqual([]);
    expect(lines(conflict[0]!)).toEqual([]);
  });
});

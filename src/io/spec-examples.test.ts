import { describe, expect, it } from 'vitest';
import {
  parseLedgerRequest,
  parseLedgerResponse,
  parseRebalanceRequest,
  parseRebalanceResponse,
} from './index.js';
import { edited, fixture, problemLines } from './test-support/fixtures.js';

describe('the example documents of docs/interchange.md', () => {
  it.each([
    ['ledger-request', parseLedgerRequest],
    ['ledger-response', parseLedgerResponse],
    ['rebalance-request', parseRebalanceRequest],
    ['rebalance-response', parseRebalanceResponse],
  ] as const)('%s parses to exactly the document', (name, parse) => {
    const document = fixture(name);
    const result = parse(document);
    expect(problemLines(result)).toEqual([]);
    expect(result.ok && result.value).toEqual(document);
  });

  it('accepts the ledger example as printed, with method FIFO and a sell naming its lots', () => {
    // A sell that names its lots relieves those lots under any method (specific identification).
    const asPrinted = edited(fixture('ledger-request'), [['method'], 'FIFO']);
    expect(problemLines(parseLedgerRequest(asPrinted))).toEqual([]);
  });

  it('rejects the rebalance example as printed, which names securities it does not list', () => {
    const asPrinted = edited(
      fixture('rebalance-request'),
      [['securities'], [{ id: 'AAPL', price: 190.12 }]],
      [['models'], [{ id: 'us-core', targets: [{ security: 'VTI', weight: 0.6 }] }]],
    );
    expect(problemLines(parseRebalanceRequest(asPrinted))).toEqual([
      'models[0].targets[0].security: unknown security "VTI": list it in securities',
      'accounts[0].recentTrades[0].security: unknown security "MSFT": list it in securities',
      'accounts[0].recentTrades[1].security: unknown security "NVDA": list it in securities',
      'accounts[0].settings.restrictions[0].security: unknown security "XOM": list it in securities',
      'accounts[0].settings.restrictions[1].security: unknown security "T": list it in securities',
      'accounts[0].settings.substitutions[0].from: unknown security "VTI": list it in securities',
      'accounts[0].settings.substitutions[0].to: unknown security "ITOT": list it in securities',
    ]);
  });
});

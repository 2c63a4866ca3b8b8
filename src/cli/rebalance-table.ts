/**
 * The rebalance response as text a person reads: per account its figures before and after, the
 * proposed trades with the lots each sale relieves, and whatever gave way or needs attention.
 */
import type {
  AccountProposal,
  ProposedTrade,
  RebalanceResponse,
  Relaxation,
} from '../domain/index.js';
import { formatMoney, formatPercent, formatQuantity, formatTable } from './format-table.js';

/**
 * Renders a rebalance response for a terminal, one block per account.
 *
 * @example
 * process.stdout.write(`${rebalanceTable(rebalance(request))}\n`);
 */
export function rebalanceTable(response: RebalanceResponse): string {
  const heading = `Rebalance as of ${response.asOf}: ${response.accounts.length} account(s)`;
  return [heading, ...response.accounts.map(accountBlock)].join(`\n\n${'='.repeat(72)}\n\n`);
}

function accountBlock(account: AccountProposal): string {
  const { summary } = account;
  const sections: string[] = [`Account ${account.id}: ${account.status}\n${figures(account)}`];
  if (account.error !== null) {
    sections.push(`Error (${account.error.code}): ${account.error.message}`);
  }
  sections.push(
    account.trades.length === 0
      ? 'No trades'
      : `Trades (${account.trades.length})\n${tradesTable(account.trades)}`,
  );
  if (summary.relaxed.length > 0) {
    sections.push(`Relaxed (${summary.relaxed.length})\n${relaxedTable(summary.relaxed)}`);
  }
  if (summary.binding !== undefined && summary.binding.length > 0) {
    const table = formatTable(
      [{ heading: 'Constraint' }, { heading: 'Shadow price', numeric: true }, { heading: 'Why' }],
      summary.binding.map((b) => [b.constraint, formatNumber(b.shadowPrice), b.explanation]),
    );
    sections.push(`Binding constraints (${summary.binding.length})\n${table}`);
  }
  if (summary.customizationCost !== undefined && summary.customizationCost.length > 0) {
    const table = formatTable(
      [
        { heading: 'Customization' },
        { heading: 'Tracking error', numeric: true },
        { heading: 'Tax', numeric: true },
      ],
      summary.customizationCost.map((c) => [
        c.customization,
        formatPercent(c.trackingError),
        formatMoney(c.tax),
      ]),
    );
    sections.push(`Cost of customizations (${summary.customizationCost.length})\n${table}`);
  }
  if (summary.warnings.length > 0) {
    const lines = summary.warnings.map((w) => `- ${w}`).join('\n');
    sections.push(`Warnings (${summary.warnings.length})\n${lines}`);
  }
  return sections.join('\n\n');
}

/** Before and after side by side, then what the proposal realizes and costs. */
function figures(account: AccountProposal): string {
  const { before, after, realized } = account.summary;
  return formatTable(
    [{ heading: '' }, { heading: 'Before', numeric: true }, { heading: 'After', numeric: true }],
    [
      ['Value', formatMoney(before.value), formatMoney(after.value)],
      ['Cash', formatMoney(before.cash), formatMoney(after.cash)],
      ['Tracking error', formatPercent(before.trackingError), formatPercent(after.trackingError)],
      ['Max drift', formatPercent(before.maxDrift), formatPercent(after.maxDrift)],
      ['Turnover', '', formatPercent(account.summary.turnover)],
      ['Realized short-term', '', formatMoney(realized.shortTerm)],
      ['Realized long-term', '', formatMoney(realized.longTerm)],
      ['Wash-sale disallowed', '', formatMoney(realized.washSaleDisallowed)],
      ['Estimated tax', '', formatMoney(account.summary.estimatedTax)],
    ],
  );
}

/** One row per trade; under each sell, one row per lot it relieves with its gain and term. */
function tradesTable(trades: readonly ProposedTrade[]): string {
  const rows: string[][] = [];
  for (const t of trades) {
    rows.push([
      t.side,
      t.security,
      '',
      formatQuantity(t.quantity),
      formatMoney(t.price),
      formatMoney(t.value),
      '',
      '',
      '',
      t.reasons.join(', '),
    ]);
    for (const lot of t.lots ?? []) {
      const wash =
        lot.washSaleDisallowed === undefined || lot.washSaleDisallowed === 0
          ? ''
          : `wash sale: ${formatMoney(lot.washSaleDisallowed)} disallowed`;
      rows.push([
        '',
        '',
        lot.lot,
        formatQuantity(lot.quantity),
        '',
        '',
        formatMoney(lot.costBasis),
        formatMoney(lot.gain),
        lot.term,
        wash,
      ]);
    }
  }
  return formatTable(
    [
      { heading: 'Side' },
      { heading: 'Security' },
      { heading: 'Lot' },
      { heading: 'Quantity', numeric: true },
      { heading: 'Price', numeric: true },
      { heading: 'Value', numeric: true },
      { heading: 'Cost basis', numeric: true },
      { heading: 'Gain', numeric: true },
      { heading: 'Term' },
      { heading: 'Reasons' },
    ],
    rows,
  );
}

function relaxedTable(relaxed: readonly Relaxation[]): string {
  return formatTable(
    [
      { heading: 'Setting' },
      { heading: 'Limit', numeric: true },
      { heading: 'Actual', numeric: true },
    ],
    relaxed.map((r) => [
      r.setting,
      formatLimit(r.setting, r.limit),
      formatLimit(r.setting, r.actual),
    ]),
  );
}

/** Currency settings as money; the others (tracking error, turnover, drift) are fractions. */
function formatLimit(setting: string, value: number): string {
  return /gainBudget|minTradeValue|minHarvest|withdrawal/.test(setting)
    ? formatMoney(value)
    : formatPercent(value);
}

const plain = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });

function formatNumber(value: number): string {
  return plain.format(value);
}

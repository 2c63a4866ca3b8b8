/**
 * `tailor transition`: plan a legacy household's move to its models over several years, under
 * each of several annual gain budgets, and compare the schedules (docs/optimization.md,
 * "Transition plans").
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type * as TransitionModule from '../../backtest/transition/index.js';
import type { TransitionPlan, TransitionProgress } from '../../backtest/transition/index.js';
import { formatProblems } from '../../domain/index.js';
import type { RebalanceRequest } from '../../domain/index.js';
import { parseJsonText, parseRebalanceRequest } from '../../io/index.js';
import { CliError } from '../cli-error.js';
import { readInput } from '../files.js';
import { formatTable } from '../format-table.js';

interface TransitionCliOptions {
  in: string;
  budgets: string;
  years: string;
  targetTe: string;
  format: string;
  out?: string;
}

/** What the options say, checked. */
interface TransitionSettings {
  budgetsUsd: (number | null)[];
  years: number;
  targetTrackingError: number;
  format: 'table' | 'json';
}

const DEFAULT_BUDGETS = '0,10000,50000,unlimited';
const MAX_YEARS = 100;

/** `0,10000,unlimited` → [0, 10000, null]; a usage error naming `--budgets` otherwise. */
export function parseBudgets(text: string): (number | null)[] {
  const items = text.split(',').map((s) => s.trim());
  const budgets = items.map((item) => {
    if (item.toLowerCase() === 'unlimited') return null;
    if (!/^\d+(\.\d+)?$/.test(item)) {
      throw new CliError(
        `--budgets must be a comma-separated list of annual gain budgets in USD (numbers ≥ 0) or "unlimited", e.g. ${DEFAULT_BUDGETS}; found "${item}"`,
        2,
      );
    }
    return Number(item);
  });
  const seen = new Set<number | null>();
  for (const [i, b] of budgets.entries()) {
    if (seen.has(b)) throw new CliError(`--budgets lists "${items[i]}" twice`, 2);
    seen.add(b);
  }
  return budgets;
}

function checkOptions(options: TransitionCliOptions): TransitionSettings {
  if (options.format !== 'table' && options.format !== 'json') {
    throw new CliError(`--format must be table or json, not "${options.format}"`, 2);
  }
  const years = /^\d+$/.test(options.years) ? Number(options.years) : Number.NaN;
  if (!(years >= 1 && years <= MAX_YEARS)) {
    throw new CliError(
      `--years must be a whole number from 1 to ${MAX_YEARS}, not "${options.years}"`,
      2,
    );
  }
  const target = /^\d*\.?\d+$/.test(options.targetTe) ? Number(options.targetTe) : Number.NaN;
  if (!(target > 0 && target < 1)) {
    throw new CliError(
      `--target-te must be a fraction between 0 and 1 (0.005 is 0.5%), not "${options.targetTe}"`,
      2,
    );
  }
  return {
    budgetsUsd: parseBudgets(options.budgets),
    years,
    targetTrackingError: target,
    format: options.format,
  };
}

async function readRequest(file: string): Promise<RebalanceRequest> {
  const text = await readInput(file).catch((cause: unknown) => {
    throw new CliError(`cannot read ${file}: ${(cause as Error).message}`, 1, { cause });
  });
  const json = parseJsonText(text, file);
  if (!json.ok) throw new CliError(`${file} is not valid JSON:\n${formatProblems(json.problems)}`);
  const request = parseRebalanceRequest(json.value);
  if (!request.ok) {
    throw new CliError(
      `${file} is not a valid rebalance request (${request.problems.length} problem(s)):\n${formatProblems(request.problems)}`,
    );
  }
  return request.value;
}

/**
 * The planner and its renderers, loaded only when the command runs: the other commands (and
 * `--help`) never pay for loading the solver and the default risk model.
 */
type Transition = typeof TransitionModule;

/** One line per budget and year on a terminal; nothing in logs and pipes. */
function progressLine(t: Transition): ((p: TransitionProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const y = p.year;
    process.stderr.write(
      `transition: budget ${p.budgetIndex + 1}/${p.budgets} (${t.budgetLabel(p.budgetUsd)})  year ${y.year}/${p.years}` +
        `  ${y.trades} trades  TE ${t.formatPercent(y.trackingErrorAfter)}${y.converged ? '  converged' : ''}\n`,
    );
  };
}

/** The plan for people: the setting, one block per budget, then the comparison. */
function planText(t: Transition, plan: TransitionPlan): string {
  const years = `${plan.years} year${plan.years === 1 ? '' : 's'}`;
  const lines = [
    `Transition plan for household ${plan.householdId} from ${plan.asOf}: ${plan.budgets.length} budget(s), at most ${years}, target tracking error ${t.formatPercent(plan.targetTrackingError)}`,
    `Before: value ${t.formatUsd(plan.before.valueUsd)}, tracking error ${t.formatPercent(plan.before.trackingError)}, largest drift ${t.formatPercent(plan.before.maxDrift)}`,
    "Prices are held at the request's: a schedule under today's prices, to be re-planned as prices move.",
  ];
  for (const budget of plan.budgets) {
    const table = t.yearTable(budget);
    lines.push(
      '',
      `Budget ${t.budgetName(budget.budgetUsd)}: ${t.convergenceLabel(budget, plan)}, total tax ${t.formatUsd(budget.totalTaxUsd)}`,
      formatTable(table.columns, table.rows),
    );
  }
  const comparison = t.comparisonTable(plan);
  lines.push('', 'Comparison', formatTable(comparison.columns, comparison.rows));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the four report files into `dir`: all rendered first, so a rendering error writes
 * nothing, then each with the backtest report's atomic writer (a temporary name, flushed, then
 * renamed), so a failure never leaves a half-written file.
 */
async function writeReport(t: Transition, dir: string, plan: TransitionPlan): Promise<void> {
  const files: [string, string][] = [
    ['plan.json', `${JSON.stringify(plan, null, 2)}\n`],
    ['plan.csv', t.planCsv(plan)],
    ['tracking-error.svg', t.planSvg(plan)],
    ['report.html', t.planHtml(plan)],
  ];
  const { writeFileAtomic } = await import('../../backtest/report/index.js');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of files) writeFileAtomic(join(dir, name), text);
}

async function runTransition(options: TransitionCliOptions): Promise<void> {
  const settings = checkOptions(options);
  const request = await readRequest(options.in);
  const t: Transition = await import('../../backtest/transition/index.js');
  const plan = t.planTransition(request, settings, progressLine(t));
  if (options.out) {
    await writeReport(t, options.out, plan).catch((cause: unknown) => {
      throw new CliError(`cannot write to ${options.out}: ${(cause as Error).message}`, 1, {
        cause,
      });
    });
  }
  process.stdout.write(
    settings.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : planText(t, plan),
  );
}

const DESCRIPTION = [
  "Plans a legacy household's move to its models over several years under annual gain budgets,",
  'and compares the budgets. Reads one household (the rebalance request of',
  'docs/interchange.md §1). For each budget b the taxable tradable accounts get',
  'settings.tax.gainBudget = {shortTerm: b, longTerm: b, total: b} (unlimited: none; budgets on',
  'other accounts are removed, since the household takes the strictest); every other setting',
  "stays. Year 1 is the request's asOf, year y a calendar year later each time: each year is one",
  'rebalance whose trades are booked (sells relieve the lots the engine names, buys open lots',
  'dated that year at cost = value, cash moves by the trade values; a withdrawal is paid once),',
  'recent trades are cleared and lots age (short-term lots turn long-term). Prices are held at',
  "the request's prices: the plan is a schedule under today's prices, to be re-planned as",
  'prices move. A budget converges in the first year after whose trades every tradable account',
  'has tracking error at most --target-te; it stops there. Per year: trades, buys, sells, net',
  'realized short- and long-term gains (taxable accounts), estimated tax, tracking error after',
  '(weighted by account value after trading) and the largest drift. The engine weighs tracking',
  'error against tax (docs/optimization.md §6): without settings.risk.maxTrackingError a',
  'household may settle above the target even with no budget; set it to the target to drive the',
  'plan there. On an invalid request it names every problem and exits 1; bad options exit 2.',
].join(' ');

/** Adds `transition` to the program. */
export function registerTransition(program: Command): void {
  program
    .command('transition')
    .summary("plan a legacy portfolio's move to its model over years under annual gain budgets")
    .description(DESCRIPTION)
    .requiredOption('-i, --in <file>', 'rebalance request JSON file ("-" for standard input)')
    .option(
      '-b, --budgets <list>',
      'annual caps on net realized gains across the taxable accounts, USD, comma-separated; "unlimited" for none',
      DEFAULT_BUDGETS,
    )
    .option('-y, --years <n>', 'at most this many yearly steps per budget', '10')
    .option(
      '-t, --target-te <fraction>',
      'converged when every tradable account has tracking error at most this (0.005 = 0.5%)',
      '0.005',
    )
    .option('-f, --format <format>', 'table (for people) or json (the whole plan)', 'table')
    .option(
      '-o, --out <dir>',
      'also write plan.json, plan.csv (one row per budget and year), tracking-error.svg and report.html here',
    )
    .addHelpText(
      'after',
      [
        '',
        'Progress (one line per budget and year) goes to standard error when it is a terminal.',
        '',
        'Example:',
        '  tailor transition --in examples/transition/legacy-household.json --out plan/',
        '  tailor transition --in request.json --budgets 25000,100000,unlimited --years 15 --format json',
        '',
      ].join('\n'),
    )
    .action(async (options: TransitionCliOptions) => {
      await runTransition(options);
    });
}

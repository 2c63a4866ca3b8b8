/**
 * A money amount coloured by what it means: gains green and losses red; with `cost`, the other
 * way round (tax owed is red, tax saved green).
 */
import { money } from '../format/format';

/** Props of {@link SignedMoney}. */
export interface SignedMoneyProps {
  value: number | null | undefined;
  /** The amount is a cost: positive is bad. */
  cost?: boolean;
}

/** The amount as `$1,234` or `-$1,234`, coloured. */
export function SignedMoney({ value, cost = false }: SignedMoneyProps) {
  // `pos` is green and `neg` red; a cost turns them round.
  const whenPositive = cost ? 'neg' : 'pos';
  const whenNegative = cost ? 'pos' : 'neg';
  const tone = !value || Math.round(value) === 0 ? '' : value > 0 ? whenPositive : whenNegative;
  return <span className={tone}>{money(value)}</span>;
}

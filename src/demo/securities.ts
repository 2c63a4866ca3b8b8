/**
 * The demo's securities: every priced S&P 500 member (GICS sector, tags from the sub-industry)
 * and every priced ETF (asset class, wash group, tax drag, cash equivalence).
 */
import type { FirmSecurity } from '../store/index.js';
import type { DemoEtf, DemoMarket, DemoStock } from './market-data.js';

/** Screening tags derived from the GICS sub-industry (the labels tag restrictions match). */
const TAGS_BY_SUB_INDUSTRY: readonly [RegExp, string][] = [
  [/^Tobacco$/, 'tobacco'],
  [/Oil & Gas|Coal/, 'fossil-fuels'],
  [/^Brewers$|^Distillers/, 'alcohol'],
  [/^Casinos/, 'gambling'],
  [/^Aerospace & Defense$/, 'defense'],
];

/** The tags of a stock. */
export function stockTags(stock: DemoStock): string[] {
  return TAGS_BY_SUB_INDUSTRY.filter(([re]) => re.test(stock.subIndustry)).map(([, tag]) => tag);
}

/**
 * Substitute groups whose funds track the same index or hold the same asset, so a swap between
 * them is a wash sale: S&P 500 (SPY, IVV, VOO), Nasdaq-100 (QQQ, QQQM), physical gold (GLD,
 * IAU, GLDM). Other groups of `etf-universe.csv` (e.g. VTI / ITOT / SCHB) track different
 * indexes: they are the substitutes, not wash-sale twins.
 */
export const SAME_INDEX_GROUPS: ReadonlySet<string> = new Set(['US_SP500', 'US_NASDAQ100', 'GOLD']);

/**
 * Yearly tax drag in a taxable account (income yield × an ordinary rate of about 35%), by ETF
 * category; an estimate, not shipped data. Municipal bonds pay tax-exempt income: no drag.
 */
const TAX_DRAG: Readonly<Record<string, string>> = {
  fixed_income: '0.009',
  us_high_yield: '0.018',
  em_bond_usd: '0.015',
  us_municipal: '0',
  real_estate: '0.012',
  cash_equivalent: '0.004',
};

function etfSecurity(etf: DemoEtf): FirmSecurity {
  const drag = TAX_DRAG[etf.category] ?? TAX_DRAG[etf.assetClass];
  return {
    id: etf.id,
    name: etf.name,
    assetClass: etf.assetClass,
    tags: ['etf'],
    washGroup: SAME_INDEX_GROUPS.has(etf.substituteGroup) ? etf.substituteGroup : null,
    cashEquivalent: etf.assetClass === 'cash_equivalent',
    taxDrag: drag ?? null,
  };
}

/** Every security of the demo market, stocks first (file order), then ETFs. */
export function demoSecurities(market: DemoMarket): FirmSecurity[] {
  return [
    ...market.stocks.map((s) => ({
      id: s.id,
      name: s.name,
      assetClass: 'equity',
      sector: s.sector,
      tags: stockTags(s),
    })),
    ...market.etfs.map(etfSecurity),
  ];
}

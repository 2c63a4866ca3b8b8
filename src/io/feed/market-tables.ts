/** `securities.csv` and `prices.csv`. */
import { booleanCell, dateCell, decimalCell, idCell, tagsCell, textCell } from './cells.js';
import type { FeedPrice, FeedSecurity } from './feed-data.js';
import { refIn, type TableSpec } from './table-spec.js';

/** One row per security, upserted by `id`. */
export const securitiesTable: TableSpec<FeedSecurity> = {
  file: 'securities.csv',
  columns: [
    { name: 'id', required: true },
    { name: 'name', required: false },
    { name: 'asset_class', required: false },
    { name: 'sector', required: false },
    { name: 'tags', required: false },
    { name: 'wash_group', required: false },
    { name: 'lot_size', required: false },
    { name: 'cash_equivalent', required: false },
    { name: 'tax_drag', required: false },
  ],
  read(r) {
    const id = r.required('id', idCell);
    const security: FeedSecurity = {
      id: id!,
      name: r.optional('name', textCell) ?? '',
      assetClass: r.optional('asset_class', textCell) ?? null,
      sector: r.optional('sector', textCell) ?? null,
      tags: r.optional('tags', tagsCell) ?? [],
      washGroup: r.optional('wash_group', idCell) ?? null,
      lotSize: r.optional('lot_size', decimalCell('positive')) ?? null,
      cashEquivalent: r.optional('cash_equivalent', booleanCell) ?? false,
      taxDrag: r.optional('tax_drag', decimalCell('fraction')) ?? null,
    };
    return security;
  },
  key: { columns: ['id'], what: 'security id' },
  defines: { kind: 'security', column: 'id' },
  refs: () => [],
};

/** One row per security and date, upserted by (security_id, date). */
export const pricesTable: TableSpec<FeedPrice> = {
  file: 'prices.csv',
  columns: [
    { name: 'security_id', required: true },
    { name: 'date', required: true },
    { name: 'close', required: true },
  ],
  read(r) {
    const securityId = r.required('security_id', idCell);
    const date = r.required('date', dateCell);
    const close = r.required('close', decimalCell('positive'));
    return { securityId: securityId!, date: date!, close: close! };
  },
  key: { columns: ['security_id', 'date'], what: 'price (security_id, date)' },
  refs: (r) => refIn(r, 'security', 'security_id'),
};

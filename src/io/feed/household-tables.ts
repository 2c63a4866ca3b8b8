/** `households.csv` and `accounts.csv`. */
import { TaxStatusSchema } from '../enums.js';
import { booleanCell, decimalCell, enumCell, idCell, textCell } from './cells.js';
import type { FeedAccount, FeedHousehold } from './feed-data.js';
import { refIn, type TableSpec } from './table-spec.js';

/** One row per household, upserted by `id`. */
export const householdsTable: TableSpec<FeedHousehold> = {
  file: 'households.csv',
  columns: [
    { name: 'id', required: true },
    { name: 'name', required: false },
    { name: 'advisor', required: false },
    { name: 'short_term_rate', required: true },
    { name: 'long_term_rate', required: true },
    { name: 'model_id', required: false },
  ],
  read(r) {
    const id = r.required('id', idCell);
    const shortTermRate = r.required('short_term_rate', decimalCell('fraction'));
    const longTermRate = r.required('long_term_rate', decimalCell('fraction'));
    return {
      id: id!,
      name: r.optional('name', textCell) ?? '',
      advisor: r.optional('advisor', textCell) ?? '',
      shortTermRate: shortTermRate!,
      longTermRate: longTermRate!,
      modelId: r.optional('model_id', idCell) ?? null,
    };
  },
  key: { columns: ['id'], what: 'household id' },
  defines: { kind: 'household', column: 'id' },
  refs: (r) => refIn(r, 'model', 'model_id'),
};

/** One row per account, upserted by `id`. */
export const accountsTable: TableSpec<FeedAccount> = {
  file: 'accounts.csv',
  columns: [
    { name: 'id', required: true },
    { name: 'household_id', required: true },
    { name: 'name', required: false },
    { name: 'tax_status', required: true },
    { name: 'tradable', required: false },
    { name: 'model_id', required: false },
    { name: 'cash', required: true },
  ],
  read(r) {
    const id = r.required('id', idCell);
    const householdId = r.required('household_id', idCell);
    const taxStatus = r.required('tax_status', enumCell(TaxStatusSchema.options));
    const cash = r.required('cash', decimalCell('any'));
    return {
      id: id!,
      householdId: householdId!,
      name: r.optional('name', textCell) ?? '',
      taxStatus: taxStatus!,
      tradable: r.optional('tradable', booleanCell) ?? true,
      modelId: r.optional('model_id', idCell) ?? null,
      cash: cash!,
    };
  },
  key: { columns: ['id'], what: 'account id' },
  defines: { kind: 'account', column: 'id' },
  refs: (r) => [...refIn(r, 'household', 'household_id'), ...refIn(r, 'model', 'model_id')],
};

/** `settings.csv`: one row per account, its settings as JSON validated like a request's. */
import type { AccountSettings } from '../../domain/index.js';
import { formatPath } from '../../domain/problem.js';
import { AccountSettingsSchema } from '../account-settings-schema.js';
import { parseWith } from '../parse-result.js';
import { idCell, textCell } from './cells.js';
import type { FeedSettings } from './feed-data.js';
import type { RowReader } from './row-reader.js';
import { refIn, type TableSpec } from './table-spec.js';

/** The settings JSON of a row, every problem named by its JSON path. */
function readSettings(r: RowReader): AccountSettings | undefined {
  const text = r.raw('settings');
  if (text === '') {
    r.problem('settings', 'required, but the cell is empty: write {} for no settings');
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    r.problem(
      'settings',
      `not valid JSON (${(error as Error).message}); in CSV, quote the cell and double each " inside it`,
    );
    return undefined;
  }
  const parsed = parseWith(AccountSettingsSchema, json);
  if (parsed.ok) return parsed.value;
  for (const p of parsed.problems) r.problem('settings', `${formatPath(p.path)}: ${p.message}`);
  return undefined;
}

export const settingsTable: TableSpec<FeedSettings> = {
  file: 'settings.csv',
  columns: [
    { name: 'account_id', required: true },
    { name: 'settings', required: true },
    { name: 'note', required: false },
  ],
  read(r) {
    const accountId = r.required('account_id', idCell);
    const settings = readSettings(r);
    return { accountId: accountId!, settings: settings!, note: r.optional('note', textCell) ?? '' };
  },
  key: { columns: ['account_id'], what: 'settings row for account' },
  refs: (r) => refIn(r, 'account', 'account_id'),
};

/**
 * The count beside a table's filter box: rows shown of rows loaded, and — when the rows are one
 * page of a longer list on the server — how many there are in all, so a page of 1,000 never
 * reads as the whole list.
 */
const n = (x: number): string => x.toLocaleString('en-US');

/** E.g. "12 of 1,000 loaded · 46,402 in all", or "29 of 29". */
export function tableCount(shown: number, loaded: number, total?: number): string {
  if (total === undefined || total <= loaded) return `${n(shown)} of ${n(loaded)}`;
  return `${n(shown)} of ${n(loaded)} loaded · ${n(total)} in all`;
}

/**
 * A small RFC 4180 CSV reader that remembers where each record starts, so a problem can name the
 * line an editor shows even after a quoted field that spans several lines.
 */

/** One record: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** A syntax problem in this record (an unclosed quote, text after a closing quote). */
  problem?: string;
}

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/**
 * Splits CSV text into records. Fields are separated by commas; a field in double quotes may hold
 * commas, line breaks and `""` (one quote). Records end at LF, CRLF or CR; a quoted line break is
 * kept as `\n`. Blank lines and a leading byte-order mark are ignored.
 *
 * @example
 * parseCsv('id,name\nVTI,"Total ""US"""\n'); // [{ line: 1, cells: ['id', 'name'] },
 * //                                          { line: 2, cells: ['VTI', 'Total "US"'] }]
 */
export function parseCsv(text: string): CsvRecord[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  /** Consumes one line break at `i` (CRLF counts once). */
  const lineBreak = (): void => {
    if (body[i] === '\r' && body[i + 1] === '\n') i++;
    i++;
    line++;
  };
  while (i < body.length) {
    const record: CsvRecord = { line, cells: [] };
    for (;;) {
      let cell = '';
      if (body[i] === '"') {
        const opened = line;
        let closed = false;
        i++;
        while (i < body.length) {
          const c = body[i]!;
          if (c === '"' && body[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (c === '"') {
            closed = true;
            i++;
            break;
          } else if (isBreak(c)) {
            cell += '\n';
            lineBreak();
          } else {
            cell += c;
            i++;
          }
        }
        if (!closed) {
          record.problem ??= `the quoted field opened on line ${opened} is never closed: add the closing "`;
        }
        let extra = '';
        while (i < body.length && body[i] !== ',' && !isBreak(body[i])) extra += body[i++];
        if (extra.trim() !== '') {
          record.problem ??= `text ${JSON.stringify(extra)} follows a closing quote: put the whole field in quotes and write each " inside it as ""`;
        }
      } else {
        while (i < body.length && body[i] !== ',' && !isBreak(body[i])) cell += body[i++];
      }
      record.cells.push(cell);
      if (body[i] === ',') {
        i++;
        continue;
      }
      if (i < body.length) lineBreak();
      break;
    }
    const blank = record.cells.length === 1 && record.cells[0]!.trim() === '';
    if (!blank || record.problem !== undefined) records.push(record);
  }
  return records;
}

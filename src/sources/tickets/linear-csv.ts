/**
 * Linear CSV export (docs/tickets.md): every field quoted, `Description` in Markdown,
 * no comments. Links need the workspace's address (`--base-url https://linear.app/<workspace>`).
 */
import { csvRows, headerIndex, type KeyColumn } from './csv-rows.js';
import { MIN_SECRET_LENGTH } from './json-records.js';
import { renderings } from './normalize.js';
import { FormatMismatchError, type ReaderContext, type ReaderOutput, type TicketEntry, type TicketInput } from './types.js';

/** Columns of ids, dates, numbers and states. */
const NON_TEXT = new Set([
  'id', 'team', 'status', 'estimate', 'priority', 'project id', 'cycle number', 'cycle start', 'cycle end', 'created', 'updated',
  'started', 'triaged', 'completed', 'canceled', 'archived', 'due date', 'project milestone id', 'sla status', 'uuid',
  'time in status (minutes)', 'creator', 'assignee',
]);

/** `ENG-123`: a team key and a number. */
const LINEAR_ID = /^[A-Z][A-Z0-9]{0,15}-[0-9]{1,12}$/;

export async function* readLinearCsv(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let header: string[] | undefined;
  let idColumn = -1;
  let creatorColumn = -1;
  let createdColumn = -1;
  const keyColumn = (cells: readonly string[]): KeyColumn | undefined => {
    const column = headerIndex(cells)('id')[0];
    return column === undefined ? undefined : { column, pattern: LINEAR_ID };
  };
  for await (const row of csvRows(pieces, input.displayPath, context, { keyColumn })) {
    if ('loose' in row) {
      yield row;
      continue;
    }
    if (!header) {
      header = row.cells.map((c) => c.trim());
      const find = headerIndex(header);
      idColumn = find('id')[0] ?? -1;
      if (idColumn < 0 || find('title').length === 0) {
        throw new FormatMismatchError(`not a Linear CSV export: the header (line ${row.line}) has no "ID" and "Title" columns`);
      }
      creatorColumn = find('creator')[0] ?? -1;
      createdColumn = find('created')[0] ?? -1;
      continue;
    }
    const names = header;
    const id = row.cells[idColumn]?.trim() || undefined;
    const url = id && context.baseUrl ? `${context.baseUrl.replace(/\/+$/, '')}/issue/${id}` : undefined;
    const author = creatorColumn >= 0 ? row.cells[creatorColumn]?.trim() || undefined : undefined;
    const date = createdColumn >= 0 ? row.cells[createdColumn]?.trim() || undefined : undefined;
    const entries: TicketEntry[] = [];
    row.cells.forEach((cell, index) => {
      const name = names[index] ?? `column ${index + 1}`;
      const lower = name.toLowerCase();
      if (NON_TEXT.has(lower) || cell.trim().length < MIN_SECRET_LENGTH) return;
      const field = lower === 'title' || lower === 'description' ? lower : name;
      entries.push({
        ticket: id,
        field,
        ...(field === 'title' || field === 'description' ? { author, date } : {}),
        ...(url ? { url } : {}),
        renderings: renderings(cell, field === 'description' ? 'markdown' : 'plain', { kind: 'lines', line: row.lines[index] ?? row.line, column: row.columns[index] ?? 1 }, { keepLines: true }),
      });
    });
    if (entries.length > 0) yield { entries };
  }
  if (!header) throw new FormatMismatchError('not a Linear CSV export: the file has no header row');
}

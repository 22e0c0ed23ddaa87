/**
 * Jira Cloud "Export Excel CSV" (docs/tickets.md). Multi-valued fields repeat their header
 * (`Comment,Comment,…`), so cells are read by position. A comment cell is `<date>;<author>;<body>`
 * where only the first two `;` separate; descriptions and comments are wiki markup.
 */
import { csvRows, headerIndex, type CsvRow, type KeyColumn } from './csv-rows.js';
import { MIN_SECRET_LENGTH } from './json-records.js';
import { renderings, type Markup } from './normalize.js';
import { FormatMismatchError, type ReaderContext, type ReaderOutput, type TicketEntry, type TicketInput } from './types.js';

/**
 * `14/Jul/25 3:42 PM;557058:0000…;body`: a date (digits, then `/`, `-` or `.`, in any locale's
 * order), the author (an account id, or a user name on Server), then the body.
 */
const COMMENT_CELL = /^(\d{1,4}[/.-][^;\n]{3,40});([^;\n]{1,128});/;

const NAMED_FIELDS: Record<string, string> = {
  summary: 'summary',
  description: 'description',
  environment: 'environment',
};
/** Columns that hold ids, dates, names and states: no free text. */
const NON_TEXT = new Set(['issue key', 'issue id', 'parent id', 'issue type', 'status', 'priority', 'resolution', 'created', 'updated', 'last viewed', 'resolved', 'due date', 'project key', 'project type', 'status category', 'status category changed', 'votes', 'original estimate', 'remaining estimate', 'time spent', 'work ratio', 'σ original estimate', 'σ remaining estimate', 'σ time spent', 'security level']);

/** `FIX-12`: a project key (a letter, then letters, digits or `_`), a dash and a number. */
export const JIRA_KEY = /^[A-Z][A-Z0-9_]{0,63}-[0-9]{1,12}$/;

export function splitCommentCell(cell: string): { date?: string; author?: string; body: string; bodyOffset: number } {
  const m = COMMENT_CELL.exec(cell);
  if (!m) return { body: cell, bodyOffset: 0 };
  return { date: m[1]?.trim(), author: m[2], body: cell.slice(m[0].length), bodyOffset: m[0].length };
}

export async function* readJiraCsv(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let header: string[] | undefined;
  let columns: ColumnPlan[] = [];
  let keyColumn = -1;
  let reporterColumn = -1;
  let createdColumn = -1;
  const keyOf = (cells: readonly string[]): KeyColumn | undefined => {
    const column = headerIndex(cells)('issue key')[0];
    return column === undefined ? undefined : { column, pattern: JIRA_KEY };
  };
  for await (const row of csvRows(pieces, input.displayPath, context, { keyColumn: keyOf })) {
    if ('loose' in row) {
      yield row;
      continue;
    }
    if (!header) {
      header = row.cells;
      const find = headerIndex(header);
      keyColumn = find('issue key')[0] ?? -1;
      if (keyColumn < 0 || find('summary').length === 0) {
        throw new FormatMismatchError(`not a Jira CSV export: the header (line ${row.line}) has no "Issue key" and "Summary" columns`);
      }
      reporterColumn = find('reporter')[0] ?? find('creator')[0] ?? find('reporter id')[0] ?? -1;
      createdColumn = find('created')[0] ?? -1;
      columns = planColumns(header);
      continue;
    }
    const entries = rowEntries(row, columns, {
      key: row.cells[keyColumn]?.trim() || undefined,
      reporter: reporterColumn >= 0 ? row.cells[reporterColumn]?.trim() || undefined : undefined,
      created: createdColumn >= 0 ? row.cells[createdColumn]?.trim() || undefined : undefined,
      baseUrl: context.baseUrl,
    });
    if (entries.length > 0) yield { entries };
  }
  if (!header) throw new FormatMismatchError('not a Jira CSV export: the file has no header row');
}

interface ColumnPlan {
  kind: 'named' | 'comment' | 'other';
  field: string;
  markup: Markup;
}

function planColumns(header: readonly string[]): ColumnPlan[] {
  let comments = 0;
  return header.map((raw) => {
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (lower === 'comment' || lower === 'comments') return { kind: 'comment', field: `comment#${++comments}`, markup: 'wiki' };
    const named = NAMED_FIELDS[lower];
    if (named) return { kind: 'named', field: named, markup: 'wiki' };
    if (NON_TEXT.has(lower)) return { kind: 'other', field: '', markup: 'plain' };
    // Custom fields are often text areas with wiki markup.
    return { kind: 'other', field: name, markup: lower.startsWith('custom field') ? 'wiki' : 'plain' };
  });
}

function rowEntries(row: CsvRow, plan: readonly ColumnPlan[], meta: { key?: string; reporter?: string; created?: string; baseUrl?: string }): TicketEntry[] {
  const url = meta.key && meta.baseUrl ? `${meta.baseUrl.replace(/\/+$/, '')}/browse/${meta.key}` : undefined;
  const entries: TicketEntry[] = [];
  let extraComments = 0;
  row.cells.forEach((cell, index) => {
    if (cell.length < MIN_SECRET_LENGTH && cell.trim().length < MIN_SECRET_LENGTH) return;
    const column = plan[index] ?? { kind: 'other' as const, field: `column ${index + 1}`, markup: 'plain' as const };
    if (column.field === '') return;
    const line = row.lines[index] ?? row.line;
    const col = row.columns[index] ?? 1;
    const base = { ticket: meta.key, ...(url ? { url } : {}) };
    if (column.kind === 'comment') {
      const parsed = splitCommentCell(cell);
      if (parsed.body.trim() === '') return;
      entries.push({
        ...base,
        field: column.field || `comment#${plan.length + ++extraComments}`,
        author: parsed.author,
        date: parsed.date,
        renderings: renderings(parsed.body, 'wiki', { kind: 'lines', line, column: col + parsed.bodyOffset }, { keepLines: true }),
      });
      return;
    }
    entries.push({
      ...base,
      field: column.field,
      ...(column.kind === 'named' ? { author: meta.reporter, date: meta.created } : {}),
      renderings: renderings(cell, column.markup, { kind: 'lines', line, column: col }, { keepLines: true }),
    });
  });
  return entries;
}

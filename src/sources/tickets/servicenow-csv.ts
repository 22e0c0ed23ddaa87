/**
 * ServiceNow list exports as CSV. Headers are field names (`number,short_description,work_notes`) or
 * labels (`Number,Short description,Work notes`); both are mapped to field names. Journal columns
 * hold the whole journal in one multi-line quoted cell and are split into entries.
 */
import { csvRows, type KeyColumn } from './csv-rows.js';
import { MIN_SECRET_LENGTH } from './json-records.js';
import { renderings } from './normalize.js';
import { DESCRIPTIVE_FIELDS, journalEntries, JOURNAL_FIELDS, NON_TEXT_FIELDS, recordUrl, tableOf } from './servicenow-common.js';
import { FormatMismatchError, type ReaderContext, type ReaderOutput, type TicketEntry, type TicketInput } from './types.js';

const LABELS: Record<string, string> = {
  additional_comments: 'comments',
  'comments_and_work_notes': 'comments_and_work_notes',
  opened: 'opened_at',
  closed: 'closed_at',
  created: 'sys_created_on',
  created_by: 'sys_created_by',
  updated: 'sys_updated_on',
  task_type: 'sys_class_name',
};

/** `Short description` → `short_description`; `work_notes` stays. */
export function servicenowFieldName(header: string): string {
  const name = header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return LABELS[name] ?? name;
}

/** `INC0010001`, `CHG0030002`: a table prefix and a number. */
const RECORD_NUMBER = /^[A-Z]{2,12}[0-9]{4,12}$/;
const SYS_ID = /^[0-9a-f]{32}$/;

export async function* readServicenowCsv(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let fields: string[] | undefined;
  const keyColumn = (cells: readonly string[]): KeyColumn | undefined => {
    const names = cells.map(servicenowFieldName);
    const number = names.indexOf('number');
    if (number >= 0) return { column: number, pattern: RECORD_NUMBER };
    const sysId = names.indexOf('sys_id');
    return sysId >= 0 ? { column: sysId, pattern: SYS_ID } : undefined;
  };
  for await (const row of csvRows(pieces, input.displayPath, context, { keyColumn })) {
    if ('loose' in row) {
      yield row;
      continue;
    }
    if (!fields) {
      fields = row.cells.map(servicenowFieldName);
      if (!fields.includes('number') && !fields.includes('sys_id')) {
        throw new FormatMismatchError(`not a ServiceNow CSV export: the header (line ${row.line}) has no "number" or "sys_id" column`);
      }
      continue;
    }
    const header = fields;
    const value = (name: string): string | undefined => {
      const i = header.indexOf(name);
      return i >= 0 ? row.cells[i]?.trim() || undefined : undefined;
    };
    const number = value('number');
    const url = recordUrl(context.baseUrl, tableOf(number, value('sys_class_name')), value('sys_id'));
    const meta = { ticket: number ?? value('sys_id'), ...(url ? { url } : {}) };
    const author = value('opened_by') ?? value('caller_id') ?? value('caller') ?? value('sys_created_by');
    const date = value('opened_at') ?? value('sys_created_on');
    const entries: TicketEntry[] = [];
    row.cells.forEach((cell, index) => {
      const field = header[index] ?? `column_${index + 1}`;
      if (NON_TEXT_FIELDS.has(field) || cell.trim().length < MIN_SECRET_LENGTH) return;
      const map = { kind: 'lines' as const, line: row.lines[index] ?? row.line, column: row.columns[index] ?? 1 };
      if (JOURNAL_FIELDS.has(field)) {
        entries.push(...journalEntries(cell, field, map, meta));
        return;
      }
      entries.push({
        ...meta,
        field,
        ...(DESCRIPTIVE_FIELDS.has(field) ? { author, date } : {}),
        renderings: renderings(cell, 'servicenow', map, { keepLines: true }),
      });
    });
    if (entries.length > 0) yield { entries };
  }
  if (!fields) throw new FormatMismatchError('not a ServiceNow CSV export: the file has no header row');
}

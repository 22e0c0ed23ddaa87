/**
 * ServiceNow XML "unload" exports: a root `unload` element, one element per record named after its
 * table, one child per field. Reference fields carry a `display_value` attribute; journal fields,
 * when present, hold every entry in one text and are split; `sys_journal_field` records are read as
 * entries of the record they belong to.
 */
import { MIN_SECRET_LENGTH } from './json-records.js';
import { renderings } from './normalize.js';
import { DESCRIPTIVE_FIELDS, journalEntries, JOURNAL_FIELDS, NON_TEXT_FIELDS, recordUrl } from './servicenow-common.js';
import { FormatMismatchError, type ReaderContext, type ReaderOutput, type TicketEntry, type TicketInput } from './types.js';
import { child, deepText, xmlRecords, type XmlElement } from './xml-records.js';

export async function* readServicenowXml(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let records = 0;
  let rootName: string | undefined;
  const isRecord = (name: string, depth: number): boolean => {
    if (depth === 1) {
      rootName = name;
      if (name !== 'unload' && name !== 'xml') {
        throw new FormatMismatchError(`not a ServiceNow XML export: the root element is <${name}>, not <unload>`);
      }
    }
    return depth === 2;
  };
  for await (const record of xmlRecords(pieces, isRecord, input.displayPath, context)) {
    records++;
    const entries = recordEntries(record, context.baseUrl);
    if (entries.length > 0) yield { entries };
  }
  if (records === 0 && rootName !== undefined) context.warn({ code: 'input', path: input.displayPath, message: `no records inside <${rootName}>` });
}

function value(record: XmlElement, name: string): string | undefined {
  const element = child(record, name);
  if (!element) return undefined;
  return element.attributes.display_value?.trim() || deepText(element).trim() || undefined;
}

function recordEntries(record: XmlElement, baseUrl: string | undefined): TicketEntry[] {
  const table = record.name;
  if (table === 'sys_journal_field') {
    const text = child(record, 'value');
    if (!text || deepText(text).trim() === '') return [];
    return [
      {
        ticket: value(record, 'element_id'),
        field: value(record, 'element') ?? 'journal',
        author: value(record, 'sys_created_by'),
        date: value(record, 'sys_created_on'),
        renderings: renderings(deepText(text), 'servicenow', { kind: 'lines', line: text.line, column: text.column }, { keepLines: true }),
      },
    ];
  }
  const number = value(record, 'number');
  const sysId = value(record, 'sys_id');
  const url = recordUrl(baseUrl, table, sysId);
  const meta = { ticket: number ?? sysId, ...(url ? { url } : {}) };
  const author = value(record, 'opened_by') ?? value(record, 'caller_id') ?? value(record, 'sys_created_by');
  const date = value(record, 'opened_at') ?? value(record, 'sys_created_on');
  const entries: TicketEntry[] = [];
  for (const field of record.children) {
    if (NON_TEXT_FIELDS.has(field.name)) continue;
    const text = deepText(field);
    if (text.trim().length < MIN_SECRET_LENGTH) continue;
    const map = { kind: 'lines' as const, line: field.line, column: field.column };
    if (JOURNAL_FIELDS.has(field.name)) {
      entries.push(...journalEntries(text, field.name, map, meta));
      continue;
    }
    entries.push({
      ...meta,
      field: field.name,
      ...(DESCRIPTIVE_FIELDS.has(field.name) ? { author, date } : {}),
      renderings: renderings(text, 'servicenow', map, { keepLines: true }),
    });
  }
  return entries;
}

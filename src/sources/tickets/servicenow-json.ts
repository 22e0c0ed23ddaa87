/**
 * ServiceNow Table API JSON (`{"result":[…]}`), JSONv2 (`{"records":[…]}`) and plain arrays of
 * records. With `sysparm_display_value=all` each field is `{value, display_value}`; reference fields
 * without display values are `{link, value}`. Rows of `sys_journal_field` (one journal entry each:
 * `element`, `element_id`, `value`) are read as entries of the record they belong to.
 */
import { jsonMap, jsonRecords, MIN_SECRET_LENGTH, otherStrings } from './json-records.js';
import { asString, isObject, type JsonObject, type JsonValue, type StringPositions } from './json-stream.js';
import { renderings } from './normalize.js';
import {
  DESCRIPTIVE_FIELDS,
  instanceOf,
  journalEntries,
  JOURNAL_FIELDS,
  NON_TEXT_FIELDS,
  recordUrl,
  tableOf,
} from './servicenow-common.js';
import type { PositionMap, ReaderContext, ReaderOutput, TicketEntry, TicketInput } from './types.js';

export async function* readServicenowJson(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext, head: string): AsyncGenerator<ReaderOutput> {
  const recordPaths = servicenowRecordPaths(head);
  let instance = context.baseUrl;
  for await (const record of jsonRecords(pieces, recordPaths, input.displayPath, context)) {
    if ('loose' in record) {
      yield record;
      continue;
    }
    if (!isObject(record.value)) continue;
    instance ??= findInstance(record.value);
    const entries = recordEntries(record.value, record.positions, instance);
    if (entries.length > 0) yield { entries };
  }
}

/** `{"result":[…]}`, `{"records":[…]}`, `[…]`, or one record as `{"result":{…}}`. */
export function servicenowRecordPaths(head: string): (string | number)[][] {
  if (head.trimStart().startsWith('[')) return [['*']];
  if (/(?<!\\)"result"\s*:\s*\{/.test(head)) return [['result']];
  return [['result', '*'], ['records', '*']];
}

/** A field's text and where it is: a string, or the display value (else value) of an object. */
function fieldText(record: JsonObject, key: string, positions: StringPositions): { text: string; map?: PositionMap } | undefined {
  const value = record[key];
  if (typeof value === 'string') return { text: value, map: jsonMap(positions, record, key) };
  if (isObject(value)) {
    for (const inner of ['display_value', 'value']) {
      const text = value[inner];
      if (typeof text === 'string' && text !== '') return { text, map: jsonMap(positions, value, inner) };
    }
  }
  return undefined;
}

function plainText(record: JsonObject, key: string): string | undefined {
  const value: JsonValue | undefined = record[key];
  if (isObject(value)) return asString(value.display_value) || asString(value.value) || undefined;
  return asString(value) || undefined;
}

function findInstance(record: JsonObject): string | undefined {
  for (const value of Object.values(record)) {
    if (isObject(value)) {
      const found = instanceOf(asString(value.link));
      if (found) return found;
    }
  }
  return undefined;
}

export function recordEntries(record: JsonObject, positions: StringPositions, instance: string | undefined): TicketEntry[] {
  // A sys_journal_field row: one journal entry of another record.
  if (record.element_id !== undefined && record.element !== undefined && record.value !== undefined) {
    const text = fieldText(record, 'value', positions);
    if (!text || text.text.trim() === '') return [];
    return [
      {
        ticket: plainText(record, 'element_id'),
        field: plainText(record, 'element') ?? 'journal',
        author: plainText(record, 'sys_created_by'),
        date: plainText(record, 'sys_created_on'),
        renderings: renderings(text.text, 'servicenow', text.map),
      },
    ];
  }
  const number = plainText(record, 'number');
  const sysId = plainText(record, 'sys_id');
  const url = recordUrl(instance, tableOf(number, plainText(record, 'sys_class_name')), sysId);
  const meta = { ticket: number ?? sysId, ...(url ? { url } : {}) };
  const author = plainText(record, 'opened_by') ?? plainText(record, 'caller_id') ?? plainText(record, 'sys_created_by');
  const date = plainText(record, 'opened_at') ?? plainText(record, 'sys_created_on');
  const entries: TicketEntry[] = [];
  const handled = new Set<string>();
  for (const key of Object.keys(record)) {
    if (NON_TEXT_FIELDS.has(key)) {
      handled.add(key);
      continue;
    }
    const text = fieldText(record, key, positions);
    if (!text) continue;
    handled.add(key);
    if (text.text.trim().length < MIN_SECRET_LENGTH) continue;
    if (JOURNAL_FIELDS.has(key)) {
      entries.push(...journalEntries(text.text, key, text.map, meta));
      continue;
    }
    entries.push({
      ...meta,
      field: key,
      ...(DESCRIPTIVE_FIELDS.has(key) ? { author, date } : {}),
      renderings: renderings(text.text, 'servicenow', text.map),
    });
  }
  // Nested values not covered above (arrays, objects without value/display_value).
  entries.push(...otherStrings(record, positions, handled, meta));
  return entries;
}

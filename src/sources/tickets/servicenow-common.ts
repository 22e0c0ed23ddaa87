/**
 * ServiceNow, shared by the JSON, CSV and XML readers (docs/tickets.md).
 *
 * Journal fields (`work_notes`, `comments` = "Additional comments") arrive as one string holding
 * every entry, newest first, each under a header line `<date> - <user> (Work notes)`. Entries are
 * split so each finding names who wrote it and when. Bodies may hold `[code]<p>…</p>[/code]`.
 */
import { renderings } from './normalize.js';
import type { PositionMap, TicketEntry } from './types.js';

/** `2026-01-10 09:00:00`, `11/03/2026 13:32:41`, `12/09/2021 09:34:35 AM`, then ` - user (Work notes)`. */
const JOURNAL_HEADER =
  /^(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4} \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?) - ([^\n]{1,200}?) \(([^()\n]{1,60})\)[ \t]*\r?$/gm;

export interface JournalEntry {
  date?: string;
  author?: string;
  /** The journal's own label: `Work notes`, `Additional comments`. */
  kind?: string;
  body: string;
  /** Offset of the body in the journal text, and the line (0-based) it starts on. */
  offset: number;
  lineIndex: number;
}

export function splitJournal(text: string): JournalEntry[] {
  const headers: { index: number; end: number; date: string; author: string; kind: string }[] = [];
  JOURNAL_HEADER.lastIndex = 0;
  for (let m = JOURNAL_HEADER.exec(text); m; m = JOURNAL_HEADER.exec(text)) {
    headers.push({ index: m.index, end: m.index + m[0].length, date: m[1] as string, author: (m[2] as string).trim(), kind: m[3] as string });
  }
  const entries: JournalEntry[] = [];
  const lineIndexOf = lineCounter(text);
  const lead = text.slice(0, headers[0]?.index ?? text.length);
  if (lead.trim() !== '') entries.push({ body: lead, offset: 0, lineIndex: 0 });
  headers.forEach((header, i) => {
    const bodyStart = text.charCodeAt(header.end) === 0x0a ? header.end + 1 : header.end;
    const bodyEnd = headers[i + 1]?.index ?? text.length;
    const body = text.slice(bodyStart, bodyEnd).replace(/\s+$/, '');
    if (body.trim() === '') return;
    entries.push({ date: header.date, author: header.author, kind: header.kind, body, offset: bodyStart, lineIndex: lineIndexOf(bodyStart) });
  });
  return entries;
}

function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let cursor = 0;
  return (offset) => {
    for (let nl = text.indexOf('\n', cursor); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      cursor = nl + 1;
    }
    return line;
  };
}

export const JOURNAL_FIELDS = new Set(['work_notes', 'comments', 'comments_and_work_notes', 'close_notes_journal']);

/**
 * Entries of one journal field. `map` places the whole journal text; each entry's map is shifted to
 * its body (lines for CSV/XML text, the same JSON line with a column offset for JSON strings).
 */
export function journalEntries(text: string, field: string, map: PositionMap | undefined, meta: { ticket?: string; url?: string }): TicketEntry[] {
  return splitJournal(text).map((entry) => ({
    ...meta,
    field,
    author: entry.author,
    date: entry.date,
    renderings: renderings(entry.body, 'servicenow', shiftMap(map, entry, text), { keepLines: map?.kind === 'lines' }),
  }));
}

function shiftMap(map: PositionMap | undefined, entry: JournalEntry, text: string): PositionMap | undefined {
  if (!map) return undefined;
  if (map.kind === 'lines') {
    const lineStart = text.lastIndexOf('\n', entry.offset - 1) + 1;
    const column = entry.lineIndex === 0 ? map.column + entry.offset : entry.offset - lineStart + 1;
    return { kind: 'lines', line: map.line + entry.lineIndex, column };
  }
  const [, line = 1, column = 1] = map.segments;
  return { kind: 'segments', segments: [0, line, column + entry.offset] };
}

/** Table of a record from its number's prefix, for links when the export does not say. */
const TABLE_BY_PREFIX: Record<string, string> = {
  INC: 'incident',
  CHG: 'change_request',
  PRB: 'problem',
  RITM: 'sc_req_item',
  REQ: 'sc_request',
  SCTASK: 'sc_task',
  CTASK: 'change_task',
  PTASK: 'problem_task',
  TASK: 'task',
  KB: 'kb_knowledge',
  CS: 'sn_customerservice_case',
};

export function tableOf(number: string | undefined, className: string | undefined): string | undefined {
  if (className) return className;
  const prefix = number ? /^[A-Z]+/.exec(number)?.[0] : undefined;
  return prefix ? TABLE_BY_PREFIX[prefix] : undefined;
}

/** `https://acme.service-now.com/api/now/table/sys_user/…` (a reference field's link) → the instance. */
export function instanceOf(link: string | undefined): string | undefined {
  const m = link ? /^(https:\/\/[^/]+)\/api\/now\//.exec(link) : null;
  return m?.[1];
}

export function recordUrl(instance: string | undefined, table: string | undefined, sysId: string | undefined): string | undefined {
  if (!instance || !table || !sysId) return undefined;
  return `${instance.replace(/\/+$/, '')}/${table}.do?sys_id=${sysId}`;
}

/** Field names the readers treat as descriptions of the record (author and date of the record apply). */
export const DESCRIPTIVE_FIELDS = new Set(['short_description', 'description', 'close_notes', 'resolution_notes']);

/** Fields holding ids, dates, states and references: no free text worth scanning. */
export const NON_TEXT_FIELDS = new Set([
  'sys_id', 'number', 'state', 'priority', 'impact', 'urgency', 'severity', 'sys_created_on', 'sys_updated_on', 'opened_at', 'closed_at',
  'resolved_at', 'sys_mod_count', 'active', 'sys_class_name', 'sys_domain', 'sys_domain_path', 'incident_state', 'category', 'subcategory',
  'escalation', 'upon_approval', 'upon_reject', 'approval', 'made_sla', 'knowledge', 'reopen_count', 'sys_tags', 'calendar_duration',
  'business_duration', 'sla_due', 'due_date', 'contact_type', 'notify', 'sys_updated_by', 'sys_created_by', 'opened_by', 'caller_id',
  'assigned_to', 'assignment_group', 'closed_by', 'resolved_by', 'company', 'location', 'cmdb_ci', 'business_service', 'parent',
  'parent_incident', 'problem_id', 'rfc', 'caused_by', 'child_incidents', 'hold_reason', 'close_code', 'activity_due', 'work_start',
  'work_end', 'expected_start', 'follow_up', 'time_worked', 'reassignment_count', 'sys_domain', 'watch_list', 'work_notes_list',
]);


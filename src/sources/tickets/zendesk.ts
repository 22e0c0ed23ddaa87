/**
 * Zendesk (docs/tickets.md): the incremental ticket export (`{"tickets":[…]}`), a
 * ticket's comments (`{"comments":[…]}`), ticket events with comment events, one ticket
 * (`{"ticket":{…}}`), and the admin JSON export, one ticket per line with its comments embedded.
 *
 * A comment holds its text three times (`body`, `html_body`, `plain_body`) and a ticket's
 * `description` is its first comment again: these are read as copies of one text, so a key pasted
 * once is one finding. `public: false` marks an internal note, where agents tend to paste keys;
 * those are named `internal_note#N`.
 */
import { splitLines } from './input.js';
import { arrayAt, jsonMap, jsonRecords, otherStrings, stringAt, stringRenderings } from './json-records.js';
import { asString, isObject, JsonStreamParser, JsonSyntaxError, type JsonObject, type JsonRecord, type StringPositions } from './json-stream.js';
import { renderings } from './normalize.js';
import type { ReaderContext, ReaderOutput, Rendering, TicketEntry, TicketInput } from './types.js';

const TICKET_SKIP = new Set([
  'id', 'url', 'subject', 'raw_subject', 'description', 'comments', 'custom_fields', 'fields', 'via', 'status', 'priority', 'type',
  'created_at', 'updated_at', 'generated_timestamp', 'tags', 'satisfaction_rating', 'sharing_agreement_ids', 'followup_ids',
  'collaborator_ids', 'follower_ids', 'email_cc_ids', 'brand_id', 'group_id', 'organization_id', 'requester_id', 'submitter_id',
  'assignee_id', 'ticket_form_id', 'external_id', 'due_at', 'has_incidents', 'is_public', 'allow_channelback', 'allow_attachments',
  'from_messaging_channel', 'problem_id', 'forum_topic_id', 'recipient',
]);
const COMMENT_SKIP = new Set(['id', 'type', 'author_id', 'body', 'html_body', 'plain_body', 'public', 'created_at', 'audit_id', 'via', 'attachments', 'metadata', 'uploads']);

export async function* readZendeskJson(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  const recordPaths = [['tickets', '*'], ['comments', '*'], ['ticket_events', '*'], ['ticket'], ['results', '*']];
  for await (const record of jsonRecords(pieces, recordPaths, input.displayPath, context)) {
    if ('loose' in record) {
      yield record;
      continue;
    }
    const entries = zendeskRecordEntries(record);
    if (entries.length > 0) yield { entries };
  }
}

/** One ticket per line (the admin "Export data → JSON"); a bad line is reported and skipped. */
export async function* readZendeskJsonl(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let line = 0;
  for await (const raw of splitLines(pieces)) {
    line++;
    if (raw.trim() === '') continue;
    const found: JsonRecord[] = [];
    const parser = new JsonStreamParser({ recordPaths: [[]], startLine: line }, (record) => found.push(record));
    let failure: JsonSyntaxError | undefined;
    try {
      parser.write(raw);
      parser.end();
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      failure = error;
    }
    // A broken line still hands over what it held up to the error, read as a ticket.
    for (const record of found) {
      const entries = isObject(record.value) ? ticketEntries(record.value, record.positions, context.baseUrl) : [];
      if (entries.length > 0) yield { entries };
    }
    if (failure) {
      const rest = parser.remainder();
      context.warn({
        code: 'input',
        path: input.displayPath,
        line,
        message: `invalid JSON on line ${line}: ${failure.reason.replace('the file is truncated', 'the line ends early')} at column ${failure.column}${rest.trim() ? '; the rest of the line is scanned as plain text' : ''}`,
      });
      if (rest.trim()) yield { loose: true, path: input.displayPath, text: rest, line, column: parser.remainderPosition().column };
    }
  }
}

function zendeskRecordEntries(record: JsonRecord): TicketEntry[] {
  const value = record.value;
  if (!isObject(value)) return [];
  const kind = record.path[0];
  if (kind === 'comments') {
    return commentEntry(value, record.positions, { ticket: asString(value.ticket_id) }, `comment#${(record.path[1] as number) + 1}`);
  }
  if (kind === 'ticket_events') return eventEntries(value, record.positions);
  if (kind === 'results' && value.result_type !== undefined && value.result_type !== 'ticket') return [];
  return ticketEntries(value, record.positions, undefined);
}

/** `https://acme.zendesk.com/api/v2/tickets/12.json` → `https://acme.zendesk.com/agent/tickets/12`. */
function agentUrl(apiUrl: string | undefined, id: string | undefined, baseUrl: string | undefined): string | undefined {
  if (!id) return undefined;
  const origin = baseUrl?.replace(/\/+$/, '') ?? (apiUrl ? /^(https:\/\/[^/]+)\//.exec(apiUrl)?.[1] : undefined);
  return origin ? `${origin}/agent/tickets/${id}` : undefined;
}

function commentEntry(
  comment: JsonObject,
  positions: StringPositions,
  meta: { ticket?: string; url?: string },
  field: string,
  fallbackDate?: string,
): TicketEntry[] {
  const internal = comment.public === false;
  const found: Rendering[] = [
    ...stringRenderings(comment, 'plain_body', positions, 'plain'),
    ...stringRenderings(comment, 'body', positions, 'markdown'),
    ...stringRenderings(comment, 'html_body', positions, 'html'),
  ];
  const entries: TicketEntry[] = [];
  const base = {
    ...meta,
    field: internal ? field.replace(/^comment/, 'internal_note') : field,
    author: asString(comment.author_id),
    date: asString(comment.created_at) ?? fallbackDate,
  };
  if (found.length > 0) entries.push({ ...base, renderings: found });
  entries.push(...otherStrings(comment, positions, COMMENT_SKIP, { ...meta, author: base.author, date: base.date }, base.field));
  return entries;
}

export function ticketEntries(ticket: JsonObject, positions: StringPositions, baseUrl: string | undefined): TicketEntry[] {
  const id = asString(ticket.id);
  const url = agentUrl(asString(ticket.url), id, baseUrl);
  const meta = { ticket: id, ...(url ? { url } : {}) };
  const requester = asString(ticket.submitter_id) ?? asString(ticket.requester_id);
  const created = asString(ticket.created_at);
  const entries: TicketEntry[] = [];
  const subject = [...stringRenderings(ticket, 'subject', positions, 'plain'), ...stringRenderings(ticket, 'raw_subject', positions, 'plain')];
  if (subject.length > 0) entries.push({ ...meta, field: 'subject', author: requester, date: created, renderings: subject });

  const comments = arrayAt(ticket, 'comments').filter(isObject);
  const description = stringRenderings(ticket, 'description', positions, 'plain');
  comments.forEach((comment, index) => {
    const commentEntries = commentEntry(comment, positions, meta, `comment#${index + 1}`);
    // The description is the first comment's text: one text, two copies.
    const first = commentEntries[0];
    if (index === 0 && first && description.length > 0) first.renderings.push(...description);
    entries.push(...commentEntries);
  });
  if (comments.length === 0 && description.length > 0) {
    entries.push({ ...meta, field: 'description', author: requester, date: created, renderings: description });
  }
  for (const custom of arrayAt(ticket, 'custom_fields')) {
    if (!isObject(custom) || typeof custom.value !== 'string') continue;
    const text = custom.value;
    if (text.trim() === '') continue;
    entries.push({ ...meta, field: `custom_field#${asString(custom.id) ?? '?'}`, renderings: renderings(text, 'plain', jsonMap(positions, custom, 'value')) });
  }
  entries.push(...otherStrings(ticket, positions, TICKET_SKIP, meta));
  return entries;
}

function eventEntries(event: JsonObject, positions: StringPositions): TicketEntry[] {
  const ticket = asString(event.ticket_id);
  const entries: TicketEntry[] = [];
  for (const child of arrayAt(event, 'child_events')) {
    if (!isObject(child)) continue;
    if (typeof child.body === 'string' || typeof child.html_body === 'string') {
      const id = asString(child.id);
      entries.push(...commentEntry(child, positions, { ticket }, id ? `comment#${id}` : 'comment', asString(event.created_at)));
      continue;
    }
    entries.push(...otherStrings(child, positions, new Set(['id', 'event_type', 'via']), { ticket, date: stringAt(event, 'created_at') }, asString(child.field_name) ?? 'event'));
  }
  return entries;
}

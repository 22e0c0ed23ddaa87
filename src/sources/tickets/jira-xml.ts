/**
 * Jira "Export XML" (RSS 0.92, docs/tickets.md): one `item` per issue. Descriptions,
 * comments and custom field values are HTML escaped inside XML: saxes undoes the XML escaping, the
 * HTML reading undoes the rest (entities, tags, a second level of escaping).
 */
import { MIN_SECRET_LENGTH } from './json-records.js';
import { renderings, type Markup } from './normalize.js';
import type { ReaderContext, ReaderOutput, TicketEntry, TicketInput } from './types.js';
import { child, children, deepText, xmlRecords, type XmlElement } from './xml-records.js';

/** Elements of an item that are handled by name, or hold no free text. */
const HANDLED = new Set([
  'title', 'link', 'key', 'summary', 'description', 'environment', 'comments', 'customfields', 'project', 'type', 'priority', 'status',
  'statusCategory', 'resolution', 'assignee', 'reporter', 'creator', 'created', 'updated', 'resolved', 'due', 'votes', 'watches',
  'labels', 'attachments', 'subtasks', 'issuelinks', 'version', 'fixVersion', 'component', 'timeestimate', 'timeoriginalestimate',
  'timespent', 'aggregatetimeoriginalestimate', 'aggregatetimeestimate', 'aggregatetimespent', 'parent', 'guid', 'security',
]);

export async function* readJiraXml(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext): AsyncGenerator<ReaderOutput> {
  let items = 0;
  for await (const item of xmlRecords(pieces, (name, _depth, parent) => name === 'item' && parent === 'channel', input.displayPath, context)) {
    items++;
    const entries = itemEntries(item);
    if (entries.length > 0) yield { entries };
  }
  if (items === 0) context.warn({ code: 'input', path: input.displayPath, message: 'no <item> elements: an RSS export without issues' });
}

function textOf(element: XmlElement | undefined): string | undefined {
  const text = element ? deepText(element).trim() : '';
  return text === '' ? undefined : text;
}

function entryFrom(element: XmlElement | undefined, markup: Markup, meta: Omit<TicketEntry, 'renderings'>): TicketEntry | undefined {
  if (!element) return undefined;
  const text = deepText(element);
  if (text.trim().length === 0) return undefined;
  return { ...meta, renderings: renderings(text, markup, { kind: 'lines', line: element.line, column: element.column }, { keepLines: true }) };
}

function itemEntries(item: XmlElement): TicketEntry[] {
  const key = textOf(child(item, 'key')) ?? /^\[([^\]]+)\]/.exec(textOf(child(item, 'title')) ?? '')?.[1];
  const link = textOf(child(item, 'link'));
  const reporterElement = child(item, 'reporter');
  const reporter = textOf(reporterElement) ?? reporterElement?.attributes.accountid ?? reporterElement?.attributes.username;
  const created = textOf(child(item, 'created'));
  const base = { ticket: key, ...(link ? { url: link } : {}) };
  const entries: (TicketEntry | undefined)[] = [];
  const summary = child(item, 'summary') ?? child(item, 'title');
  entries.push(entryFrom(summary, 'html', { ...base, field: 'summary', author: reporter, date: created }));
  entries.push(entryFrom(child(item, 'description'), 'html', { ...base, field: 'description', author: reporter, date: created }));
  entries.push(entryFrom(child(item, 'environment'), 'html', { ...base, field: 'environment', author: reporter, date: created }));
  children(child(item, 'comments'), 'comment').forEach((comment, index) => {
    const id = comment.attributes.id;
    const url = link && id ? `${link}${link.includes('?') ? '&' : '?'}focusedCommentId=${id}` : link;
    entries.push(
      entryFrom(comment, 'html', {
        ticket: key,
        field: `comment#${index + 1}`,
        author: comment.attributes.author ?? comment.attributes.authorname ?? comment.attributes.accountid,
        date: comment.attributes.created,
        ...(url ? { url } : {}),
      }),
    );
  });
  for (const custom of children(child(item, 'customfields'), 'customfield')) {
    const name = textOf(child(custom, 'customfieldname')) ?? custom.attributes.id ?? 'custom field';
    for (const value of children(child(custom, 'customfieldvalues'), 'customfieldvalue')) {
      entries.push(entryFrom(value, 'html', { ...base, field: name }));
    }
  }
  // Anything else with text (elements Jira adds over time, plugins' fields).
  for (const element of item.children) {
    if (HANDLED.has(element.name)) continue;
    const text = deepText(element);
    if (text.trim().length < MIN_SECRET_LENGTH) continue;
    entries.push(entryFrom(element, 'html', { ...base, field: element.name }));
  }
  return entries.filter((e): e is TicketEntry => e !== undefined);
}

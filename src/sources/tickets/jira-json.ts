/**
 * Jira REST JSON (docs/tickets.md): a search response (`{"issues":[…]}`, pages may be
 * appended one after another), an array of issues, or one issue. v2 gives description and comment
 * bodies as wiki text, v3 as Atlassian Document Format; custom text-area fields follow the same
 * rule. `renderedFields` (expand=renderedFields) holds HTML copies of the same fields.
 */
import { adfToText, isAdfDocument } from './adf.js';
import { arrayAt, jsonRecords, jsonMap, objectAt, otherStrings, stringAt } from './json-records.js';
import { isObject, type JsonObject, type JsonValue, type StringPositions } from './json-stream.js';
import { renderings, type Markup } from './normalize.js';
import type { ReaderContext, ReaderOutput, Rendering, TicketEntry, TicketInput } from './types.js';

/** Fields read by name, or holding only ids, dates, users and states. */
const SKIP_FIELDS = new Set([
  'summary', 'description', 'environment', 'comment', 'reporter', 'creator', 'assignee', 'status', 'priority', 'issuetype',
  'project', 'created', 'updated', 'resolutiondate', 'lastViewed', 'statuscategorychangedate', 'watches', 'votes', 'progress',
  'aggregateprogress', 'timetracking', 'attachment', 'issuelinks', 'subtasks', 'parent', 'labels', 'components', 'fixVersions',
  'versions', 'resolution', 'security', 'workratio', 'duedate', 'statusCategory',
]);

export async function* readJiraJson(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext, head: string): AsyncGenerator<ReaderOutput> {
  const recordPaths = jiraRecordPaths(head);
  for await (const record of jsonRecords(pieces, recordPaths, input.displayPath, context)) {
    if ('loose' in record) {
      yield record;
      continue;
    }
    if (!isObject(record.value)) continue;
    const entries = issueEntries(record.value, record.positions, context.baseUrl);
    if (entries.length > 0) yield { entries };
  }
}

/** Where the issues are: a search response, an array of issues, or one issue. */
export function jiraRecordPaths(head: string): (string | number)[][] {
  const first = head.trimStart()[0];
  if (first === '[') return [['*'], ['*', 'issues', '*']];
  if (/(?<!\\)"issues"\s*:\s*\[/.test(head)) return [['issues', '*']];
  return [[]];
}

/** `https://site.atlassian.net/rest/api/3/issue/10001` → `https://site.atlassian.net`. */
function siteOf(self: string | undefined, baseUrl: string | undefined): string | undefined {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  const i = self?.indexOf('/rest/') ?? -1;
  return self && i > 0 ? self.slice(0, i) : undefined;
}

/** A description, comment body or text custom field: wiki text (v2) or an ADF document (v3). */
function bodyRenderings(container: JsonObject | undefined, key: string, positions: StringPositions, markup: Markup): Rendering[] {
  const value = container?.[key];
  if (!container || value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return value.trim() === '' ? [] : renderings(value, markup, jsonMap(positions, container, key));
  }
  if (isAdfDocument(value)) {
    const adf = adfToText(value, positions);
    return adf.text.trim() === '' ? [] : [{ text: adf.text, map: adf.map }];
  }
  return [];
}

function personName(value: JsonValue | undefined): string | undefined {
  return stringAt(value, 'displayName') ?? stringAt(value, 'emailAddress') ?? stringAt(value, 'name') ?? stringAt(value, 'accountId');
}

export function issueEntries(issue: JsonObject, positions: StringPositions, baseUrl: string | undefined): TicketEntry[] {
  const key = stringAt(issue, 'key') ?? stringAt(issue, 'id');
  const site = siteOf(stringAt(issue, 'self'), baseUrl);
  const url = site && key ? `${site}/browse/${key}` : undefined;
  const fields = objectAt(issue, 'fields') ?? {};
  const rendered = objectAt(issue, 'renderedFields');
  const reporter = personName(fields.reporter) ?? personName(fields.creator);
  const created = stringAt(fields, 'created');
  const base = { ticket: key, ...(url ? { url } : {}) };
  const entries: TicketEntry[] = [];
  const push = (entry: Omit<TicketEntry, 'renderings'>, found: Rendering[]): void => {
    if (found.length > 0) entries.push({ ...entry, renderings: found });
  };

  push({ ...base, field: 'summary', author: reporter, date: created }, bodyRenderings(fields, 'summary', positions, 'plain'));
  for (const name of ['description', 'environment']) {
    push({ ...base, field: name, author: reporter, date: created }, [
      ...bodyRenderings(fields, name, positions, 'wiki'),
      ...bodyRenderings(rendered, name, positions, 'html'),
    ]);
  }

  const commentHolder = fields.comment;
  const comments = Array.isArray(commentHolder) ? commentHolder : arrayAt(commentHolder, 'comments');
  const renderedComments = arrayAt(rendered?.comment, 'comments');
  comments.forEach((comment, index) => {
    if (!isObject(comment)) return;
    const id = stringAt(comment, 'id');
    const renderedComment = renderedComments[index];
    push(
      {
        ticket: key,
        field: `comment#${index + 1}`,
        author: personName(comment.author),
        date: stringAt(comment, 'created'),
        ...(url ? { url: id ? `${url}?focusedCommentId=${id}` : url } : {}),
      },
      [...bodyRenderings(comment, 'body', positions, 'wiki'), ...(isObject(renderedComment) ? bodyRenderings(renderedComment, 'body', positions, 'html') : [])],
    );
  });

  // Custom fields and anything else: text areas (wiki or ADF), option values, nested objects.
  for (const [name, value] of Object.entries(fields)) {
    if (SKIP_FIELDS.has(name) || value === null) continue;
    if (typeof value === 'string' || isAdfDocument(value)) {
      push({ ...base, field: name }, bodyRenderings(fields, name, positions, 'wiki'));
      continue;
    }
    if (typeof value === 'object') entries.push(...otherStrings(value, positions, new Set(), base, name));
  }
  return entries;
}

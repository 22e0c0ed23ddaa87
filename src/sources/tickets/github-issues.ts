/**
 * GitHub issues (docs/tickets.md): `gh issue list --json …` output (comments embedded,
 * `author.login`, `createdAt`, `url`), the REST issues list (`user.login`, `created_at`, `html_url`;
 * pull requests included), the REST issue comments list (`issue_url`), or one issue object.
 * Bodies are Markdown.
 */
import { arrayAt, jsonRecords, otherStrings, stringAt, stringRenderings } from './json-records.js';
import { asString, isObject, type JsonObject, type StringPositions } from './json-stream.js';
import type { ReaderContext, ReaderOutput, Rendering, TicketEntry, TicketInput } from './types.js';

/** Keys read by name, or holding only ids, URLs, users, labels and states. */
const SKIP = new Set([
  'id', 'node_id', 'number', 'title', 'body', 'body_text', 'body_html', 'comments', 'user', 'author', 'assignee', 'assignees', 'labels',
  'milestone', 'state', 'state_reason', 'stateReason', 'locked', 'active_lock_reason', 'created_at', 'updated_at', 'closed_at',
  'createdAt', 'updatedAt', 'closedAt', 'closed', 'author_association', 'authorAssociation', 'reactions', 'reactionGroups',
  'pull_request', 'performed_via_github_app', 'closed_by', 'sub_issues_summary', 'issue_dependencies_summary', 'type', 'isPinned',
  'projectCards', 'projectItems', 'timeline_url', 'includesCreatedEdit', 'isMinimized', 'minimizedReason', 'viewerDidAuthor',
]);

export async function* readGithubIssues(input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext, head: string): AsyncGenerator<ReaderOutput> {
  const recordPaths = head.trimStart().startsWith('[') ? [['*']] : [[]];
  for await (const record of jsonRecords(pieces, recordPaths, input.displayPath, context)) {
    if ('loose' in record) {
      yield record;
      continue;
    }
    if (!isObject(record.value)) continue;
    const entries = issueEntries(record.value, record.positions);
    if (entries.length > 0) yield { entries };
  }
}

/** `https://github.com/o/r/issues/12` or `https://api.github.com/repos/o/r/issues/12` → `o/r#12`. */
export function issueRef(url: string | undefined, number: string | undefined): string | undefined {
  const m = url ? /^https:\/\/(?:api\.)?github\.com\/(?:repos\/)?([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)/.exec(url) : null;
  if (m) return `${m[1]}#${m[2]}`;
  return number ? `#${number}` : undefined;
}

function login(value: JsonObject): string | undefined {
  return stringAt(value, 'author', 'login') ?? stringAt(value, 'user', 'login') ?? stringAt(value, 'author', 'name');
}

function bodyRenderings(value: JsonObject, positions: StringPositions): Rendering[] {
  return [
    ...stringRenderings(value, 'body', positions, 'markdown'),
    ...stringRenderings(value, 'body_text', positions, 'plain'),
    ...stringRenderings(value, 'body_html', positions, 'html'),
  ];
}

function issueEntries(value: JsonObject, positions: StringPositions): TicketEntry[] {
  // A REST comment (from /issues/comments): it names its issue by URL.
  if (value.issue_url !== undefined && value.title === undefined) {
    const htmlUrl = stringAt(value, 'html_url');
    const found = bodyRenderings(value, positions);
    if (found.length === 0) return [];
    return [
      {
        ticket: issueRef(stringAt(value, 'issue_url'), undefined),
        field: 'comment',
        author: login(value),
        date: stringAt(value, 'created_at'),
        ...(htmlUrl ? { url: htmlUrl } : {}),
        renderings: found,
      },
    ];
  }
  const url = stringAt(value, 'html_url') ?? stringAt(value, 'url');
  const ticket = issueRef(url, asString(value.number));
  const meta = { ticket, ...(url ? { url } : {}) };
  const author = login(value);
  const created = stringAt(value, 'createdAt') ?? stringAt(value, 'created_at');
  const entries: TicketEntry[] = [];
  const title = stringRenderings(value, 'title', positions, 'plain');
  if (title.length > 0) entries.push({ ...meta, field: 'title', author, date: created, renderings: title });
  const body = bodyRenderings(value, positions);
  if (body.length > 0) entries.push({ ...meta, field: 'body', author, date: created, renderings: body });
  arrayAt(value, 'comments').forEach((comment, index) => {
    if (!isObject(comment)) return;
    const found = bodyRenderings(comment, positions);
    if (found.length === 0) return;
    const commentUrl = stringAt(comment, 'url') ?? stringAt(comment, 'html_url') ?? meta.url;
    entries.push({
      ticket,
      field: `comment#${index + 1}`,
      author: login(comment),
      date: stringAt(comment, 'createdAt') ?? stringAt(comment, 'created_at'),
      ...(commentUrl ? { url: commentUrl } : {}),
      renderings: found,
    });
  });
  entries.push(...otherStrings(value, positions, new Set([...SKIP, ...Object.keys(value).filter((k) => k === 'url' || k.endsWith('_url'))]), meta));
  return entries;
}

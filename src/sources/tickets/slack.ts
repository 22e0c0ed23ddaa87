/**
 * Slack workspace export, unzipped or as its ZIP archive (docs/tickets.md): `channels.json`, `groups.json`,
 * `mpims.json`, `dms.json`, `users.json` (`org_users.json` on Enterprise Grid), and one folder per
 * conversation holding a `YYYY-MM-DD.json` array of messages per day.
 *
 * A message's `text` escapes `& < >` and writes links as `<url|label>` and mentions as `<@U…>`;
 * `blocks` repeats the same content as rich text. Both are read as copies of one text, so a key
 * pasted once is one finding. User ids become names from `users.json`. Links to messages need the
 * workspace's address (`--base-url https://acme.slack.com`): Slack exports do not record it.
 */
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../files/walk.js';
import { openText, type OpenedText } from './input.js';
import { arrayAt, jsonMap, jsonRecords, stringAt } from './json-records.js';
import { asString, isObject, type JsonObject, type JsonValue, type StringPositions } from './json-stream.js';
import { renderings, slackText } from './normalize.js';
import type { ReaderContext, ReaderOutput, Rendering, TicketEntry, TicketInput } from './types.js';

export const SLACK_DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'] as const;

export interface SlackDirectory {
  users: Map<string, string>;
  /** Folder name → conversation id and how to name it. */
  conversations: Map<string, { id: string; label: string }>;
}

/** The files of a Slack export, wherever they are kept (a directory, a ZIP archive). */
export interface SlackFiles {
  /** How a file of the export, by its path inside it, is shown in reports. */
  shown(rel: string): string;
  /** The file as text, or undefined when it is missing or could not be opened (having said why). */
  open(rel: string): Promise<OpenedText | undefined>;
  /** Conversation folders with their day files, both in name order. */
  days(): Promise<{ folder: string; files: string[] }[]>;
}

/** Is this directory the root of a Slack export? */
export async function isSlackExport(dir: string): Promise<boolean> {
  const has = async (name: string): Promise<boolean> => (await stat(path.join(dir, name)).catch(() => undefined))?.isFile() === true;
  return (await has('channels.json')) && ((await has('users.json')) || (await has('org_users.json')));
}

/** Does this list of paths hold a Slack export's lists at `prefix` (`''` or `folder/`)? */
export function isSlackLayout(names: ReadonlySet<string>, prefix: string): boolean {
  return names.has(`${prefix}channels.json`) && (names.has(`${prefix}users.json`) || names.has(`${prefix}org_users.json`));
}

interface SlackReadContext extends ReaderContext {
  countBytes?(bytes: number): void;
}

/** A Slack export unzipped into a directory. */
export function slackDirectory(dir: string, shownDir: string, context: SlackReadContext): SlackFiles {
  return {
    shown: (rel) => joinShown(shownDir, rel),
    open: async (rel) => {
      const file = path.join(dir, ...rel.split('/'));
      if ((await stat(file).catch(() => undefined))?.isFile() !== true) return undefined;
      try {
        return await openText(file, { signal: context.signal });
      } catch (error) {
        context.warn({ code: 'unreadable', path: joinShown(shownDir, rel), message: `unreadable: ${error instanceof Error && 'code' in error ? describeFsError(error) : (error as Error).message}` });
        return undefined;
      }
    },
    days: async () => {
      const folders: string[] = [];
      for await (const entry of await opendir(dir)) if (entry.isDirectory()) folders.push(entry.name);
      folders.sort();
      const out: { folder: string; files: string[] }[] = [];
      for (const folder of folders) {
        const files: string[] = [];
        for await (const entry of await opendir(path.join(dir, folder))) if (entry.isFile() && SLACK_DAY_FILE.test(entry.name)) files.push(entry.name);
        files.sort();
        out.push({ folder, files });
      }
      return out;
    },
  };
}

async function readList(files: SlackFiles, name: string, context: SlackReadContext, onItem: (item: JsonObject) => void): Promise<void> {
  const opened = await files.open(name);
  if (!opened) return;
  try {
    for await (const record of jsonRecords(opened.pieces, [['*']], files.shown(name), context)) {
      if (!('loose' in record) && isObject(record.value)) onItem(record.value);
    }
  } finally {
    opened.close();
    context.countBytes?.(opened.bytesRead());
  }
}

export async function loadSlackLists(files: SlackFiles, context: SlackReadContext): Promise<SlackDirectory> {
  const users = new Map<string, string>();
  const conversations = new Map<string, { id: string; label: string }>();
  for (const name of ['users.json', 'org_users.json']) {
    await readList(files, name, context, (user) => {
      const id = asString(user.id);
      const display = stringAt(user, 'profile', 'display_name') || stringAt(user, 'real_name') || stringAt(user, 'profile', 'real_name') || stringAt(user, 'name');
      if (id && display) users.set(id, display);
    });
  }
  for (const list of LISTS) {
    await readList(files, list, context, (conversation) => {
      const id = asString(conversation.id);
      const name = asString(conversation.name);
      if (!id) return;
      if (list === 'dms.json') {
        const members = arrayAt(conversation, 'members').map((m) => users.get(asString(m) ?? '') ?? asString(m) ?? '?');
        conversations.set(id, { id, label: `dm:${members.join(',')}` });
      } else if (name) {
        conversations.set(name, { id, label: list === 'mpims.json' ? name : `#${name}` });
      }
    });
  }
  return { users, conversations };
}

function joinShown(base: string, rel: string): string {
  return base === '' || base === '.' ? rel : `${base}/${rel}`;
}

/** Every conversation folder of an export, day files in date order. */
export async function* readSlackExport(files: SlackFiles, context: SlackReadContext): AsyncGenerator<ReaderOutput> {
  const directory = await loadSlackLists(files, context);
  for (const { folder, files: days } of await files.days()) {
    for (const day of days) {
      if (context.signal?.aborted) return;
      const rel = `${folder}/${day}`;
      const opened = await files.open(rel);
      if (!opened) continue;
      try {
        yield* readSlackDay(opened.pieces, files.shown(rel), folder, directory, context);
      } finally {
        opened.close();
        context.countBytes?.(opened.bytesRead());
      }
    }
  }
}

/** One day file, read alone: names come from the export's lists when they sit beside its folder. */
export async function* readSlackDayFile(input: TicketInput, pieces: AsyncIterable<string>, context: SlackReadContext): AsyncGenerator<ReaderOutput> {
  const folderDir = path.dirname(input.absPath);
  const root = path.dirname(folderDir);
  const quiet = { ...context, warn: () => undefined, countBytes: undefined };
  const directory =
    !input.archived && (await isSlackExport(root))
      ? await loadSlackLists(slackDirectory(root, '', quiet), quiet)
      : { users: new Map<string, string>(), conversations: new Map<string, { id: string; label: string }>() };
  yield* readSlackDay(pieces, input.displayPath, input.archived ? (input.folder ?? '') : path.basename(folderDir), directory, context);
}

async function* readSlackDay(
  pieces: AsyncIterable<string>,
  shown: string,
  folder: string,
  directory: SlackDirectory,
  context: SlackReadContext,
): AsyncGenerator<ReaderOutput> {
  const conversation = directory.conversations.get(folder) ?? { id: folder, label: /^[CDG][A-Z0-9]{6,}$/.test(folder) ? folder : `#${folder}` };
  for await (const record of jsonRecords(pieces, [['*']], shown, context)) {
    if ('loose' in record) {
      yield record;
      continue;
    }
    if (!isObject(record.value)) continue;
    const entries = messageEntries(record.value, record.positions, conversation, directory.users, context.baseUrl);
    if (entries.length > 0) yield { path: shown, entries };
  }
}

function isoDate(ts: string | undefined): string | undefined {
  const seconds = ts ? Number(ts) : NaN;
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
}

export function messageEntries(
  message: JsonObject,
  positions: StringPositions,
  conversation: { id: string; label: string },
  users: ReadonlyMap<string, string>,
  baseUrl: string | undefined,
): TicketEntry[] {
  const userName = (id: string): string | undefined => users.get(id);
  const ts = asString(message.ts);
  const threadTs = asString(message.thread_ts);
  const isReply = threadTs !== undefined && threadTs !== ts;
  const userId = asString(message.user);
  const author =
    (userId ? users.get(userId) : undefined) ??
    stringAt(message, 'user_profile', 'real_name') ??
    asString(message.username) ??
    stringAt(message, 'bot_profile', 'name') ??
    userId;
  let url: string | undefined;
  if (baseUrl && ts) {
    url = `${baseUrl.replace(/\/+$/, '')}/archives/${conversation.id}/p${ts.replace('.', '')}`;
    if (isReply) url += `?thread_ts=${threadTs}&cid=${conversation.id}`;
  }
  const meta = { ticket: conversation.label, author, date: isoDate(ts), ...(url ? { url } : {}) };
  const entries: TicketEntry[] = [];

  const copies: Rendering[] = [];
  if (typeof message.text === 'string' && message.text.trim() !== '') {
    copies.push(...renderings(message.text, 'slack', jsonMap(positions, message, 'text'), { userName }));
  }
  const blocks = blocksText(arrayAt(message, 'blocks'), positions, userName);
  if (blocks) copies.push(blocks);
  if (copies.length > 0) entries.push({ ...meta, field: isReply ? 'thread_reply' : 'message', renderings: copies });

  arrayAt(message, 'attachments').forEach((attachment, index) => {
    if (!isObject(attachment)) return;
    const found: Rendering[] = [];
    for (const key of ['pretext', 'title', 'text', 'footer', 'fallback', 'title_link', 'from_url']) {
      if (typeof attachment[key] === 'string' && (attachment[key] as string).trim() !== '') {
        found.push(...renderings(attachment[key] as string, 'slack', jsonMap(positions, attachment, key), { userName }));
      }
    }
    for (const field of arrayAt(attachment, 'fields')) {
      if (isObject(field) && typeof field.value === 'string') found.push(...renderings(field.value, 'slack', jsonMap(positions, field, 'value'), { userName }));
    }
    const inner = blocksText(arrayAt(attachment, 'blocks'), positions, userName);
    if (inner) found.push(inner);
    if (found.length > 0) entries.push({ ...meta, field: `attachment#${index + 1}`, renderings: found });
  });

  arrayAt(message, 'files').forEach((file, index) => {
    if (!isObject(file)) return;
    const found: Rendering[] = [];
    for (const key of ['preview', 'plain_text', 'preview_plain_text']) {
      if (typeof file[key] === 'string' && (file[key] as string).trim() !== '') {
        found.push(...renderings(file[key] as string, 'plain', jsonMap(positions, file, key)));
      }
    }
    if (found.length > 0) entries.push({ ...meta, field: `file#${index + 1}`, renderings: found });
  });
  return entries;
}

/** Text of Slack blocks (rich text, sections, headers, context): one line per block element. */
export function blocksText(blocks: JsonValue[], positions: StringPositions, userName: (id: string) => string | undefined): Rendering | undefined {
  let text = '';
  const segments: number[] = [];
  const append = (piece: string, container: object, key: string): void => {
    if (piece.length === 0) return;
    const at = positions.get(container, key);
    if (at) segments.push(text.length, at.line, at.column);
    text += piece;
  };
  const newline = (): void => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const visit = (node: JsonValue, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    const type = asString(node.type);
    switch (type) {
      case 'text':
        if (typeof node.text === 'string') append(node.text, node, 'text');
        return;
      case 'mrkdwn':
      case 'plain_text':
        if (typeof node.text === 'string') append(type === 'mrkdwn' ? slackText(node.text, false, userName) : node.text, node, 'text');
        newline();
        return;
      case 'link':
        if (typeof node.url === 'string') append(node.url, node, 'url');
        if (typeof node.text === 'string' && node.text !== node.url) append(` ${node.text}`, node, 'text');
        return;
      case 'user': {
        const id = asString(node.user_id) ?? '';
        text += `@${userName(id) ?? id}`;
        return;
      }
      case 'emoji':
        text += `:${asString(node.name) ?? ''}:`;
        return;
    }
    for (const key of ['text', 'elements', 'fields']) {
      const value = node[key];
      if (value !== undefined && typeof value !== 'string') visit(value, depth + 1);
    }
    newline();
  };
  visit(blocks, 0);
  const trimmed = text.replace(/\n$/, '');
  if (trimmed.trim() === '') return undefined;
  if (segments.length === 0) segments.push(0, 1, 1);
  return { text: trimmed, map: { kind: 'segments', segments } };
}

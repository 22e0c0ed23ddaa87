/**
 * Commits and trees read as objects (through ObjectReader), for scans that cannot use
 * `git log -p`: what a commit changes is found by comparing its tree with its parents' trees,
 * stepping around any tree that cannot be read instead of stopping there.
 */
import { displayName } from '../path-display.js';
import type { ObjectReader } from './cat-file.js';
import type { CommitMeta } from './patch-parser.js';

export interface CommitObject {
  tree: string;
  parents: string[];
  meta: CommitMeta;
}

/** A commit object's header: tree, parents, author and dates, as `git log` would print them. */
export function parseCommit(oid: string, data: Buffer): CommitObject | undefined {
  const end = data.indexOf('\n\n');
  const header = data.toString('utf8', 0, end < 0 ? data.length : end);
  let tree: string | undefined;
  const parents: string[] = [];
  let author = { name: '', date: '', seconds: 0 };
  let committedAt = 0;
  for (const line of header.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = value;
    else if (key === 'parent') parents.push(value);
    else if (key === 'author') author = parseIdent(value);
    else if (key === 'committer') committedAt = parseIdent(value).seconds;
  }
  if (tree === undefined) return undefined;
  return { tree, parents, meta: { commit: oid, author: author.name, date: author.date, committedAt } };
}

/** `Name <email> 1767225602 +0100` → `Name <email>`, the ISO-8601 date in its own zone, seconds. */
function parseIdent(ident: string): { name: string; date: string; seconds: number } {
  const m = /^(.*?) ?<([^>]*)> (-?\d+) ([+-])(\d\d)(\d\d)$/.exec(ident);
  if (!m) return { name: ident, date: '', seconds: 0 };
  const [, name = '', email = '', seconds = '0', sign = '+', hh = '00', mm = '00'] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60;
  const local = new Date((Number(seconds) + offset) * 1000).toISOString().slice(0, 19);
  return { name: email ? `${name} <${email}>` : name, date: `${local}${sign}${hh}:${mm}`, seconds: Number(seconds) };
}

export interface TreeEntry {
  mode: string;
  /** Shown name (see displayName). */
  name: string;
  oid: string;
}

/** Entries of a tree object: `<mode> <name>\0<raw id>` each; ids are as long as the tree's own. */
export function parseTree(data: Buffer, oidHexLength: number): TreeEntry[] {
  const idBytes = oidHexLength / 2;
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(32, at);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > data.length) break;
    entries.push({
      mode: data.toString('latin1', at, space),
      name: displayName(data.subarray(space + 1, nul)),
      oid: data.toString('hex', nul + 1, nul + 1 + idBytes),
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}

const isTree = (mode: string): boolean => mode === '40000' || mode === '040000';
/** A submodule: a commit of another repository, nothing to read here. */
const isGitlink = (mode: string): boolean => mode === '160000';

export interface ChangedFile {
  path: string;
  oid: string;
  /** The file's blobs at the same path in the parents that have one there. */
  previous: string[];
}

export interface TreeDiffEvents {
  file(change: ChangedFile): Promise<void>;
  /** A tree of the new commit that cannot be read: nothing under `path` was compared. */
  unreadableTree(path: string, oid: string, reason: string): void;
}

/**
 * Every file of `tree` that differs from its version in each of `parents` (trees; none for a root
 * commit), as `git log --cc` chooses them: a merge's file that matches one parent came from there.
 * A parent tree that cannot be read counts as empty (its files are compared with nothing).
 */
export async function diffTrees(objects: ObjectReader, tree: string, parents: readonly string[], events: TreeDiffEvents, prefix = ''): Promise<void> {
  const current = await objects.read(tree);
  if (current.kind !== 'present' || current.type !== 'tree') {
    events.unreadableTree(prefix, tree, current.kind === 'missing' ? current.reason : 'not a tree');
    return;
  }
  const before: Map<string, TreeEntry>[] = [];
  for (const parent of parents) {
    const old = await objects.read(parent);
    before.push(old.kind === 'present' && old.type === 'tree' ? new Map(parseTree(old.data, parent.length).map((e) => [e.name, e])) : new Map());
  }
  for (const entry of parseTree(current.data, tree.length)) {
    if (isGitlink(entry.mode)) continue;
    const olds = before.map((m) => m.get(entry.name)).filter((e): e is TreeEntry => e !== undefined);
    if (olds.some((o) => o.oid === entry.oid && isTree(o.mode) === isTree(entry.mode))) continue;
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (isTree(entry.mode)) {
      await diffTrees(objects, entry.oid, olds.filter((o) => isTree(o.mode)).map((o) => o.oid), events, path);
    } else {
      const previous = olds.filter((o) => !isTree(o.mode) && !isGitlink(o.mode)).map((o) => o.oid);
      await events.file({ path, oid: entry.oid, previous });
    }
  }
}

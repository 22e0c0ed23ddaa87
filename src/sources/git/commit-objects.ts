/**
 * Scan one commit from its objects instead of its patch, for the commits `git log -p` cannot show:
 * an object it needs is missing (a damaged repository) or was never fetched (a partial clone).
 * Each changed file is compared with its previous versions blob by blob (addedText); whatever
 * cannot be read is reported skipped with its object id, and everything else is scanned.
 */
import type { ProblemCode } from '../../findings/scan-problem.js';
import { NOT_FETCHED, type ObjectReader } from './cat-file.js';
import { addedText } from './added-lines.js';
import { diffTrees, parseCommit, type ChangedFile } from './objects.js';
import type { CommitMeta, PatchParserEvents } from './patch-parser.js';
import { isBinary } from '../text-decode.js';

/** The skip reason for an object that cannot be read: `<what> cannot be read (<why>): <consequence>`. */
export function unreadableReason(what: string, why: string, consequence: string): string {
  return `${what} cannot be read (${why}): ${consequence}`;
}

/** The problem code for an object that cannot be read, by why: a partial clone's absent objects are summarised. */
export function unreadableCode(why: string): ProblemCode {
  return why.includes(NOT_FETCHED) ? 'not-fetched' : 'unreadable-object';
}

export async function scanCommitObjects(objects: ObjectReader, commit: string, events: PatchParserEvents, maxFileBytes: number): Promise<void> {
  const object = await objects.read(commit);
  const parsed = object.kind === 'present' && object.type === 'commit' ? parseCommit(commit, object.data) : undefined;
  if (!parsed) {
    const why = object.kind === 'missing' ? object.reason : 'not a commit';
    events.skip?.(unreadableCode(why), commit, unreadableReason('commit object', why, 'not scanned'));
    return;
  }
  const meta = parsed.meta;
  events.commit?.(meta);
  // Parents that cannot be read drop out; with none left the commit is compared with nothing, so
  // every file it holds is scanned (more than it added, never less).
  const parentTrees: string[] = [];
  for (const parent of parsed.parents) {
    const p = await objects.read(parent);
    const tree = p.kind === 'present' && p.type === 'commit' ? parseCommit(parent, p.data)?.tree : undefined;
    if (tree !== undefined) parentTrees.push(tree);
  }
  await diffTrees(objects, parsed.tree, parentTrees, {
    unreadableTree: (path, oid, reason) => {
      if (path === '') events.skip?.(unreadableCode(reason), commit, unreadableReason(`its tree ${oid}`, reason, 'not scanned'));
      else events.skip?.(unreadableCode(reason), `${path}/`, unreadableReason(`tree ${oid}`, reason, 'files under it were not scanned'), meta);
    },
    file: (change) => scanChangedFile(objects, change, meta, events, maxFileBytes),
  });
}

/**
 * Scan what one file's new blob adds over its previous blobs. `commit` is undefined for staged
 * changes. A blob that cannot be read, is binary or is over the size cap is reported skipped; a
 * previous blob that cannot be read counts as absent, so more is scanned, never less.
 */
export async function scanChangedFile(
  objects: ObjectReader,
  { path, oid, previous }: ChangedFile,
  commit: CommitMeta | undefined,
  events: PatchParserEvents,
  maxFileBytes: number,
): Promise<void> {
  const blob = await objects.read(oid, maxFileBytes);
  if (blob.kind === 'missing') {
    events.skip?.(unreadableCode(blob.reason), path, unreadableReason(`blob ${oid}`, blob.reason, 'not scanned'), commit);
    return;
  }
  if (blob.kind === 'too-large') {
    events.skip?.('too-large', path, `larger than the size cap (${blob.size} > ${maxFileBytes} bytes)`, commit);
    return;
  }
  if (isBinary(blob.data)) {
    events.skip?.('binary', path, 'binary file', commit);
    return;
  }
  const before: Buffer[] = [];
  for (const old of previous) {
    const o = await objects.read(old, maxFileBytes);
    if (o.kind === 'present') before.push(o.data);
  }
  const added = addedText(path, commit, blob.data, before, maxFileBytes);
  for (const chunk of added.chunks) events.chunk(chunk);
  if (added.capped) events.skip?.('too-large', path, added.capped, commit);
}

/**
 * Listing commits when `git rev-list` cannot: one missing commit object makes it stop ("Failed to
 * traverse parents"), so a damaged repository would list nothing at all. This walk reads commit
 * objects one by one, steps over the missing ones (their ancestors are reached only if another
 * path leads there), and lists the rest oldest first, parents before children, as
 * `rev-list --reverse --topo-order` does.
 */
import type { ObjectReader } from './cat-file.js';
import { parseCommit, type CommitObject } from './objects.js';

export interface WalkOptions {
  /** Commits (or tags of commits) to start from. */
  tips: readonly string[];
  /** Leave out everything reachable from these (a range's base). */
  exclude?: readonly string[];
  /** Leave out commits committed before this time (seconds), and do not walk past them. */
  maxAge?: number;
  /** A shallow clone's boundary: these commits' parents are absent by design, not missing. */
  shallow?: ReadonlySet<string>;
}

export interface MissingCommit {
  commit: string;
  /** The commit whose parent it is (none for a ref's tip). */
  child?: string;
}

export async function walkCommits(objects: ObjectReader, options: WalkOptions): Promise<{ commits: string[]; missing: MissingCommit[] }> {
  const excluded = new Set<string>();
  const ignoredMissing: MissingCommit[] = [];
  if (options.exclude && options.exclude.length > 0) {
    await visit(objects, options.exclude, excluded, { shallow: options.shallow }, () => undefined, ignoredMissing);
  }
  const commits: string[] = [];
  const missing: MissingCommit[] = [];
  await visit(objects, options.tips, excluded, options, (oid) => commits.push(oid), missing);
  return { commits, missing };
}

/** Depth-first from `tips`, calling `emit` for each commit after all its parents (post-order). */
async function visit(
  objects: ObjectReader,
  tips: readonly string[],
  skip: Set<string>,
  options: Pick<WalkOptions, 'maxAge' | 'shallow'>,
  emit: (oid: string) => void,
  missing: MissingCommit[],
): Promise<void> {
  const stack: { oid: string; child?: string; expanded?: boolean }[] = [...tips].reverse().map((oid) => ({ oid }));
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { oid: string; child?: string; expanded?: boolean };
    if (top.expanded) {
      stack.pop();
      emit(top.oid);
      continue;
    }
    if (skip.has(top.oid)) {
      stack.pop();
      continue;
    }
    skip.add(top.oid);
    const commit = await readCommit(objects, top.oid);
    if (commit === 'missing') {
      missing.push({ commit: top.oid, ...(top.child ? { child: top.child } : {}) });
      stack.pop();
      continue;
    }
    if (commit === undefined || (options.maxAge !== undefined && commit.meta.committedAt < options.maxAge)) {
      stack.pop();
      continue;
    }
    // A tag was peeled to its commit: record the commit itself.
    if (commit.meta.commit !== top.oid) {
      stack.pop();
      stack.push({ oid: commit.meta.commit, ...(top.child ? { child: top.child } : {}) });
      continue;
    }
    top.expanded = true;
    if (options.shallow?.has(top.oid)) continue;
    for (const parent of [...commit.parents].reverse()) if (!skip.has(parent)) stack.push({ oid: parent, child: top.oid });
  }
}

/** The commit `oid` names (through tags); 'missing' when absent, undefined for a tree or blob. */
async function readCommit(objects: ObjectReader, oid: string): Promise<CommitObject | 'missing' | undefined> {
  let current = oid;
  for (let depth = 0; depth < 16; depth++) {
    const object = await objects.read(current);
    if (object.kind !== 'present') return 'missing';
    if (object.type === 'commit') return parseCommit(current, object.data);
    if (object.type !== 'tag') return undefined;
    const target = /^object ([0-9a-f]+)$/m.exec(object.data.toString('latin1', 0, Math.min(object.data.length, 200)))?.[1];
    if (!target) return undefined;
    current = target;
  }
  return undefined;
}

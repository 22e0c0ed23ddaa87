/**
 * Staged changes read from objects, for when `git diff --cached` stops at an object it cannot read
 * (a blob of HEAD deleted from a damaged repository, or never fetched into a partial clone). The
 * index and HEAD are compared by object id (`git diff-index --raw`, which reads no blob), and each
 * staged file is scanned for what it adds over its HEAD version (scanChangedFile), skipping only
 * what cannot be read.
 */
import type { ObjectReader } from './cat-file.js';
import { GitError, NO_LAZY_FETCH, gitBytes } from './git.js';
import type { RepoInfo } from './repo.js';
import type { ChangedFile } from './objects.js';
import type { PatchParserEvents } from './patch-parser.js';
import { displayName } from '../path-display.js';
import { scanChangedFile } from './commit-objects.js';

export async function scanStagedObjects(
  info: RepoInfo,
  objects: ObjectReader,
  events: PatchParserEvents,
  maxFileBytes: number,
  onWarning?: (message: string) => void,
): Promise<void> {
  const dir = info.topLevel ?? info.dir;
  let changes: ChangedFile[] | undefined;
  if (info.hasHead) {
    try {
      changes = stagedChanges(await gitBytes(dir, ['diff-index', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', 'HEAD'], { env: NO_LAZY_FETCH }));
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      onWarning?.('the tree of HEAD cannot be read: every staged file was scanned in full');
    }
  }
  // No HEAD (or none readable): everything in the index is new.
  changes ??= indexEntries(await gitBytes(dir, ['ls-files', '--stage', '-z'], { env: NO_LAZY_FETCH }));
  for (const change of changes) await scanChangedFile(objects, change, undefined, events, maxFileBytes);
}

/** `:old-mode new-mode old-id new-id status\0path\0` records → files added or modified in the index. */
function stagedChanges(raw: Buffer): ChangedFile[] {
  const fields = split(raw);
  const changes: { path: string; oid: string; old: string }[] = [];
  const deleted = new Set<string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, oldMode = '', newMode = '', old = '', oid = '', status = ''] = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])/.exec((fields[i] as Buffer).toString('latin1')) ?? [];
    if (status === 'D') deleted.add(old);
    // Unmerged entries and submodules have no blob to read.
    if (status === 'U' || status === 'D' || newMode === '160000' || /^0+$/.test(oid)) continue;
    changes.push({ path: displayName(fields[i + 1] as Buffer), oid, old: oldMode === '160000' || /^0+$/.test(old) ? '' : old });
  }
  // A file moved unchanged adds nothing: its blob was deleted at its old path.
  return changes.map(({ path, oid, old }) => ({ path, oid, previous: old ? [old] : deleted.has(oid) ? [oid] : [] }));
}

/** `mode id stage\tpath\0` records of `ls-files --stage`. */
function indexEntries(raw: Buffer): ChangedFile[] {
  const files: ChangedFile[] = [];
  for (const field of split(raw)) {
    const tab = field.indexOf(9);
    const [mode = '', oid = '', stage = ''] = field.toString('latin1', 0, tab).split(' ');
    if (mode === '160000' || stage !== '0') continue;
    files.push({ path: displayName(field.subarray(tab + 1)), oid, previous: [] });
  }
  return files;
}

function split(raw: Buffer): Buffer[] {
  const fields: Buffer[] = [];
  let start = 0;
  for (let nul = raw.indexOf(0); nul >= 0; nul = raw.indexOf(0, start)) {
    fields.push(raw.subarray(start, nul));
    start = nul + 1;
  }
  return fields;
}

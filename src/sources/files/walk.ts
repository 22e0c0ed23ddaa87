/**
 * File enumeration for `sprawlguard scan PATH…`.
 *
 * Inside a git work tree: what git tracks plus untracked files that are not ignored
 * (`git ls-files --cached --others --exclude-standard`). Elsewhere: every file under the path.
 * Symlinks are followed only when their target stays inside the scan root, and each directory is
 * visited once (by device and inode), so link loops end. Files over the size cap and entries that
 * cannot be read are reported as skipped, never fatal.
 *
 * Walking a directory, regular files are taken from the directory listing's own types and not
 * stat'ed: their size is learnt when they are read (the reader applies the size cap), which saves
 * a system call and an object per file (~10% of a scan of 12,000 files). So, when walking, a file
 * reachable through an in-root symlink is scanned at its own path only (the walk reaches it there),
 * and hard links are scanned at each of their paths. Paths listed by git are stat'ed as before, and
 * deduplicated by inode.
 *
 * A directory named on the command line that git ignores (`scan build` with `build/` in .gitignore)
 * is walked in full, with a note: the user asked for it. File names that are not UTF-8 are read
 * through their raw bytes and shown with `\xHH` escapes (displayName). FIFOs, sockets and devices
 * are listed as skipped and never opened.
 *
 * File system calls here are synchronous on purpose: each async call is a round trip through
 * libuv's thread pool, which on a busy CI machine makes a walk several times slower than lstatSync
 * (bench/README.md). Nothing else runs on the event loop while files are enumerated.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { inputProblem, type ScanProblem } from '../../findings/scan-problem.js';
import { gitBytes } from '../git/git.js';
import { displayName } from '../path-display.js';

export interface FileEntry {
  /** Absolute path on disk. */
  absPath: string;
  /** Path shown in reports: relative to the root, `/` separators. */
  relPath: string;
  /** Size in bytes, or -1 when not known yet (a walked file): the reader then checks `sizeCap`. */
  size: number;
  /** The size cap, for a reader that learns the size itself. */
  sizeCap?: number;
  /** The path's bytes, when they are not UTF-8 (`absPath` is then only for show). */
  rawPath?: Uint8Array;
}

/** What a file of unknown size counts for when work is planned (batches, whether to use workers). */
export const ASSUMED_FILE_BYTES = 16 * 1024;

/** Size for planning: the known size, or ASSUMED_FILE_BYTES. */
export function plannedSize(entry: FileEntry): number {
  return entry.size >= 0 ? entry.size : ASSUMED_FILE_BYTES;
}

export interface EnumerateOptions {
  maxFileSize: number;
  /** Return true to leave a path out (config path allowlist); receives the relative path. */
  excluded?: (relPath: string) => boolean;
  onSkip: (skipped: ScanProblem) => void;
  signal?: AbortSignal;
  /** Set false to walk the directory even inside a git work tree. */
  useGit?: boolean;
  /** Facts the user should know that are not skips (a named path git ignores, scanned anyway). */
  onNote?: (note: ScanProblem) => void;
}

export interface ScanRoot {
  /** The argument as given. */
  arg: string;
  abs: string;
  /** Prefix for relative paths of files under this root (`''` when paths are relative to it). */
  displayBase: string;
}

/**
 * Decide how paths are shown: a single directory argument makes paths relative to it; otherwise
 * paths are relative to the current directory.
 */
export async function resolveRoots(args: readonly string[], cwd = process.cwd()): Promise<ScanRoot[]> {
  const roots: ScanRoot[] = [];
  for (const arg of args) {
    roots.push({ arg, abs: path.resolve(cwd, arg), displayBase: '' });
  }
  if (roots.length === 1) {
    const only = roots[0] as ScanRoot;
    const info = tryFs(() => statSync(only.abs));
    if (!(info instanceof Error) && info.isDirectory()) return roots;
  }
  for (const root of roots) root.displayBase = toPosix(path.relative(cwd, root.abs)) || '.';
  return roots;
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function joinDisplay(base: string, rel: string): string {
  if (base === '' || base === '.') return rel;
  if (rel === '') return base;
  return `${base}/${rel}`;
}

const identity = (s: Stats): string => `${s.dev}:${s.ino}`;

export async function* enumerateFiles(roots: readonly ScanRoot[], options: EnumerateOptions): AsyncGenerator<FileEntry> {
  const seen = new Set<string>();
  const namedFiles: ScanRoot[] = [];
  for (const root of roots) {
    let rootStat: Stats;
    try {
      rootStat = statSync(root.abs);
    } catch (error) {
      options.onSkip(inputProblem('unreadable', root.arg, rootError(root.abs, error)));
      continue;
    }
    if (rootStat.isFile()) {
      const shown = root.displayBase === '' ? toPosix(path.basename(root.abs)) : root.displayBase;
      const entry = checkFile(root.abs, shown, rootStat, options, seen);
      if (entry) yield entry;
      namedFiles.push(root);
      continue;
    }
    if (!rootStat.isDirectory()) {
      options.onSkip(inputProblem('not-followed', root.arg, `not a regular file or directory (${fileKind(rootStat)})`));
      continue;
    }
    const realRoot = realpathSync(root.abs);
    const listing = options.useGit === false ? undefined : await gitListFiles(root.abs);
    if (listing && 'ignoredBy' in listing) {
      options.onNote?.(inputProblem('ignored-by-git', root.arg, `ignored by git (${listing.ignoredBy}); scanning it in full because it was named`));
      yield* walk(root, realRoot, '', options, seen);
    } else if (listing) {
      for (const rel of listing.paths) {
        if (options.signal?.aborted) return;
        const entry = visitPath(root, realRoot, rel, options, seen, false, undefined, undefined, listing.raw.get(rel));
        if (entry) yield entry;
      }
    } else {
      yield* walk(root, realRoot, '', options, seen);
    }
  }
  // Files named on the command line are read whatever git thinks of them; say so when it ignores them.
  if (namedFiles.length > 0 && options.useGit !== false && options.onNote) {
    for (const [root, rule] of await ignoredByGit(namedFiles)) options.onNote(inputProblem('ignored-by-git', root.arg, `ignored by git (${rule}); scanned because it was named`));
  }
}

/** Why a root named on the command line cannot be stat'ed; a dangling symlink says so. */
function rootError(abs: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && tryFs(() => lstatSync(abs).isSymbolicLink()) === true) return 'broken symlink (ENOENT)';
  return describeFsError(error);
}

/** What a file that is neither regular nor a directory is, for the skip reason. */
function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'special file';
}

async function* walk(
  root: ScanRoot,
  realRoot: string,
  relDir: string,
  options: EnumerateOptions,
  seen: Set<string>,
): AsyncGenerator<FileEntry> {
  const absDir = path.join(root.abs, relDir);
  let entries: Dirent[];
  try {
    const dirStat = statSync(absDir);
    const id = identity(dirStat);
    if (seen.has(id)) return;
    seen.add(id);
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch (error) {
    options.onSkip(inputProblem('unreadable', joinDisplay(root.displayBase, toPosix(relDir)) || '.', describeFsError(error)));
    return;
  }
  // A name that is not UTF-8 decodes with U+FFFD and cannot be opened by that string: take
  // those entries again as bytes (a second listing, only for such directories).
  if (entries.some((d) => d.name.includes('\uFFFD'))) {
    entries = entries.filter((d) => !d.name.includes('\uFFFD'));
    const raw = readdirSync(absDir, { withFileTypes: true, encoding: 'buffer' }).filter((d) => d.name.toString('utf8').includes('\uFFFD'));
    yield* rawEntries(root, Buffer.from(absDir), joinDisplay(root.displayBase, toPosix(relDir)), raw, options, seen);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Names from readdir hold no separator, so plain concatenation builds the same paths as
  // path.join without normalising each one again (a per-file cost on large trees).
  const absPrefix = absDir.endsWith(path.sep) ? absDir : absDir + path.sep;
  const relPrefix = relDir === '' ? '' : relDir + path.sep;
  for (const dirent of entries) {
    if (options.signal?.aborted) return;
    const name = dirent.name;
    if (name === '.git') continue;
    const rel = relPrefix + name;
    if (dirent.isFile()) {
      const shown = joinDisplay(root.displayBase, toPosix(rel));
      if (options.excluded?.(shown)) continue;
      yield { absPath: absPrefix + name, relPath: shown, size: -1, sizeCap: options.maxFileSize };
      continue;
    }
    if (dirent.isDirectory()) {
      if (options.excluded?.(joinDisplay(root.displayBase, toPosix(rel)) + '/')) continue;
      yield* walk(root, realRoot, rel, options, seen);
      continue;
    }
    // Symlinks and special files: stat'ed, links resolved and checked.
    let info: Stats;
    try {
      info = lstatSync(absPrefix + name);
    } catch (error) {
      options.onSkip(inputProblem('unreadable', joinDisplay(root.displayBase, toPosix(rel)), describeFsError(error)));
      continue;
    }
    const entry = visitPath(root, realRoot, rel, options, seen, true, info, absPrefix + name);
    if (entry === 'directory') {
      yield* walk(root, realRoot, rel, options, seen);
    } else if (entry) yield entry;
  }
}

/** Stat one path (following an in-root symlink) and decide whether it is scanned. */
function visitPath(
  root: ScanRoot,
  realRoot: string,
  rel: string,
  options: EnumerateOptions,
  seen: Set<string>,
  allowDirectory: true,
  known?: Stats,
  knownAbs?: string,
): FileEntry | 'directory' | undefined;
function visitPath(
  root: ScanRoot,
  realRoot: string,
  rel: string,
  options: EnumerateOptions,
  seen: Set<string>,
  allowDirectory: false,
  known?: undefined,
  knownAbs?: undefined,
  raw?: Buffer,
): FileEntry | undefined;
function visitPath(
  root: ScanRoot,
  realRoot: string,
  rel: string,
  options: EnumerateOptions,
  seen: Set<string>,
  allowDirectory: boolean,
  known?: Stats,
  knownAbs?: string,
  raw?: Buffer,
): FileEntry | 'directory' | undefined {
  // `raw`: git listed the path's bytes, which are not UTF-8; `rel` is only its shown form.
  const abs = raw ? Buffer.concat([Buffer.from(root.abs + path.sep), raw]) : (knownAbs ?? path.join(root.abs, rel));
  const shown = joinDisplay(root.displayBase, toPosix(rel));
  let info: Stats;
  try {
    info = known ?? lstatSync(abs);
  } catch (error) {
    // git lists files deleted from the work tree but still in the index: nothing to read.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !allowDirectory) return undefined;
    options.onSkip(inputProblem('unreadable', shown, describeFsError(error)));
    return undefined;
  }
  if (info.isSymbolicLink()) {
    if (typeof abs !== 'string') {
      options.onSkip(inputProblem('not-followed', shown, 'symlink whose name is not UTF-8; not followed'));
      return undefined;
    }
    let target: string;
    try {
      target = realpathSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      options.onSkip(inputProblem('not-followed', shown, code === 'ELOOP' ? 'symlink loop' : `broken symlink (${code ?? 'error'})`));
      return undefined;
    }
    const inside = target === realRoot || target.startsWith(realRoot + path.sep);
    if (!inside) {
      options.onSkip(inputProblem('not-followed', shown, 'symlink points outside the scan root; not followed'));
      return undefined;
    }
    try {
      info = statSync(abs);
    } catch (error) {
      options.onSkip(inputProblem('unreadable', shown, describeFsError(error)));
      return undefined;
    }
    if (info.isDirectory()) {
      if (!allowDirectory) return undefined;
      // A link to a directory that contains it (`dir/link -> ..`) would walk the same files forever.
      const parent = tryFs(() => realpathSync(path.dirname(abs)));
      if (parent instanceof Error) return 'directory';
      if ((parent === target || parent.startsWith(target + path.sep))) {
        options.onSkip(inputProblem('not-followed', shown, 'symlink loop (points to a directory that contains it); not followed'));
        return undefined;
      }
      return 'directory';
    }
    // Walking, the file an in-root link points to is reached at its own path: scan it there only.
    if (allowDirectory && info.isFile()) return undefined;
  }
  if (info.isDirectory()) return allowDirectory ? 'directory' : undefined; // a submodule, listed by git
  return checkFile(abs, shown, info, options, seen);
}

function checkFile(abs: string | Buffer, shown: string, info: Stats, options: EnumerateOptions, seen: Set<string>): FileEntry | undefined {
  if (!info.isFile()) {
    // Opening a FIFO would wait for a writer; a socket or device is no file to scan.
    if (!options.excluded?.(shown)) options.onSkip(inputProblem('not-followed', shown, `not a regular file (${fileKind(info)})`));
    return undefined;
  }
  const id = identity(info);
  if (seen.has(id)) return undefined;
  seen.add(id);
  if (options.excluded?.(shown)) return undefined;
  if (info.size > options.maxFileSize) {
    options.onSkip(inputProblem('too-large', shown, `larger than the size cap (${info.size} > ${options.maxFileSize} bytes)`));
    return undefined;
  }
  if (typeof abs === 'string') return { absPath: abs, relPath: shown, size: info.size };
  return { absPath: displayName(abs), rawPath: abs, relPath: shown, size: info.size };
}

/**
 * Directory entries whose names are not UTF-8 (`dirents`, listed as bytes under `absDir`): files
 * are read through their bytes, directories walked the same way; symlinks are not followed.
 */
function* rawEntries(root: ScanRoot, absDir: Buffer, shownDir: string, dirents: Dirent<Buffer>[], options: EnumerateOptions, seen: Set<string>): Generator<FileEntry> {
  for (const dirent of dirents) {
    if (options.signal?.aborted) return;
    const abs = Buffer.concat([absDir, Buffer.from(path.sep), dirent.name]);
    const shown = joinDisplay(shownDir, displayName(dirent.name));
    if (dirent.isFile()) {
      if (!options.excluded?.(shown)) yield { absPath: displayName(abs), rawPath: abs, relPath: shown, size: -1, sizeCap: options.maxFileSize };
      continue;
    }
    if (dirent.isDirectory()) {
      if (options.excluded?.(`${shown}/`)) continue;
      let children: Dirent<Buffer>[];
      try {
        const id = identity(statSync(abs));
        if (seen.has(id)) continue;
        seen.add(id);
        children = readdirSync(abs, { withFileTypes: true, encoding: 'buffer' });
      } catch (error) {
        options.onSkip(inputProblem('unreadable', shown, describeFsError(error)));
        continue;
      }
      yield* rawEntries(root, abs, shown, children, options, seen);
      continue;
    }
    const info = tryFs(() => lstatSync(abs));
    if (info instanceof Error) options.onSkip(inputProblem('unreadable', shown, describeFsError(info)));
    else if (info.isSymbolicLink()) options.onSkip(inputProblem('not-followed', shown, 'symlink whose name is not UTF-8; not followed'));
    else checkFile(abs, shown, info, options, seen);
  }
}

/** The result of a file system call, or the error it threw. */
function tryFs<T>(call: () => T): T | Error {
  try {
    return call();
  } catch (error) {
    return error as Error;
  }
}

export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'symlink loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.code ? `${e.code}: ${e.message}` : String(e.message ?? error);
  }
}

export interface GitListing {
  /** Shown paths relative to the directory, sorted. */
  paths: string[];
  /** The bytes of each shown path that is not UTF-8. */
  raw: Map<string, Buffer>;
}

/**
 * Files git would show for this directory: tracked plus untracked-but-not-ignored, relative to
 * `dir`. Undefined when `dir` is not inside a git work tree (or git is not installed); `ignoredBy`
 * (the matching rule) when git ignores `dir` itself, whose files git would then not list.
 */
export async function gitListFiles(dir: string): Promise<GitListing | { ignoredBy: string } | undefined> {
  const inside = await runGit(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']);
  const [isInside, prefix] = inside?.toString('utf8').split('\n') ?? [];
  if (isInside !== 'true') return undefined;
  // The top level is never ignored; below it, ask (one more git process, only then).
  if (prefix !== '') {
    const rule = await runGit(dir, ['check-ignore', '-v', '-z', '--stdin'], '.');
    if (rule !== undefined && rule.length > 0) return { ignoredBy: describeRule(rule) };
  }
  const out = await runGit(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate']);
  if (out === undefined) return undefined;
  const raw = new Map<string, Buffer>();
  // Nearly always all UTF-8: one decode for the lot.
  if (isUtf8(out)) return { paths: [...new Set(out.toString('utf8').split('\0').filter((f) => f !== ''))].sort(), raw };
  const paths = new Set<string>();
  let start = 0;
  for (let nul = out.indexOf(0); nul >= 0; nul = out.indexOf(0, start)) {
    if (nul > start) {
      const bytes = out.subarray(start, nul);
      const shown = displayName(bytes);
      // Names are bytes: a name that is not UTF-8 is opened through them (Buffer paths).
      if (!isUtf8(bytes)) raw.set(shown, Buffer.from(bytes));
      paths.add(shown);
    }
    start = nul + 1;
  }
  return { paths: [...paths].sort(), raw };
}

/**
 * Of the files named on the command line, those git ignores, with the rule that ignores each
 * (`git check-ignore -v`): one git process for the files under the current directory, one per
 * directory for any elsewhere.
 */
async function ignoredByGit(roots: readonly ScanRoot[]): Promise<Map<ScanRoot, string>> {
  const cwd = process.cwd();
  const groups = new Map<string, { root: ScanRoot; rel: string }[]>();
  for (const root of roots) {
    const rel = path.relative(cwd, root.abs);
    const [base, name] = rel.startsWith('..') || path.isAbsolute(rel) ? [path.dirname(root.abs), path.basename(root.abs)] : [cwd, rel];
    groups.set(base, [...(groups.get(base) ?? []), { root, rel: name }]);
  }
  const ignored = new Map<ScanRoot, string>();
  for (const [base, members] of groups) {
    const out = await runGit(base, ['check-ignore', '-v', '-z', '--stdin'], members.map((m) => m.rel).join('\0'));
    if (!out) continue;
    // -v -z: source, line, pattern, path, each NUL-terminated.
    const fields = out.toString('utf8').split('\0');
    for (let i = 0; i + 3 < fields.length; i += 4) {
      const member = members.find((m) => m.rel === fields[i + 3]);
      if (member) ignored.set(member.root, `${fields[i]}:${fields[i + 1]}: ${fields[i + 2]}`);
    }
  }
  return ignored;
}

/** `source\0line\0pattern\0path\0` (check-ignore -v -z) → `source:line: pattern`. */
function describeRule(out: Buffer): string {
  const [source = '', line = '', pattern = ''] = out.toString('utf8').split('\0');
  return `${source}:${line}: ${pattern}`;
}

/** git's standard output as bytes, or undefined when it fails (exit 1 of check-ignore included). */
function runGit(cwd: string, args: string[], input?: string): Promise<Buffer | undefined> {
  return gitBytes(cwd, args, { input }).catch(() => undefined);
}

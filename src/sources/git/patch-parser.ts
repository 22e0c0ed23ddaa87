/**
 * Incremental parser for zero-context unified diffs as git prints them (`git diff -U0`,
 * `git log -p -U0`). It keeps only what a change adds: for every (commit, file) it emits the added
 * lines as one text, with a map from each text line to its line number in the new file, so findings
 * point at real lines. Memory is bounded by the added text of one file in one commit, and that is
 * flushed in pieces above a cap.
 */

import type { ProblemCode } from '../../findings/scan-problem.js';
import { displayName } from '../path-display.js';

export interface CommitMeta {
  commit: string;
  /** `Name <email>` of the author. */
  author: string;
  /** Author date, ISO-8601. */
  date: string;
  /** Committer date, seconds since the epoch: orders commits when picking the first to add a secret. */
  committedAt: number;
}

export interface PatchChunk {
  commit?: CommitMeta;
  path: string;
  text: string;
  /** lineMap[i] = line number in the new file of text line i (0-based i, 1-based numbers). */
  lineMap: number[];
  /** Added bytes this chunk holds (UTF-8). */
  bytes: number;
}

export interface PatchParserEvents {
  chunk(chunk: PatchChunk): void;
  /** A file the parser did not scan: binary, or additions larger than the cap. */
  skip?(code: ProblemCode, path: string, reason: string, commit?: CommitMeta): void;
  commit?(meta: CommitMeta): void;
}

/** Options every patch-producing command gets, whatever the user's git config says. */
export const PATCH_FLAGS = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
] as const;

/** Commit header lines start with this byte; `git log --format=%x1e…` puts it there. */
export const COMMIT_MARK = '\x1e';
export const FIELD_SEP = '\x1f';
/** `git log` format producing the header the parser expects. */
export const COMMIT_FORMAT = `${'%x1e'}%H${'%x1f'}%an${'%x1f'}%ae${'%x1f'}%aI${'%x1f'}%ct`;

/** Added text of one file is emitted in pieces of at most this many characters. */
const PIECE_CHARS = 4 * 1024 * 1024;

export class PatchParser {
  private commit: CommitMeta | undefined;
  private path: string | undefined;
  private inHunk = false;
  /** Parents of the current hunk's diff: 1 for a plain diff, more for a merge's combined diff. */
  private parents = 1;
  private nextLine = 0;
  private lines: string[] = [];
  private lineMap: number[] = [];
  private chars = 0;
  private bytes = 0;
  /** Added bytes of the current file so far, for the size cap. */
  private fileBytes = 0;
  private capped = false;
  /** Path named by the `diff --git` header, for files without a `+++` line (binary). */
  private headerPath: string | undefined;

  constructor(
    private readonly events: PatchParserEvents,
    private readonly maxFileBytes = Number.POSITIVE_INFINITY,
  ) {}

  /**
   * Feed one line as bytes (`buf[start, end)`, no newline). Inside a hunk only added lines are
   * decoded; removed lines, the bulk of many patches, are skipped by their first byte.
   */
  lineBytes(buf: Buffer, start: number, end: number): void {
    if (this.inHunk && this.parents === 1) {
      const c = buf[start];
      if (c === 43 /* + */) {
        this.added(buf.toString('utf8', start + 1, end));
        return;
      }
      if (c === 45 /* - */ || c === 92 /* \ */) return;
    }
    // Header lines name paths, which are bytes: one that is not UTF-8 is shown with \xHH escapes.
    const c = buf[start];
    this.line(c === 43 /* +++ */ || c === 100 /* diff */ || c === 66 /* Binary */ ? displayName(buf.subarray(start, end)) : buf.toString('utf8', start, end));
  }

  /** One line of output, without its trailing newline (an added or removed line of a one-parent hunk is taken by lineBytes). */
  private line(text: string): void {
    const c = text.charCodeAt(0);
    if (this.inHunk) {
      if (this.parents === 1) {
        if (c === 32 /* space: context, only without -U0 */) {
          this.nextLine++;
          return;
        }
      } else if (c === 43 || c === 45 || c === 32) {
        this.combinedLine(text);
        return;
      } else if (c === 92) return;
      this.inHunk = false;
    }
    if (c === 64 /* @ */ && text.startsWith('@@')) {
      // `@@ -a,b +c,d @@` for a plain diff; `@@@ -a,b -c,d +e,f @@@` (one more @ per parent) for a
      // merge's combined diff. The last range is the result's.
      const m = /^(@{2,}) (?:-[0-9]+(?:,[0-9]+)? )+\+([0-9]+)(?:,[0-9]+)? @{2,}/.exec(text);
      if (m && this.path !== undefined) {
        this.inHunk = true;
        this.parents = (m[1] as string).length - 1;
        this.nextLine = Number(m[2]);
      }
      return;
    }
    if (text.startsWith(COMMIT_MARK)) {
      this.flushFile();
      this.path = undefined;
      const [hash = '', name = '', email = '', date = '', committed = '0'] = text.slice(1).split(FIELD_SEP);
      this.commit = { commit: hash, author: email ? `${name} <${email}>` : name, date, committedAt: Number(committed) };
      this.events.commit?.(this.commit);
      return;
    }
    if (text.startsWith('diff --git ') || text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      this.flushFile();
      this.path = undefined;
      // The real path comes from the `+++` line; remember the header's in case there is none (binary).
      this.headerPath = parseHeaderPath(text);
      return;
    }
    if (text.startsWith('+++ ')) {
      const target = text.slice(4);
      this.path = target === '/dev/null' ? undefined : stripPrefix(unquote(target));
      return;
    }
    if (text.startsWith('Binary files ')) {
      const path = this.headerPath;
      if (path !== undefined && !text.endsWith('/dev/null differ')) this.events.skip?.('binary', path, 'binary file', this.commit);
    }
  }

  /**
   * A line of a merge's combined diff: one marker column per parent. A line with `-` in any column
   * is not in the result; one with `+` in every column is in no parent, so the merge itself added
   * it (a conflict resolution or an "evil merge"); anything else came from one of the parents.
   */
  private combinedLine(text: string): void {
    const markers = text.slice(0, this.parents);
    if (markers.includes('-')) return;
    if (markers === '+'.repeat(this.parents)) this.added(text.slice(this.parents));
    else this.nextLine++;
  }

  /** End of input: emit what is pending. */
  end(): void {
    this.flushFile();
  }

  private added(content: string): void {
    if (this.capped) return;
    const bytes = Buffer.byteLength(content) + 1;
    if (this.fileBytes + bytes > this.maxFileBytes) {
      this.capped = true;
      this.flushPiece();
      this.events.skip?.('too-large', this.path ?? '', `additions larger than the size cap (${this.maxFileBytes} bytes); the rest was not scanned`, this.commit);
      return;
    }
    this.fileBytes += bytes;
    this.bytes += bytes;
    this.lines.push(content);
    this.lineMap.push(this.nextLine++);
    this.chars += content.length + 1;
    if (this.chars >= PIECE_CHARS) this.flushPiece();
  }

  private flushPiece(): void {
    if (this.lines.length === 0 || this.path === undefined) {
      this.lines = [];
      this.lineMap = [];
      this.chars = 0;
      this.bytes = 0;
      return;
    }
    this.events.chunk({
      commit: this.commit,
      path: this.path,
      text: this.lines.join('\n'),
      lineMap: this.lineMap,
      bytes: this.bytes,
    });
    this.lines = [];
    this.lineMap = [];
    this.chars = 0;
    this.bytes = 0;
  }

  private flushFile(): void {
    this.flushPiece();
    this.inHunk = false;
    this.fileBytes = 0;
    this.capped = false;
  }
}

/** `diff --git a/x b/x` → `x` (best effort: used only to name binary files). */
function parseHeaderPath(header: string): string | undefined {
  const rest = header.replace(/^diff --(?:git|cc|combined) /, '');
  if (rest.startsWith('"')) {
    const parts = rest.match(/"(?:[^"\\]|\\.)*"/g);
    const last = parts?.[parts.length - 1];
    return last ? stripPrefix(unquote(last)) : undefined;
  }
  const b = rest.lastIndexOf(' b/');
  return b >= 0 ? rest.slice(b + 3) : stripPrefix(rest);
}

function stripPrefix(p: string): string {
  // git puts a TAB after a path with spaces in ---/+++ lines (for GNU patch).
  const clean = p.endsWith('\t') ? p.slice(0, -1) : p;
  return clean.startsWith('b/') || clean.startsWith('a/') ? clean.slice(2) : clean;
}

/** Undo git's C-style quoting of unusual paths: `"a\tb\303\251"` → `a\tbé`. */
export function unquote(p: string): string {
  const trimmed = p.endsWith('\t') ? p.slice(0, -1) : p;
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  const body = trimmed.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (next === undefined) break;
    if (/[0-7]/.test(next)) {
      const oct = body.slice(i, i + 3);
      bytes.push(parseInt(oct, 8));
      i += 2;
      continue;
    }
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    bytes.push(simple[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * `sprawlguard tickets PATH…`: find the exports among the paths, recognise each one's format, read
 * its records as they stream in, and scan every text field through the engine.
 *
 * Each field becomes a chunk whose origin names the system, ticket or channel, field, author, date
 * and link, and the export file and line. A field read several ways (markup as separators and
 * removed; an export's copies of one text) is counted once per secret occurrence: a key pasted in
 * ten comments is ten findings of one fingerprint, a key pasted once is one finding however many
 * copies the export keeps.
 *
 * Bad input never stops the scan: problems inside a file are warnings naming the file and the row,
 * line or column, and what could not be parsed is scanned as plain text; an input that cannot be
 * read at all is reported as failed and the other inputs go on.
 */
import type { Dirent } from 'node:fs';
import { lstat, opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, Origin, ScanStats, SkippedSource } from '../../findings/finding.js';
import type { ChunkScanner } from '../../scan/chunk-scanner.js';
import { describeFsError, resolveRoots, toPosix } from '../files.js';
import { detectFormat } from './detect.js';
import { BinaryInputError, openText, ZipInputError, type OpenedText } from './input.js';
import { readGithubIssues } from './github-issues.js';
import { readJiraCsv } from './jira-csv.js';
import { readJiraJson } from './jira-json.js';
import { readJiraXml } from './jira-xml.js';
import { readLinearCsv } from './linear-csv.js';
import { readServicenowCsv } from './servicenow-csv.js';
import { readServicenowJson } from './servicenow-json.js';
import { readServicenowXml } from './servicenow-xml.js';
import { scanArchive, type ArchiveScan } from './scan-archive.js';
import { isSlackExport, readSlackDayFile, readSlackExport, slackDirectory } from './slack.js';
import {
  FormatMismatchError,
  SYSTEM_OF,
  TICKET_FORMATS,
  type PositionMap,
  type ReadLimits,
  type ReaderContext,
  type ReaderOutput,
  type Rendering,
  type TicketEntry,
  type TicketFormat,
  type TicketInput,
} from './types.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-archive.js';
import { readZendeskJson, readZendeskJsonl } from './zendesk.js';

export interface TicketScanOptions {
  paths: readonly string[];
  scanner: ChunkScanner;
  /** Read every input as this format instead of detecting it. */
  formatHint?: TicketFormat;
  /** The system's web address, for links an export cannot give (Jira CSV, Slack, Linear, ServiceNow). */
  baseUrl?: string;
  /** Bounds on what one export may make a reader hold (defaults suit every real export). */
  limits?: ReadLimits;
  /** Limits on ZIP archives (entries, uncompressed bytes, compression ratio); defaults in zip-archive.ts. */
  zip?: Partial<ZipLimits>;
  cwd?: string;
  /** Problems inside an input that did not stop its scan. */
  onWarning?: (warning: SkippedSource) => void;
  /** Inputs that could not be read at all. */
  onFailure?: (failure: SkippedSource) => void;
  signal?: AbortSignal;
}

export interface TicketScanResult {
  findings: Finding[];
  stats: ScanStats;
  /** Inputs that could not be read at all (unknown format, wrong hint, unreadable). */
  failures: SkippedSource[];
}

interface FoundInput extends TicketInput {
  /** Named on the command line (an unknown format is an error) rather than found in a directory. */
  explicit: boolean;
}

export async function scanTickets(options: TicketScanOptions): Promise<TicketScanResult> {
  const started = performance.now();
  const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [] };
  const findings: Finding[] = [];
  const failures: SkippedSource[] = [];
  const warn = (warning: SkippedSource): void => {
    stats.skipped.push(warning);
    options.onWarning?.(warning);
  };
  const fail = (failure: SkippedSource): void => {
    failures.push(failure);
    stats.skipped.push(failure);
    options.onFailure?.(failure);
  };

  for await (const input of findInputs(options.paths, options.cwd ?? process.cwd(), options.formatHint, warn, fail)) {
    if (options.signal?.aborted) break;
    await scanInput(input, options, { findings, stats, warn, fail });
    for (const limit of options.scanner.takeLimits()) warn(limit);
  }
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, stats, failures };
}

interface Sink {
  findings: Finding[];
  stats: ScanStats;
  warn: (warning: SkippedSource) => void;
  fail: (failure: SkippedSource) => void;
}

async function scanInput(input: FoundInput, options: TicketScanOptions, sink: Sink): Promise<void> {
  const context: ReaderContext & { countBytes(bytes: number): void } = {
    warn: sink.warn,
    baseUrl: options.baseUrl,
    limits: options.limits,
    signal: options.signal,
    countBytes: (bytes) => {
      sink.stats.bytes += bytes;
      sink.stats.sources++;
    },
  };
  if (input.isDirectory) {
    await drain(readSlackExport(slackDirectory(input.absPath, input.displayPath, context), context), 'slack', input, options.scanner, sink);
    return;
  }
  let opened;
  const nuls = nulWarnings(input.displayPath, sink.warn);
  try {
    opened = await openText(input.absPath, { signal: options.signal, onNul: nuls.onNul });
  } catch (error) {
    if (error instanceof ZipInputError) {
      await scanZip(input, options, sink, context);
      return;
    }
    const reason = error instanceof BinaryInputError ? error.message : describeFsError(error);
    if (input.explicit) sink.fail({ path: input.displayPath, reason });
    else sink.warn({ path: input.displayPath, reason: `${reason}; skipped` });
    return;
  }
  try {
    await scanOpened(opened, input, options, sink, context);
  } finally {
    nuls.finish();
  }
}

/** A ZIP archive: its entries are read in place (see scan-archive.ts). */
async function scanZip(input: FoundInput, options: TicketScanOptions, sink: Sink, context: ReaderContext & { countBytes(bytes: number): void }): Promise<void> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.zip };
  const hooks: ArchiveScan = {
    limits,
    slack: options.formatHint === undefined || options.formatHint === 'slack',
    signal: options.signal,
    warn: sink.warn,
    nuls: (shown) => nulWarnings(shown, sink.warn),
    scanText: (opened, entry) => scanOpened(opened, { ...entry, explicit: false }, options, sink, context),
    scanSlack: async (files, entry) => {
      await drain(readSlackExport(files, context), 'slack', entry, options.scanner, sink);
    },
  };
  try {
    await scanArchive(input.absPath, input.displayPath, input.absPath, hooks, { left: limits.bytes, limit: limits.bytes });
  } catch (error) {
    const reason = `not a readable ZIP archive: ${(error as Error).message}`;
    if (input.explicit) sink.fail({ path: input.displayPath, reason });
    else sink.warn({ path: input.displayPath, reason: `${reason}; skipped` });
  }
}

/** An opened export (a file, or an archive entry): recognise its format, read it, scan it. */
async function scanOpened(opened: OpenedText, input: FoundInput, options: TicketScanOptions, sink: Sink, context: ReaderContext): Promise<void> {
  const detected = detectFormat(opened.head, fileNameOf(input));
  const format = options.formatHint ?? detected.format;
  if (!format) {
    opened.close();
    const reason = `not a recognised ticket or chat export (it looks like ${detected.looksLike}); choose one with --format-hint (${TICKET_FORMATS.join(', ')})`;
    if (input.explicit) sink.fail({ path: input.displayPath, reason });
    else sink.warn({ path: input.displayPath, reason: `${reason}; skipped` });
    return;
  }
  if (options.formatHint && detected.format && detected.format !== options.formatHint) {
    sink.warn({ path: input.displayPath, reason: `read as ${options.formatHint} (--format-hint), though the content looks like ${detected.format}` });
  }
  const reader = readerFor(format, input, opened.pieces, context, opened.head);
  try {
    const texts = await drain(reader, format, input, options.scanner, sink);
    if (texts === 0 && options.formatHint && detected.format && detected.format !== options.formatHint && opened.bytesRead() > 0) {
      // A hint that finds nothing in a file that looks like another export would pass silently
      // having scanned nothing: say so, and let the exit code show it.
      sink.fail({
        path: input.displayPath,
        reason: `read as ${options.formatHint} (--format-hint), no records of that shape were found; the content looks like ${detected.format}`,
      });
    }
  } catch (error) {
    const looks = detected.format && detected.format !== format ? ` (the content looks like ${detected.format})` : '';
    const message = error instanceof FormatMismatchError ? error.message : `cannot read as ${format}: ${(error as Error).message}`;
    sink.fail({ path: input.displayPath, reason: `${message}${looks}` });
  } finally {
    opened.close();
    sink.stats.bytes += opened.bytesRead();
    sink.stats.sources++;
  }
}

/** The file's own name (detection reads Slack day file names): after the archive's `!` for an entry. */
function fileNameOf(input: TicketInput): string {
  const inside = input.archived ? input.displayPath.slice(input.displayPath.lastIndexOf('!') + 1) : input.absPath;
  return input.archived ? path.posix.basename(inside) : path.basename(inside);
}

/** The first NUL characters of a file are reported one by one, the rest counted. */
const MAX_NUL_WARNINGS = 10;

function nulWarnings(shown: string, warn: (w: SkippedSource) => void): { onNul(line: number, column: number): void; finish(): void } {
  let count = 0;
  let finished = false;
  return {
    onNul(line, column) {
      if (++count <= MAX_NUL_WARNINGS) warn({ path: shown, reason: `a NUL character at line ${line}, column ${column} (a damaged export?) is read as a space` });
    },
    finish() {
      if (!finished && count > MAX_NUL_WARNINGS) warn({ path: shown, reason: `${count - MAX_NUL_WARNINGS} more NUL characters are read as spaces` });
      finished = true;
    },
  };
}

function readerFor(format: TicketFormat, input: TicketInput, pieces: AsyncIterable<string>, context: ReaderContext, head: string): AsyncIterable<ReaderOutput> {
  switch (format) {
    case 'jira-csv':
      return readJiraCsv(input, pieces, context);
    case 'jira-xml':
      return readJiraXml(input, pieces, context);
    case 'jira-json':
      return readJiraJson(input, pieces, context, head);
    case 'servicenow-json':
      return readServicenowJson(input, pieces, context, head);
    case 'servicenow-csv':
      return readServicenowCsv(input, pieces, context);
    case 'servicenow-xml':
      return readServicenowXml(input, pieces, context);
    case 'zendesk-json':
      return readZendeskJson(input, pieces, context);
    case 'zendesk-jsonl':
      return readZendeskJsonl(input, pieces, context);
    case 'github-issues':
      return readGithubIssues(input, pieces, context, head);
    case 'linear-csv':
      return readLinearCsv(input, pieces, context);
    case 'slack':
      return readSlackDayFile(input, pieces, context);
  }
}

/** Scan what a reader yields; returns how many texts (fields, or loose text) it yielded. */
async function drain(outputs: AsyncIterable<ReaderOutput>, format: TicketFormat, input: TicketInput, scanner: ChunkScanner, sink: Sink): Promise<number> {
  const system = SYSTEM_OF[format];
  let texts = 0;
  for await (const output of outputs) {
    texts += output.loose ? 1 : output.entries.length;
    if (output.loose) {
      const origin: Origin = { source: 'ticket', path: output.path, line: output.line, column: output.column, system };
      if (output.ticket !== undefined) origin.ticket = output.ticket;
      for (const finding of scanner.scan({ text: output.text, origin, acceptBefore: output.acceptBefore })) sink.findings.push(detach(finding));
      sink.stats.chunks++;
      continue;
    }
    const shown = output.path ?? input.displayPath;
    for (const entry of output.entries) {
      for (const finding of scanEntry(entry, shown, system, scanner)) sink.findings.push(detach(finding));
      sink.stats.chunks += entry.renderings.length;
    }
  }
  return texts;
}

/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring as a
 * view of its parent: a ticket key or secret sliced from a 1 MB piece of the export would keep the
 * whole piece alive for as long as the finding lives. Measured: a 500 MB export with 3,659
 * findings peaked at 959 MB resident before findings were detached.
 */
function copyString(text: string): string {
  // Concatenation then slicing makes V8 flatten into a fresh string.
  return (' ' + text).slice(1);
}

function detach(finding: Finding): Finding {
  const location = finding.location as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(location)) if (typeof value === 'string') location[key] = copyString(value);
  if (finding.secret !== undefined) finding.secret = copyString(finding.secret);
  finding.redacted = copyString(finding.redacted);
  if (finding.facts) for (const [key, value] of Object.entries(finding.facts)) finding.facts[key] = copyString(value);
  return finding;
}

/**
 * Scan every reading of one field and keep each secret as often as the reading that holds it most
 * often: readings are copies of one text, not separate pastes.
 */
export function scanEntry(entry: TicketEntry, shownPath: string, system: string, scanner: ChunkScanner): Finding[] {
  const origin: Origin = { source: 'ticket', path: shownPath, system };
  if (entry.ticket !== undefined) origin.ticket = entry.ticket;
  if (entry.field !== undefined) origin.field = entry.field;
  if (entry.author !== undefined) origin.author = entry.author;
  if (entry.date !== undefined) origin.date = entry.date;
  if (entry.url !== undefined) origin.url = entry.url;
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const rendering of entry.renderings) {
    const found = scanRendering(rendering, origin, scanner);
    if (found.length === 0) continue;
    const byKey = new Map<string, Finding[]>();
    for (const finding of found) {
      const key = `${finding.ruleId}\0${finding.fingerprint}`;
      const list = byKey.get(key);
      if (list) list.push(finding);
      else byKey.set(key, [finding]);
    }
    for (const [key, list] of byKey) {
      const have = counts.get(key) ?? 0;
      if (list.length <= have) continue;
      kept.push(...list.slice(have));
      counts.set(key, list.length);
    }
  }
  return kept;
}

function scanRendering(rendering: Rendering, origin: Origin, scanner: ChunkScanner): Finding[] {
  const map = rendering.map;
  if (map?.kind === 'lines') return scanner.scan({ text: rendering.text, origin: { ...origin, line: map.line, column: map.column } });
  const found = scanner.scan({ text: rendering.text, origin });
  if (found.length > 0 && map?.kind === 'segments') relocate(found, rendering.text, map);
  return found;
}

/** Findings were located in the text alone; move them to where their text sits in the file. */
function relocate(findings: Finding[], text: string, map: Extract<PositionMap, { kind: 'segments' }>): void {
  const lineStarts = [0];
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lineStarts.push(nl + 1);
  const offsetOf = (line: number, column: number): number => (lineStarts[line - 1] ?? 0) + column - 1;
  const place = (offset: number): { line: number; column: number } => {
    const segments = map.segments;
    let lo = 0;
    let hi = segments.length / 3 - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((segments[mid * 3] as number) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const segOffset = segments[found * 3] as number;
    return { line: segments[found * 3 + 1] as number, column: (segments[found * 3 + 2] as number) + Math.max(0, offset - segOffset) };
  };
  for (const finding of findings) {
    const loc = finding.location;
    const start = place(offsetOf(loc.line, loc.column));
    const end = place(offsetOf(loc.endLine, loc.endColumn));
    loc.line = start.line;
    loc.column = start.column;
    loc.endLine = end.line;
    loc.endColumn = end.column;
  }
}

/**
 * The inputs behind the paths: files as given; directories walked (in name order, symlinks not
 * followed, hidden entries skipped), with a Slack export directory read as one input.
 */
async function* findInputs(
  paths: readonly string[],
  cwd: string,
  hint: TicketFormat | undefined,
  warn: (w: SkippedSource) => void,
  fail: (f: SkippedSource) => void,
): AsyncGenerator<FoundInput> {
  const roots = await resolveRoots(paths, cwd);
  for (const root of roots) {
    const info = await lstat(root.abs).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      fail({ path: root.arg, reason: describeFsError(info) });
      continue;
    }
    const shown = root.displayBase === '' ? (info.isDirectory() ? '' : toPosix(path.basename(root.abs))) : root.displayBase;
    if (info.isFile() || (info.isSymbolicLink() && !(await isDirectory(root.abs)))) {
      yield { absPath: root.abs, displayPath: shown, isDirectory: false, explicit: true };
      continue;
    }
    if (!(await isDirectory(root.abs))) {
      fail({ path: root.arg, reason: 'not a regular file or directory' });
      continue;
    }
    yield* walkDirectory(root.abs, shown, hint, true, warn);
  }
}

async function isDirectory(abs: string): Promise<boolean> {
  return (await stat(abs).catch(() => undefined))?.isDirectory() === true;
}

async function* walkDirectory(abs: string, shown: string, hint: TicketFormat | undefined, explicit: boolean, warn: (w: SkippedSource) => void): AsyncGenerator<FoundInput> {
  if ((hint === undefined || hint === 'slack') && (await isSlackExport(abs))) {
    yield { absPath: abs, displayPath: shown, isDirectory: true, explicit };
    return;
  }
  let entries: Dirent[];
  try {
    entries = [];
    for await (const entry of await opendir(abs)) entries.push(entry);
  } catch (error) {
    warn({ path: shown || '.', reason: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childAbs = path.join(abs, entry.name);
    const childShown = shown === '' ? entry.name : `${shown}/${entry.name}`;
    if (entry.isDirectory()) yield* walkDirectory(childAbs, childShown, hint, false, warn);
    else if (entry.isFile()) yield { absPath: childAbs, displayPath: childShown, isDirectory: false, explicit: false };
  }
}

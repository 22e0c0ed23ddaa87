/**
 * CSV exports as rows, read by column position, with the line and column where each cell's text
 * starts. Multi-valued fields repeat their header (`Comment,Comment`), so rows are arrays.
 *
 * A damaged file never loses text and never moves a secret to another ticket:
 * - A row whose cell count differs from the header's cannot be read by column. If lines inside it
 *   look like rows of their own (a quote swallowed them), it is read again from each of them as
 *   a new row; what is still broken is scanned cell by cell and attributed to the ticket key
 *   where the key column holds one, else to `unknown ticket near line N`.
 * - A record longer than the limit is scanned as plain text, attributed the same way.
 * - A repeated header (exports joined into one file) is skipped; a byte order mark mid-file ignored.
 * Every such problem is a warning naming the row and line.
 */
import type { ProblemCode } from '../../findings/scan-problem.js';
import { TextChunker } from '../long-text.js';
import { CsvRecordReader, type CsvEvent, type CsvRecord, type QuoteTrouble } from './csv-records.js';
import { MIN_SECRET_LENGTH } from './json-records.js';
import type { LooseText, ReaderContext } from './types.js';

export interface CsvRow {
  cells: string[];
  /** Line and column of each cell's first character of content. */
  lines: number[];
  columns: number[];
  /** 1-based record number, the header being record 1. */
  record: number;
  /** Line where the record starts. */
  line: number;
}

/** Where a format keeps its ticket key, and what a key looks like. */
export interface KeyColumn {
  column: number;
  pattern: RegExp;
}

export interface CsvReadOptions {
  /** The key column for this header, if it has one: attributes the text of rows that cannot be read by column. */
  keyColumn(header: readonly string[]): KeyColumn | undefined;
}

/** Longest record read as cells by default: far beyond any ticket, small enough to hold in memory. */
export const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;
/** Past this many problems in one file, the rest are counted, not listed. */
const MAX_WARNINGS = 100;

/** Records (header first), and loose text for what could not be read by column. */
export async function* csvRows(
  pieces: AsyncIterable<string>,
  path: string,
  context: ReaderContext,
  options: CsvReadOptions,
): AsyncGenerator<CsvRow | LooseText> {
  const maxRecordChars = context.limits?.csvRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const reader = new CsvRecordReader({
    maxRecordChars,
    recordStartTest: (header) => {
      const key = options.keyColumn(header);
      return key ? (line) => lenientKey(line, key) !== undefined : undefined;
    },
  });
  const rows = new RowReader(path, context, options, maxRecordChars);
  for await (const piece of pieces) yield* rows.handle(reader.write(piece));
  yield* rows.handle(reader.end());
  rows.finish();
}

/** The key in a line as written, split at every comma: how a row reads when its quotes cannot be trusted. */
export function lenientKey(line: string, key: KeyColumn): string | undefined {
  const cell = line.split(',', key.column + 1)[key.column];
  if (cell === undefined) return undefined;
  const value = cell.replace(/^[\s"]+|[\s"]+$/g, '');
  return key.pattern.test(value) ? value : undefined;
}

class RowReader {
  private header: string[] | undefined;
  private key: KeyColumn | undefined;
  private records = 0;
  private warnings = 0;
  private loose: LooseStream | undefined;
  /**
   * After a row whose quote never closed (a cell cut short, as in a truncated file), the lines that
   * cell held come as rows without a key of their own: they continue that row's ticket.
   */
  private continuing: { owner: string; record: number; first: number; last: number } | undefined;

  constructor(
    private readonly path: string,
    private readonly context: ReaderContext,
    private readonly options: CsvReadOptions,
    private readonly maxRecordChars: number,
  ) {}

  *handle(events: CsvEvent[]): Generator<CsvRow | LooseText> {
    for (const event of events) {
      switch (event.kind) {
        case 'record':
          yield* this.record(event.record);
          break;
        case 'overlong': {
          this.endContinuation();
          this.records++;
          // Rows swallowed by an open quote belong to tickets of their own: no one key owns the text.
          const owner = event.holdsRows ? unknownTicket(event.line) : this.ownerOf(event.cells, event.firstLine, event.line);
          const swallowed = event.holdsRows ? ' and holds lines that look like rows of their own (a quote left open, in a file with too many to read again)' : '';
          this.warn(`row ${this.records} (line ${event.line}) is longer than ${this.maxRecordChars} characters${swallowed}; its text is scanned as plain text, attributed to ${describe(owner)}`, 'budget', event.line);
          this.loose = new LooseStream(this.path, event.line, owner);
          break;
        }
        case 'text':
          if (this.loose) yield* this.loose.push(event.text);
          break;
        case 'overlong-end':
          if (this.loose) yield* this.loose.end();
          this.loose = undefined;
          if (event.openQuote) {
            this.warn(`a quote opened at line ${event.openQuote.line}, column ${event.openQuote.column} is never closed; the rest of the file was scanned as plain text`);
          }
          break;
        case 'mixed-endings':
          this.warn(`line endings change from ${event.from} to ${event.to} at line ${event.line}; both are read as line breaks`);
          break;
        case 'bom':
          this.warn(`a byte order mark starts line ${event.line} (exports joined into one file?); ignored`);
          break;
      }
    }
  }

  finish(): void {
    this.endContinuation();
    if (this.warnings > MAX_WARNINGS) this.context.warn({ code: 'input', path: this.path, message: `${this.warnings - MAX_WARNINGS} more problems of these kinds are not listed` });
  }

  private warn(reason: string, code: ProblemCode = 'input', line?: number): void {
    this.warnings++;
    if (this.warnings <= MAX_WARNINGS) this.context.warn({ code, path: this.path, message: reason, ...(line !== undefined ? { line } : {}) });
  }

  /** One warning for all the lines that continued a row whose quote never closed. */
  private endContinuation(): void {
    const run = this.continuing;
    this.continuing = undefined;
    if (!run || run.first === 0) return;
    const lines = run.first === run.last ? `line ${run.first}` : `lines ${run.first} to ${run.last}`;
    this.warn(`${lines} continue row ${run.record}, whose quote never closed: scanned as plain text, attributed to ${describe(run.owner)}`);
  }

  private *record(record: CsvRecord): Generator<CsvRow | LooseText> {
    const number = ++this.records;
    if (!this.header) {
      this.header = record.cells;
      this.key = this.options.keyColumn(record.cells);
      yield row(record, number);
      return;
    }
    if (sameCells(record.cells, this.header)) {
      this.endContinuation();
      this.warn(`the header repeats at line ${record.line} (exports joined into one file?); skipped`);
      return;
    }
    if (record.cells.length === this.header.length) {
      this.endContinuation();
      if (record.trouble) this.warn(`row ${number} (line ${record.line}): ${troubleText(record.trouble)}`);
      if (record.trouble?.kind === 'never-closed') this.continuing = { owner: this.ownerOf(record.cells, '', record.line), record: number, first: 0, last: 0 };
      yield row(record, number);
      return;
    }
    yield* this.broken(record, number);
  }

  /** A row that cannot be read by column: split where rows of their own start, then scan what is left cell by cell. */
  private *broken(record: CsvRecord, number: number): Generator<CsvRow | LooseText> {
    const header = this.header as string[];
    const trouble = record.trouble ? ` (${troubleText(record.trouble)})` : '';
    const starts = this.rowStartsInside(record);
    if (starts.length === 0) {
      const owner = this.ownerOf(record.cells, firstLine(record.raw), record.line);
      const run = this.continuing;
      if (run && isUnknown(owner)) {
        if (run.first === 0) run.first = record.line;
        run.last = record.line + countBreaks(record.raw);
        yield* looseCells(record, run.owner, this.path);
        return;
      }
      this.endContinuation();
      if (record.trouble?.kind === 'never-closed') this.continuing = { owner, record: number, first: 0, last: 0 };
      this.warn(
        `row ${number} (line ${record.line}) has ${record.cells.length} cells where the header has ${header.length}${trouble}; each cell is scanned as plain text, attributed to ${describe(owner)}`,
      );
      yield* looseCells(record, owner, this.path);
      return;
    }
    this.endContinuation();
    this.warn(
      `row ${number} (line ${record.line}) runs into lines that start rows of their own (line ${starts.map((s) => s.line).join(', line ')})${trouble}; read again from each of them`,
    );
    const cuts = [{ offset: 0, line: record.line }, ...starts];
    for (let k = 0; k < cuts.length; k++) {
      const cut = cuts[k] as { offset: number; line: number };
      const text = record.raw.slice(cut.offset, cuts[k + 1]?.offset);
      const again = new CsvRecordReader({ maxRecordChars: this.maxRecordChars, firstLine: cut.line });
      for (const event of [...again.write(text), ...again.end()]) {
        if (event.kind !== 'record') continue;
        const part = event.record;
        if (part.cells.length === header.length) {
          yield row(part, number);
          continue;
        }
        const owner = this.ownerOf(part.cells, firstLine(part.raw), part.line);
        this.warn(`line ${part.line} has ${part.cells.length} cells where the header has ${header.length}; each cell is scanned as plain text, attributed to ${describe(owner)}`);
        yield* looseCells(part, owner, this.path);
      }
    }
  }

  /** Lines after a record's first that look like the start of a row (their key column holds a key). */
  private rowStartsInside(record: CsvRecord): { offset: number; line: number }[] {
    const key = this.key;
    if (!key) return [];
    const raw = record.raw;
    const starts: { offset: number; line: number }[] = [];
    let line = record.line;
    for (let nl = raw.indexOf('\n'); nl >= 0; nl = raw.indexOf('\n', nl + 1)) {
      line++;
      const end = raw.indexOf('\n', nl + 1);
      const text = raw.slice(nl + 1, end < 0 ? raw.length : end).replace(/\r$/, '');
      if (lenientKey(text, key) !== undefined) starts.push({ offset: nl + 1, line });
    }
    return starts;
  }

  /**
   * The ticket of a row that cannot be read by column: its key cell if that holds a key, else the
   * key in its first line split at every comma, else a key one or two cells away (a cell added or
   * lost before the key column), else none.
   */
  private ownerOf(cells: readonly string[], first: string, line: number): string {
    const key = this.key;
    if (key) {
      const at = (index: number): string | undefined => {
        const cell = cells[index]?.trim();
        return cell !== undefined && key.pattern.test(cell) ? cell : undefined;
      };
      const found = at(key.column) ?? lenientKey(first, key) ?? at(key.column + 1) ?? at(key.column - 1) ?? at(key.column + 2) ?? at(key.column - 2);
      if (found !== undefined) return found;
    }
    return unknownTicket(line);
  }
}

/** How a finding whose ticket cannot be read is attributed: to the place in the file to look at. */
export function unknownTicket(line: number): string {
  return `unknown ticket near line ${line}`;
}

function isUnknown(owner: string): boolean {
  return owner.startsWith('unknown ticket near line ');
}

function describe(owner: string): string {
  return isUnknown(owner) ? `"${owner}" (no ticket key could be read)` : `ticket ${owner}`;
}

function troubleText(trouble: QuoteTrouble): string {
  return trouble.kind === 'undoubled'
    ? `a quote at line ${trouble.line}, column ${trouble.column} inside a quoted cell is not doubled; read as part of the text`
    : `a quote opened at line ${trouble.line}, column ${trouble.column} is never closed; read as a plain character, and the lines after it as rows`;
}

function row(record: CsvRecord, number: number): CsvRow {
  return { cells: record.cells, lines: record.lines, columns: record.columns, record: number, line: record.line };
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((cell, i) => cell.trim() === (b[i] as string).trim());
}

function countBreaks(text: string): number {
  let breaks = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) breaks++;
  return breaks;
}

function firstLine(raw: string): string {
  const nl = raw.indexOf('\n');
  return (nl >= 0 ? raw.slice(0, nl) : raw).replace(/\r$/, '');
}

function* looseCells(record: CsvRecord, ticket: string, path: string): Generator<LooseText> {
  for (let i = 0; i < record.cells.length; i++) {
    const text = record.cells[i] as string;
    if (text.trim().length < MIN_SECRET_LENGTH) continue;
    yield { loose: true, path, text, line: record.lines[i] ?? record.line, column: record.columns[i] ?? 1, ticket };
  }
}

/** An over-long record's text, in bounded overlapping pieces, all attributed to one ticket. */
class LooseStream {
  private readonly chunker = new TextChunker();

  constructor(
    private readonly path: string,
    private readonly line: number,
    private readonly ticket: string,
  ) {}

  push(text: string): LooseText[] {
    return this.chunker.push(text).map((piece) => this.shift(piece));
  }

  end(): LooseText[] {
    return this.chunker
      .end()
      .filter((piece) => piece.text.length > 0)
      .map((piece) => this.shift(piece));
  }

  private shift(piece: { text: string; line: number; column: number; acceptBefore: number }): LooseText {
    return { loose: true, path: this.path, text: piece.text, line: piece.line + this.line - 1, column: piece.column, acceptBefore: piece.acceptBefore, ticket: this.ticket };
  }
}

/** Header cells, trimmed and compared without case. */
export function headerIndex(header: readonly string[]): (name: string) => number[] {
  const byName = new Map<string, number[]>();
  header.forEach((cell, index) => {
    const key = cell.trim().toLowerCase();
    const list = byName.get(key);
    if (list) list.push(index);
    else byName.set(key, [index]);
  });
  return (name) => byName.get(name.toLowerCase()) ?? [];
}

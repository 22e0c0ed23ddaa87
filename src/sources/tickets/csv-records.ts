/**
 * The records of a CSV export, read incrementally from text pieces, with the line and column of
 * every cell and the record's own text: RFC 4180 as exporters write it, read so that a damaged file
 * never loses text.
 *
 * csv-parse (still used to read a header line in detection) recovers from damage by dropping: a
 * record over its size limit ends the parse of the rest of the stream, a skipped record's text is
 * gone, a CRLF header makes every LF row one record, and `\r\n` counts as two lines. This reader
 * makes the opposite choices:
 * - `\n` and `\r\n` both end a record, whatever the header used; line numbers count `\n`.
 * - A quote inside a quoted cell that is not doubled, and not followed by a comma or line break,
 *   is read as text (the exporter forgot to double it), not as the end of the cell.
 * - A quote that is never closed (the end of the file, or a run of lines that look like records,
 *   arrives first) is read again as a plain character, so the lines after it are records again.
 *   Re-reading is bounded by a budget, so hostile input stays linear.
 * - A record longer than the limit is handed on as plain text, piece by piece, without holding it,
 *   and reading resumes where it ends.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted cell: escape, end of cell, or stray, by the next character. */
  QuoteInQuoted,
  /** A quote inside a quoted cell followed by blanks: ends the cell if a comma or line break follows. */
  QuoteThenBlank,
}

export interface QuoteTrouble {
  /** `undoubled`: a quote inside a quoted cell read as text; `never-closed`: an opening quote read as text. */
  kind: 'undoubled' | 'never-closed';
  line: number;
  column: number;
}

export interface CsvRecord {
  cells: string[];
  /** Line and column of each cell's first character of content. */
  lines: number[];
  columns: number[];
  /** Line where the record starts. */
  line: number;
  /** The record as written, without its line break. */
  raw: string;
  trouble?: QuoteTrouble;
}

export type CsvEvent =
  | { kind: 'record'; record: CsvRecord }
  /** A record passed the size limit: its text follows as `text` events until `overlong-end`. */
  /** `holdsRows`: an open quote swallowed lines that look like rows of their own, and could not be read again. */
  | { kind: 'overlong'; line: number; cells: string[]; firstLine: string; holdsRows: boolean }
  /** The over-long record's text, in order, from its first character. */
  | { kind: 'text'; text: string }
  /** `openQuote` is set when the file ended inside the quote opened there. */
  | { kind: 'overlong-end'; openQuote?: { line: number; column: number } }
  | { kind: 'mixed-endings'; line: number; from: 'CRLF' | 'LF'; to: 'CRLF' | 'LF' }
  | { kind: 'bom'; line: number };

export interface CsvRecordOptions {
  maxRecordChars: number;
  /** Line number of the first character (for re-reading a piece of a file). */
  firstLine?: number;
  /**
   * Given the header (the first record), a test of whether a line as written looks like the start
   * of a record: spots a quote that swallowed rows.
   */
  recordStartTest?: (header: readonly string[]) => ((line: string) => boolean) | undefined;
}

/** How much of the longest record may be read twice, in all, when quotes are re-read as text. */
const REREAD_BUDGET_RECORDS = 4;
/** The first line of an over-long record is handed on up to this length (it names the ticket). */
const FIRST_LINE_CHARS = 4096;

export class CsvRecordReader {
  private buf = '';
  /** Absolute offset (characters from the start of the text) of buf[0]. */
  private base = 0;
  /** Next index of buf to read. */
  private i = 0;
  private state = State.FieldStart;
  private line: number;
  /** Absolute offset of the current line's first character. */
  private lineStart = 0;

  private recStart = 0;
  private recLine: number;
  private cells: string[] = [];
  private lines: number[] = [];
  private columns: number[] = [];
  private trouble: QuoteTrouble | undefined;

  private cellStart = 0;
  private cellLine = 1;
  private cellColumn = 1;
  private quoted = false;
  private doubled = false;
  /** The quote being judged (QuoteInQuoted, QuoteThenBlank), and the one that closed the cell. */
  private quoteAt = 0;
  private closeAt = -1;
  /** The quote that opened the current cell, for re-reading it as text. */
  private openLine = 1;
  private openLineStart = 0;

  private overlong = false;
  private emittedTo = 0;
  private budget: number;
  private ending: 'CRLF' | 'LF' | undefined;
  private mixedSeen = false;
  private readonly max: number;
  private isRecordStart: ((line: string) => boolean) | undefined;
  private readonly recordStartTest: CsvRecordOptions['recordStartTest'];
  private headerSeen = false;

  constructor(options: CsvRecordOptions) {
    this.max = options.maxRecordChars;
    this.budget = options.maxRecordChars * REREAD_BUDGET_RECORDS;
    this.line = options.firstLine ?? 1;
    this.recLine = this.line;
    this.recordStartTest = options.recordStartTest;
  }

  write(piece: string): CsvEvent[] {
    const out: CsvEvent[] = [];
    const keep = this.keepFrom();
    this.buf = this.buf.slice(keep - this.base) + piece;
    this.i -= keep - this.base;
    this.base = keep;
    this.run(out);
    this.flushOverlong(out);
    return out;
  }

  end(): CsvEvent[] {
    const out: CsvEvent[] = [];
    for (;;) {
      this.run(out);
      if (this.state === State.Quoted && !this.overlong) {
        if (this.reread()) continue;
        // Out of budget: what is left is handed on as plain text.
        this.startOverlong(out, this.swallowedRows());
      }
      break;
    }
    if (this.overlong) {
      this.flushOverlong(out);
      out.push(this.state === State.Quoted ? { kind: 'overlong-end', openQuote: { line: this.openLine, column: this.cellColumn - 1 } } : { kind: 'overlong-end' });
      this.overlong = false;
      this.resetRecord(this.base + this.buf.length);
      return out;
    }
    const abs = this.base + this.buf.length;
    if (this.state === State.QuoteInQuoted || this.state === State.QuoteThenBlank) this.closeAt = this.quoteAt;
    if (this.state !== State.FieldStart) this.pushCell(abs);
    else if (this.cells.length > 0) this.emptyCellAt(abs);
    if (this.cells.length > 0) this.finishRecord(abs, out);
    return out;
  }

  /** Where the buffer must keep text from: the record's start (its cells are sliced from it), or nothing already handed on. */
  private keepFrom(): number {
    return this.overlong ? this.emittedTo : this.recStart;
  }

  private run(out: CsvEvent[]): void {
    const buf = this.buf;
    const n = buf.length;
    while (this.i < n) {
      const i = this.i;
      if (!this.overlong && this.base + i - this.recStart >= this.max) {
        const holdsRows = this.inQuotes() && this.swallowedRows();
        if (holdsRows && this.reread()) continue;
        this.startOverlong(out, holdsRows);
        continue;
      }
      const c = buf.charCodeAt(i);
      this.step(c, i, out);
      if (c === LF) {
        this.line++;
        this.lineStart = this.base + i + 1;
      }
      this.i++;
    }
  }

  private step(c: number, i: number, out: CsvEvent[]): void {
    const abs = this.base + i;
    switch (this.state) {
      case State.FieldStart:
        if (c === BOM && abs === this.recStart) {
          out.push({ kind: 'bom', line: this.line });
          this.recStart = abs + 1;
          return;
        }
        this.cellLine = this.line;
        this.cellColumn = abs - this.lineStart + 1;
        this.cellStart = abs;
        this.quoted = false;
        this.doubled = false;
        this.closeAt = -1;
        if (c === QUOTE) {
          this.state = State.Quoted;
          this.quoted = true;
          this.cellStart = abs + 1;
          this.cellColumn++;
          this.openLine = this.line;
          this.openLineStart = this.lineStart;
        } else if (c === COMMA) {
          this.pushCell(abs);
        } else if (c === LF) {
          if (this.cells.length === 0 && !this.overlong) this.skipBlankLine(abs);
          else {
            this.pushCell(abs);
            this.finishRecord(abs, out);
          }
        } else this.state = State.Unquoted;
        return;
      case State.Unquoted:
        if (c === COMMA) {
          this.pushCell(abs);
          this.state = State.FieldStart;
        } else if (c === LF) {
          this.pushCell(abs);
          this.finishRecord(abs, out);
        }
        return;
      case State.Quoted:
        if (c === QUOTE) {
          this.quoteAt = abs;
          this.state = State.QuoteInQuoted;
        }
        return;
      case State.QuoteInQuoted:
        if (c === QUOTE) {
          this.doubled = true;
          this.state = State.Quoted;
        } else if (c === COMMA || c === LF) {
          this.closeAt = this.quoteAt;
          this.endCellAt(c, abs, out);
        } else if (c === SPACE || c === TAB || c === CR) {
          this.state = State.QuoteThenBlank;
        } else {
          this.note('undoubled', this.quoteAt);
          this.state = State.Quoted;
        }
        return;
      case State.QuoteThenBlank:
        if (c === COMMA || c === LF) {
          this.closeAt = this.quoteAt;
          this.endCellAt(c, abs, out);
        } else if (c === QUOTE) {
          this.note('undoubled', this.quoteAt);
          this.quoteAt = abs;
          this.state = State.QuoteInQuoted;
        } else if (c !== SPACE && c !== TAB && c !== CR) {
          this.note('undoubled', this.quoteAt);
          this.state = State.Quoted;
        }
        return;
    }
  }

  private inQuotes(): boolean {
    return this.state === State.Quoted || this.state === State.QuoteInQuoted || this.state === State.QuoteThenBlank;
  }

  private endCellAt(c: number, abs: number, out: CsvEvent[]): void {
    this.pushCell(abs);
    if (c === LF) this.finishRecord(abs, out);
    else this.state = State.FieldStart;
  }

  private pushCell(endAbs: number): void {
    // An over-long record's text is handed on as it is read; its cells are not kept.
    if (this.overlong) return;
    let text: string;
    if (this.quoted) {
      // Blanks between the closing quote and the delimiter are not content.
      text = this.buf.slice(this.cellStart - this.base, this.closeAt - this.base);
      // Left to right, as the reader paired them: an escaped quote is two, a stray one stays.
      if (this.doubled) text = text.replaceAll('""', '"');
    } else {
      text = this.buf.slice(this.cellStart - this.base, endAbs - this.base);
      if (text.charCodeAt(text.length - 1) === CR) text = text.slice(0, -1);
    }
    this.cells.push(text);
    this.lines.push(this.cellLine);
    this.columns.push(this.cellColumn);
  }

  /** Only the first trouble of a record is kept: the warning names where to look. */
  private note(kind: QuoteTrouble['kind'], abs: number): void {
    // The quote judged is always on the current line: a line break after it would have closed the cell.
    this.trouble ??= { kind, line: this.line, column: abs - this.lineStart + 1 };
  }

  /** A line that ends right after a comma: its last cell is empty. */
  private emptyCellAt(abs: number): void {
    this.cellLine = this.line;
    this.cellColumn = abs - this.lineStart + 1;
    this.cellStart = abs;
    this.quoted = false;
    this.pushCell(abs);
  }

  private skipBlankLine(abs: number): void {
    this.resetRecord(abs + 1);
    this.recLine = this.line + 1;
  }

  private finishRecord(endAbs: number, out: CsvEvent[]): void {
    if (endAbs < this.base + this.buf.length && this.buf.charCodeAt(endAbs - this.base) === LF) this.noteEnding(endAbs, out);
    if (this.overlong) {
      this.flushOverlong(out, endAbs);
      out.push({ kind: 'overlong-end' });
      this.overlong = false;
    } else {
      let raw = this.buf.slice(this.recStart - this.base, endAbs - this.base);
      if (raw.charCodeAt(raw.length - 1) === CR) raw = raw.slice(0, -1);
      const blank = this.cells.length === 1 && !this.quoted && (this.cells[0] as string).trim() === '';
      if (!blank) {
        if (!this.headerSeen) {
          this.headerSeen = true;
          this.isRecordStart = this.recordStartTest?.(this.cells);
        }
        const record: CsvRecord = { cells: this.cells, lines: this.lines, columns: this.columns, line: this.recLine, raw };
        if (this.trouble) record.trouble = this.trouble;
        out.push({ kind: 'record', record });
      }
    }
    this.resetRecord(endAbs + 1);
    this.recLine = this.line + 1;
  }

  private resetRecord(nextStart: number): void {
    this.recStart = nextStart;
    this.cells = [];
    this.lines = [];
    this.columns = [];
    this.trouble = undefined;
    this.state = State.FieldStart;
  }

  /** The first change between CRLF and LF record endings is worth a note: files joined, or edited by hand. */
  private noteEnding(lfAbs: number, out: CsvEvent[]): void {
    const crlf = lfAbs > this.base && this.buf.charCodeAt(lfAbs - this.base - 1) === CR;
    const ending = crlf ? 'CRLF' : 'LF';
    if (this.ending === undefined) this.ending = ending;
    else if (ending !== this.ending && !this.mixedSeen) {
      this.mixedSeen = true;
      out.push({ kind: 'mixed-endings', line: this.line, from: this.ending, to: ending });
    }
  }

  /**
   * Read the quote that opened the current cell again as a plain character. Returns false when the
   * budget for reading text twice is spent.
   */
  private reread(): boolean {
    const quote = this.cellStart - 1;
    const cost = this.base + this.i - quote;
    if (cost > this.budget || quote < this.base) return false;
    this.budget -= cost;
    this.trouble = { kind: 'never-closed', line: this.openLine, column: quote - this.openLineStart + 1 };
    this.i = quote + 1 - this.base;
    this.line = this.openLine;
    this.lineStart = this.openLineStart;
    this.cellStart = quote;
    this.cellColumn--;
    this.quoted = false;
    this.doubled = false;
    this.closeAt = -1;
    this.state = State.Unquoted;
    return true;
  }

  /** Does the open quoted cell hold lines that look like records of their own? */
  private swallowedRows(): boolean {
    if (!this.isRecordStart) return false;
    const text = this.buf.slice(this.cellStart - this.base, this.i);
    let start = text.indexOf('\n') + 1;
    while (start > 0 && start < text.length) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      if (this.isRecordStart(line.endsWith('\r') ? line.slice(0, -1) : line)) return true;
      start = end + 1;
    }
    return false;
  }

  private startOverlong(out: CsvEvent[], holdsRows: boolean): void {
    const raw = this.buf.slice(this.recStart - this.base, Math.min(this.i, this.recStart - this.base + FIRST_LINE_CHARS));
    const nl = raw.indexOf('\n');
    out.push({ kind: 'overlong', line: this.recLine, cells: [...this.cells], firstLine: nl >= 0 ? raw.slice(0, nl) : raw, holdsRows });
    this.overlong = true;
    this.emittedTo = this.recStart;
    this.flushOverlong(out);
  }

  /** Hand on the over-long record's text read so far (up to `toAbs`, else up to what was read). */
  private flushOverlong(out: CsvEvent[], toAbs?: number): void {
    if (!this.overlong) return;
    const end = toAbs ?? this.base + this.i;
    if (end <= this.emittedTo) return;
    let text = this.buf.slice(this.emittedTo - this.base, end - this.base);
    if (toAbs !== undefined && text.charCodeAt(text.length - 1) === CR) text = text.slice(0, -1);
    out.push({ kind: 'text', text });
    this.emittedTo = end;
  }
}

/**
 * CSV exports, streamed through csv-parse, with the line and column where each cell's text starts.
 *
 * Exports are RFC 4180: quoted cells may hold commas, doubled quotes and line breaks, so a record
 * can span many physical lines, and multi-valued fields repeat their header (`Comment,Comment`), so
 * rows are kept as arrays and read by column position. A malformed row is reported with its row
 * number and line, and the parse goes on with the next one; a quote left open at the end of the
 * file swallows the rest, which is then scanned as plain text so nothing is lost.
 */
import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { looseRest } from './json-records.js';
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

/** Records (header first) of a CSV export, then loose text for anything that could not be parsed. */
export async function* csvRows(pieces: AsyncIterable<string>, path: string, context: ReaderContext): AsyncGenerator<CsvRow | LooseText> {
  const parser = parse({
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // One cell of 64 MiB is far beyond any ticket; past it the file is not CSV as we know it.
    max_record_size: 64 * 1024 * 1024,
  });
  const unclosed: { raw: string; line: number }[] = [];
  parser.on('skip', (error: CsvError & { lines?: number; raw?: string }) => {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED' && typeof error.raw === 'string') {
      // `lines` counts to the end of the file; the record began that many line breaks earlier.
      const body = error.raw.replace(/\r?\n$/, '');
      const line = (typeof error.lines === 'number' ? error.lines : 1) - countBreaks(body);
      unclosed.push({ raw: error.raw, line });
      context.warn({ path, reason: `malformed CSV: a quote opened at line ${line} is never closed; the rest of the file is scanned as plain text` });
      return;
    }
    context.warn({ path, reason: `malformed CSV row near line ${error.lines ?? '?'}: ${firstLine(error.message)}; row skipped` });
  });
  const source = Readable.from(pieces, { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let record = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; raw: string; info: { lines: number; error?: { code: string } } }>) {
    record++;
    const raw = item.raw;
    // Blank lines skipped before the record are part of its raw text.
    let lead = 0;
    while (lead < raw.length && (raw.charCodeAt(lead) === 0x0a || raw.charCodeAt(lead) === 0x0d)) lead++;
    let body = raw.slice(lead);
    if (body.endsWith('\n')) body = body.slice(0, body.endsWith('\r\n') ? -2 : -1);
    const line = item.info.lines - countBreaks(body);
    const { lines, columns } = cellPositions(body, line);
    if (item.info.error?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && record > 1) {
      context.warn({ path, reason: `row ${record} (line ${line}) has ${item.record.length} cells where the header has a different count; scanned by position` });
    }
    yield { cells: item.record, lines, columns, record, line };
  }
  for (const rest of unclosed) {
    yield* looseRest(path, rest.raw, emptyIterator(), rest.line, 1);
  }
}

/** Where each cell's content starts in a raw record (after an opening quote). */
export function cellPositions(raw: string, firstLine: number): { lines: number[]; columns: number[] } {
  const lines: number[] = [];
  const columns: number[] = [];
  let line = firstLine;
  let column = 1;
  let atCellStart = true;
  let inQuotes = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (atCellStart) {
      atCellStart = false;
      if (c === 0x22) {
        inQuotes = true;
        lines.push(line);
        columns.push(column + 1);
        column++;
        continue;
      }
      lines.push(line);
      columns.push(column);
    }
    if (c === 0x0a) {
      line++;
      column = 1;
      continue;
    }
    column++;
    if (c === 0x22) {
      if (inQuotes && raw.charCodeAt(i + 1) === 0x22) {
        i++;
        column++;
      } else inQuotes = !inQuotes;
    } else if (c === 0x2c && !inQuotes) {
      atCellStart = true;
    }
  }
  if (atCellStart) {
    lines.push(line);
    columns.push(column);
  }
  return { lines, columns };
}

function countBreaks(text: string): number {
  let breaks = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) breaks++;
  return breaks;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function emptyIterator(): AsyncIterator<string> {
  return { next: async () => ({ done: true, value: undefined }) };
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

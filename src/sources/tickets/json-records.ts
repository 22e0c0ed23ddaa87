/**
 * Shared by the JSON readers: stream records out of a document, turn string values into entries
 * that remember their place in the file, and pick up every string field a format module does not
 * handle by name (custom fields are where people paste things).
 */
import { TextChunker } from '../long-text.js';
import { adfToText, isAdfDocument } from './adf.js';
import { asString, isObject, JsonStreamParser, JsonSyntaxError, type JsonObject, type JsonRecord, type JsonValue, type PathPattern, type StringPositions } from './json-stream.js';
import { renderings, type Markup, type NormalizeOptions } from './normalize.js';
import type { LooseText, PositionMap, ReaderContext, ReaderOutput, Rendering, TicketEntry } from './types.js';

/**
 * Records of a JSON document, as they close. A syntax error is reported with its line and column,
 * and the rest of the file is handed back as loose text so that nothing after the error goes
 * unscanned.
 */
export async function* jsonRecords(
  pieces: AsyncIterable<string>,
  recordPaths: readonly PathPattern[],
  path: string,
  context: ReaderContext,
): AsyncGenerator<JsonRecord | LooseText> {
  const ready: JsonRecord[] = [];
  const parser = new JsonStreamParser({ recordPaths }, (record) => ready.push(record));
  const iterator = pieces[Symbol.asyncIterator]();
  let failure: JsonSyntaxError | undefined;
  for (;;) {
    const next = await iterator.next();
    try {
      if (next.done) parser.end();
      else parser.write(next.value);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      failure = error;
    }
    yield* ready;
    ready.length = 0;
    if (failure || next.done) break;
  }
  if (!failure) return;
  context.warn({ code: 'input', path, message: `invalid JSON: ${failure.message}; the rest of the file is scanned as plain text` });
  const at = parser.remainderPosition();
  yield* looseRest(path, parser.remainder(), iterator, at.line, at.column);
}

/** The unparsed rest of a file as plain-text pieces, in bounded chunks. */
export async function* looseRest(
  path: string,
  first: string,
  iterator: AsyncIterator<string>,
  line: number,
  column: number,
): AsyncGenerator<LooseText> {
  const chunker = new TextChunker();
  // The chunker counts lines from 1; shift by where the rest starts.
  const shift = (piece: { text: string; line: number; column: number; acceptBefore: number }): LooseText => ({
    loose: true,
    path,
    text: piece.text,
    line: piece.line + line - 1,
    column: piece.line === 1 ? piece.column + column - 1 : piece.column,
    acceptBefore: piece.acceptBefore,
  });
  for (const piece of chunker.push(first)) yield shift(piece);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    for (const piece of chunker.push(next.value)) yield shift(piece);
  }
  for (const piece of chunker.end()) if (piece.text.length > 0) yield shift(piece);
}

/** The position map of a JSON string: it sits on one line of the file. */
export function jsonMap(positions: StringPositions, container: object, key: string | number): PositionMap | undefined {
  const at = positions.get(container, key);
  return at ? { kind: 'segments', segments: [0, at.line, at.column] } : undefined;
}

export interface EntryMeta {
  ticket?: string;
  field: string;
  author?: string;
  date?: string;
  url?: string;
}

/** An entry for `container[key]` when it is a non-empty string. */
export function stringEntry(
  container: JsonObject | undefined,
  key: string,
  positions: StringPositions,
  markup: Markup,
  meta: EntryMeta,
  options?: NormalizeOptions,
): TicketEntry | undefined {
  if (!container) return undefined;
  const value = container[key];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return { ...meta, renderings: renderings(value, markup, jsonMap(positions, container, key), options) };
}

/** Renderings of a string in a JSON container, for formats that keep several copies of one text. */
export function stringRenderings(
  container: JsonObject | undefined,
  key: string,
  positions: StringPositions,
  markup: Markup,
  options?: NormalizeOptions,
): Rendering[] {
  const value = container?.[key];
  if (!container || typeof value !== 'string' || value.trim() === '') return [];
  return renderings(value, markup, jsonMap(positions, container, key), options);
}

/**
 * Every string in `value` not under a key in `skip`, as entries named by their path (`customfield_10042`,
 * `custom_fields[3].value`). Short strings that cannot hold a credential are left out.
 */
export function otherStrings(
  value: JsonValue,
  positions: StringPositions,
  skip: ReadonlySet<string>,
  meta: Omit<EntryMeta, 'field'>,
  prefix = '',
): TicketEntry[] {
  const out: TicketEntry[] = [];
  const visit = (node: JsonValue, container: object | undefined, key: string | number, name: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.length < MIN_SECRET_LENGTH || container === undefined) return;
      out.push({ ...meta, field: name, renderings: renderings(node, 'plain', jsonMap(positions, container, key)) });
      return;
    }
    if (depth > 32 || node === null || typeof node !== 'object') return;
    if (isAdfDocument(node)) {
      const adf = adfToText(node, positions);
      if (adf.text.trim().length > 0) out.push({ ...meta, field: name, renderings: [{ text: adf.text, map: adf.map }] });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, node, index, `${name}[${index}]`, depth + 1));
      return;
    }
    for (const [k, v] of Object.entries(node as JsonObject)) {
      if (depth === 0 && skip.has(k)) continue;
      visit(v, node, k, name === '' ? k : `${name}.${k}`, depth + 1);
    }
  };
  visit(value, undefined, '', prefix, 0);
  return out;
}

/** No credential format the rules know is shorter than this; shorter strings (ids, states, dates) are not scanned. */
export const MIN_SECRET_LENGTH = 8;

export function objectAt(value: JsonValue | undefined, ...keys: string[]): JsonObject | undefined {
  let node = value;
  for (const key of keys) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

export function stringAt(value: JsonValue | undefined, ...keys: string[]): string | undefined {
  let node = value;
  for (const key of keys) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return asString(node);
}

export function arrayAt(value: JsonValue | undefined, ...keys: string[]): JsonValue[] {
  let node = value;
  for (const key of keys) {
    if (!isObject(node)) return [];
    node = node[key];
  }
  return Array.isArray(node) ? node : [];
}

/** A record's entries as one batch, or nothing when it has none. */
export function batch(entries: (TicketEntry | undefined)[], path?: string): ReaderOutput[] {
  const present = entries.filter((e): e is TicketEntry => e !== undefined && e.renderings.length > 0);
  return present.length > 0 ? [{ entries: present, ...(path !== undefined ? { path } : {}) }] : [];
}

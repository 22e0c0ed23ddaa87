/**
 * A streaming JSON parser that keeps where every string came from.
 *
 * Exports of hundreds of megabytes are one JSON document (`{"issues":[…]}`, `{"result":[…]}`, a
 * top-level array). This parser reads text in pieces, builds only the values at the record paths it
 * is given (each element of `issues`, say) and hands each record over as soon as it closes, so
 * memory holds one record at a time. Every string inside a record keeps its line and column in the
 * file, which stream-json's token stream cannot give: that is what lets a finding point at the line
 * of the export holding the secret, and a syntax error name the line and column where the file went
 * wrong. A tokenizer loop of this shape is also several times faster than stream-json's parser with
 * its array streamer (bench/README.md).
 *
 * Several documents one after another (pages of an API appended to one file) are read in turn.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Line (1-based) and column (1-based, UTF-16 code units) of a string's first character. */
export interface JsonPosition {
  line: number;
  column: number;
}

/** Where each string of a record started, by its container and key (or index). */
export class StringPositions {
  private readonly map = new WeakMap<object, Map<string | number, JsonPosition>>();

  set(container: object, key: string | number, position: JsonPosition): void {
    let inner = this.map.get(container);
    if (!inner) this.map.set(container, (inner = new Map()));
    inner.set(key, position);
  }

  get(container: object, key: string | number): JsonPosition | undefined {
    return this.map.get(container)?.get(key);
  }
}

export interface JsonRecord {
  value: JsonValue;
  /** Path of the record in the document, e.g. `['issues', 12]`; `[]` for a root value. */
  path: (string | number)[];
  positions: StringPositions;
  /** Where the record's value starts. */
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** Where in the document, e.g. `issues[12].fields`. */
    readonly where: string,
  ) {
    super(`${reason} at line ${line}, column ${column}${where ? ` (in ${where})` : ''}`);
  }
}

/** `'*'` matches any key or index. */
export type PathPattern = readonly (string | number)[];

export interface JsonStreamOptions {
  /** Values at these paths are records; everything outside them is parsed and dropped. */
  recordPaths: readonly PathPattern[];
  /** Line and column of the first character written (for a JSON line inside a bigger file). */
  startLine?: number;
  startColumn?: number;
}

const enum Expect {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  CommaOrEnd,
  DocumentDone,
}

interface Frame {
  isArray: boolean;
  /** The container being built, when inside a record. */
  container: JsonValue[] | JsonObject | undefined;
  key: string;
  index: number;
}

interface OpenString {
  text: string;
  line: number;
  column: number;
  isKey: boolean;
}

interface OpenRecord {
  path: (string | number)[];
  positions: StringPositions;
  line: number;
  column: number;
  root: JsonValue;
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Push parser: `write()` text pieces, then `end()`; records arrive through `onRecord` synchronously.
 * Throws `JsonSyntaxError`; after that, `remainder()` is the text from the error on.
 */
export class JsonStreamParser {
  private buffer = '';
  /** Absolute offset of buffer[0] in the input. */
  private base = 0;
  private line: number;
  /** Absolute offset of the current line's first character (may be negative for a start column > 1). */
  private lineStart: number;
  private expect: Expect = Expect.Value;
  private readonly stack: Frame[] = [];
  /** Stack depth at which the record being built started; -1 when not building. */
  private recordDepth = -1;
  private record: OpenRecord | undefined;
  private openString: OpenString | undefined;
  private ended = false;
  private documents = 0;
  /** Changes whenever `buffer` does (offsets into it become stale). */
  private generation = 0;

  constructor(
    private readonly options: JsonStreamOptions,
    private readonly onRecord: (record: JsonRecord) => void,
  ) {
    this.line = options.startLine ?? 1;
    this.lineStart = 1 - (options.startColumn ?? 1);
  }

  write(text: string): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.generation++;
    this.parse();
  }

  end(): void {
    this.ended = true;
    this.parse();
    if (this.stack.length > 0 || this.openString) {
      this.fail('unexpected end of input: the file is truncated', this.base + this.buffer.length);
    }
    if (this.documents === 0) this.fail('no JSON value: the file is empty', this.base + this.buffer.length);
  }

  /** Text not yet consumed; after a syntax error, the text from the error on. */
  remainder(): string {
    return this.buffer;
  }

  /** Line and column of the first character of `remainder()`. */
  remainderPosition(): JsonPosition {
    return { line: this.line, column: this.base - this.lineStart + 1 };
  }

  /** The path to the current position, for messages: `issues[12].fields`. */
  where(): string {
    let out = '';
    this.stack.forEach((frame, depth) => {
      // After a value, an object's last key is done with: the position is in the object itself.
      const done = depth === this.stack.length - 1 && this.expect === Expect.CommaOrEnd;
      if (frame.isArray) out += `[${frame.index}]`;
      else if (frame.key !== '' && !done) out += out === '' ? frame.key : `.${frame.key}`;
    });
    return out;
  }

  private fail(reason: string, abs: number): never {
    // What the broken record held so far is still text to scan: hand it over before failing.
    this.flushPartialRecord();
    // Everything before `abs` is consumed so remainder() starts at the error.
    this.consume(abs - this.base);
    throw new JsonSyntaxError(reason, this.line, abs - this.lineStart + 1, this.where());
  }

  /** Drop buffer[0, rel). Line breaks there were already counted as they were read. */
  private flushPartialRecord(): void {
    if (this.recordDepth < 0 || !this.record) return;
    const open = this.openString;
    if (open && !open.isKey && open.text !== '') this.attach(open.text, { line: open.line, column: open.column });
    this.emitRecord();
  }

  private consume(rel: number): void {
    if (rel <= 0) return;
    this.buffer = this.buffer.slice(rel);
    this.base += rel;
    this.generation++;
  }

  private column(rel: number): number {
    return this.base + rel - this.lineStart + 1;
  }

  private parse(): void {
    const buf = this.buffer;
    const n = buf.length;
    let i = 0;
    if (this.openString) {
      i = this.readString(buf, 0);
      if (i < 0) return;
    }
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.base + i + 1;
        i++;
        continue;
      }
      switch (this.expect) {
        case Expect.DocumentDone:
          // Another document follows (API pages appended to one file).
          this.expect = Expect.Value;
          continue;
        case Expect.Colon:
          if (c !== 0x3a) this.fail(`expected ':' but found ${describeChar(c)}`, this.base + i);
          this.expect = Expect.Value;
          i++;
          continue;
        case Expect.CommaOrEnd: {
          const frame = this.stack[this.stack.length - 1] as Frame;
          if (c === 0x2c) {
            this.expect = frame.isArray ? Expect.Value : Expect.Key;
            i++;
            continue;
          }
          if ((c === 0x5d && frame.isArray) || (c === 0x7d && !frame.isArray)) {
            this.closeContainer();
            i++;
            continue;
          }
          this.fail(`expected ',' or '${frame.isArray ? ']' : '}'}' but found ${describeChar(c)}`, this.base + i);
          break;
        }
        case Expect.KeyOrEnd:
        case Expect.Key:
          if (c === 0x7d && this.expect === Expect.KeyOrEnd) {
            this.closeContainer();
            i++;
            continue;
          }
          if (c !== 0x22) this.fail(`expected a key in double quotes but found ${describeChar(c)}`, this.base + i);
          this.openString = { text: '', line: this.line, column: this.column(i + 1), isKey: true };
          i = this.readString(buf, i + 1);
          if (i < 0) return;
          continue;
        case Expect.ValueOrEnd:
          if (c === 0x5d) {
            this.closeContainer();
            i++;
            continue;
          }
          i = this.readValue(buf, i, c);
          if (i < 0) return;
          continue;
        case Expect.Value:
          i = this.readValue(buf, i, c);
          if (i < 0) return;
          continue;
      }
    }
    this.consume(n);
  }

  /** A value starting at `i`: returns the index after what was consumed, or -1 to wait for input. */
  private readValue(buf: string, i: number, c: number): number {
    if (c === 0x22) {
      this.openString = { text: '', line: this.line, column: this.column(i + 1), isKey: false };
      return this.readString(buf, i + 1);
    }
    if (c === 0x7b || c === 0x5b) {
      this.openContainer(c === 0x5b, i);
      return i + 1;
    }
    return this.readScalar(buf, i);
  }

  /**
   * Read string content from `i` (just after the opening quote, or where the last piece stopped).
   * Returns the index after the closing quote, or -1 when the piece ended first (the state is kept).
   */
  private readString(buf: string, i: number): number {
    const open = this.openString as OpenString;
    const n = buf.length;
    let text = open.text;
    for (;;) {
      const backslash = this.nextBackslash(buf, i);
      const quote = buf.indexOf('"', i);
      if (backslash >= 0 && (quote < 0 || backslash < quote)) {
        text += this.raw(buf, i, backslash);
        const e = buf[backslash + 1];
        if (e === undefined || (e === 'u' && backslash + 6 > n)) return this.suspendString(text, backslash, n);
        if (e === 'u') {
          const hex = buf.slice(backslash + 2, backslash + 6);
          if (!HEX4.test(hex)) this.fail(`invalid escape "\\u${hex}" in a string`, this.base + backslash);
          text += String.fromCharCode(parseInt(hex, 16));
          i = backslash + 6;
        } else {
          const mapped = SIMPLE_ESCAPES[e];
          if (mapped === undefined) this.fail(`invalid escape "\\${e}" in a string`, this.base + backslash);
          text += mapped;
          i = backslash + 2;
        }
        continue;
      }
      if (quote < 0) return this.suspendString(text + this.raw(buf, i, n), n, n);
      text += this.raw(buf, i, quote);
      this.openString = undefined;
      if (open.isKey) {
        (this.stack[this.stack.length - 1] as Frame).key = text;
        this.expect = Expect.Colon;
      } else {
        this.addValue(text, open.line, open.column);
      }
      return quote + 1;
    }
  }

  /** A slice of string content. Raw line breaks are not valid JSON, but a scanner reads what it gets. */
  private raw(buf: string, from: number, to: number): string {
    const text = buf.slice(from, to);
    // Search the slice, not the buffer: indexOf on the buffer would run to its end for every string.
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
      this.line++;
      this.lineStart = this.base + from + nl + 1;
    }
    return text;
  }

  /** The piece ended inside a string: keep its text and any incomplete escape for the next piece. */
  private suspendString(text: string, keepFrom: number, n: number): number {
    if (this.ended) this.fail('unexpected end of input inside a string: the file is truncated', this.base + n);
    (this.openString as OpenString).text = text;
    this.consume(keepFrom);
    return -1;
  }

  /**
   * The next backslash at or after `i`, remembered across strings: searching afresh for each string
   * would scan ahead to the next escape every time, quadratic on exports with few escapes.
   */
  private nextBackslash(buf: string, i: number): number {
    if (this.backslashGeneration !== this.generation || (this.backslashAt >= 0 && this.backslashAt < i) || this.backslashFrom > i) {
      this.backslashGeneration = this.generation;
      this.backslashFrom = i;
      this.backslashAt = buf.indexOf('\\', i);
    }
    return this.backslashAt;
  }

  private backslashGeneration = -1;
  private backslashFrom = 0;
  private backslashAt = -1;

  private readScalar(buf: string, i: number): number {
    const n = buf.length;
    let j = i;
    while (j < n) {
      const c = buf.charCodeAt(j);
      // Letters, digits, sign and dot: everything numbers and literals are made of.
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2d || c === 0x2b || c === 0x2e) j++;
      else break;
    }
    if (j === n && !this.ended) {
      // The token may go on in the next piece.
      this.consume(i);
      return -1;
    }
    const token = buf.slice(i, j);
    let value: JsonValue;
    if (token === 'true') value = true;
    else if (token === 'false') value = false;
    else if (token === 'null') value = null;
    else if (NUMBER.test(token)) value = Number(token);
    else if (token === '') this.fail(`unexpected ${describeChar(buf.charCodeAt(i))}`, this.base + i);
    else this.fail(`unexpected "${token.slice(0, 24)}"`, this.base + i);
    this.addValue(value, this.line, this.column(i));
    return j;
  }

  private currentPath(): (string | number)[] {
    return this.stack.map((f) => (f.isArray ? f.index : f.key));
  }

  private atRecordPath(): boolean {
    const depth = this.stack.length;
    for (const pattern of this.options.recordPaths) {
      if (pattern.length !== depth) continue;
      let ok = true;
      for (let d = 0; d < depth && ok; d++) {
        const want = pattern[d];
        const frame = this.stack[d] as Frame;
        ok = want === '*' || want === (frame.isArray ? frame.index : frame.key);
      }
      if (ok) return true;
    }
    return false;
  }

  private openContainer(isArray: boolean, i: number): void {
    let container: JsonValue[] | JsonObject | undefined;
    if (this.recordDepth >= 0) {
      container = isArray ? [] : {};
      this.attach(container, undefined);
    } else if (this.atRecordPath()) {
      container = isArray ? [] : {};
      this.recordDepth = this.stack.length;
      this.record = { path: this.currentPath(), positions: new StringPositions(), line: this.line, column: this.column(i), root: container };
    }
    this.stack.push({ isArray, container, key: '', index: 0 });
    this.expect = isArray ? Expect.ValueOrEnd : Expect.KeyOrEnd;
  }

  private closeContainer(): void {
    this.stack.pop();
    if (this.recordDepth >= 0 && this.stack.length === this.recordDepth) this.emitRecord();
    this.afterValue();
  }

  private afterValue(): void {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.documents++;
      this.expect = Expect.DocumentDone;
      return;
    }
    if (parent.isArray) parent.index++;
    this.expect = Expect.CommaOrEnd;
  }

  private addValue(value: JsonValue, line: number, column: number): void {
    if (this.recordDepth >= 0) {
      this.attach(value, typeof value === 'string' ? { line, column } : undefined);
    } else if (this.atRecordPath()) {
      this.record = { path: this.currentPath(), positions: new StringPositions(), line, column, root: value };
      this.recordDepth = this.stack.length;
      this.emitRecord();
    }
    this.afterValue();
  }

  /** Put a value into the container being built at the top of the stack. */
  private attach(value: JsonValue, position: JsonPosition | undefined): void {
    const frame = this.stack[this.stack.length - 1] as Frame;
    const container = frame.container;
    if (container === undefined) return;
    if (frame.isArray) {
      const list = container as JsonValue[];
      if (position) this.record?.positions.set(list, list.length, position);
      list.push(value);
    } else {
      const object = container as JsonObject;
      if (position) this.record?.positions.set(object, frame.key, position);
      // A key named `__proto__` is data, as with JSON.parse, not the object's prototype.
      if (frame.key === '__proto__') Object.defineProperty(object, frame.key, { value, enumerable: true, writable: true, configurable: true });
      else object[frame.key] = value;
    }
  }

  private emitRecord(): void {
    const record = this.record as OpenRecord;
    this.record = undefined;
    this.recordDepth = -1;
    this.onRecord({ value: record.root, path: record.path, positions: record.positions, line: record.line, column: record.column });
  }
}

function describeChar(c: number): string {
  if (Number.isNaN(c)) return 'end of input';
  if (c < 0x20 || c === 0x7f) return `control character 0x${c.toString(16).padStart(2, '0')}`;
  return `'${String.fromCharCode(c)}'`;
}

/** Plain JSON objects (not arrays, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asString(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

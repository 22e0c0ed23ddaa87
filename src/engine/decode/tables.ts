/**
 * Values in a table column whose name says it holds credentials: rows of a CSV or TSV file under a
 * header such as `username,password,role`, and tuples of an SQL `INSERT INTO t (email, password)
 * VALUES (…), (…)`. The value and its column name sit far apart (a header line above, a column list
 * before), so no rule's pattern can pair them; each value is handed to the rules as the one-line
 * assignment `column = "value"` instead, and what they find is reported at the value itself.
 *
 * One pass over the header or column list and one over each row, so the work is linear in the table;
 * a table stops at the first row that does not fit it, and at most MAX_VALUES values are judged per
 * text (a dump of a million users says what it holds long before its end).
 */

/** A credential column's value: where it is in the text, and the assignment the rules judge. */
export interface TableValue {
  start: number;
  end: number;
  assignment: string;
  /** Where the value starts in `assignment`. */
  offset: number;
}

const MAX_VALUES = 10_000;
const MAX_FIELD = 256;

/** Column names that hold a credential (the rules then judge the value by the whole name). */
const CREDENTIAL_COLUMN = /pass(?:word|wd|phrase)?|pwd|secret|token|api[_ -]?key|private[_ -]?key|credential/i;
const COLUMN_NAME = /^[A-Za-z_][\w .-]{0,40}$/;

/**
 * Credential-column values of the CSV/TSV tables and SQL INSERT statements in `text` (`path` decides
 * what is a CSV file; `inserts` says the keyword pass saw `insert into`, so statements are looked for).
 */
export function tableValues(text: string, path: string | undefined, inserts = true): TableValue[] {
  const out: TableValue[] = [];
  if (path !== undefined && /\.(?:csv|tsv|psv)$/i.test(path)) delimitedValues(text, out);
  if (inserts) insertValues(text, out);
  return out.sort((x, y) => x.start - y.start);
}

/** A field of a delimited line: its text span, without the quotes around it. */
interface Field {
  start: number;
  end: number;
  value: string;
}

/** Split the line text[from, to) at `delimiter`, with CSV quoting (`"a,b"`, `""` inside); undefined when a quote is left open. */
function splitLine(text: string, from: number, to: number, delimiter: string): Field[] | undefined {
  const fields: Field[] = [];
  let i = from;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= to) return undefined;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      fields.push({ start: i + 1, end: j, value });
      i = j + 1;
      if (i < to && text[i] !== delimiter) return undefined;
    } else {
      let j = text.indexOf(delimiter, i);
      if (j < 0 || j > to) j = to;
      fields.push({ start: i, end: j, value: text.slice(i, j) });
      i = j;
    }
    if (i >= to) return fields;
    i++; // the delimiter
  }
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

/** Tables in a delimited file: every header line that names a credential column, and the rows under it. */
function delimitedValues(text: string, out: TableValue[]): void {
  for (let at = 0; at < text.length && out.length < MAX_VALUES; ) {
    const end = lineEnd(text, at);
    const header = headerOf(text, at, end);
    at = nextLine(text, at);
    if (header === undefined) continue;
    // Rows: every following line with as many fields, up to a blank line or one that does not fit.
    while (at < text.length && out.length < MAX_VALUES) {
      const rowEnd = lineEnd(text, at);
      if (rowEnd === at) break;
      const fields = splitLine(text, at, rowEnd, header.delimiter);
      if (fields === undefined || fields.length !== header.width) break;
      for (const column of header.columns) addValue(out, fields[column.index] as Field, column.name);
      at = nextLine(text, at);
    }
  }
}

/** A column whose name says it holds credentials, by position. */
interface Column {
  index: number;
  name: string;
}

function credentialColumns(names: readonly string[]): Column[] {
  return names.flatMap((name, index) => (CREDENTIAL_COLUMN.test(name) ? [{ index, name }] : []));
}

interface Header {
  delimiter: string;
  width: number;
  columns: Column[];
}

/** The line text[from, to) as a header with a credential column, if it is one. */
function headerOf(text: string, from: number, to: number): Header | undefined {
  if (to - from > 2_000) return undefined;
  const line = text.slice(from, to);
  if (!CREDENTIAL_COLUMN.test(line)) return undefined;
  for (const delimiter of [',', '\t', ';', '|']) {
    if (!line.includes(delimiter)) continue;
    const fields = splitLine(text, from, to, delimiter);
    if (fields === undefined || fields.length < 2) continue;
    const names = fields.map((f) => f.value.trim());
    if (!names.every((name) => COLUMN_NAME.test(name))) continue;
    const columns = credentialColumns(names);
    if (columns.length > 0) return { delimiter, width: fields.length, columns };
  }
  return undefined;
}

/** `INSERT INTO t (c1, c2, …) VALUES (…), (…);`: the values in credential columns of each tuple. */
function insertValues(text: string, out: TableValue[]): void {
  const statement = /\binsert\s+into\s+[\w.`"[\]]{1,128}\s*\(([^()]{1,2000})\)\s*values\s*/gi;
  for (let m = statement.exec(text); m !== null && out.length < MAX_VALUES; m = statement.exec(text)) {
    const names = (m[1] as string).split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
    if (!names.every((name) => /^[A-Za-z_]\w{0,63}$/.test(name))) continue;
    const columns = credentialColumns(names);
    if (columns.length === 0) continue;
    statement.lastIndex = tuples(text, statement.lastIndex, names.length, columns, out);
  }
}

/** Read `(v, v, …), (…)` from `at`; returns where reading stopped. */
function tuples(text: string, at: number, width: number, columns: readonly Column[], out: TableValue[]): number {
  let i = at;
  for (;;) {
    i = skip(text, i, BLANK_OR_NEWLINE);
    if (text[i] !== '(') return i;
    const values: (Field | undefined)[] = [];
    i++;
    for (;;) {
      i = skip(text, i, BLANK);
      const literal = sqlValue(text, i);
      if (literal === undefined) return i;
      values.push(literal.field);
      i = skip(text, literal.next, BLANK);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ')') {
        i++;
        break;
      }
      return i;
    }
    if (values.length === width) {
      for (const column of columns) {
        const field = values[column.index];
        if (field !== undefined) addValue(out, field, column.name);
      }
    }
    i = skip(text, i, BLANK_OR_NEWLINE);
    if (text[i] !== ',' || out.length >= MAX_VALUES) return i;
    i++;
  }
}

const BLANK = /[ \t]/;
const BLANK_OR_NEWLINE = /\s/;

/** The first position from `at` whose character is not in `chars`. */
function skip(text: string, at: number, chars: RegExp): number {
  let i = at;
  while (i < text.length && chars.test(text[i] as string)) i++;
  return i;
}

/** One SQL value at `at`: a quoted string (its field), or a number, NULL, a call or a name (no field); undefined when unreadable. */
function sqlValue(text: string, at: number): { field?: Field; next: number } | undefined {
  const quote = text[at];
  if (quote === "'" || quote === '"') {
    let value = '';
    let j = at + 1;
    for (;;) {
      if (j >= text.length || j - at > MAX_FIELD || text[j] === '\n') return undefined;
      const c = text[j] as string;
      if (c === '\\' && j + 1 < text.length) {
        value += text[j + 1];
        j += 2;
        continue;
      }
      if (c === quote) {
        if (text[j + 1] === quote) {
          value += quote;
          j += 2;
          continue;
        }
        break;
      }
      value += c;
      j++;
    }
    return { field: { start: at + 1, end: j, value }, next: j + 1 };
  }
  // Anything else up to the next `,` or `)` outside brackets: numbers, NULL, now(), crypt('…', gen_salt('bf')).
  let depth = 0;
  let j = at;
  for (; j < text.length && j - at <= MAX_FIELD; j++) {
    const c = text[j];
    if (c === '\n') return undefined;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
    else if (c === "'" || c === '"') {
      const inner = sqlValue(text, j);
      if (inner === undefined) return undefined;
      j = inner.next - 1;
    }
  }
  return j === at ? undefined : { next: j };
}

function addValue(out: TableValue[], field: Field, column: string): void {
  const value = field.value;
  if (value.length === 0 || value.length > MAX_FIELD || /[\n\r]/.test(value) || field.end - field.start !== value.length) return;
  const quote = value.includes('"') ? (value.includes("'") ? undefined : "'") : '"';
  if (quote === undefined) return;
  const name = column.replace(/[^\w]+/g, '_');
  out.push({ start: field.start, end: field.end, assignment: `${name} = ${quote}${value}${quote}`, offset: name.length + 4 });
}

/**
 * The last line of defence for "never print a secret": every string a provider module returns
 * (reasons, identities, revoke details) goes through a scrubber that knows the run's secrets and
 * replaces them with "[the token]".
 *
 * A server may echo a secret in another shape than it was sent: upper-cased, split by a line break,
 * a control character or a zero-width space, percent-encoded, JSON-escaped, as an HTML character
 * reference, or base64-encoded. The scrubber therefore searches a normalised view of the text
 * (escapes decoded, invisible characters dropped, case folded) in which every character remembers
 * the span of the original text it came from, and removes those original spans.
 */

const REPLACEMENT = '[the token]';
/** Server messages are cut to this length: a reason is one line, not a page. */
const MAX_TEXT = 300;
/** Shorter values are too common to replace blindly (and no verified credential is this short). */
const MIN_SECRET = 8;
/** Escapes are decoded this many times over, for a percent-encoding inside a JSON string and the like. */
const DECODE_PASSES = 2;

export type Scrubber = (text: string) => string;

/** One character of a normalised view, and the original text's span [start, end) it stands for. */
interface Unit {
  ch: string;
  start: number;
  end: number;
}

/**
 * Characters that can sit inside an echoed secret without being seen: whitespace, C0 and C1
 * controls, zero-width and joiner characters, bidi controls, the soft hyphen and the BOM.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"', "'": "'" };

function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < text.length; i++) units.push({ ch: text[i] as string, start: i, end: i + 1 });
  return units;
}

function hexAt(units: readonly Unit[], from: number, count: number): number | undefined {
  let hex = '';
  for (let k = from; k < from + count; k++) {
    const c = units[k]?.ch;
    if (c === undefined || !/^[0-9a-fA-F]$/.test(c)) return undefined;
    hex += c;
  }
  return Number.parseInt(hex, 16);
}

/** `%41`, `\u0041`, `\x41`, `\n`, `&#65;` and `&#x41;` → the character, spanning the whole escape. */
function decodeOnce(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  const emit = (code: number, length: number): void => {
    out.push({ ch: String.fromCharCode(code), start: (units[i] as Unit).start, end: (units[i + length - 1] as Unit).end });
    i += length;
  };
  while (i < units.length) {
    const c = (units[i] as Unit).ch;
    const next = units[i + 1]?.ch;
    if (c === '%' && hexAt(units, i + 1, 2) !== undefined) emit(hexAt(units, i + 1, 2) as number, 3);
    else if (c === '\\' && next === 'u' && hexAt(units, i + 2, 4) !== undefined) emit(hexAt(units, i + 2, 4) as number, 6);
    else if (c === '\\' && next === 'x' && hexAt(units, i + 2, 2) !== undefined) emit(hexAt(units, i + 2, 2) as number, 4);
    else if (c === '\\' && next !== undefined && next in SIMPLE_ESCAPES) emit((SIMPLE_ESCAPES[next] as string).charCodeAt(0), 2);
    else if (c === '&' && next === '#') {
      const reference = characterReference(units, i);
      if (reference) emit(reference.code, reference.length);
      else out.push(units[i++] as Unit);
    } else out.push(units[i++] as Unit);
  }
  return out;
}

/** `&#65;` or `&#x41;` at `at` (at most 6 digits): the code and its length in units. */
function characterReference(units: readonly Unit[], at: number): { code: number; length: number } | undefined {
  const isHex = units[at + 2]?.ch === 'x' || units[at + 2]?.ch === 'X';
  let k = at + (isHex ? 3 : 2);
  let digits = '';
  while (k < units.length && digits.length <= 6 && (isHex ? /^[0-9a-fA-F]$/ : /^[0-9]$/).test((units[k] as Unit).ch)) digits += (units[k++] as Unit).ch;
  if (digits === '' || digits.length > 6 || units[k]?.ch !== ';') return undefined;
  const code = Number.parseInt(digits, isHex ? 16 : 10);
  return code <= 0xffff ? { code, length: k + 1 - at } : undefined;
}

/** Length of the terminal escape sequence (CSI `ESC [ … m`, OSC `ESC ] … BEL`) at `at`, or 0. */
function escapeSequenceLength(units: readonly Unit[], at: number): number {
  if (units[at]?.ch !== '\u001b') return 0;
  const kind = units[at + 1]?.ch;
  let k = at + 2;
  if (kind === '[') {
    while (k < units.length && k - at < 64 && /^[0-9;:?<=>!"'#$%&()*+,./ -]$/.test((units[k] as Unit).ch)) k++;
    return k < units.length && /^[@-~]$/.test((units[k] as Unit).ch) ? k + 1 - at : 1;
  }
  if (kind === ']') {
    // Terminated by BEL or ESC \; an unterminated one is dropped up to a bound, like a terminal would swallow it.
    while (k < units.length && k - at < 512 && (units[k] as Unit).ch !== '\u0007' && (units[k] as Unit).ch !== '\u001b') k++;
    return k - at + 1;
  }
  return 1;
}

/**
 * Invisible characters and terminal escape sequences dropped, letters lower-cased (each folded unit
 * keeps its original span).
 */
function fold(units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const sequence = escapeSequenceLength(units, i);
    if (sequence > 0) {
      i += sequence - 1;
      continue;
    }
    if (INVISIBLE.test(u.ch)) continue;
    const lower = u.ch.toLowerCase();
    for (const ch of lower) out.push({ ch, start: u.start, end: u.end });
  }
  return out;
}

function foldText(text: string): string {
  return fold(unitsOf(text))
    .map((u) => u.ch)
    .join('');
}

/** The shapes searched for: the secret and its base64 forms; encoded shapes are decoded in the text. */
function needlesOf(secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
  ];
  return forms.map(foldText).filter((f) => f.length >= MIN_SECRET);
}

/** Original spans of every occurrence of every needle, in any view of the text. */
function secretSpans(text: string, needles: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  let units = unitsOf(text);
  for (let pass = 0; pass <= DECODE_PASSES; pass++) {
    if (pass > 0) {
      const decoded = decodeOnce(units);
      if (decoded.length === units.length) break;
      units = decoded;
    }
    const view = fold(units);
    const haystack = view.map((u) => u.ch).join('');
    for (const needle of needles) {
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
        spans.push([(view[at] as Unit).start, (view[at + needle.length - 1] as Unit).end]);
      }
    }
  }
  return spans;
}

/** `text` with each span (merged where they overlap) replaced. */
function replaceSpans(text: string, spans: [number, number][]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  let current = spans[0] as [number, number];
  for (const span of spans.slice(1)) {
    if (span[0] <= current[1]) current = [current[0], Math.max(current[1], span[1])];
    else {
      out += text.slice(from, current[0]) + REPLACEMENT;
      from = current[1];
      current = span;
    }
  }
  return out + text.slice(from, current[0]) + REPLACEMENT + text.slice(current[1]);
}

export function makeScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const needles = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET).flatMap(needlesOf)),
  ].sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = needles.length > 0 ? replaceSpans(text, secretSpans(text, needles)) : text;
    // Control characters could forge extra lines in terminals and logs, and bidi controls reorder
    // what a reader sees; every output shows provider text, the revoke summary and the audit log too.
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    out = out.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ');
    return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT - 1)}…` : out;
  };
}

/** Scrub every string value of a flat record. */
export function scrubRecord(record: Record<string, string> | undefined, scrub: Scrubber): Record<string, string> | undefined {
  if (!record) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) out[scrub(key)] = scrub(value);
  return out;
}

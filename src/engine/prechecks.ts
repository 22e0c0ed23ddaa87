/**
 * Prechecks: fast tests an anchored rule runs at each keyword hit before its regex. A precheck is
 * a necessary condition of the rule's pattern at that position, written out in code because
 * entering the regex engine costs about 100 ns a call even when the pattern fails at once, and the
 * generic rules are tried at every credential word (over 400,000 times in the bench corpus, five
 * in six of them rejected by their first lookahead). Rules name a precheck with `precheck:`; the
 * tests check each one against its pattern on generated text, so a precheck never rejects a
 * position where the pattern matches.
 */

import { charTable } from './char-class.js';

/** True when the pattern may match at `at` (where a keyword starts). */
export type Precheck = (text: string, at: number) => boolean;

/** The characters of a name, as the patterns write them: `[\w.-]`. */
const NAME = charTable('\\w.-');

const BACKSLASH = 92;
const SPACE = 32;
const TAB = 9;

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96; // " ' `
}

/**
 * End of the name starting at `at`: a run of 1 to `max` name characters not followed by another
 * (the pattern `[\w.-]{1,max}(?![\w.-])`), or -1.
 */
function nameEnd(text: string, at: number, max: number): number {
  const limit = Math.min(text.length, at + max + 1);
  let i = at;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c >= 128 || NAME[c] === 0) break;
    i++;
  }
  return i === at || i - at > max ? -1 : i;
}

/**
 * `(?=[\w.-]{1,40}(?![\w.-])\\?["'`]?\]?[ \t]{0,40}(?:[=:?{]|<<?-))`: a name, an optional escaped or
 * closing quote and bracket, up to forty blanks (columns aligned by hand), then an assignment (`=`,
 * `:`, `:=`, `=>`, `??=`, `{ get; } =`, R's `<-`), or Go's type before one (`string =`, `[]byte =`).
 */
function nameThenAssignment(text: string, at: number): boolean {
  let i = nameEnd(text, at, 40);
  if (i < 0) return false;
  let c = text.charCodeAt(i);
  if (c === BACKSLASH) c = text.charCodeAt(++i);
  if (isQuote(c)) c = text.charCodeAt(++i);
  if (c === 93 /* ] */) c = text.charCodeAt(++i);
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 40; blanks++) c = text.charCodeAt(++i);
  if (c === 61 /* = */ || c === 58 /* : */ || c === 63 /* ? */ || c === 123 /* { */) return true;
  // R's assignment: `name <- …`, `name <<- …`.
  if (c === 60 /* < */) return text.charCodeAt(i + 1) === 45 /* - */ || (text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) === 45);
  // Go's typed declaration: `name string = …`, `name []byte = …`.
  return (c === 115 || c === 83) /* s S */ ? text.slice(i, i + 6).toLowerCase() === 'string' : c === 91 /* [ */ && text.startsWith('[]byte', i);
}

/**
 * `(?=[\w.-]{1,40}(?![\w.-])(?:\\?["'`][ \t]{0,3}(?:,|[)\]][ \t]{0,3}(?:\?\?|\|\||\?:|or[ \t]))|[ \t]{0,3}(?:\?\?|\|\||\?:)))`:
 * a quoted name followed by a comma (the next argument is its value), a quoted name closing a lookup
 * then a fallback (`ENV["TOKEN"] ||`, `getenv("X") or`), or a name followed by `??`, `||` or `?:`.
 */
function nameThenArgumentOrFallback(text: string, at: number): boolean {
  const end = nameEnd(text, at, 40);
  if (end < 0) return false;
  let i = end;
  let c = text.charCodeAt(i);
  if (c === BACKSLASH) c = text.charCodeAt(++i);
  if (isQuote(c)) {
    c = text.charCodeAt(++i);
    for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text.charCodeAt(++i);
    if (c === 44 /* , */) return true;
    // A lookup closed on the name, then a fallback: `ENV["TOKEN"] || …`, `getenv("X") or …`.
    if (c === 41 /* ) */ || c === 93 /* ] */) {
      c = text.charCodeAt(++i);
      for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text.charCodeAt(++i);
      const d = text.charCodeAt(i + 1);
      if (isFallback(c, d) || (c === 111 /* o */ && d === 114 /* r */ && (text.charCodeAt(i + 2) === SPACE || text.charCodeAt(i + 2) === TAB))) return true;
    }
  }
  i = end;
  c = text.charCodeAt(i);
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text.charCodeAt(++i);
  return isFallback(c, text.charCodeAt(i + 1));
}

/** `??`, `||` or `?:` (a fallback value follows). */
function isFallback(c: number, d: number): boolean {
  return (c === 63 && (d === 63 || d === 58)) /* ?? ?: */ || (c === 124 && d === 124) /* || */;
}

/** The longest keyword word-then-blank is used with (`machine`, `default`), with room to spare. */
const WORD_MAX = 16;

/**
 * `\b(?:word[ \t]+|word\s)`: the keyword is a whole word followed by a blank or a line break (a
 * `.netrc` entry's `machine host` or `default login`). In minified code `default` comes thousands of
 * times a file, followed by `:` or `.`; without this, each of those hits is charged a full run of
 * the entry pattern, and dense ones were coalesced and reported as cut.
 */
function wordThenBlank(text: string, at: number): boolean {
  // At most WORD_MAX letters: a flood of letters must not be read again from every hit in it.
  const limit = Math.min(text.length, at + WORD_MAX + 1);
  let i = at;
  for (let c = text.charCodeAt(i); i < limit && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)); c = text.charCodeAt(++i));
  if (i === at || i - at > WORD_MAX) return false;
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === 10 || c === 13 || c === 11 || c === 12 || (c > 127 && /\s/.test(text.charAt(i)));
}

/**
 * `(?=[\w.-]{0,40}(?:["'`]\])?[ \t]{0,3}(?:[=!]==?|\.equals))` after the credential word: the rest
 * of a name, a closing quote and bracket, then a comparison (`== `, `!==`) or Java's `.equals(`.
 */
function nameThenComparison(text: string, at: number): boolean {
  let i = nameEnd(text, at, 60);
  if (i < 0) return false;
  let c = text.charCodeAt(i);
  // `.equals` is read as part of the name (`.` and letters are name characters).
  if (c === 40 /* ( */) return text.slice(at, i).includes('.equals');
  // A quoted key in brackets: `headers['x-token'] !== …`, `cfg["token"].equals(…)`.
  if (isQuote(c) && text.charCodeAt(i + 1) === 93 /* ] */) {
    i += 2;
    if (text.startsWith('.equals', i)) return true;
    c = text.charCodeAt(i);
  }
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text.charCodeAt(++i);
  return (c === 61 /* = */ || c === 33) /* ! */ && text.charCodeAt(i + 1) === 61;
}

const PRECHECKS: Readonly<Record<string, Precheck>> = {
  'name-then-assignment': nameThenAssignment,
  'name-then-argument-or-fallback': nameThenArgumentOrFallback,
  'word-then-blank': wordThenBlank,
  'name-then-comparison': nameThenComparison,
};

export function precheck(name: string): Precheck | undefined {
  return Object.hasOwn(PRECHECKS, name) ? PRECHECKS[name] : undefined;
}

export const PRECHECK_NAMES: readonly string[] = Object.keys(PRECHECKS);

/**
 * Go RE2 regular expressions (what gitleaks configs hold) rewritten as JavaScript ones, where the
 * meaning carries over: flag groups, `\z` and `\A`, `(?P<name>…)`, `\Q…\E`, POSIX classes, `\x{…}`.
 * What has no JavaScript equivalent without the `u` flag (Unicode classes, `\C`, ungreedy mode) is
 * refused with the reason. RE2 never backtracks, so a translated pattern must still pass the
 * linear-time check before it is used (the importer runs it).
 */

export type Re2Translation = { ok: true; pattern: string; ignoreCase: boolean } | { ok: false; reason: string };

export interface Re2Options {
  /**
   * Where a JavaScript flag can carry a leading `(?i)` (a rule's `ignore_case`). Without it (an
   * allowlist regex, compiled without flags) case-insensitivity is spelt out as `[aA]` classes.
   */
  ignoreCaseFlag: boolean;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Flags in force inside a group: each group starts with its parent's and may change them. */
interface Frame {
  fold: boolean;
  dotAll: boolean;
  multiline: boolean;
}

class Refusal extends Error {}

export function translateRe2(source: string, options: Re2Options): Re2Translation {
  try {
    return { ok: true, ...translate(source, options) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function translate(source: string, options: Re2Options): { pattern: string; ignoreCase: boolean } {
  let i = 0;
  const top: Frame = { fold: false, dotAll: false, multiline: false };
  let ignoreCase = false;
  // Leading flags apply to the whole pattern: a case-insensitive rule keeps a JavaScript flag.
  for (let m = /^\(\?([a-zA-Z]+)\)/.exec(source); m; m = /^\(\?([a-zA-Z]+)\)/.exec(source.slice(i))) {
    applyFlags(top, m[1] ?? '', true);
    i += m[0].length;
  }
  if (top.fold && options.ignoreCaseFlag) {
    ignoreCase = true;
    top.fold = false;
  }
  const stack: Frame[] = [top];
  const frame = (): Frame => stack[stack.length - 1] as Frame;
  let out = '';
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\\') {
      const [text, used] = escape(source, i, frame().fold);
      out += text;
      i += used;
    } else if (c === '[') {
      const [text, used] = charClass(source, i, frame().fold);
      out += text;
      i += used;
    } else if (c === '(') {
      const flagsOnly = /^\(\?([a-zA-Z-]+)\)/.exec(source.slice(i));
      if (flagsOnly) {
        // `(?i)` mid-pattern: from here to the end of the enclosing group.
        applyFlags(frame(), flagsOnly[1] ?? '', false);
        i += flagsOnly[0].length;
        continue;
      }
      const inner: Frame = { ...frame() };
      const flagGroup = /^\(\?([a-zA-Z-]+):/.exec(source.slice(i));
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
      if (flagGroup) {
        applyFlags(inner, flagGroup[1] ?? '', false);
        out += '(?:';
        i += flagGroup[0].length;
      } else if (named) {
        out += `(?<${named[1] ?? ''}>`;
        i += named[0].length;
      } else if (source.startsWith('(?:', i)) {
        out += '(?:';
        i += 3;
      } else if (source.startsWith('(?', i)) {
        throw new Refusal(`unsupported group syntax "${source.slice(i, i + 4)}"`);
      } else {
        out += '(';
        i += 1;
      }
      stack.push(inner);
    } else if (c === ')') {
      if (stack.length === 1) throw new Refusal('unbalanced ")"');
      stack.pop();
      out += ')';
      i += 1;
    } else if (c === '.' && frame().dotAll) {
      out += '[\\s\\S]';
      i += 1;
    } else if (c === '^' && frame().multiline) {
      out += '(?<=^|\\n)';
      i += 1;
    } else if (c === '$' && frame().multiline) {
      out += '(?=\\n|$)';
      i += 1;
    } else {
      out += frame().fold ? foldLetter(c) : c;
      i += 1;
    }
  }
  if (stack.length !== 1) throw new Refusal('unbalanced "("');
  try {
    new RegExp(out, ignoreCase ? 'i' : '');
  } catch (error) {
    throw new Refusal(`does not compile as JavaScript: ${(error as Error).message}`);
  }
  return { pattern: out, ignoreCase };
}

function applyFlags(frame: Frame, flags: string, leading: boolean): void {
  let on = true;
  for (const f of flags) {
    if (f === '-') on = false;
    else if (f === 'i') frame.fold = on;
    else if (f === 's') frame.dotAll = on;
    else if (f === 'm') frame.multiline = on;
    else if (f === 'U') throw new Refusal('ungreedy mode (?U) has no JavaScript equivalent');
    else throw new Refusal(`unknown flag "${f}"${leading ? '' : ' in a group'}`);
  }
}

/** An escape outside a class: its JavaScript text and how many source characters it used. */
function escape(source: string, i: number, fold: boolean): [string, number] {
  const next = source[i + 1];
  if (next === undefined) throw new Refusal('trailing backslash');
  if (next === 'Q') {
    const end = source.indexOf('\\E', i + 2);
    const literal = source.slice(i + 2, end === -1 ? source.length : end);
    const text = [...literal].map((ch) => (fold ? foldLetter(ch) : ch)).map((ch) => (ch.length > 1 ? ch : escapeLiteral(ch))).join('');
    return [text, (end === -1 ? source.length : end + 2) - i];
  }
  if (next === 'z') return ['(?![\\s\\S])', 2];
  if (next === 'A') return ['(?<![\\s\\S])', 2];
  if (next === 'x' && source[i + 2] === '{') return [hexEscape(source, i), source.indexOf('}', i) + 1 - i];
  if (next === 'p' || next === 'P') throw new Refusal('Unicode classes (\\p, \\P) need the u flag, which rules do not use');
  if (next === 'C') throw new Refusal('\\C (any byte) has no JavaScript equivalent');
  if (/[0-9]/.test(next)) throw new Refusal('octal escapes (\\1…\\7) read as back-references in JavaScript');
  return [`\\${next}`, 2];
}

function hexEscape(source: string, i: number): string {
  const end = source.indexOf('}', i);
  const code = Number.parseInt(source.slice(i + 3, end), 16);
  if (end === -1 || !Number.isFinite(code)) throw new Refusal('malformed \\x{…} escape');
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  throw new Refusal('\\x{…} beyond U+FFFF needs the u flag, which rules do not use');
}

/** A bracket expression: POSIX classes expanded, a leading `]` escaped, letters folded in `(?i:…)`. */
function charClass(source: string, start: number, fold: boolean): [string, number] {
  let i = start + 1;
  let out = '[';
  if (source[i] === '^') {
    out += '^';
    i += 1;
  }
  const extra: string[] = [];
  let first = true;
  for (;;) {
    const c = source[i];
    if (c === undefined) throw new Refusal('unterminated character class');
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && source[i + 1] === ':') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(i));
      const body = m ? POSIX_CLASSES[m[2] ?? ''] : undefined;
      if (!m || body === undefined) throw new Refusal(`unknown POSIX class "${source.slice(i, i + 12)}"`);
      if (m[1] === '^') throw new Refusal(`negated POSIX class "${m[0]}" has no JavaScript equivalent`);
      out += body;
      i += m[0].length;
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'p' || next === 'P') throw new Refusal('Unicode classes (\\p, \\P) need the u flag, which rules do not use');
      if (next === 'x' && source[i + 2] === '{') {
        out += hexEscape(source, i);
        i = source.indexOf('}', i) + 1;
        continue;
      }
      out += `\\${next ?? ''}`;
      i += 2;
      continue;
    }
    const range = /^([A-Za-z])-([A-Za-z])/.exec(source.slice(i));
    if (fold && range) {
      extra.push(swapCase(range[1] ?? '') + '-' + swapCase(range[2] ?? ''));
      out += range[0];
      i += 3;
      continue;
    }
    if (fold && /[A-Za-z]/.test(c)) extra.push(swapCase(c));
    out += c === ']' || c === '[' ? `\\${c}` : c;
    i += 1;
  }
  return [`${out}${extra.join('')}]`, i + 1 - start];
}

/** A letter as a class of both its cases; anything else (an operator, a digit) as it is. */
function foldLetter(c: string): string {
  return /[A-Za-z]/.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
}

function swapCase(c: string): string {
  return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

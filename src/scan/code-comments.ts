/**
 * Whether a secret sits in a comment of a code file: on a line that, up to the secret, starts with a
 * comment marker (`#`, `//`, `/*`, ` * ` inside a block comment, `<!--`, `-- `), or in Python inside a
 * docstring (a triple-quoted string standing as a statement of its own). Such a finding is
 * documentation of the code around it (context.ts makes it `docs`); a provider key with a proven
 * structure still counts as an incident there (fixture-policy.ts).
 *
 * Only code files are judged: in configuration and `.env` files a `#` line is a setting switched
 * off, and a credential left in one is as live as any other. A C preprocessor line (`#define`) and
 * attributes or shebangs (`#[…]`, `#!`) are code, not comments, and a triple-quoted string given to a
 * name (`QUERY = """…"""`) is data, unless the name says it is documentation (`EXAMPLES`, `USAGE`).
 */
import { fileKind } from '../engine/generic/names.js';

const COMMENT_START = /^[ \t]*(?:#(?![!{[])(?![ \t]*(?:define|include|if|ifdef|ifndef|else|elif|endif|pragma|undef|error|warning|region|endregion|import|line)\b)|\/\/|\/\*|\*(?!\/)|<!--|--[ \t])/;

/** The comments of one text, asked about position by position (docstrings found once, when first needed). */
export class CodeComments {
  private readonly code: boolean;
  private readonly python: boolean;
  /** Flat [start, end) pairs of the docstrings' contents, in order. */
  private docstrings: number[] | undefined;

  constructor(
    private readonly text: string,
    path: string | undefined,
  ) {
    this.code = fileKind(path) === 'code';
    this.python = path !== undefined && /\.pyi?$/i.test(path);
  }

  /** Whether text[at] is inside a comment. */
  has(at: number): boolean {
    if (!this.code) return false;
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    // The marker is at the start of the line: a short look is enough.
    if (COMMENT_START.test(this.text.slice(lineStart, Math.min(at, lineStart + 120)))) return true;
    if (!this.python) return false;
    this.docstrings ??= docstringRanges(this.text);
    // The last docstring starting at or before `at` (binary search: a file may hold thousands).
    const ranges = this.docstrings;
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges[mid * 2] as number) <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && at < (ranges[hi * 2 + 1] as number);
  }
}

/** Where the docstrings of a Python text hold their contents: one pass over its triple quotes. */
function docstringRanges(text: string): number[] {
  const out: number[] = [];
  const quotes = /"""|'''/g;
  for (let m = quotes.exec(text); m !== null; m = quotes.exec(text)) {
    const open = m.index;
    const close = text.indexOf(m[0], open + 3);
    if (close < 0) break;
    const lineStart = text.lastIndexOf('\n', open - 1) + 1;
    // A statement of its own (only indentation and a string prefix before it on its line), or text
    // given to a name that says it is documentation (`EXAMPLES = r'''…'''`, `parser.epilog = '''…'''`).
    if (/^[ \t]*(?:[\w.]*(?:EXAMPLES?|DOCUMENTATION|USAGE|HELP|EPILOG|__doc__|epilog|usage)[ \t]*=[ \t]*)?[rRuU]?$/.test(text.slice(lineStart, open))) out.push(open + 3, close);
    quotes.lastIndex = close + 3;
  }
  return out;
}

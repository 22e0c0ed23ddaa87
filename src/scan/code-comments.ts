/**
 * Whether a secret sits in a comment of a code file: on a line that, up to the secret, starts with a
 * comment marker (`#`, `//`, `/*`, ` * ` inside a block comment, `<!--`, `-- `), inside a block comment
 * that opens a line (a C-family `/*` comment, POD in Perl), or in Python inside a docstring
 * (a triple-quoted string standing as a statement of its own). Such a finding is
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

/** Languages whose block comments open with a slash and a star, as in C. */
const BLOCK_COMMENT_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|vue|svelte|php|java|kts?|scala|groovy|gradle|go|rs|c|h|cc|cpp|hpp|cxx|cs|swift|m|mm|dart|sol)$/i;

/** The comments of one text, asked about position by position (block comments found once, when first needed). */
export class CodeComments {
  private readonly code: boolean;
  /** How this language writes comments that span lines, or undefined when it has none we read. */
  private readonly blocks: ((text: string) => number[]) | undefined;
  /** Flat [start, end) pairs of the block comments' (or docstrings') contents, in order. */
  private ranges: number[] | undefined;

  constructor(
    private readonly text: string,
    path: string | undefined,
  ) {
    this.code = fileKind(path) === 'code';
    if (path === undefined) this.blocks = undefined;
    else if (/\.pyi?$/i.test(path)) this.blocks = docstringRanges;
    else if (/\.p[lm]$/i.test(path)) this.blocks = podRanges;
    else if (BLOCK_COMMENT_FILE.test(path)) this.blocks = blockCommentRanges;
  }

  /** Whether text[at] is inside a comment. */
  has(at: number): boolean {
    if (!this.code) return false;
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    // The marker is at the start of the line: a short look is enough.
    if (COMMENT_START.test(this.text.slice(lineStart, Math.min(at, lineStart + 120)))) return true;
    if (this.blocks === undefined) return false;
    this.ranges ??= this.blocks(this.text);
    // The last range starting at or before `at` (binary search: a file may hold thousands).
    const ranges = this.ranges;
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

/**
 * Block comments that open a line (`/*` after indentation only) and run to their close. A `/*` later
 * on a line may sit in a string (a glob such as `src/**` followed by `/*.js`), so only these are read; one pass.
 */
function blockCommentRanges(text: string): number[] {
  const out: number[] = [];
  const opens = /^[ \t]*\/\*/gm;
  for (let m = opens.exec(text); m !== null; m = opens.exec(text)) {
    const start = m.index + m[0].length;
    const close = text.indexOf('*/', start);
    if (close < 0) break;
    out.push(start, close);
    opens.lastIndex = close + 2;
  }
  return out;
}

/** Perl's documentation: POD blocks, from a line starting `=word` to the line `=cut` (or the end); one pass. */
function podRanges(text: string): number[] {
  const out: number[] = [];
  const opens = /^=[a-zA-Z]/gm;
  const cut = /^=cut\b/gm;
  for (let m = opens.exec(text); m !== null; m = opens.exec(text)) {
    cut.lastIndex = m.index + 1;
    const end = cut.exec(text);
    out.push(m.index, end === null ? text.length : end.index);
    if (end === null) break;
    opens.lastIndex = end.index + 4;
  }
  return out;
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
    // given to a name that says it is documentation (`EXAMPLES = r'''…'''`, `helps['vm create'] = '''…'''`).
    if (/^[ \t]*(?:[\w.]*(?:EXAMPLES?|DOCUMENTATION|USAGE|HELPS?|EPILOG|__doc__|epilog|usage|helps?|examples?)(?:\[[^\]\n]{0,120}\])?[ \t]*=[ \t]*)?[rRuU]?$/.test(text.slice(lineStart, open))) out.push(open + 3, close);
    quotes.lastIndex = close + 3;
  }
  return out;
}

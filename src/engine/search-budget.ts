/**
 * How much text one rule may search in one scan.
 *
 * A rule's regex runs at each of its keyword hits (anchored rules) or over windows around them.
 * Windows of one rule are merged, so a windowed rule reads each character of a text at most once.
 * An anchored rule does not merge: each run may look as far as its pattern reaches (a token of up
 * to 3,000 characters, say), and where keyword hits are dense (`fm2_=fm2_=…`, `pwd pwd …`) those
 * looks overlap, so the work grows with hits × reach. Each run is therefore charged how far it may
 * look: the pattern's reach in characters, cut just past its line for a pattern that cannot look
 * across a line break (most of them; a few may cross one or two, and are cut that many lines on).
 * A rule that would keep SEARCH_BASE of its budget even at full reach on every hit is charged
 * that without measuring each run (the rest is for text decoded from this one).
 *
 * A rule may spend SEARCH_BASE + SEARCH_PER_CHAR × (text length) in one scan, the text and
 * everything decoded from it together (so that many small decoded texts cannot each start afresh).
 * Past that its hits are coalesced: a run only at hits beyond where the previous run could look,
 * which keeps the work linear. Ordinary text stays far below the budget (the bench corpus and the
 * accuracy corpus never reach it); when a text does, the detector reports the rule and the offset
 * where coalescing began, and the scan lists it like any other skip.
 */

/** Characters any rule may search in a text, whatever its length. */
export const SEARCH_BASE = 1 << 20;
/** Further characters per character of the text. */
export const SEARCH_PER_CHAR = 32;

/** What one rule may search in a text of `length` characters. */
export function searchBudget(length: number): number {
  return SEARCH_BASE + SEARCH_PER_CHAR * length;
}

interface Span {
  /** Most characters the element consumes. */
  len: number;
  /** Furthest character, counted from where the element starts, that it may examine (lookaheads included). */
  reach: number;
  /** Most line breaks it may consume or look at. */
  lines: number;
}

/** How far one match attempt of a pattern may look from where it starts. */
export interface PatternExtent {
  /**
   * In characters: consumed characters plus what lookaheads and boundaries peek at (lookbehinds
   * look back and do not count). Infinity for unbounded quantifiers and backreferences.
   */
  readonly reach: number;
  /** In lines: how many line breaks it may cross (0: it never looks past the end of its line). */
  readonly lines: number;
}

/**
 * How far one match attempt of `pattern` may look. Read from the source like captureGroupCount
 * (compile.ts): start-up compiles every rule, and a regex parser costs more than the rest of a
 * pre-commit scan. The tests check this reading against @eslint-community/regexpp's AST for every
 * built-in rule.
 */
export function patternExtent(pattern: string): PatternExtent {
  const { reach, lines } = new PatternReader(pattern).alternation();
  return { reach, lines };
}

/** The character reach of `pattern` (see PatternExtent). */
export function patternReach(pattern: string): number {
  return patternExtent(pattern).reach;
}

/**
 * How far a run of a pattern that starts at `at` may look: `reach` characters, or less when the
 * pattern may cross only `lines` line breaks and the (lines + 1)-th one comes sooner (then just
 * past it), and never past the end of the text. Runs must ask in increasing order of `at`. Line
 * breaks found are kept until runs have passed them (also those beyond a run's reach, which later
 * runs ask about), so each character is searched once over all the runs of a text.
 */
export class LineLimits {
  private readonly breaks: number[] = [];
  private head = 0;
  /** text[0, searched) has been searched for line breaks. */
  private searched = 0;

  constructor(private readonly text: string) {}

  extent(at: number, reach: number, lines: number): number {
    const text = this.text;
    const limit = Math.min(text.length, at + reach);
    if (lines === Infinity) return limit - at;
    const breaks = this.breaks;
    while (this.head < breaks.length && (breaks[this.head] as number) < at) this.head++;
    if (this.head > 4096) {
      breaks.splice(0, this.head);
      this.head = 0;
    }
    this.searched = Math.max(this.searched, at);
    while (breaks.length - this.head <= lines && this.searched < limit) {
      const nl = text.indexOf('\n', this.searched);
      if (nl < 0) {
        this.searched = text.length;
        break;
      }
      breaks.push(nl);
      this.searched = nl + 1;
    }
    const last = breaks[this.head + lines];
    return last === undefined || last >= limit ? limit - at : last + 1 - at;
  }
}

/** A character, escape or class (its source) that can match a line break. */
const crossesLine = new Map<string, boolean>();
function matchesLineBreak(source: string): boolean {
  let known = crossesLine.get(source);
  if (known === undefined) {
    try {
      known = new RegExp(`^(?:${source})$`).test('\n');
    } catch {
      known = true;
    }
    crossesLine.set(source, known);
  }
  return known;
}

const UNBOUNDED: Span = { len: Infinity, reach: Infinity, lines: Infinity };

class PatternReader {
  private i = 0;

  constructor(private readonly p: string) {}

  /** Alternatives up to the closing `)` of the current group (or the end). */
  alternation(): Span {
    let best = this.sequence();
    while (this.p[this.i] === '|') {
      this.i++;
      const next = this.sequence();
      best = { len: Math.max(best.len, next.len), reach: Math.max(best.reach, next.reach), lines: Math.max(best.lines, next.lines) };
    }
    return best;
  }

  private sequence(): Span {
    let len = 0;
    let reach = 0;
    let lines = 0;
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const span = this.quantified(this.atom());
      reach = Math.max(reach, len + span.reach);
      len += span.len;
      lines += span.lines;
    }
    return { len, reach: Math.max(reach, len), lines };
  }

  private atom(): Span {
    const p = this.p;
    const from = this.i;
    const c = p[this.i++];
    switch (c) {
      case '\\':
        return this.escape(from);
      case '[':
        this.skipClass();
        return this.character(from);
      case '(':
        return this.group();
      case '^':
        return { len: 0, reach: 0, lines: 0 };
      case '$':
        return { len: 0, reach: 1, lines: 0 };
      default:
        return this.character(from);
    }
  }

  /** One character matched by the source from `from` to here. */
  private character(from: number): Span {
    return { len: 1, reach: 1, lines: matchesLineBreak(this.p.slice(from, this.i)) ? 1 : 0 };
  }

  private escape(from: number): Span {
    const p = this.p;
    const c = p[this.i++] ?? '';
    if (c === 'b' || c === 'B') return { len: 0, reach: 1, lines: 0 };
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(p[this.i] ?? '')) this.i++;
      return UNBOUNDED;
    }
    if (c === 'k' && p[this.i] === '<') {
      this.i = p.indexOf('>', this.i) + 1 || p.length;
      return UNBOUNDED;
    }
    // Rules compile without the `u` flag: `\x41`, `\u0042` and `\cJ` are one character, and an
    // escape that is not complete (`\p{L}`, `\u{43}`) is the letter itself.
    const hex = (count: number): boolean => new RegExp(`^[0-9A-Fa-f]{${count}}`).test(p.slice(this.i, this.i + count));
    if (c === 'x' && hex(2)) this.i += 2;
    else if (c === 'u' && hex(4)) this.i += 4;
    else if (c === 'c' && /[A-Za-z]/.test(p[this.i] ?? '')) this.i += 1;
    return this.character(from);
  }

  private skipClass(): void {
    const p = this.p;
    while (this.i < p.length && p[this.i] !== ']') this.i += p[this.i] === '\\' ? 2 : 1;
    this.i++;
  }

  private group(): Span {
    const p = this.p;
    let kind: 'plain' | 'ahead' | 'behind' = 'plain';
    if (p[this.i] === '?') {
      const next = p[this.i + 1];
      if (next === '=' || next === '!') {
        kind = 'ahead';
        this.i += 2;
      } else if (next === '<' && (p[this.i + 2] === '=' || p[this.i + 2] === '!')) {
        kind = 'behind';
        this.i += 3;
      } else if (next === '<') {
        this.i = p.indexOf('>', this.i) + 1;
      } else {
        // (?:…) and modifier groups such as (?i:…)
        this.i = p.indexOf(':', this.i) + 1;
      }
    }
    const inner = this.alternation();
    this.i++; // ')'
    if (kind === 'ahead') return { len: 0, reach: inner.reach, lines: inner.lines };
    if (kind === 'behind') return { len: 0, reach: 0, lines: 0 };
    return inner;
  }

  /** Apply a quantifier after an atom, if there is one. */
  private quantified(span: Span): Span {
    const p = this.p;
    let max: number;
    const c = p[this.i];
    if (c === '*' || c === '+') {
      max = Infinity;
      this.i++;
    } else if (c === '?') {
      max = 1;
      this.i++;
    } else if (c === '{') {
      const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(p.slice(this.i, this.i + 24));
      if (m === null) return span; // a literal `{`
      max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else {
      return span;
    }
    if (p[this.i] === '?') this.i++; // lazy
    if (max === 0) return { len: 0, reach: 0, lines: 0 };
    if (max === Infinity) {
      if (span.len === 0) return span;
      return { len: Infinity, reach: Infinity, lines: span.lines > 0 ? Infinity : 0 };
    }
    // (max - 1) × an unbounded length is unbounded, and only the last repetition's reach goes further.
    return { len: max * span.len, reach: max === 1 ? span.reach : (max - 1) * span.len + span.reach, lines: max * span.lines };
  }
}

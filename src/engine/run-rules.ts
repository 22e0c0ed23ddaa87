/**
 * A rule's regex run where the keyword pass sent it: an anchored rule as a sticky regex at each of
 * its keyword hits (behind its precheck, charged against the rule's search budget), any other rule
 * over each of its windows. Every match goes through the candidate checks (accept.ts).
 */
import type { CandidateFilter } from './accept.js';
import type { Candidate } from './candidate.js';
import type { CompiledRule } from './compile.js';
import { LineLimits, patternExtent, SEARCH_BASE, type PatternExtent } from './search-budget.js';
import type { ScanState } from './scan-work.js';

/** Runs the rules of one detector; the rule index is the gate index of windows.ts. */
export class RuleRuns {
  /** Per rule: how far one run of its pattern may look, worked out when first needed. */
  private readonly extents: (PatternExtent | undefined)[];

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly filter: CandidateFilter,
  ) {
    this.extents = new Array<PatternExtent | undefined>(rules.length);
  }

  /** How far one run of rule `gate` may look (see search-budget.ts), worked out on first use. */
  private extentOf(gate: number): PatternExtent {
    let extent = this.extents[gate];
    if (extent === undefined) {
      extent = patternExtent((this.rules[gate] as CompiledRule).rule.pattern);
      this.extents[gate] = extent;
    }
    return extent;
  }

  /**
   * Run an anchored rule as a sticky regex at each of its keyword hits, each run charged how far it
   * may look against the rule's budget for the scan; past the budget, hits before the point the
   * previous run could look to are coalesced into it (not searched), and the scan is told where
   * that began.
   */
  anchored(gate: number, text: string, list: Int32Array, length: number, out: Candidate[], vetoed: number[], state: ScanState): void {
    const compiled = this.rules[gate] as CompiledRule;
    const sticky = compiled.sticky;
    const precheck = compiled.precheck;
    // Hits arrive ordered by where they end; a longer keyword can start before a shorter one.
    for (let i = 1; i < length; i++) {
      if ((list[i] as number) < (list[i - 1] as number)) {
        list.subarray(0, length).sort();
        break;
      }
    }
    const { reach, lines } = this.extentOf(gate);
    // When every hit could look its full reach and the rule would still keep SEARCH_BASE of its
    // budget (for the text decoded from this one), runs are counted and charged together at their
    // full reach; otherwise each is measured and charged.
    const lineLimits = reach * length <= state.left(gate) - SEARCH_BASE ? undefined : new LineLimits(text);
    let runs = 0;
    let nextRun = -1;
    let coalesced = 0;
    let coalescedFrom = -1;
    let covered = -1;
    let prev = -1;
    for (let i = 0; i < length; i++) {
      const at = list[i] as number;
      if (at < covered || at === prev) continue; // inside the previous match, as a scanning regex would skip it
      prev = at;
      if (precheck && !precheck(text, at)) continue;
      if (lineLimits === undefined) runs++;
      else {
        if (at < nextRun) {
          if (coalesced++ === 0) coalescedFrom = at;
          continue;
        }
        // How far this run may look; once the rule's budget is spent, the next run waits until then.
        const extent = lineLimits.extent(at, reach, lines);
        if (!state.charge(gate, extent)) nextRun = at + extent;
      }
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m === null) continue;
      covered = at + m[0].length;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === undefined || span === undefined || secret.length === 0) continue;
      const candidate = this.filter.accept(compiled, secret, span[0], span[1], text, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
    if (runs > 0) state.charge(gate, runs * Math.min(reach, text.length));
    if (coalesced > 0) {
      state.work.coalesced += coalesced;
      state.limit('rule-search', coalescedFrom, coalesced, compiled.rule.id);
    }
  }

  windowed(compiled: CompiledRule, text: string, a: number, b: number, out: Candidate[], vetoed: number[]): void {
    const regex = compiled.regex;
    const slice = a === 0 && b === text.length ? text : text.slice(a, b);
    const requires = compiled.rule.requires;
    if (requires.length > 0 && !includesAny(slice, requires)) return;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(slice)) !== null) {
      if (m[0].length === 0) regex.lastIndex++;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === undefined || span === undefined || secret.length === 0) continue;
      const candidate = this.filter.accept(compiled, secret, a + span[0], a + span[1], text, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
  }
}

function includesAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

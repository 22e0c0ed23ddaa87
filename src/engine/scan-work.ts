/**
 * The bookkeeping of one scan: what it cost (in units that do not depend on the machine), and what
 * its budgets cut short. One ScanState serves a scan call and every decoding depth under it.
 */
import { DecodeBudget } from './decode/budget.js';
import { searchBudget } from './search-budget.js';

/** Decoded text per scan (all depths together) is capped so a hostile file cannot make decoding expensive. */
const MAX_DECODED_CHARS = 1 << 20;

/** What one scan cost, in units that do not depend on the machine (for tests and the stress bench). */
export interface ScanWork {
  /** Characters rule regexes were given to search: each window's length, each anchored run's reach. */
  searched: number;
  /** Characters of encoded text decoded, over all depths. */
  decoded: number;
  /** Keyword hits of anchored rules left unsearched because their rule's budget was spent. */
  coalesced: number;
  /** The most any one rule was charged in the scan (compare with searchBudget of the text's length). */
  busiestRule: number;
}

/** A part of a text that a budget kept the scan from searching in full. */
export interface ScanLimit {
  /** `rule-search`: a rule's hits were coalesced; `decoding`: encoded values were left undecoded. */
  readonly kind: 'rule-search' | 'decoding';
  readonly ruleId?: string;
  /** Offset in the scanned text where it began (for encoded text: the outermost encoded value). */
  readonly offset: number;
  /** Keyword hits coalesced, or encoded values left undecoded. */
  readonly count: number;
}

/** The bookkeeping of one scan call, shared by every decoding depth. */
export class ScanState {
  readonly work: ScanWork = { searched: 0, decoded: 0, coalesced: 0, busiestRule: 0 };
  readonly limits: ScanLimit[] = [];
  readonly decode = new DecodeBudget(MAX_DECODED_CHARS);
  /**
   * What each anchored rule may still search in this scan: one budget for the scanned text and
   * everything decoded from it, so many small decoded texts cannot each start a budget afresh.
   */
  private readonly budget: number;

  /** `searchLeft` holds one entry per rule; it is the detector's, reused from scan to scan. */
  constructor(
    private readonly searchLeft: Float64Array,
    length: number,
  ) {
    this.budget = searchBudget(length);
    searchLeft.fill(this.budget);
  }

  /** What rule `gate` may still search. */
  left(gate: number): number {
    return this.searchLeft[gate] as number;
  }

  /** Charge `chars` of searching to rule `gate`; false once its budget is spent. */
  charge(gate: number, chars: number): boolean {
    this.work.searched += chars;
    const left = (this.searchLeft[gate] as number) - chars;
    this.searchLeft[gate] = left;
    if (this.budget - left > this.work.busiestRule) this.work.busiestRule = this.budget - left;
    return left >= 0;
  }

  /** Record a cut: one entry per kind and rule per scan, at the first offset, counting them all. */
  limit(kind: ScanLimit['kind'], offset: number, count: number, ruleId?: string): void {
    const nestedAt = this.decode.nestedAt;
    const at = nestedAt >= 0 ? nestedAt : offset;
    const same = this.limits.find((l) => l.kind === kind && l.ruleId === ruleId) as { offset: number; count: number } | undefined;
    if (same === undefined) this.limits.push({ kind, ruleId, offset: at, count });
    else {
      same.count += count;
      same.offset = Math.min(same.offset, at);
    }
  }
}

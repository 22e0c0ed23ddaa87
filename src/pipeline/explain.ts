/**
 * `scan --explain`: gathers what was not reported — the engine's rejections (from the scanner) and
 * the findings dropped afterwards by the allowlisted fingerprints, the minimum confidence and the
 * baseline — into one capped, ordered list for the report.
 */
import type { Finding } from '../findings/finding.js';
import { compareRejections, MAX_LISTED_REJECTIONS, rejectionOf, type Explanation, type Rejection } from '../findings/rejection.js';
import type { DropListener } from './steps/filter.js';

export class ExplainCollector {
  private readonly rejected: Rejection[] = [];
  private notListed = 0;

  private add(r: Rejection): void {
    if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push(r);
    else this.notListed++;
  }

  /** What a scanner's takeRejections() gave. */
  addEngine(explanation: Explanation): void {
    for (const r of explanation.rejected) this.add(r);
    this.notListed += explanation.notListed;
  }

  /** For the steps that drop findings (allowlist, confidence, baseline). */
  readonly drop: DropListener = (finding: Finding, reason, detail) => this.add(rejectionOf(finding, reason, detail));

  /** The list in report order; raw values only when the user asked to see secrets. */
  explanation(showSecrets: boolean): Explanation {
    const rejected = this.rejected
      .map((r) => {
        if (showSecrets || r.secret === undefined) return r;
        const { secret: _secret, ...rest } = r;
        return rest;
      })
      .sort(compareRejections);
    return { rejected, notListed: this.notListed };
  }
}

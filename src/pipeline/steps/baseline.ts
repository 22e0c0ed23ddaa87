/** Step 5, baseline: findings a team already accepted (`--baseline FILE`, the Action's `baseline`) are not reported again. */
import { subtractBaseline, type Baseline } from '../../findings/baseline.js';
import type { Finding } from '../../findings/finding.js';
import type { DropListener } from './filter.js';

export interface BaselineInput {
  baseline: Baseline;
  /** The file it was read from, as the user named it. */
  file: string;
}

export function applyBaseline(findings: Finding[], input: BaselineInput, onDrop?: DropListener): Finding[] {
  const kept = subtractBaseline(findings, input.baseline);
  if (onDrop) {
    const left = new Set(kept);
    for (const f of findings) if (!left.has(f)) onDrop(f, 'baseline', `recorded in the baseline ${input.file}`);
  }
  return kept;
}

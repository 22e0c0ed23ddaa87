/**
 * Step 2, context policy: where a finding sits (source, test, docs, example, vendored or generated
 * code; a fixture or an incident) may change whether and how it is reported. Its place in the order
 * is fixed: after the allowlists, before the confidence threshold and the baseline, so that what an
 * allowlist removes is never classified and what this step decides is what the baseline and
 * --explain see. The classification (src/findings/context.ts) and the fixture-or-incident policy
 * (src/findings/fixture-policy.ts) plug in here; until then the step reports every finding.
 */
import type { FindingFilter } from './filter.js';

export function contextFilter(): FindingFilter {
  return { name: 'context', drop: () => undefined };
}

/**
 * Step 2, context policy: where a finding sits (a test fixture, documentation, an incident ticket)
 * may change whether and how it is reported. Its place in the order is reserved: after the
 * allowlists, before the confidence threshold. It reports every finding for now.
 */
import type { FindingFilter } from './filter.js';

export function contextFilter(): FindingFilter {
  return { name: 'context', drop: () => undefined };
}

/** What the filtering steps have in common: each drops findings one at a time, saying why. */
import type { Finding } from '../../findings/finding.js';
import type { RejectionReason } from '../../findings/rejection.js';

/** Why a filter dropped a finding, as `scan --explain` lists it. */
export interface Drop {
  reason: Extract<RejectionReason, 'allowlist' | 'confidence'>;
  detail: string;
}

/** Told of each finding a step dropped (for --explain). */
export type DropListener = (finding: Finding, reason: Drop['reason'] | 'baseline', detail: string) => void;

export interface FindingFilter {
  readonly name: string;
  /** Record what the step decides on a finding it keeps (the context step: context and disposition). */
  mark?(finding: Finding): void;
  /** Why `finding` is not reported, or undefined to keep it. */
  drop(finding: Finding): Drop | undefined;
}

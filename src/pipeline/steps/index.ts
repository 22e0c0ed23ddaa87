/**
 * The steps every scan's findings go through, in this order (secretlint's `messages/` is the model:
 * one small module per step):
 *
 * 1. allowlist   allowlist.paths, regexes, stopwords, fingerprints, commits (allowlist.ts)
 * 2. context     where a finding sits and whether it counts: incident or fixture (context.ts)
 * 3. confidence  the minimum confidence (confidence.ts)
 * 4. order       the stable report order (compareFindings)
 * 5. baseline    findings already accepted (baseline.ts)
 * 6. verify      provider checks, when asked for (verify.ts)
 * 7. strip       raw secrets out unless --show-secrets (strip-secrets.ts)
 *
 * Steps 1 and 3 drop findings one at a time, each saying why (the first that drops a finding is the
 * reason --explain gives); step 2 drops nothing and marks each finding it is given. src/pipeline/run.ts
 * runs them all.
 */
import type { ScanSettings } from '../../config/settings.js';
import { compareFindings, type Finding } from '../../findings/finding.js';
import type { Confidence } from '../../rules/schema.js';
import { allowlistFilter } from './allowlist.js';
import { confidenceFilter } from './confidence.js';
import { contextFilter, type ContextInput } from './context.js';
import type { DropListener, FindingFilter } from './filter.js';

export type { DropListener };

/** Steps 1 to 3, in order. */
export function findingFilters(settings: ScanSettings, minConfidence?: Confidence, context?: ContextInput): FindingFilter[] {
  return [allowlistFilter(settings), contextFilter(settings, context), confidenceFilter(settings, minConfidence)];
}

/** Steps 1 to 4: the findings the configuration lets through, in report order, each with its context and disposition. */
export function applyReportFilters(
  findings: Finding[],
  settings: ScanSettings,
  minConfidence?: Confidence,
  onDrop?: DropListener,
  context?: ContextInput,
): Finding[] {
  const filters = findingFilters(settings, minConfidence, context);
  return findings
    .filter((f) => {
      for (const filter of filters) {
        const drop = filter.drop(f);
        if (drop) {
          onDrop?.(f, drop.reason, drop.detail);
          return false;
        }
        filter.mark?.(f);
      }
      return true;
    })
    .sort(compareFindings);
}

/** Step 3, confidence: findings below the minimum (`--min-confidence`, else `min_confidence`) are not reported. */
import type { ScanSettings } from '../../config/settings.js';
import type { Confidence } from '../../rules/schema.js';
import type { FindingFilter } from './filter.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export function confidenceFilter(settings: ScanSettings, minConfidence?: Confidence): FindingFilter {
  const min = minConfidence ?? settings.minConfidence;
  const source = minConfidence !== undefined ? '--min-confidence' : 'min_confidence in the configuration';
  return {
    name: 'confidence',
    drop(f) {
      if (min === undefined || CONFIDENCE_RANK[f.confidence] >= CONFIDENCE_RANK[min]) return undefined;
      return { reason: 'confidence', detail: `confidence ${f.confidence} is below the minimum ${min} (${source})` };
    },
  };
}

/** The sprawl report as JSON, for other tools: `SprawlReport` (model.ts) as it is, its shape documented in the README ("Sprawl report"). */
import type { SprawlReport } from './model.js';

export function formatSprawlJson(report: SprawlReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

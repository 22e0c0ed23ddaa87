/** `sprawlguard baseline create` and reading baseline files for `scan --baseline`. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createBaseline, parseBaseline, type Baseline } from '../findings/baseline.js';
import type { Report } from '../findings/finding.js';
import { UsageError } from './errors.js';

export const DEFAULT_BASELINE = '.sprawlguard-baseline.json';

export async function readBaselineFile(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`baseline ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`baseline ${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseBaseline(raw);
  if (typeof parsed === 'string') throw new UsageError(`baseline ${file}: ${parsed}`);
  return parsed;
}

/**
 * Write the report's findings as a baseline. With `keepExisting`, entries already in the file stay
 * (a change was accepted on top of earlier ones); `kept` counts those not found again.
 */
export async function writeBaselineFile(report: Report, file: string, options: { keepExisting?: boolean } = {}): Promise<{ written: number; kept: number }> {
  const baseline = createBaseline(report.findings);
  let kept = 0;
  if (options.keepExisting && existsSync(file)) {
    const key = (e: { ruleId: string; fingerprint: string; path: string }): string => `${e.ruleId}\0${e.fingerprint}\0${e.path}`;
    const fresh = new Set(baseline.findings.map(key));
    const earlier = (await readBaselineFile(file)).findings.filter((e) => !fresh.has(key(e)));
    kept = earlier.length;
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    baseline.findings = [...baseline.findings, ...earlier].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  }
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return { written: baseline.findings.length, kept };
}

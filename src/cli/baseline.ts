/** `sprawlguard baseline create` and reading baseline files for `scan --baseline`. */
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
    throw new UsageError(`--baseline ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--baseline ${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseBaseline(raw);
  if (typeof parsed === 'string') throw new UsageError(`--baseline ${file}: ${parsed}`);
  return parsed;
}

export async function writeBaselineFile(report: Report, file: string): Promise<number> {
  const baseline = createBaseline(report.findings);
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline.findings.length;
}

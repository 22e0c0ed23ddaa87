/**
 * Every built-in rule on its own stress inputs (src/engine/rule-stress.ts), timed in a fresh
 * process on the compiled `lib/`: CPU time per input, the detector's work counters, and how much
 * the heap grew during the scan (what the scan allocated, less what a collection during it freed:
 * forcing a collection before each of thousands of inputs would cost more than the scans). Run as
 * its own process (`node --import tsx bench/lib/rule-stress-run.ts <size>`), it prints one JSON object.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as BuiltinRules from '../../src/config/builtin-rules.js';
import type * as Detector from '../../src/engine/detector.js';
import type * as RuleStress from '../../src/engine/rule-stress.js';
import { measureNodeCli } from './measure.js';
import { importCompiled } from './paths.js';

export interface RuleStressRow {
  ruleId: string;
  shape: string;
  label: string;
  chars: number;
  cpuMs: number;
  secondsPerMB: number;
  searched: number;
  coalesced: number;
  heapGrowthBytes: number;
}

export interface RuleStressResult {
  rules: number;
  rows: RuleStressRow[];
  wallMs: number;
  maxRssBytes: number;
}

async function stressAll(size: number): Promise<{ rules: number; rows: RuleStressRow[] }> {
  const { loadBuiltinRules } = await importCompiled<typeof BuiltinRules>('config/builtin-rules.js');
  const { Detector: DetectorClass } = await importCompiled<typeof Detector>('engine/detector.js');
  const { stressInputs } = await importCompiled<typeof RuleStress>('engine/rule-stress.js');
  const rules = loadBuiltinRules();
  const rows: RuleStressRow[] = [];
  for (const rule of rules) {
    const detector = new DetectorClass([rule], { inlineAllow: false });
    for (const input of stressInputs(rule, size)) {
      const heapBefore = process.memoryUsage().heapUsed;
      const cpu = process.cpuUsage();
      const { work } = detector.scanWithWork(input.text);
      const used = process.cpuUsage(cpu);
      const heapGrowthBytes = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
      const cpuMs = (used.user + used.system) / 1000;
      rows.push({
        ruleId: rule.id,
        shape: input.shape,
        label: input.label,
        chars: input.text.length,
        cpuMs,
        secondsPerMB: cpuMs / 1000 / (input.text.length / 1e6),
        searched: work.searched,
        coalesced: work.coalesced,
        heapGrowthBytes,
      });
    }
  }
  return { rules: rules.length, rows };
}

const thisFile = fileURLToPath(import.meta.url);

/** Stress every rule at `size` characters per input in a fresh process. */
export async function runRuleStress(size: number): Promise<RuleStressResult> {
  const run = await measureNodeCli(thisFile, [String(size)], { nodeArgs: ['--import', 'tsx'] });
  if (run.exitCode !== 0) throw new Error(`rule stress exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 2000)}`);
  const result = JSON.parse(run.stdout) as { rules: number; rows: RuleStressRow[] };
  return { ...result, wallMs: run.wallMs, maxRssBytes: run.maxRssBytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  const size = Number(process.argv[2] ?? 65_536);
  process.stdout.write(`${JSON.stringify(await stressAll(size))}\n`);
}

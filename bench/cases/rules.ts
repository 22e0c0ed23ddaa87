/**
 * Rule patterns on adversarial input: every built-in rule alone, on long runs of the characters its
 * pattern likes, with and without its keywords. A catastrophic (backtracking) pattern takes minutes
 * here; a linear one milliseconds. The rule linter checks linear-time structure without running
 * anything (src/rules/linear-time.ts); this measures it. Target: every rule under 3 s on each input.
 */
import type * as DetectorModule from '../../src/engine/detector.js';
import type * as RulePackModule from '../../src/config/rule-pack.js';
import type { BenchContext } from '../run.js';
import { importCompiled } from '../lib/paths.js';
import { formatSeconds, formatTable, printTable } from '../lib/table.js';

const TARGET_MS = 3000;
const NOW = Date.parse('2026-11-27T00:00:00Z');

/** The inputs the rule tests used to time, built around the rule's first keyword. */
function adversarialInputs(keyword: string, quick: boolean): string[] {
  const scale = quick ? 4 : 1;
  return [
    (keyword + 'A1b2C3d4-_.=/+').repeat(4000 / scale),
    'a'.repeat(60_000 / scale),
    (keyword + ' ').repeat(20_000 / scale),
    (keyword + '=' + 'x1'.repeat(40) + '\n').repeat(1000 / scale),
  ];
}

export default async function rulesBenchmark(ctx: BenchContext): Promise<void> {
  const { Detector } = await importCompiled<typeof DetectorModule>('engine/detector.js');
  const { loadBuiltinRules } = await importCompiled<typeof RulePackModule>('config/rule-pack.js');
  const rules = loadBuiltinRules();
  const times: { id: string; input: number; ms: number }[] = [];
  for (const rule of rules) {
    const detector = new Detector([rule], { now: NOW });
    adversarialInputs(rule.keywords[0] ?? 'a', ctx.quick).forEach((input, index) => {
      const started = performance.now();
      detector.scan(input);
      times.push({ id: rule.id, input: index + 1, ms: performance.now() - started });
    });
  }
  times.sort((a, b) => b.ms - a.ms);
  const slow = times.filter((t) => t.ms >= TARGET_MS);
  ctx.log(`${rules.length} rules × 4 adversarial inputs${ctx.quick ? ' (a quarter of the length)' : ''}; the slowest:`);
  printTable(ctx.log, '  ', formatTable(['rule', 'input', 'time'], times.slice(0, 10).map((t) => [t.id, String(t.input), formatSeconds(t.ms)])));
  ctx.log(`  target: every rule under ${formatSeconds(TARGET_MS)} on each input → ${slow.length === 0 ? 'met' : `NOT met (${slow.map((t) => `${t.id} on input ${t.input}`).join(', ')})`}`);
}

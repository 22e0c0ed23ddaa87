/**
 * Hostile input through the real CLI: one row per input shape (a generated file scanned with
 * `sprawlguard scan FILE --jobs 1`), with its size, wall and CPU seconds, peak RSS, what the scan
 * reported as cut short, and a verdict against the shape's budget in CPU seconds per MB (one core,
 * measured in CPU time so that other load on a shared machine does not decide it). A row that runs
 * past its time limit is killed and fails.
 *
 * Then every rule on its own stress inputs (src/engine/rule-stress.ts: keyword floods, near
 * misses, unterminated tokens), in one child process: the slowest rules and any over budget.
 *
 * Adding a shape is one entry in SHAPES: a name, a generator, a budget. Shapes for other commands
 * (`tickets` on a ZIP bomb, a hostile CSV) set `fileName` and `args`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/findings/finding.js';
import type { BenchContext } from '../run.js';
import { harWithFormBody, base64Line, base64Lines, minifiedLine, nestedEncodings, percentRun, repeatTo } from '../lib/hostile-inputs.js';
import { cpuMs, measureNodeCli } from '../lib/measure.js';
import { sprawlguardBin } from '../lib/paths.js';
import { runRuleStress } from '../lib/rule-stress-run.js';
import { createSecretFactory } from '../lib/secrets.js';
import { Random } from '../lib/random.js';
import { formatMB, formatSeconds, formatTable, MB, printTable } from '../lib/table.js';

/** The target from the engine's hardening work: every shape at most this many CPU seconds per MB. */
const DEFAULT_BUDGET = 3;
/** Peak RSS any shape's scan (and the rule stress process) may reach, as the tickets bench asks of a 500 MB export. */
const DEFAULT_RSS_BUDGET = 300_000_000;

/** What a generator may use: a fresh fake secret (format-valid, never a real credential). */
interface Planted {
  githubToken(): string;
}

export interface HostileShape {
  name: string;
  /** Characters at full size; `--quick` runs use quickSize (default a quarter, at least 64 KB). */
  size: number;
  quickSize?: number;
  generate(size: number, planted: Planted): string | Uint8Array;
  /** CPU seconds per MB (10^6 bytes) of input the scan may take. */
  budgetSecondsPerMB: number;
  /** Peak RSS the scan may reach, bytes (default 300 MB). */
  budgetRssBytes?: number;
  /** Findings the scan must report (secrets the generator planted); a scan that loses one fails. */
  expectFindings?: number;
  fileName?: string;
  /** The command line for the generated file; default `scan FILE --jobs 1 --format json --no-git`. */
  args?: (file: string) => string[];
}

const scanArgs = (file: string): string[] => ['scan', file, '--jobs', '1', '--format', 'json', '--no-git'];

/** The top rules' keywords, each flooded with the separator it is usually written with. */
const KEYWORD_FLOODS: readonly [string, string][] = [
  ['password=', 'password='],
  ['secret: ', 'secret: '],
  ['token=', 'token='],
  ['api_key=', 'api_key='],
  ['://', 'https://'],
  ['Authorization: Bearer ', 'Authorization: Bearer '],
  ['-----BEGIN PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----\n'],
  ['AKIA', 'AKIA'],
  ['ghp_', 'ghp_'],
  ['eyJ (JWT)', 'eyJ'],
];

export const SHAPES: readonly HostileShape[] = [
  { name: '%2F × 80,000', size: 240_000, quickSize: 240_000, generate: () => '%2F'.repeat(80_000), budgetSecondsPerMB: DEFAULT_BUDGET },
  {
    name: 'HAR, 560 KB URL-encoded form body',
    size: 560_000,
    quickSize: 560_000,
    generate: (size, planted) => harWithFormBody(size, planted.githubToken()),
    budgetSecondsPerMB: DEFAULT_BUDGET,
    expectFindings: 1,
    fileName: 'capture.har',
  },
  { name: 'percent escapes, one run', size: 1_000_000, generate: (size) => percentRun(size), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: 'base64 of credentials, one line', size: 1_000_000, generate: (size) => base64Line(size), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: 'base64 value on every line', size: 1_000_000, generate: (size) => base64Lines(size), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: 'encodings nested 6 deep', size: 1_000_000, generate: (size, planted) => nestedEncodings(size, planted.githubToken()), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: '`fm2_=` flood (flyio-access-token)', size: 1_000_000, generate: (size) => repeatTo('fm2_=', size), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: '`pwd ` flood, 4 MB', size: 4_000_000, generate: (size) => repeatTo('pwd ', size), budgetSecondsPerMB: DEFAULT_BUDGET },
  { name: '`curl -H "X-Api-Key: ` flood', size: 1_000_000, generate: (size) => repeatTo('curl -H "X-Api-Key: ', size), budgetSecondsPerMB: DEFAULT_BUDGET },
  ...KEYWORD_FLOODS.map(([label, unit]) => ({ name: `keyword flood: ${label}`, size: 1_000_000, generate: (size: number) => repeatTo(unit, size), budgetSecondsPerMB: DEFAULT_BUDGET })),
  {
    name: 'minified bundle, 4 MB single line, secret at the end',
    size: 4_000_000,
    generate: (size, planted) => `${minifiedLine(size - 60)};var t="${planted.githubToken()}";`,
    budgetSecondsPerMB: DEFAULT_BUDGET,
    expectFindings: 1,
  },
];

interface Row {
  shape: HostileShape;
  bytes: number;
  wallMs: number;
  cpuMs: number;
  /** CPU time less the fixed cost of a run. */
  scanCpuMs: number;
  rssBytes: number;
  findings: number;
  limits: number;
  killed: boolean;
  exitCode: number | null;
  limitMs: number;
}

export default async function adversarialBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const factory = await createSecretFactory();
  const rng = new Random('adversarial');
  const planted: Planted = { githubToken: () => factory.githubClassicPat(rng) };
  // The fixed cost of a run (process start, rules compiled) on a one-line file: the budget is for the
  // scanning, so a shape's seconds per MB leave it out (it would dominate the smaller shapes).
  const tiny = path.join(ctx.workDir, 'tiny.txt');
  writeFileSync(tiny, 'Nothing to see here.\n');
  const startups = [];
  for (let r = 0; r < 3; r++) startups.push(cpuMs(await measureNodeCli(sprawlguardBin, scanArgs(tiny))));
  const startupMs = Math.min(...startups);
  log(`  fixed cost of a run (one-line file, best of 3): ${formatSeconds(startupMs)} CPU`);
  const rows: Row[] = [];
  for (const shape of SHAPES) {
    const size = ctx.quick ? (shape.quickSize ?? Math.max(65_536, Math.round(shape.size / 4))) : shape.size;
    const file = path.join(ctx.workDir, shape.fileName ?? 'input.txt');
    const content = shape.generate(size, planted);
    writeFileSync(file, content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    // Killed at ten times its budget (at least 30 s): a shape that regresses to quadratic fails in bounded time.
    const limitMs = Math.max(30_000, (bytes / MB) * shape.budgetSecondsPerMB * 10_000);
    // The better of two runs (one with --quick): CPU time too grows when other processes share the cores.
    const runs = [];
    for (let r = 0; r < (ctx.quick ? 1 : 2); r++) {
      const run = await measureNodeCli(sprawlguardBin, (shape.args ?? scanArgs)(file), { timeoutMs: limitMs });
      runs.push(run);
      if (run.killed) break;
    }
    const run = runs.reduce((a, b) => (cpuMs(b) < cpuMs(a) ? b : a));
    let findings = 0;
    let limits = 0;
    if (!run.killed && (run.exitCode === 0 || run.exitCode === 1)) {
      const report = JSON.parse(run.stdout) as Report;
      findings = report.findings.length;
      limits = report.stats.skipped.length;
    }
    const row: Row = { shape, bytes, wallMs: run.wallMs, cpuMs: cpuMs(run), scanCpuMs: Math.max(0, cpuMs(run) - startupMs), rssBytes: run.maxRssBytes, findings, limits, killed: run.killed, exitCode: run.exitCode, limitMs };
    rows.push(row);
    log(`  ${shape.name}: ${formatMB(bytes, 2)}, ${run.killed ? `killed after ${formatSeconds(limitMs)}` : `${formatSeconds(row.cpuMs)} CPU`}`);
  }
  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['input shape', 'size', 'wall', 'CPU', 'scan CPU s/MB', 'peak RSS', 'budget', 'findings', 'cut short', 'result'],
      rows.map((r) => [
        r.shape.name,
        formatMB(r.bytes, 2),
        r.killed ? `> ${formatSeconds(r.limitMs)}` : formatSeconds(r.wallMs),
        r.killed ? 'n/a' : formatSeconds(r.cpuMs),
        r.killed ? 'n/a' : (r.scanCpuMs / 1000 / (r.bytes / MB)).toFixed(2),
        r.killed ? 'n/a' : formatMB(r.rssBytes, 0),
        `${r.shape.budgetSecondsPerMB.toFixed(1)} s/MB, ${formatMB(r.shape.budgetRssBytes ?? DEFAULT_RSS_BUDGET, 0)}`,
        String(r.findings),
        String(r.limits),
        verdict(r),
      ]),
    ),
  );
  log(`  ${ctx.quick ? 'One run' : 'The better of two runs'} per shape. CPU: user + system time of the scan process; scan CPU s/MB: the same less`);
  log('  the fixed cost of a run, per MB. It and peak RSS, against the budget, decide pass/fail (wall time on a shared');
  log('  machine includes waiting for other processes). cut short: entries the scan listed in stats.skipped (a rule');
  log('  whose keyword hits were coalesced, encoded values left undecoded).');
  const failed = rows.filter((r) => verdict(r) !== 'pass');
  log(failed.length === 0 ? `all ${rows.length} shapes within budget` : `${failed.length} of ${rows.length} shapes FAILED: ${failed.map((r) => r.shape.name).join('; ')}`);

  log('');
  await ruleStressSection(ctx);
}

function verdict(r: Row): string {
  if (r.killed) return 'FAIL (killed)';
  if (r.exitCode !== 0 && r.exitCode !== 1) return `FAIL (exit ${r.exitCode})`;
  if (r.shape.expectFindings !== undefined && r.findings < r.shape.expectFindings) return `FAIL (${r.findings} of ${r.shape.expectFindings} planted found)`;
  if (r.rssBytes > (r.shape.budgetRssBytes ?? DEFAULT_RSS_BUDGET)) return 'FAIL (memory over budget)';
  return r.scanCpuMs / 1000 / (r.bytes / MB) <= r.shape.budgetSecondsPerMB ? 'pass' : 'FAIL (time over budget)';
}

/** Every rule against its own worst-case inputs; timing per input, in one process. */
async function ruleStressSection(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const size = ctx.quick ? 16_384 : 65_536;
  log(`every rule on its stress inputs (${formatMB(size, 2)} each; keyword floods, near misses, unterminated tokens), one process, one core:`);
  const result = await runRuleStress(size);
  const over = result.rows.filter((r) => r.secondsPerMB > DEFAULT_BUDGET);
  const worst = [...result.rows].sort((a, b) => b.secondsPerMB - a.secondsPerMB).slice(0, 12);
  printTable(
    log,
    '  ',
    formatTable(
      ['rule', 'input', 'CPU s/MB', 'searched/char', 'coalesced hits', 'heap growth', 'result'],
      worst.map((r) => [
        r.ruleId,
        `${r.shape}: ${r.label}`.slice(0, 70),
        r.secondsPerMB.toFixed(2),
        (r.searched / r.chars).toFixed(1),
        String(r.coalesced),
        formatMB(r.heapGrowthBytes, 1),
        r.secondsPerMB <= DEFAULT_BUDGET ? 'pass' : 'FAIL',
      ]),
    ),
  );
  log(`  ${result.rules} rules, ${result.rows.length} inputs in ${formatSeconds(result.wallMs)}; heap growth: what the heap grew by during one`);
  log('  scan (allocation less what a collection during it freed). searched/char: the work counter the rule tests bound.');
  log(over.length === 0 ? `  every rule within ${DEFAULT_BUDGET} s/MB on every input` : `  ${over.length} inputs over ${DEFAULT_BUDGET} s/MB: ${[...new Set(over.map((r) => r.ruleId))].join(', ')}`);
  const rssOk = result.maxRssBytes <= DEFAULT_RSS_BUDGET;
  log(`  peak RSS of the process ${formatMB(result.maxRssBytes, 0)} (budget ${formatMB(DEFAULT_RSS_BUDGET, 0)}): ${rssOk ? 'pass' : 'FAIL'}`);
}

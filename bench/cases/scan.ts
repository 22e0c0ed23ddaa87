/**
 * `sprawlguard scan` throughput on a mixed corpus (≥ 200 MB; 20 MB with --quick), single worker and
 * all cores, against secretlint (recommended preset) on a 20 MB slice of the same corpus, with a
 * recall check against the generator's plant list. Targets: ≥ 100 MB/s on one core, ≥ 100× secretlint.
 * Below the single-core target, one profiled run shows where the time goes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from '../run.js';
import { CORPUS_PRESETS, ensureCorpus, warmPageCache, type Corpus } from '../lib/corpus.js';
import { medianRun } from '../lib/measure.js';
import { profilesIn, summarizeCpuProfile } from '../lib/profile.js';
import { checkRecall, type RecallResult } from '../lib/recall.js';
import { runSecretlint, runSprawlguardScan, SECRETLINT_PRESET, type ScanRun } from '../lib/scanners.js';
import { kindHasRule, PLANT_KINDS } from '../lib/secrets.js';
import { formatMB, formatRate, formatRatio, formatSeconds, formatTable, mbPerSecond, printTable } from '../lib/table.js';
import { sprawlguardBin } from '../lib/paths.js';

const TARGET_SINGLE_CORE_MBPS = 100;
const TARGET_RATIO = 100;

interface Measured {
  label: string;
  input: 'corpus' | 'slice' | 'one tiny file';
  jobs: number;
  run: ScanRun;
  runs: number;
}

export default async function scanBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const spec = ctx.quick ? CORPUS_PRESETS.quick : CORPUS_PRESETS.full;
  const corpus = await ensureCorpus(spec, log);
  const m = corpus.manifest;
  if (corpus.reused) log(`corpus: reusing ${path.relative(process.cwd(), corpus.dir)} (generator v${m.generatorVersion}, seed ${JSON.stringify(m.seed)})`);
  log(`corpus: ${m.files} files, ${formatMB(m.bytes)}; slice: ${m.sliceFiles} files, ${formatMB(m.sliceBytes)}; ${m.plants.length} planted secrets, ${m.decoys.length} decoys`);
  const warm = warmPageCache(corpus.treeDir);
  log(`page cache warmed: read ${formatMB(warm.bytes)} in ${formatSeconds(warm.ms)}`);

  const cores = os.availableParallelism();
  const repeats = ctx.quick ? 1 : 3;
  const measured: Measured[] = [];
  const ours = async (input: 'corpus' | 'slice', jobs: number): Promise<Measured> => {
    const dir = input === 'corpus' ? corpus.treeDir : corpus.sliceDir;
    const runs: ScanRun[] = [];
    for (let i = 0; i < repeats; i++) runs.push(await runSprawlguardScan([dir], { jobs }));
    const result: Measured = { label: 'sprawlguard', input, jobs, run: medianRun(runs), runs: repeats };
    measured.push(result);
    log(`  sprawlguard ${input} --jobs ${jobs}: ${formatRate(mbPerSecond(result.run.bytes, result.run.wallMs))} (median of ${repeats}: ${runs.map((r) => formatSeconds(r.wallMs)).join(', ')})`);
    return result;
  };

  log(`measuring (each run a fresh process; wall time includes start-up; ${repeats === 1 ? 'one run each' : `median of ${repeats} runs`}; load average ${os.loadavg()[0]?.toFixed(2)})`);
  // Fixed cost of one run (process start, module loading, rule compilation), measured on a
  // directory holding one tiny file, so the table can also show the rate net of it.
  const tinyDir = path.join(ctx.workDir, 'one-tiny-file');
  mkdirSync(tinyDir, { recursive: true });
  writeFileSync(path.join(tinyDir, 'README.md'), 'Nothing to see here.\n');
  const startupRuns: ScanRun[] = [];
  for (let i = 0; i < repeats; i++) startupRuns.push(await runSprawlguardScan([tinyDir], { jobs: 1 }));
  const startup: Measured = { label: 'sprawlguard', input: 'one tiny file', jobs: 1, run: medianRun(startupRuns), runs: repeats };
  const secretlintStartup: Measured = {
    label: 'secretlint',
    input: 'one tiny file',
    jobs: 1,
    run: await runSecretlint(tinyDir, 0, 1, path.join(ctx.workDir, 'secretlint-startup.json')),
    runs: 1,
  };
  const corpusSingle = await ours('corpus', 1);
  const corpusAll = cores > 1 ? await ours('corpus', cores) : corpusSingle;
  const sliceSingle = await ours('slice', 1);
  const sliceAll = cores > 1 ? await ours('slice', cores) : sliceSingle;
  const secretlintRun = await runSecretlint(corpus.sliceDir, m.sliceBytes, m.sliceFiles, path.join(ctx.workDir, 'secretlint-report.json'));
  const secretlint: Measured = { label: 'secretlint', input: 'slice', jobs: 1, run: secretlintRun, runs: 1 };
  measured.push(secretlint);
  measured.push(startup, secretlintStartup);
  log(`  secretlint slice: ${formatRate(mbPerSecond(secretlintRun.bytes, secretlintRun.wallMs))} (one run: ${formatSeconds(secretlintRun.wallMs)})`);

  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['scanner', 'input', 'jobs', 'bytes', 'files', 'wall', 'MB/s', 'net MB/s', 'peak RSS', 'CPU', 'findings'],
      measured.map(({ label, input, jobs, run }) => [
        label,
        input,
        String(jobs),
        formatMB(run.bytes),
        String(run.files),
        formatSeconds(run.wallMs),
        formatRate(mbPerSecond(run.bytes, run.wallMs)),
        input === 'one tiny file' ? '' : formatRate(mbPerSecond(run.bytes, run.wallMs - (label === 'secretlint' ? secretlintStartup : startup).run.wallMs)),
        formatMB(run.maxRssBytes, 0),
        formatSeconds(run.userCpuMs + run.systemCpuMs),
        String(run.findings.length),
      ]),
    ),
  );
  log(`  MB/s: bytes scanned / wall time of the whole process; net MB/s: the same after subtracting that scanner's`);
  log(`  start-up run (one tiny file). secretlint: ${SECRETLINT_PRESET}, its own CLI ("**/*" in the slice);`);
  log(`  its bytes are the slice's size on disk (secretlint does not count them).`);

  // Targets and ratios.
  const rate = (x: Measured): number => mbPerSecond(x.run.bytes, x.run.wallMs);
  const secretlintRate = rate(secretlint);
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  log('');
  log(`single core (corpus, --jobs 1): ${formatRate(rate(corpusSingle))}; target ≥ ${TARGET_SINGLE_CORE_MBPS} MB/s: ${verdict(rate(corpusSingle) >= TARGET_SINGLE_CORE_MBPS)}`);
  if (cores > 1) log(`all ${cores} cores (corpus, --jobs ${cores}): ${formatRate(rate(corpusAll))}, ${formatRatio(rate(corpusAll) / rate(corpusSingle))} the single-worker rate`);
  log(`vs secretlint (${formatRate(secretlintRate)} on the slice), target ≥ ${TARGET_RATIO}×:`);
  log(`  slice,  --jobs 1: ${formatRatio(rate(sliceSingle) / secretlintRate)}: ${verdict(rate(sliceSingle) / secretlintRate >= TARGET_RATIO)}`);
  log(`  corpus, --jobs 1: ${formatRatio(rate(corpusSingle) / secretlintRate)}: ${verdict(rate(corpusSingle) / secretlintRate >= TARGET_RATIO)}`);
  if (cores > 1) {
    log(`  slice,  --jobs ${cores}: ${formatRatio(rate(sliceAll) / secretlintRate)}`);
    log(`  corpus, --jobs ${cores}: ${formatRatio(rate(corpusAll) / secretlintRate)}`);
  }
  consistency(ctx, corpus, corpusSingle, corpusAll);

  // Recall against the plant list.
  const ruleKeywords = loadedRuleKeywords();
  const corpusRecall = checkRecall(m.plants, m.decoys, corpusSingle.run.findings, (p) => p);
  const slicePath = (p: string): string | undefined => (p.startsWith('slice/') ? p.slice('slice/'.length) : undefined);
  const sliceOurs = checkRecall(m.plants, m.decoys, sliceSingle.run.findings, slicePath);
  const sliceTheirs = checkRecall(m.plants, m.decoys, secretlintRun.findings, slicePath);
  log('');
  log(`recall: sprawlguard found ${corpusRecall.found} of ${corpusRecall.planted} planted secrets in the corpus (${corpusRecall.exact} with the exact secret); in the slice sprawlguard ${sliceOurs.found}/${sliceOurs.planted}, secretlint ${sliceTheirs.found}/${sliceTheirs.planted}`);
  const sliceKinds = new Map(sliceOurs.byKind.map((k) => [k.kind, k]));
  const theirKinds = new Map(sliceTheirs.byKind.map((k) => [k.kind, k]));
  printTable(
    log,
    '  ',
    formatTable(
      ['kind', 'rule loaded', 'corpus: planted', 'found', 'exact', 'slice: planted', 'sprawlguard', 'secretlint'],
      corpusRecall.byKind.map((k) => [
        PLANT_KINDS[k.kind]?.label ?? k.kind,
        kindHasRule(k.kind, ruleKeywords) ? 'yes' : 'no',
        String(k.planted),
        String(k.found),
        String(k.exact),
        String(sliceKinds.get(k.kind)?.planted ?? 0),
        String(sliceKinds.get(k.kind)?.found ?? 0),
        String(theirKinds.get(k.kind)?.found ?? 0),
      ]),
    ),
  );
  reportMisses(log, corpusRecall, ruleKeywords);
  reportNoise(log, 'sprawlguard (corpus)', corpusRecall);
  reportNoise(log, 'secretlint (slice)', sliceTheirs);

  if (rate(corpusSingle) < TARGET_SINGLE_CORE_MBPS) await profile(ctx, corpus);
}

/** The same corpus must give the same answer with one worker and with many. */
function consistency(ctx: BenchContext, corpus: Corpus, single: Measured, all: Measured): void {
  const problems: string[] = [];
  if (single.run.bytes !== corpus.manifest.bytes) problems.push(`--jobs 1 scanned ${single.run.bytes} bytes, the corpus holds ${corpus.manifest.bytes}`);
  if (all.run.bytes !== single.run.bytes) problems.push(`--jobs ${all.jobs} scanned ${all.run.bytes} bytes, --jobs 1 scanned ${single.run.bytes}`);
  if (all.run.findings.length !== single.run.findings.length) problems.push(`--jobs ${all.jobs} reported ${all.run.findings.length} findings, --jobs 1 reported ${single.run.findings.length}`);
  for (const p of problems) ctx.log(`WARNING: ${p}`);
}

function loadedRuleKeywords(): string[] {
  const out = execFileSync(process.execPath, [sprawlguardBin, 'rules', 'list', '--format', 'json'], { encoding: 'utf8' });
  return (JSON.parse(out) as { keywords?: string[] }[]).flatMap((r) => r.keywords ?? []).map((k) => k.toLowerCase());
}

function reportMisses(log: (line: string) => void, recall: RecallResult, ruleKeywords: readonly string[]): void {
  const withRule = recall.missed.filter((p) => kindHasRule(p.kind, ruleKeywords));
  const withoutRule = recall.missed.length - withRule.length;
  if (recall.missed.length === 0) {
    log('  every planted secret was found');
    return;
  }
  log(`  missed: ${recall.missed.length} (${withoutRule} of a kind no loaded rule is gated on, ${withRule.length} with such a rule loaded)`);
  for (const p of withRule.slice(0, 12)) log(`    ${p.kind} at ${p.path}:${p.line}:${p.column}`);
  if (withRule.length > 12) log(`    … ${withRule.length - 12} more`);
}

function reportNoise(log: (line: string) => void, who: string, recall: RecallResult): void {
  const unplanted = [...recall.unplanted.entries()].sort((a, b) => b[1] - a[1]);
  const total = unplanted.reduce((n, [, c]) => n + c, 0);
  log(
    `  ${who}: ${recall.decoysReported.length} of ${recall.decoysTotal} decoys reported; ${total} findings where nothing was planted` +
      (total > 0 ? ` (${unplanted.slice(0, 8).map(([rule, n]) => `${rule} ${n}`).join(', ')}${unplanted.length > 8 ? ', …' : ''})` : ''),
  );
  for (const { decoy, ruleIds } of recall.decoysReported.slice(0, 5)) log(`    decoy ${decoy.kind} at ${decoy.path}:${decoy.line} reported by ${ruleIds.join(', ')}`);
}

/** One single-worker scan of the whole corpus under `--cpu-prof`: where does the time go? */
async function profile(ctx: BenchContext, corpus: Corpus): Promise<void> {
  const dir = path.join(ctx.workDir, 'cpu-profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = await runSprawlguardScan([corpus.treeDir], { jobs: 1, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir] });
  ctx.log('');
  ctx.log(`below the single-core target: profiled one --jobs 1 scan of the corpus (${formatRate(mbPerSecond(run.bytes, run.wallMs))} under the profiler), profile in ${path.relative(process.cwd(), dir)}`);
  for (const file of profilesIn(dir)) {
    const summary = summarizeCpuProfile(file, 15);
    ctx.log(`  ${path.basename(file)}: ${formatSeconds(summary.totalMs)} sampled; self time by function:`);
    printTable(
      ctx.log,
      '    ',
      formatTable(
        ['self', 'share', 'function'],
        summary.functions.map((f) => [formatSeconds(f.selfMs), `${(f.share * 100).toFixed(1)}%`, f.where]),
      ),
    );
    ctx.log('    self time by file:');
    printTable(
      ctx.log,
      '    ',
      formatTable(
        ['self', 'share', 'file'],
        summary.files.slice(0, 10).map((f) => [formatSeconds(f.selfMs), `${(f.share * 100).toFixed(1)}%`, f.where]),
      ),
    );
  }
}

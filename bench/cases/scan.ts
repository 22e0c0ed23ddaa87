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
import { cpuMs, medianRun } from '../lib/measure.js';
import { profilesIn, summarizeCpuProfile } from '../lib/profile.js';
import { checkRecall, type RecallResult } from '../lib/recall.js';
import { runEngineStages, type StageTime } from '../lib/engine-stages.js';
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
  runs: ScanRun[];
  median: ScanRun;
  best: ScanRun;
}

function summarize(label: string, input: Measured['input'], jobs: number, runs: ScanRun[]): Measured {
  const best = runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  return { label, input, jobs, runs, median: medianRun(runs), best };
}

const rate = (run: ScanRun): number => mbPerSecond(run.bytes, run.wallMs);

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
  // Five runs each: on a shared machine one configuration's runs can differ by a third.
  const repeats = ctx.quick ? 1 : 5;
  log(`measuring: each run a fresh process, wall time includes start-up; ${repeats === 1 ? 'one run each' : `${repeats} runs each, interleaved, median reported`}; load average ${os.loadavg()[0]?.toFixed(2)}`);

  // Fixed cost of one run (process start, module loading, rule set-up), on a directory holding one
  // tiny file: it explains the slice figures, where start-up is a large part of the wall time.
  const tinyDir = path.join(ctx.workDir, 'one-tiny-file');
  mkdirSync(tinyDir, { recursive: true });
  writeFileSync(path.join(tinyDir, 'README.md'), 'Nothing to see here.\n');

  const configs: { input: Measured['input']; dir: string; jobs: number }[] = [
    { input: 'corpus', dir: corpus.treeDir, jobs: 1 },
    ...(cores > 1 ? [{ input: 'corpus' as const, dir: corpus.treeDir, jobs: cores }] : []),
    { input: 'slice', dir: corpus.sliceDir, jobs: 1 },
    ...(cores > 1 ? [{ input: 'slice' as const, dir: corpus.sliceDir, jobs: cores }] : []),
    { input: 'one tiny file', dir: tinyDir, jobs: 1 },
  ];
  const runs = configs.map(() => [] as ScanRun[]);
  // Interleaved, so load from other processes on a shared machine falls on every configuration alike.
  for (let r = 0; r < repeats; r++) {
    for (const [i, c] of configs.entries()) (runs[i] as ScanRun[]).push(await runSprawlguardScan([c.dir], { jobs: c.jobs }));
  }
  const ours = configs.map((c, i) => summarize('sprawlguard', c.input, c.jobs, runs[i] as ScanRun[]));
  for (const x of ours) {
    log(`  sprawlguard ${x.input} --jobs ${x.jobs}: ${formatRate(rate(x.median))} median (runs: ${x.runs.map((r) => formatSeconds(r.wallMs)).join(', ')})`);
  }
  const pick = (input: Measured['input'], jobs: number): Measured => ours.find((x) => x.input === input && x.jobs === jobs) as Measured;
  const corpusSingle = pick('corpus', 1);
  const corpusAll = pick('corpus', cores > 1 ? cores : 1);
  const sliceSingle = pick('slice', 1);
  const sliceAll = pick('slice', cores > 1 ? cores : 1);

  const secretlint = summarize('secretlint', 'slice', 1, [await runSecretlint(corpus.sliceDir, m.sliceBytes, m.sliceFiles, path.join(ctx.workDir, 'secretlint-report.json'))]);
  const secretlintStartup = summarize('secretlint', 'one tiny file', 1, [await runSecretlint(tinyDir, 0, 1, path.join(ctx.workDir, 'secretlint-startup.json'))]);
  log(`  secretlint slice: ${formatRate(rate(secretlint.median))} (one run: ${formatSeconds(secretlint.median.wallMs)})`);
  const measured = [...ours.filter((x) => x.input !== 'one tiny file'), secretlint, pick('one tiny file', 1), secretlintStartup];

  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['scanner', 'input', 'jobs', 'bytes', 'files', 'wall', 'MB/s', 'best MB/s', 'CPU', 'MB/CPU-s', 'peak RSS', 'findings'],
      measured.map((x) => [
        x.label,
        x.input,
        String(x.jobs),
        formatMB(x.median.bytes),
        String(x.median.files),
        formatSeconds(x.median.wallMs),
        formatRate(rate(x.median)),
        x.runs.length > 1 ? formatRate(rate(x.best)) : '',
        formatSeconds(cpuMs(x.median)),
        formatRate(mbPerSecond(x.median.bytes, cpuMs(x.median))).replace(' MB/s', ''),
        formatMB(Math.max(...x.runs.map((r) => r.maxRssBytes)), 0),
        String(x.median.findings.length),
      ]),
    ),
  );
  log('  MB/s: bytes scanned / wall time of the whole process (median run); best: the fastest run; CPU: user + system');
  log('  time of all threads; MB/CPU-s: bytes per CPU-second, which load from other processes disturbs less than wall time;');
  log('  peak RSS: the largest of the runs. "one tiny file" is the fixed cost of a run (start-up).');
  log(`  secretlint: ${SECRETLINT_PRESET} through its own CLI ("**/*" in the slice); its bytes are the slice's size on disk.`);

  // Targets and ratios.
  const secretlintRate = rate(secretlint.median);
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');
  log('');
  log(
    `single core (corpus, --jobs 1): ${formatRate(rate(corpusSingle.median))} (best ${formatRate(rate(corpusSingle.best))}); target ≥ ${TARGET_SINGLE_CORE_MBPS} MB/s: ${verdict(rate(corpusSingle.median) >= TARGET_SINGLE_CORE_MBPS)}`,
  );
  if (cores > 1) {
    log(`all ${cores} cores (corpus, --jobs ${cores}): ${formatRate(rate(corpusAll.median))} (best ${formatRate(rate(corpusAll.best))}), ${formatRatio(rate(corpusAll.median) / rate(corpusSingle.median))} the single-worker rate`);
  }
  log(`vs secretlint (${formatRate(secretlintRate)} on the slice), target ≥ ${TARGET_RATIO}×:`);
  log(`  slice,  --jobs 1: ${formatRatio(rate(sliceSingle.median) / secretlintRate)}: ${verdict(rate(sliceSingle.median) / secretlintRate >= TARGET_RATIO)}`);
  log(`  corpus, --jobs 1: ${formatRatio(rate(corpusSingle.median) / secretlintRate)}: ${verdict(rate(corpusSingle.median) / secretlintRate >= TARGET_RATIO)}`);
  if (cores > 1) {
    log(`  slice,  --jobs ${cores}: ${formatRatio(rate(sliceAll.median) / secretlintRate)}`);
    log(`  corpus, --jobs ${cores}: ${formatRatio(rate(corpusAll.median) / secretlintRate)}`);
  }
  const perCpu = (x: Measured): number => mbPerSecond(x.median.bytes, cpuMs(x.median));
  log(`  per CPU-second (less sensitive to load): slice ${formatRatio(perCpu(sliceSingle) / perCpu(secretlint))}, corpus ${formatRatio(perCpu(corpusSingle) / perCpu(secretlint))} (--jobs 1)`);
  log(`load average after measuring: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${cores} cores; above ${cores} other processes compete for the CPU)`);
  consistency(ctx, corpus, corpusSingle, corpusAll);

  // The same corpus with file I/O taken out: what the engine itself costs on one thread.
  const stages = await runEngineStages(corpus.treeDir);
  const stage = (t: StageTime): string => `${formatRate(mbPerSecond(stages.bytes, t.wallMs))} wall, ${formatRate(mbPerSecond(stages.bytes, t.cpuMs))} per CPU-second`;
  log('');
  log(`one thread, files preloaded in memory (${stages.files} files, ${formatMB(stages.bytes)}, ${stages.keywords} distinct rule keywords):`);
  log(`  keyword automaton alone: ${stage(stages.automaton)} (${stages.keywordHits} keyword hits, ${(stages.keywordHits / (stages.bytes / 1e6)).toFixed(0)} per MB)`);
  log(`    most frequent: ${stages.topKeywords.map(([k, n]) => `${JSON.stringify(k)} ${n}`).join(', ')}`);
  log(`  whole engine + findings: ${stage(stages.engine)} (${stages.findings} findings)`);
  log(`  reading + decoding (readFileSync): ${stage(stages.read)}`);
  log(`  for comparison, the CLI with --jobs 1: ${formatRate(rate(corpusSingle.median))} wall, ${formatRate(mbPerSecond(corpusSingle.median.bytes, cpuMs(corpusSingle.median)))} per CPU-second`);

  // Recall against the plant list.
  const ruleKeywords = loadedRuleKeywords();
  const corpusRecall = checkRecall(m.plants, m.decoys, corpusSingle.median.findings, (p) => p);
  const slicePath = (p: string): string | undefined => (p.startsWith('slice/') ? p.slice('slice/'.length) : undefined);
  const sliceOurs = checkRecall(m.plants, m.decoys, sliceSingle.median.findings, slicePath);
  const sliceTheirs = checkRecall(m.plants, m.decoys, secretlint.median.findings, slicePath);
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

  if (rate(corpusSingle.median) < TARGET_SINGLE_CORE_MBPS) await profile(ctx, corpus);
}

/** Every run, with one worker or many, must scan the whole corpus and report the same findings. */
function consistency(ctx: BenchContext, corpus: Corpus, single: Measured, all: Measured): void {
  const signature = (run: ScanRun): string =>
    run.findings
      .map((f) => `${f.path}:${f.line}:${f.column}:${f.ruleId}:${f.fingerprint ?? ''}`)
      .sort()
      .join('\n');
  const reference = signature(single.median);
  for (const x of [single, all]) {
    for (const [i, run] of x.runs.entries()) {
      if (run.bytes !== corpus.manifest.bytes) ctx.log(`WARNING: --jobs ${x.jobs} run ${i + 1} scanned ${run.bytes} bytes; the corpus holds ${corpus.manifest.bytes}`);
      if (signature(run) !== reference) ctx.log(`WARNING: --jobs ${x.jobs} run ${i + 1} reported different findings (${run.findings.length}) from --jobs 1 (${single.median.findings.length})`);
    }
  }
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
  const perRule = new Map<string, number>();
  for (const f of recall.unplanted) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  const ranked = [...perRule.entries()].sort((a, b) => b[1] - a[1]);
  log(
    `  ${who}: ${recall.decoysReported.length} of ${recall.decoysTotal} decoys reported; ${recall.unplanted.length} findings where nothing was planted` +
      (ranked.length > 0 ? ` (${ranked.slice(0, 8).map(([rule, n]) => `${rule} ${n}`).join(', ')}${ranked.length > 8 ? ', …' : ''})` : ''),
  );
  if (recall.decoysReported.length > 0) {
    const byKindAndRule = new Map<string, number>();
    for (const { decoy, ruleIds } of recall.decoysReported) {
      for (const rule of ruleIds) byKindAndRule.set(`${decoy.kind} by ${rule}`, (byKindAndRule.get(`${decoy.kind} by ${rule}`) ?? 0) + 1);
    }
    log(`    decoys reported: ${[...byKindAndRule.entries()].map(([what, n]) => `${what} ${n}`).join(', ')}`);
  }
  for (const { decoy, ruleIds } of recall.decoysReported.slice(0, 3)) log(`    decoy ${decoy.kind} at ${decoy.path}:${decoy.line} reported by ${ruleIds.join(', ')}`);
  for (const f of recall.unplanted.slice(0, 5)) log(`    unplanted ${f.ruleId} at ${f.path}:${f.line}:${f.column}`);
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
    ctx.log(`  ${path.basename(file)}: ${formatSeconds(summary.totalMs)} sampled; (idle) is the thread waiting in the event loop, e.g. for`);
    ctx.log('  file reads from the libuv thread pool; (native) is time in Node built-ins such as fs bindings. Self time by function:');
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

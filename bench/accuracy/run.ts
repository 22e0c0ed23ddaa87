/**
 * `npm run accuracy [-- options]`: measure detection accuracy.
 *
 * 1. Generate the labelled corpus from a seed (bench/.work/accuracy/corpus, gitignored).
 * 2. Scan it with the built CLI, as users run it, and score the findings against the labels:
 *    precision, recall and F1 overall and per rule family, by confidence and by how the secret was
 *    written; the top false positives and misses with the line they are on.
 * 3. Materialise the realistic corpus (hand-written files of many projects, labelled line by line,
 *    in bench/accuracy/realistic/), scan and score it per split, context, shape and kind, with
 *    secretlint's score on the same files as a peer (realistic-report.ts).
 * 4. Scan a real corpus nobody here wrote — the installed node_modules — and report findings per
 *    100 MB and the rules producing them, for review.
 * Last, the three figures side by side.
 *
 * Options: --seed <text>, --files <n>, --realistic-seed <text>, --no-realistic, --no-secretlint,
 * --real <dir> (default node_modules), --no-real, --also <dir> (another real corpus to report on,
 * repeatable), --top <n> (lines listed per section), --json <file> (write the numbers), --check
 * (exit 1 when a target or the realistic floor is missed), --list-holdout (print the realistic
 * corpus's held-out files, which tuning must not look at, and stop).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, workRoot } from '../lib/paths.js';
import { formatTable } from '../lib/table.js';
import { redactedLine, scanWithCli as scan } from './cli-scan.js';
import { generateCorpus, type Label } from './corpus.js';
import { reviewOf } from './reviewed.js';
import { listCorpusFiles, splitOf } from './realistic-labels.js';
import { DEFAULT_REALISTIC_SEED, runRealistic } from './realistic-report.js';
import { FAMILIES, f1, labelFamily, precision, recall, type RuleInfo, ruleFamily, score, type ScoredFinding } from './score.js';

const TARGET_PRECISION = 0.97;
const TARGET_RECALL = 0.97;
const TARGET_REAL_FP_PER_100MB = 5;

interface Options {
  seed: string;
  files: number;
  realisticSeed: string | undefined;
  secretlint: boolean;
  real: string | undefined;
  also: string[];
  top: number;
  json: string | undefined;
  check: boolean;
  listHoldout: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { seed: 'sprawlguard-accuracy-1', files: 2500, realisticSeed: DEFAULT_REALISTIC_SEED, secretlint: true, real: path.join(repoRoot, 'node_modules'), also: [], top: 15, json: undefined, check: false, listHoldout: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--seed') options.seed = value();
    else if (arg === '--files') options.files = Number(value());
    else if (arg === '--realistic-seed') options.realisticSeed = value();
    else if (arg === '--no-realistic') options.realisticSeed = undefined;
    else if (arg === '--no-secretlint') options.secretlint = false;
    else if (arg === '--real') options.real = path.resolve(value());
    else if (arg === '--no-real') options.real = undefined;
    else if (arg === '--also') options.also.push(path.resolve(value()));
    else if (arg === '--top') options.top = Number(value());
    else if (arg === '--json') options.json = value();
    else if (arg === '--check') options.check = true;
    else if (arg === '--list-holdout') options.listHoldout = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

function loadRules(): Map<string, RuleInfo> {
  const compiled = JSON.parse(readFileSync(path.join(repoRoot, 'lib', 'rules.json'), 'utf8')) as { rules: { id: string; tags?: string[]; generic?: boolean }[] };
  return new Map(compiled.rules.map((r) => [r.id, { id: r.id, tags: r.tags ?? [], generic: r.generic ?? false }]));
}

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

/** The text of a line, shortened, for the lists of misses and false positives. */
function lineText(dir: string, file: string, line: number, width = 140): string {
  try {
    const text = readFileSync(path.join(dir, file), 'utf8').split('\n')[line - 1] ?? '';
    const trimmed = text.trim();
    return trimmed.length > width ? `${trimmed.slice(0, width)}…` : trimmed;
  } catch {
    return '';
  }
}

/** Scan a real corpus and print its findings, with reviewed verdicts; unreviewed ones count as false. */
function scanRealCorpus(dir: string, out: string, top: number, log: (line?: string) => void): Record<string, unknown> {
  const real = scan(dir, out);
  const mb = real.stats.bytes / 1e6;
  const per100 = (real.findings.length / mb) * 100;
  log(`Real corpus ${path.relative(repoRoot, dir) || dir}: ${real.stats.sources} files, ${mb.toFixed(1)} MB scanned in ${(real.stats.durationMs / 1000).toFixed(1)} s; ${real.findings.length} findings = ${per100.toFixed(2)} per 100 MB`);
  const byRule = new Map<string, number>();
  for (const f of real.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (byRule.size > 0) log(`  by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
  let reviewedFalse = 0;
  let reviewedReal = 0;
  for (const f of real.findings) {
    const review = reviewOf(f.location.path, f.ruleId);
    if (review?.verdict === 'false') reviewedFalse++;
    else if (review?.verdict === 'real') reviewedReal++;
  }
  const unreviewed = real.findings.length - reviewedFalse - reviewedReal;
  const falsePer100 = ((reviewedFalse + unreviewed) / mb) * 100;
  log(`  reviewed: ${reviewedFalse} false, ${reviewedReal} real credentials; ${unreviewed} not reviewed (counted as false): ${falsePer100.toFixed(2)} false per 100 MB`);
  for (const f of real.findings.slice(0, top * 2)) {
    const review = reviewOf(f.location.path, f.ruleId);
    log(`  ${f.location.path}:${f.location.line}  ${f.ruleId} [${f.confidence}]  ${redactedLine(dir, f)}`);
    log(`      ${review ? `reviewed ${review.verdict}: ${review.why}` : 'not reviewed'}`);
  }
  return { dir: path.relative(repoRoot, dir) || dir, mb, files: real.stats.sources, findings: real.findings.length, per100MB: per100, falsePer100MB: falsePer100, reviewedFalse, reviewedReal, unreviewed, byRule: Object.fromEntries(byRule) };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line = ''): void => void process.stdout.write(`${line}\n`);
  if (options.listHoldout) {
    for (const file of listCorpusFiles().filter((f) => splitOf(f) === 'holdout')) log(file);
    return 0;
  }
  const work = path.join(workRoot, 'accuracy');
  mkdirSync(work, { recursive: true });
  const rules = loadRules();

  // 1. Corpus.
  const started = Date.now();
  const corpus = generateCorpus({ seed: options.seed, files: options.files, dir: path.join(work, 'corpus') });
  writeFileSync(path.join(work, 'labels.json'), JSON.stringify(corpus.labels));
  const positives = corpus.labels.filter((l) => l.positive);
  const unknownKinds = [...new Set(positives.map((l) => l.kind).filter((k) => k !== 'generic' && !rules.has(k)))];
  log(`Labelled corpus (seed "${options.seed}"): ${corpus.files} files, ${corpus.lines} lines, ${(corpus.bytes / 1e6).toFixed(1)} MB; ` + `${positives.length} planted secrets of ${new Set(positives.map((l) => l.kind)).size} kinds, ${corpus.labels.length - positives.length} labelled hard negatives, generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (unknownKinds.length > 0) log(`  labels name rules that do not exist: ${unknownKinds.join(', ')}`);

  // 2. Scan and score.
  const report = scan(corpus.dir, path.join(work, 'corpus-findings.json'));
  const findings: ScoredFinding[] = report.findings.map((f) => ({ ruleId: f.ruleId, path: f.location.path, line: f.location.line, endLine: f.location.endLine, confidence: f.confidence, redacted: f.redacted }));
  const result = score(corpus.labels, findings, rules);
  log(`Scanned in ${(report.stats.durationMs / 1000).toFixed(1)} s: ${findings.length} findings`);
  log();
  const row = (name: string, c: { positives: number; found: number; foundRightKind: number; hits: number; falsePositives: number }): string[] => [
    name,
    String(c.positives),
    String(c.found),
    String(c.falsePositives),
    pct(precision(c)),
    pct(recall(c)),
    pct(f1(c)),
    c.found === 0 ? 'n/a' : pct(c.foundRightKind / c.found),
  ];
  const rows = [...FAMILIES].map((fam) => row(fam, result.byFamily.get(fam) ?? { positives: 0, found: 0, foundRightKind: 0, hits: 0, falsePositives: 0 }));
  for (const [fam, c] of result.byFamily) if (!(FAMILIES as readonly string[]).includes(fam)) rows.push(row(fam, c));
  rows.push(row('overall', result.overall));
  for (const line of formatTable(['family', 'planted', 'found', 'FP', 'precision', 'recall', 'F1', 'right kind'], rows)) log(`  ${line}`);
  log(`  (precision per family: labels found by the family's rules vs. the family's false positives; ${result.duplicates} extra findings on already-found secrets)`);
  log();
  log('By confidence (the best finding per found secret; false positives by their own confidence):');
  for (const line of formatTable(
    ['confidence', 'true', 'false', 'precision'],
    [...result.byConfidence].map(([c, v]) => [c, String(v.tp), String(v.fp), pct(v.tp + v.fp === 0 ? Number.NaN : v.tp / (v.tp + v.fp))]),
  ))
    log(`  ${line}`);
  log();
  log('Recall by how the secret was written:');
  const forms = new Map<string, { positives: number; found: number }>();
  for (const [form, c] of result.byForm) {
    const key = form.startsWith('file:') ? form : (form.split(':')[1] ?? form);
    const e = forms.get(key) ?? { positives: 0, found: 0 };
    e.positives += c.positives;
    e.found += c.found;
    forms.set(key, e);
  }
  for (const line of formatTable(['form', 'planted', 'found', 'recall'], [...forms].sort((a, b) => b[1].positives - a[1].positives).map(([k, v]) => [k, String(v.positives), String(v.found), pct(v.found / v.positives)]))) log(`  ${line}`);
  log();
  log(`Hard negatives: ${result.negativesTotal} labelled; reported per category:`);
  for (const line of formatTable(['category', 'labelled', 'reported'], [...result.negativesHit].sort((a, b) => b[1].total - a[1].total).map(([k, v]) => [k, String(v.total), String(v.hit)]))) log(`  ${line}`);

  log();
  log(`Top false positives (${result.falsePositives.length}), by rule and category:`);
  const fpGroups = new Map<string, typeof result.falsePositives>();
  for (const fp of result.falsePositives) {
    const key = `${fp.finding.ruleId} on ${fp.category}`;
    fpGroups.set(key, [...(fpGroups.get(key) ?? []), fp]);
  }
  for (const [key, list] of [...fpGroups].sort((a, b) => b[1].length - a[1].length).slice(0, options.top)) {
    const first = list[0]!.finding;
    log(`  ${String(list.length).padStart(4)}  ${key}  e.g. ${first.path}:${first.line} [${first.confidence}]  ${lineText(corpus.dir, first.path, first.line)}`);
  }
  log();
  log(`Top misses (${result.misses.length}), by expected kind and form:`);
  const missGroups = new Map<string, Label[]>();
  for (const m of result.misses) {
    const key = `${m.label.kind} (${m.label.form})`;
    missGroups.set(key, [...(missGroups.get(key) ?? []), m.label]);
  }
  for (const [key, list] of [...missGroups].sort((a, b) => b[1].length - a[1].length).slice(0, options.top)) {
    const first = list[0]!;
    log(`  ${String(list.length).padStart(4)}  ${key}  e.g. ${first.file}:${first.line}  ${lineText(corpus.dir, first.file, first.line)}`);
  }
  log();
  log(`Found under another rule than expected (${result.wrongKind.length}):`);
  const wrongGroups = new Map<string, number>();
  for (const w of result.wrongKind) {
    const key = `${w.label.kind} (${labelFamily(w.label, rules)}) reported as ${w.ruleIds.join('+')} (${[...new Set(w.ruleIds.map((id) => ruleFamily(rules.get(id))))].join('+')})`;
    wrongGroups.set(key, (wrongGroups.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...wrongGroups].sort((a, b) => b[1] - a[1]).slice(0, options.top)) log(`  ${String(n).padStart(4)}  ${key}`);

  // 3. The realistic corpus.
  let realistic: Awaited<ReturnType<typeof runRealistic>> | undefined;
  if (options.realisticSeed !== undefined) {
    log();
    realistic = await runRealistic({ seed: options.realisticSeed, workDir: work, top: options.top, secretlint: options.secretlint }, log);
  }

  // 4. Real corpora: node_modules (the target) and any --also directories (reported, no target).
  let realFalsePer100 = Number.NaN;
  let realSummary: Record<string, unknown> | undefined;
  const extraSummaries: Record<string, unknown>[] = [];
  const realDirs = [...(options.real && existsSync(options.real) ? [options.real] : []), ...options.also.filter((d) => existsSync(d))];
  realDirs.forEach((dir, i) => {
    log();
    const summary = scanRealCorpus(dir, path.join(work, `real-findings-${i}.json`), options.top, log);
    if (i === 0 && dir === options.real) {
      realFalsePer100 = summary.falsePer100MB as number;
      realSummary = summary;
    } else extraSummaries.push(summary);
  });
  log();
  const p = precision(result.overall);
  const r = recall(result.overall);
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const realOk = Number.isNaN(realFalsePer100) || realFalsePer100 < TARGET_REAL_FP_PER_100MB;
  log('Side by side:');
  log(`  generator corpus  precision ${pct(p)}  recall ${pct(r)}  F1 ${pct(f1(result.overall))}`);
  if (realistic) {
    const fig = (name: string): string => {
      const x = realistic!.json[name] as { precision: number; recall: number; f1: number };
      return `${name} precision ${pct(x.precision)}  recall ${pct(x.recall)}  F1 ${pct(x.f1)}`;
    };
    log(`  realistic corpus  ${fig('dev')};  ${fig('holdout')}`);
  }
  log(`  node_modules      ${Number.isNaN(realFalsePer100) ? 'not scanned' : `${realFalsePer100.toFixed(2)} false findings per 100 MB`}`);
  log(
    `Targets: precision ${pct(p)} ≥ ${TARGET_PRECISION} ${verdict(p >= TARGET_PRECISION)}; recall ${pct(r)} ≥ ${TARGET_RECALL} ${verdict(r >= TARGET_RECALL)}; ` +
      `real corpus ${Number.isNaN(realFalsePer100) ? 'n/a' : `${realFalsePer100.toFixed(2)} false findings per 100 MB < ${TARGET_REAL_FP_PER_100MB} ${verdict(realOk)}`}`,
  );
  if (options.json) {
    const fam = Object.fromEntries([...result.byFamily].map(([k, c]) => [k, { planted: c.positives, found: c.found, falsePositives: c.falsePositives, precision: precision(c), recall: recall(c), f1: f1(c) }]));
    writeFileSync(options.json, JSON.stringify({ seed: options.seed, files: corpus.files, planted: positives.length, precision: p, recall: r, f1: f1(result.overall), families: fam, realistic: realistic?.json, real: realSummary, also: extraSummaries }, null, 2));
  }
  const ok = p >= TARGET_PRECISION && r >= TARGET_RECALL && realOk && (realistic?.ok ?? true);
  return options.check && !ok ? 1 : 0;
}

process.exitCode = await main();

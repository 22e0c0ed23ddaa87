/**
 * The realistic corpus in `npm run accuracy`: materialise it, scan it with the built CLI (and with
 * secretlint as a peer when asked), score by line, and print precision, recall and F1 per split,
 * context, shape and kind. Misses and false positives are listed only for the dev split, so tuning
 * never looks at holdout files; their lines are shown with the secret redacted, misses by their
 * label's non-secret anchor only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runSecretlint } from '../lib/scanners.js';
import { formatTable } from '../lib/table.js';
import { redactedLine, type ReportedFinding, scanWithCli } from './cli-scan.js';
import { materialiseRealistic, type PlacedLabel, type RealisticCorpus } from './realistic-corpus.js';
import { CONTEXTS, REALISTIC_DIR, type Split } from './realistic-labels.js';
import { countBy, countWhere, type Counts, f1, type FalseLine, type LineFinding, precision, recall, type RealisticScore, scoreRealistic } from './realistic-score.js';

export const DEFAULT_REALISTIC_SEED = 'realistic-1';
// floor.json next to the labels holds today's figures: `--check` fails when a split falls below them.
export interface RealisticOptions {
  seed: string;
  workDir: string;
  top: number;
  secretlint: boolean;
  /** Another corpus laid out like bench/accuracy/realistic/ (tests). */
  root?: string;
}

type Floor = Record<Split, { precision: number; recall: number }>;

const pct = (x: number): string => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const SPLITS: readonly Split[] = ['dev', 'holdout'];

function figures(c: Counts): { secrets: number; found: number; falsePositives: number; precision: number; recall: number; f1: number } {
  return { secrets: c.positives, found: c.found, falsePositives: c.falsePositives, precision: precision(c), recall: recall(c), f1: f1(c) };
}

const prf = (c: Counts): string[] => [String(c.positives), String(c.found), String(c.falsePositives), pct(precision(c)), pct(recall(c)), pct(f1(c))];

function splitCounts(score: RealisticScore): Record<Split | 'all', Counts> {
  const all = countWhere(score, () => true, () => true);
  const dev = countWhere(score, (l) => l.split === 'dev', (f) => f.split === 'dev');
  const holdout = countWhere(score, (l) => l.split === 'holdout', (f) => f.split === 'holdout');
  return { dev, holdout, all };
}

/** `dimension` per split: positives keyed by the label, false lines by `falseKey`. */
function bySplit(score: RealisticScore, labelKey: (l: PlacedLabel) => string, falseKey: (f: FalseLine) => string): Record<Split, Map<string, Counts>> {
  const part = (split: Split): RealisticScore => ({ outcomes: score.outcomes.filter((o) => o.label.split === split), falseLines: score.falseLines.filter((f) => f.split === split) });
  return { dev: countBy(part('dev'), labelKey, falseKey), holdout: countBy(part('holdout'), labelKey, falseKey) };
}

const zero: Counts = { positives: 0, found: 0, falsePositives: 0 };

function toLineFindings(findings: readonly ReportedFinding[]): LineFinding[] {
  return findings.map((f) => ({ ruleId: f.ruleId, path: f.location.path, line: f.location.line, endLine: f.location.endLine, column: f.location.column, endColumn: f.location.endColumn }));
}

function negativeShape(f: FalseLine): string {
  return f.negative ? f.negative.shape : 'unlabelled';
}

export async function runRealistic(options: RealisticOptions, log: (line?: string) => void): Promise<{ json: Record<string, unknown>; ok: boolean }> {
  const corpus = materialiseRealistic({ seed: options.seed, dir: path.join(options.workDir, 'realistic'), root: options.root });
  if (corpus.problems.length > 0) {
    for (const p of corpus.problems) log(`  label problem: ${p}`);
    throw new Error(`the realistic corpus has ${corpus.problems.length} label problems (bench/accuracy/realistic/labels/)`);
  }
  const positives = corpus.labels.filter((l) => l.expected === 'secret');
  const holdoutFiles = corpus.files.filter((f) => f.split === 'holdout').length;
  log(
    `Realistic corpus (hand-written, line-labelled; seed "${options.seed}"): ${corpus.files.length} files, ${corpus.lines} lines, ${(corpus.bytes / 1e6).toFixed(2)} MB; ` +
      `${positives.length} labelled secrets, ${corpus.labels.length - positives.length} labelled look-alikes; ${holdoutFiles} files held out`,
  );
  const report = scanWithCli(corpus.dir, path.join(options.workDir, 'realistic-findings.json'));
  const score = scoreRealistic(corpus.files, corpus.labels, toLineFindings(report.findings));
  const splits = splitCounts(score);
  log(`Scanned in ${(report.stats.durationMs / 1000).toFixed(1)} s: ${report.findings.length} findings on ${new Set(report.findings.map((f) => `${f.location.path}:${f.location.line}`)).size} lines`);
  log('  (a secret counts as found when a finding overlaps its lines; every other line with a finding is one false positive)');
  for (const line of formatTable(['split', 'secrets', 'found', 'FP', 'precision', 'recall', 'F1'], [['dev', ...prf(splits.dev)], ['holdout', ...prf(splits.holdout)], ['all', ...prf(splits.all)]])) log(`  ${line}`);

  const contexts = bySplit(score, (l) => l.context, (f) => f.context);
  log();
  log('By context (from the path: vendored, generated, test, example, docs, else source):');
  const contextRows = CONTEXTS.map((c) => [c, ...prf(contexts.dev.get(c) ?? zero), ...prf(contexts.holdout.get(c) ?? zero)]);
  for (const line of formatTable(['context', 'dev secrets', 'found', 'FP', 'P', 'R', 'F1', 'holdout secrets', 'found', 'FP', 'P', 'R', 'F1'], contextRows)) log(`  ${line}`);

  const shapes = bySplit(score, (l) => l.shape, negativeShape);
  const recallRows = (maps: Record<Split, Map<string, Counts>>): string[][] => {
    const keys = [...new Set([...maps.dev.keys(), ...maps.holdout.keys()])].filter((k) => (maps.dev.get(k)?.positives ?? 0) + (maps.holdout.get(k)?.positives ?? 0) > 0);
    const total = (k: string): number => (maps.dev.get(k)?.positives ?? 0) + (maps.holdout.get(k)?.positives ?? 0);
    return keys
      .sort((a, b) => total(b) - total(a) || a.localeCompare(b))
      .map((k) => {
        const d = maps.dev.get(k) ?? zero;
        const h = maps.holdout.get(k) ?? zero;
        return [k, String(d.positives), String(d.found), pct(recall(d)), String(h.positives), String(h.found), pct(recall(h))];
      });
  };
  log();
  log('Recall by shape (how the secret is written):');
  for (const line of formatTable(['shape', 'dev secrets', 'found', 'recall', 'holdout secrets', 'found', 'recall'], recallRows(shapes))) log(`  ${line}`);
  log();
  log('False positives by what the line holds (labelled look-alikes reported / labelled; unlabelled lines with a finding):');
  const negativeRows: string[][] = [];
  const negatives = corpus.labels.filter((l) => l.expected === 'not-secret');
  for (const shape of [...new Set([...negatives.map((l) => l.shape), 'unlabelled'])].sort()) {
    const cells = SPLITS.flatMap((split) => {
      const labelled = negatives.filter((l) => l.shape === shape && l.split === split).length;
      const reported = score.falseLines.filter((f) => f.split === split && negativeShape(f) === shape).length;
      return [shape === 'unlabelled' ? '-' : String(labelled), String(reported)];
    });
    negativeRows.push([shape, ...cells]);
  }
  for (const line of formatTable(['look-alike', 'dev labelled', 'reported', 'holdout labelled', 'reported'], negativeRows)) log(`  ${line}`);

  const kinds = bySplit(score, (l) => l.kind, (f) => (f.negative ? f.negative.kind : 'unlabelled'));
  log();
  log('Recall by kind:');
  for (const line of formatTable(['kind', 'dev secrets', 'found', 'recall', 'holdout secrets', 'found', 'recall'], recallRows(kinds))) log(`  ${line}`);
  const fixtures = bySplit(score, (l) => (l.fixture ? 'test/docs fixture' : 'not a fixture'), () => '');
  log();
  log(`Fixtures: ${['test/docs fixture', 'not a fixture'].map((k) => `${k} recall dev ${pct(recall(fixtures.dev.get(k) ?? zero))}, holdout ${pct(recall(fixtures.holdout.get(k) ?? zero))}`).join('; ')}`);

  // What a build or a pre-commit hook counts: incidents. Fixtures (a generic match in a test, doc or
  // example; docs/context.md) stay in the report but raise no alert.
  const incidents = report.findings.filter((f) => f.disposition !== 'fixture');
  const alertScore = scoreRealistic(corpus.files, corpus.labels, toLineFindings(incidents));
  const alertSplits = splitCounts(alertScore);
  const alertContexts = bySplit(alertScore, (l) => l.context, (f) => f.context);
  log();
  log(`Alerts (incidents; ${report.findings.length - incidents.length} of ${report.findings.length} findings are fixtures, reported but not counted):`);
  for (const line of formatTable(['split', 'secrets', 'alerted', 'false alerts', 'precision', 'recall', 'F1'], [['dev', ...prf(alertSplits.dev)], ['holdout', ...prf(alertSplits.holdout)], ['all', ...prf(alertSplits.all)]])) log(`  ${line}`);
  const alertRows = CONTEXTS.map((c) => [c, ...SPLITS.flatMap((split) => [String(contexts[split].get(c)?.falsePositives ?? 0), String(alertContexts[split].get(c)?.falsePositives ?? 0)])]);
  for (const line of formatTable(['context', 'dev FP lines', 'false alerts', 'holdout FP lines', 'false alerts'], alertRows)) log(`  ${line}`);

  listDevMisses(score, options.top, log);
  listDevFalsePositives(score, report.findings, corpus, options.top, log);

  let secretlintJson: Record<string, unknown> | undefined;
  if (options.secretlint) secretlintJson = await secretlintPeer(corpus, options.workDir, splits, log);

  const floorFile = path.join(options.root ?? REALISTIC_DIR, 'floor.json');
  const floor = existsSync(floorFile) ? (JSON.parse(readFileSync(floorFile, 'utf8')) as Floor) : undefined;
  let ok = true;
  if (floor) {
    const verdicts = SPLITS.map((split) => {
      const p = precision(splits[split]);
      const r = recall(splits[split]);
      const met = p >= floor[split].precision - 5e-4 && r >= floor[split].recall - 5e-4;
      ok &&= met;
      return `${split} P ${pct(p)} ≥ ${pct(floor[split].precision)}, R ${pct(r)} ≥ ${pct(floor[split].recall)} ${met ? 'met' : 'MISSED'}`;
    });
    log();
    log(`Realistic floor (${path.relative(process.cwd(), floorFile)}): ${verdicts.join('; ')}`);
  }

  const table = (maps: Record<Split, Map<string, Counts>>): Record<string, unknown> =>
    Object.fromEntries(SPLITS.map((s) => [s, Object.fromEntries([...maps[s]].map(([k, c]) => [k, figures(c)]))]));
  const json = {
    seed: options.seed,
    files: corpus.files.length,
    holdoutFiles,
    lines: corpus.lines,
    secrets: positives.length,
    lookAlikes: corpus.labels.length - positives.length,
    dev: figures(splits.dev),
    holdout: figures(splits.holdout),
    all: figures(splits.all),
    byContext: table(contexts),
    byShape: table(shapes),
    byKind: table(kinds),
    alerts: { dev: figures(alertSplits.dev), holdout: figures(alertSplits.holdout), all: figures(alertSplits.all), byContext: table(alertContexts) },
    devMisses: score.outcomes.filter((o) => !o.found && o.label.split === 'dev').map((o) => ({ path: o.label.path, line: o.label.line, kind: o.label.kind, shape: o.label.shape, fixture: o.label.fixture })),
    devFalsePositives: score.falseLines.filter((f) => f.split === 'dev').map((f) => ({ path: f.path, line: f.line, rules: f.ruleIds, lookAlike: negativeShape(f) })),
    secretlint: secretlintJson,
  };
  return { json, ok };
}

function listDevMisses(score: RealisticScore, top: number, log: (line?: string) => void): void {
  const misses = score.outcomes.filter((o) => !o.found && o.label.split === 'dev');
  const byShape = new Map<string, PlacedLabel[]>();
  for (const m of misses) byShape.set(m.label.shape, [...(byShape.get(m.label.shape) ?? []), m.label]);
  log();
  log(`Dev misses (${misses.length}), by shape; file:line (kind) "a non-secret piece of the line":`);
  for (const [shape, labels] of [...byShape].sort((a, b) => b[1].length - a[1].length).slice(0, top)) {
    const shown = labels.slice(0, 4).map((l) => `${l.path}:${l.line} (${l.kind}) "${l.at}"`);
    log(`  ${String(labels.length).padStart(4)}  ${shape}: ${shown.join('; ')}${labels.length > 4 ? '; …' : ''}`);
  }
}

function listDevFalsePositives(score: RealisticScore, findings: readonly ReportedFinding[], corpus: RealisticCorpus, top: number, log: (line?: string) => void): void {
  const devFalse = score.falseLines.filter((f) => f.split === 'dev');
  log();
  log(`Dev false positives (${devFalse.length} lines), secrets redacted:`);
  for (const f of devFalse.slice(0, top * 2)) {
    const first = f.findings[0]!;
    const reported = findings.find((r) => r.location.path === first.path && r.location.line === first.line && r.ruleId === first.ruleId)!;
    log(`  ${f.path}:${f.line}  [${f.ruleIds.join(', ')}] ${negativeShape(f)}  ${redactedLine(corpus.dir, reported)}`);
  }
  if (devFalse.length > top * 2) log(`  … ${devFalse.length - top * 2} more (--top N, or --json FILE for all)`);
}

async function secretlintPeer(corpus: RealisticCorpus, workDir: string, ours: Record<Split | 'all', Counts>, log: (line?: string) => void): Promise<Record<string, unknown>> {
  const run = await runSecretlint(corpus.dir, corpus.bytes, corpus.files.length, path.join(workDir, 'realistic-secretlint.json'));
  const score = scoreRealistic(corpus.files, corpus.labels, run.findings);
  const theirs = splitCounts(score);
  log();
  log(`Peer: secretlint (recommended preset) on the same corpus, ${(run.wallMs / 1000).toFixed(1)} s; scored the same way:`);
  const rows = (['dev', 'holdout', 'all'] as const).flatMap((s) => [
    [`sprawlguard ${s}`, ...prf(ours[s])],
    [`secretlint ${s}`, ...prf(theirs[s])],
  ]);
  for (const line of formatTable(['scanner', 'secrets', 'found', 'FP', 'precision', 'recall', 'F1'], rows)) log(`  ${line}`);
  return { dev: figures(theirs.dev), holdout: figures(theirs.holdout), all: figures(theirs.all), findings: run.findings.length };
}

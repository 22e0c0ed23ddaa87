/**
 * `sprawlguard org scan --repos` over 200 generated local repositories (40 with --quick): some share
 * secrets, some are forks of others (their whole history, plus commits of their own), and some
 * secrets were deleted again after being committed. Reports total time, repositories per minute,
 * peak memory and inventory size for a first run, for a second run with nothing changed, and for
 * the report; then checks that the report's cross-repository figures equal what the generator
 * planted, secret by secret.
 *
 * Repositories are written with `git fast-import` (one process per repository, no work tree) and
 * kept between runs in the case's scratch directory; a fork's stream starts with its parent's
 * commits verbatim, so the fork shares the parent's commit ids as a real fork does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as FingerprintModule from '../../src/findings/fingerprint.js';
import type { SprawlReport } from '../../src/report/sprawl/model.js';
import type { BenchContext } from '../run.js';
import { sourceFile, SOURCE_EXTENSIONS, type SourceLanguage } from '../lib/corpus-content.js';
import { cpuMs, measureNodeCli, type ChildMeasurement } from '../lib/measure.js';
import { importCompiled, sprawlguardBin } from '../lib/paths.js';
import { Random } from '../lib/random.js';
import { createSecretFactory } from '../lib/secrets.js';
import { formatMB, formatSeconds, formatTable, printTable } from '../lib/table.js';

const GENERATOR_VERSION = 1;
const SEED = 'sprawlguard-org-bench-1';

interface Spec {
  repos: number;
  /** Share of repositories that are forks of another (non-fork) repository. */
  forkShare: number;
  /** Secrets planted in several unrelated repositories. */
  sharedSecrets: number;
}

const PRESETS: Record<'full' | 'quick', Spec> = {
  full: { repos: 200, forkShare: 0.2, sharedSecrets: 30 },
  quick: { repos: 40, forkShare: 0.2, sharedSecrets: 8 },
};

/** What the generator planted: for each secret (by fingerprint), every repository whose history holds it. */
interface Manifest {
  generatorVersion: number;
  seed: string;
  spec: Spec;
  repos: string[];
  commits: number;
  bytes: number;
  /** fingerprint → repository directory names. */
  secretRepos: Record<string, string[]>;
  /** Occurrences (secret, repository, file) in all histories, and those deleted from HEAD. */
  occurrences: number;
  removedFromHead: number;
}

interface FileChange {
  path: string;
  /** undefined deletes the file. */
  content?: string;
}

interface CommitPlan {
  message: string;
  time: number;
  changes: FileChange[];
}

export default async function orgBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const spec = ctx.quick ? PRESETS.quick : PRESETS.full;
  const genDir = path.join(ctx.workDir, `repos-v${GENERATOR_VERSION}-${spec.repos}`);
  const manifest = await ensureRepositories(genDir, spec, log);
  log(
    `repositories: ${manifest.repos.length} (${Math.round(spec.forkShare * spec.repos)} forks), ${manifest.commits} commits, ${formatMB(manifest.bytes)} of file versions; ` +
      `${Object.keys(manifest.secretRepos).length} planted secrets, ${manifest.occurrences} occurrences, ${manifest.removedFromHead} deleted from HEAD`,
  );

  const list = path.join(ctx.workDir, 'repos.txt');
  writeFileSync(list, `${manifest.repos.map((name) => path.join(genDir, name)).join('\n')}\n`);
  const db = path.join(ctx.workDir, 'inventory.db');
  rmSync(db, { force: true });
  const concurrency = Math.max(2, os.availableParallelism());
  const scanArgs = ['org', 'scan', '--repos', list, '--db', db, '--concurrency', String(concurrency), '--quiet'];
  // Run from the scratch directory: no .sprawlguard.yaml applies, the default rules do.
  log(`measuring: sprawlguard ${scanArgs.join(' ').replace(ctx.workDir, '<work>')}; each run a fresh process; load average ${os.loadavg()[0]?.toFixed(2)}`);

  const first = await orgScan(scanArgs, ctx.workDir);
  const dbBytes = statSync(db).size;
  const second = await orgScan(scanArgs, ctx.workDir);
  const reportRun = await measureNodeCli(sprawlguardBin, ['sprawl', 'report', '--db', db, '--format', 'json']);
  if (reportRun.exitCode !== 0) throw new Error(`sprawl report exited with ${reportRun.exitCode}: ${reportRun.stderr.slice(0, 2000)}`);
  const htmlFile = path.join(ctx.workDir, 'sprawl.html');
  const htmlRun = await measureNodeCli(sprawlguardBin, ['sprawl', 'report', '--db', db, '--format', 'html', '--output', htmlFile]);
  const report = JSON.parse(reportRun.stdout) as SprawlReport;

  const perMinute = (run: ChildMeasurement): string => ((manifest.repos.length / run.wallMs) * 60_000).toFixed(0);
  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['run', 'repos', 'wall', 'repos/min', 'CPU', 'peak RSS', 'inventory'],
      [
        ['first scan (all new)', String(manifest.repos.length), formatSeconds(first.wallMs), perMinute(first), formatSeconds(cpuMs(first)), formatMB(first.maxRssBytes, 0), formatMB(dbBytes, 2)],
        ['second scan (unchanged)', String(manifest.repos.length), formatSeconds(second.wallMs), perMinute(second), formatSeconds(cpuMs(second)), formatMB(second.maxRssBytes, 0), formatMB(statSync(db).size, 2)],
        ['sprawl report --format json', '', formatSeconds(reportRun.wallMs), '', formatSeconds(cpuMs(reportRun)), formatMB(reportRun.maxRssBytes, 0), ''],
        ['sprawl report --format html', '', formatSeconds(htmlRun.wallMs), '', formatSeconds(cpuMs(htmlRun)), formatMB(htmlRun.maxRssBytes, 0), `html ${formatMB(statSync(htmlFile).size, 2)}`],
      ],
    ),
  );
  log(`  wall time includes process start-up; repos/min = repositories listed / wall time; ${concurrency} repositories in flight at once.`);
  log(`  inventory: ${report.summary.secrets} secrets, ${report.summary.occurrences} occurrences, ${report.summary.secretsInMultipleRepos} in more than one repository, ${report.summary.removedFromHead} occurrences only in history.`);

  const problems = checkAgainstPlan(report, manifest, genDir);
  log('');
  if (problems.length === 0) {
    log(`correctness: every planted secret found in exactly the planted repositories (${Object.keys(manifest.secretRepos).length} secrets; cross-repo counts, occurrences and removed-from-HEAD figures match)`);
  } else {
    log(`correctness: ${problems.length} MISMATCH${problems.length === 1 ? '' : 'ES'} between the report and the generator's plan:`);
    for (const p of problems.slice(0, 20)) log(`  - ${p}`);
    throw new Error('org bench: the report does not match what was planted');
  }
}

async function orgScan(args: string[], cwd: string): Promise<ChildMeasurement> {
  const run = await measureNodeCli(sprawlguardBin, args, { cwd });
  if (run.exitCode !== 0) throw new Error(`org scan exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 2000)}`);
  return run;
}

function checkAgainstPlan(report: SprawlReport, manifest: Manifest, genDir: string): string[] {
  const problems: string[] = [];
  const found = new Map(report.secrets.map((s) => [s.fingerprint, s.repos.map((r) => path.relative(genDir, r)).sort()]));
  for (const [fp, repos] of Object.entries(manifest.secretRepos)) {
    const got = found.get(fp);
    if (!got) problems.push(`${fp.slice(0, 19)}…: planted in ${repos.length} repositories, not found`);
    else if (got.join(',') !== [...repos].sort().join(',')) problems.push(`${fp.slice(0, 19)}…: planted in ${repos.length} repositories, found in ${got.length}`);
  }
  for (const fp of found.keys()) if (!(fp in manifest.secretRepos)) problems.push(`${fp.slice(0, 19)}…: reported but never planted`);
  const plannedMulti = Object.values(manifest.secretRepos).filter((r) => r.length > 1).length;
  if (report.summary.secretsInMultipleRepos !== plannedMulti) problems.push(`secrets in more than one repository: report ${report.summary.secretsInMultipleRepos}, planted ${plannedMulti}`);
  if (report.summary.occurrences !== manifest.occurrences) problems.push(`occurrences: report ${report.summary.occurrences}, planted ${manifest.occurrences}`);
  if (report.summary.removedFromHead !== manifest.removedFromHead) problems.push(`removed from HEAD: report ${report.summary.removedFromHead}, planted ${manifest.removedFromHead}`);
  return problems;
}

// ---- generator --------------------------------------------------------------------------------

async function ensureRepositories(dir: string, spec: Spec, log: (line: string) => void): Promise<Manifest> {
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const existing = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (existing.generatorVersion === GENERATOR_VERSION && existing.seed === SEED && JSON.stringify(existing.spec) === JSON.stringify(spec)) {
      log(`repositories: reusing ${path.relative(process.cwd(), dir)}`);
      return existing;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const factory = await createSecretFactory();
  const makeToken = (r: Random): string => factory.githubClassicPat(r);
  const { fingerprintSecret } = await importCompiled<typeof FingerprintModule>('findings/fingerprint.js');
  const rng = new Random(SEED);
  const names = Array.from({ length: spec.repos }, (_x, i) => `repo-${String(i).padStart(3, '0')}`);
  const forkCount = Math.round(spec.repos * spec.forkShare);
  const sources = names.slice(0, spec.repos - forkCount);
  const forks = names.slice(spec.repos - forkCount);

  // Shared secrets: each planted in 2–6 distinct source repositories.
  const plantsByRepo = new Map<string, string[]>(sources.map((n) => [n, []]));
  for (let s = 0; s < spec.sharedSecrets; s++) {
    const token = makeToken(rng);
    const count = rng.int(2, Math.min(6, sources.length));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(rng.pick(sources));
    for (const repo of chosen) plantsByRepo.get(repo)?.push(token);
  }
  // And 1–3 secrets of each repository's own.
  for (const repo of sources) for (let k = rng.int(1, 3); k > 0; k--) plantsByRepo.get(repo)?.push(makeToken(rng));

  const histories = new Map<string, CommitPlan[]>();
  const secretRepos: Record<string, Set<string>> = {};
  let occurrences = 0;
  let removedFromHead = 0;
  let clock = Date.parse('2023-01-01T00:00:00Z') / 1000;
  const note = (token: string, repo: string): void => {
    (secretRepos[fingerprintSecret(token)] ??= new Set()).add(repo);
  };

  for (const repo of sources) {
    const r = rng.fork(repo);
    const commits: CommitPlan[] = [];
    const commitCount = r.int(4, 12);
    const plants = plantsByRepo.get(repo) ?? [];
    const plantAt = plants.map(() => r.int(0, commitCount - 2));
    /** Files deleted at commit index i. */
    const removals: string[][] = [];
    for (let c = 0; c < commitCount; c++) {
      const changes: FileChange[] = fillerChanges(r, c);
      plants.forEach((token, i) => {
        if (plantAt[i] !== c) return;
        const file = `config/service-${i}.env`;
        changes.push({ path: file, content: `# deployment settings\nSERVICE_URL=https://svc-${i}.internal\nGITHUB_TOKEN=${token}\n` });
        occurrences++;
        note(token, repo);
        // A third of the plants are deleted again two commits later: in history, no longer at HEAD.
        if (r.chance(1 / 3)) {
          const removeAt = Math.min(commitCount - 1, c + 2);
          (removals[removeAt] ??= []).push(file);
          removedFromHead++;
        }
      });
      for (const file of removals[c] ?? []) changes.push({ path: file });
      commits.push({ message: `change ${c + 1} of ${repo}`, time: (clock += 3600), changes });
    }
    histories.set(repo, commits);
  }

  for (const repo of forks) {
    const r = rng.fork(repo);
    const parent = r.pick(sources);
    const parentHistory = histories.get(parent) ?? [];
    const own = makeToken(r);
    const commits: CommitPlan[] = [...parentHistory, { message: `fork work in ${repo}`, time: (clock += 3600), changes: [...fillerChanges(r, 99), { path: 'fork/extra.env', content: `GITHUB_TOKEN=${own}\n` }] }];
    histories.set(repo, commits);
    note(own, repo);
    occurrences++;
    // Everything the parent ever held is in the fork's history too, in the same state at HEAD.
    for (const [fp, repos] of Object.entries(secretRepos)) if (repos.has(parent)) secretRepos[fp]?.add(repo);
    occurrences += parentHistory.reduce((n, c) => n + c.changes.filter((x) => x.content?.includes('GITHUB_TOKEN=')).length, 0);
    removedFromHead += parentHistory.reduce((n, c) => n + c.changes.filter((x) => x.content === undefined).length, 0);
  }

  let commits = 0;
  let bytes = 0;
  for (const repo of names) {
    const history = histories.get(repo) ?? [];
    commits += history.length;
    const stream = fastImportStream(history);
    bytes += stream.length;
    const repoDir = path.join(dir, repo);
    execFileSync('git', ['init', '--bare', '--quiet', '-b', 'main', repoDir]);
    execFileSync('git', ['-C', repoDir, 'fast-import', '--quiet'], { input: stream, maxBuffer: 64 * 1024 * 1024 });
  }
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: SEED,
    spec,
    repos: names,
    commits,
    bytes,
    secretRepos: Object.fromEntries(Object.entries(secretRepos).map(([fp, repos]) => [fp, [...repos].sort()])),
    occurrences,
    removedFromHead,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
  log(`repositories: generated ${names.length} in ${formatSeconds(performance.now() - started)} with git fast-import`);
  return manifest;
}

const LANGUAGES: readonly SourceLanguage[] = ['ts', 'py', 'go', 'java', 'rb', 'sh'];

/** One to three source files of 1–6 KB, new or rewritten. */
function fillerChanges(rng: Random, commit: number): FileChange[] {
  const changes: FileChange[] = [];
  for (let k = rng.int(1, 3); k > 0; k--) {
    const language = rng.pick(LANGUAGES);
    const name = `src/module_${rng.int(0, commit + 4)}.${SOURCE_EXTENSIONS[language]}`;
    changes.push({ path: name, content: `${sourceFile(rng, language, rng.int(1000, 6000)).join('\n')}\n` });
  }
  return changes;
}

function fastImportStream(history: readonly CommitPlan[]): Buffer {
  const parts: Buffer[] = [];
  const text = (s: string): void => {
    parts.push(Buffer.from(s, 'utf8'));
  };
  const data = (s: string): void => {
    const body = Buffer.from(s, 'utf8');
    text(`data ${body.length}\n`);
    parts.push(body);
    text('\n');
  };
  history.forEach((commit, i) => {
    text(`commit refs/heads/main\nmark :${i + 1}\n`);
    text(`author Bench Author <bench@tests.invalid> ${commit.time} +0000\ncommitter Bench Author <bench@tests.invalid> ${commit.time} +0000\n`);
    data(commit.message);
    if (i > 0) text(`from :${i}\n`);
    for (const change of commit.changes) {
      if (change.content === undefined) text(`D ${change.path}\n`);
      else {
        text(`M 100644 inline ${change.path}\n`);
        data(change.content);
      }
    }
    text('\n');
  });
  return Buffer.concat(parts);
}


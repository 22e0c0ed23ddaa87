/**
 * Git benchmarks (issue: git sources).
 *
 * 1. Full-history scan: `sprawlguard scan --history` on a large repository, against the time git
 *    itself needs to produce what we scan (`git log -p -U0 --cc --all`, one process). Reports wall
 *    time, MB of added text, commits/s, peak RSS, and whether every planted secret was found.
 *    Target: at most 1.5× git's own time; peak RSS at most 300 MB.
 *    The repository is SPRAWLGUARD_BENCH_REPO when set (e.g. a local clone of rails/rails:
 *    `git clone --bare https://github.com/rails/rails.git /data/rails.git`), otherwise a synthetic
 *    repository of 20,000 commits (2,000 with --quick) generated once with `git fast-import`.
 *
 * The pre-commit `scan --staged` latency lives in bench/cases/hook.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as FingerprintModuleNamespace from '../../src/findings/fingerprint.js';
import type { BenchContext } from '../run.js';
import { configFile, sourceFile, SOURCE_EXTENSIONS, type SourceLanguage } from '../lib/corpus-content.js';
import { fastImport } from '../lib/fast-import.js';
import { measureNodeCli, medianRun, type ChildMeasurement } from '../lib/measure.js';
import { importCompiled, sprawlguardBin } from '../lib/paths.js';
import { Random } from '../lib/random.js';
import { createSecretFactory } from '../lib/secrets.js';
import { formatMB, formatRate, formatRatio, formatSeconds, formatTable, mbPerSecond, printTable } from '../lib/table.js';

const GENERATOR_VERSION = 4;
const TARGET_RATIO = 1.5;
const TARGET_RSS = 300 * 1024 * 1024;

interface Plant {
  path: string;
  fingerprint: string;
}

interface SyntheticRepo {
  dir: string;
  commits: number;
  plants: Plant[];
}

const LANGUAGES: SourceLanguage[] = ['ts', 'js', 'py', 'go', 'java', 'rb'];

type FingerprintModule = typeof FingerprintModuleNamespace;

/** The tool's own fingerprint (PEM keys are hashed without their line breaks). */
let fingerprintSecret: FingerprintModule['fingerprintSecret'] | undefined;
function fingerprint(secret: string): string {
  if (!fingerprintSecret) throw new Error('fingerprint module not loaded');
  return fingerprintSecret(secret);
}

/** Deterministic synthetic history: many small commits on main, feature branches, planted secrets. */
async function ensureSyntheticRepo(workDir: string, commits: number, log: (line: string) => void): Promise<SyntheticRepo> {
  const dir = path.join(workDir, `synthetic-${commits}.git`);
  const manifestFile = path.join(workDir, `synthetic-${commits}.json`);
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as SyntheticRepo & { version: number };
    if (manifest.version === GENERATOR_VERSION && existsSync(dir)) return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', dir]);
  const started = performance.now();
  const rng = new Random(`sprawlguard-history-${commits}`);
  const secrets = await createSecretFactory();
  const plants: Plant[] = [];
  const paths = Array.from({ length: 3000 }, (_, i) => {
    const lang = LANGUAGES[i % LANGUAGES.length] as SourceLanguage;
    return `src/module${Math.floor(i / 100)}/file${i}.${SOURCE_EXTENSIONS[lang]}`;
  });
  await fastImport(dir, (fi) => {
    let time = 1_600_000_000;
    let mainTip = 0;
    for (let n = 1; n <= commits; n++) {
      time += rng.int(60, 7200);
      // Every 500 commits a feature branch forks from an earlier main commit and gets one commit
      // that main never merges: only --all reaches it.
      const branch = n % 500 === 0 && n > 1000 ? `refs/heads/feature-${n}` : 'refs/heads/main';
      fi.line(`commit ${branch}`);
      fi.line(`mark :${n}`);
      fi.line(`author Dev ${n % 37} <dev${n % 37}@corp.invalid> ${time} +0000`);
      fi.line(`committer Dev ${n % 37} <dev${n % 37}@corp.invalid> ${time} +0000`);
      fi.data(`change ${n}`);
      if (branch === 'refs/heads/main') {
        if (mainTip > 0) fi.line(`from :${mainTip}`);
        mainTip = n;
      } else fi.line(`from :${Math.max(1, mainTip - 200)}`);
      const files = rng.int(1, 3);
      for (let f = 0; f < files; f++) {
        const file = rng.pick(paths);
        const lang = LANGUAGES[paths.indexOf(file) % LANGUAGES.length] as SourceLanguage;
        fi.line(`M 100644 inline ${file}`);
        fi.data(`${sourceFile(rng, lang, rng.int(600, 2400)).join('\n')}\n`);
      }
      if (n % 250 === 7) {
        // A config file with a planted secret; a later commit may overwrite it (removed from HEAD,
        // still in history, still reported).
        const group = secrets.plant(rng);
        const file = `config/env-${n}.env`;
        fi.line(`M 100644 inline ${file}`);
        fi.data(`${configFile(rng, 'env', 400).join('\n')}\n${group.map((a) => `${a.name}=${a.value}`).join('\n')}\n`);
        for (const a of group) plants.push({ path: file, fingerprint: fingerprint(a.value) });
      }
      if (n % 250 === 100 && n > 250) {
        fi.line(`M 100644 inline config/env-${n - 93}.env`);
        fi.data('# rotated: the credential moved to the secret manager\n');
      }
    }
  });
  // fast-import leaves branch refs only; make HEAD point at main.
  execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: dir });
  execFileSync('git', ['gc', '-q', '--aggressive', '--prune=now'], { cwd: dir });
  const repo: SyntheticRepo = { dir, commits, plants };
  writeFileSync(manifestFile, JSON.stringify({ version: GENERATOR_VERSION, ...repo }));
  log(`synthetic repository: ${commits} commits generated in ${formatSeconds(performance.now() - started)}`);
  return repo;
}

/** Wall time and output size of git producing the patch text we scan, in one process. */
async function timeGitLog(repo: string): Promise<{ wallMs: number; bytes: number; commits: number }> {
  const started = performance.now();
  let bytes = 0;
  let commits = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'git',
      ['-c', 'core.quotepath=off', 'log', '-p', '--cc', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--all', '--format=%x1e%H'],
      { cwd: repo, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      for (let i = d.indexOf(0x1e); i >= 0; i = d.indexOf(0x1e, i + 1)) commits++;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git log exited ${code}`))));
  });
  return { wallMs: performance.now() - started, bytes, commits };
}

interface HistoryRun extends ChildMeasurement {
  commits: number;
  bytes: number;
  findings: { fingerprint: string; location: { path: string } }[];
}

async function runHistoryScan(repo: string, jobs?: number): Promise<HistoryRun> {
  const args = ['scan', '--history', '--repo', repo, '--format', 'json', '-q'];
  if (jobs !== undefined) args.push('--jobs', String(jobs));
  const m = await measureNodeCli(sprawlguardBin, args);
  if (m.exitCode !== 0 && m.exitCode !== 1) throw new Error(`history scan failed (${m.exitCode}): ${m.stderr}`);
  const report = JSON.parse(m.stdout) as { findings: HistoryRun['findings']; stats: { commits: number; bytes: number } };
  return { ...m, commits: report.stats.commits, bytes: report.stats.bytes, findings: report.findings };
}

export default async function historyBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  ({ fingerprintSecret } = await importCompiled<FingerprintModule>('findings/fingerprint.js'));
  const cores = os.availableParallelism();
  log(`load average ${os.loadavg()[0]?.toFixed(2)}, ${cores} cores`);

  // 1. Full history.
  const external = process.env.SPRAWLGUARD_BENCH_REPO;
  let repoDir: string;
  let plants: Plant[] | undefined;
  if (external) {
    repoDir = path.resolve(external);
    log(`history: using SPRAWLGUARD_BENCH_REPO=${repoDir}`);
  } else {
    const synthetic = await ensureSyntheticRepo(ctx.workDir, ctx.quick ? 2000 : 20000, log);
    repoDir = synthetic.dir;
    plants = synthetic.plants;
  }
  // Warm the object store and page cache once, so both sides read from memory.
  await timeGitLog(repoDir);
  const gitRuns = [await timeGitLog(repoDir), await timeGitLog(repoDir)];
  const git = gitRuns.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const runs: HistoryRun[] = [];
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) runs.push(await runHistoryScan(repoDir));
  const ours = medianRun(runs);
  const single = await runHistoryScan(repoDir, 1);
  const ratio = ours.wallMs / git.wallMs;
  const rows = [
    ['git log -p -U0 --cc --all (1 process)', formatSeconds(git.wallMs), formatMB(git.bytes), String(git.commits), (git.commits / (git.wallMs / 1000)).toFixed(0), 'n/a', '1.0×'],
    [`sprawlguard scan --history (${cores} workers)`, formatSeconds(ours.wallMs), formatMB(ours.bytes), String(ours.commits), (ours.commits / (ours.wallMs / 1000)).toFixed(0), formatMB(ours.maxRssBytes, 0), formatRatio(ratio)],
    ['sprawlguard scan --history --jobs 1', formatSeconds(single.wallMs), formatMB(single.bytes), String(single.commits), (single.commits / (single.wallMs / 1000)).toFixed(0), formatMB(single.maxRssBytes, 0), formatRatio(single.wallMs / git.wallMs)],
  ];
  log('');
  log('full-history scan (git output = patch text incl. headers; ours = added lines scanned)');
  printTable(log, '  ', formatTable(['run', 'wall', 'MB', 'commits', 'commits/s', 'peak RSS', 'vs git'], rows));
  log(`  throughput: ${formatRate(mbPerSecond(ours.bytes, ours.wallMs))} of added text; ${ours.findings.length} findings`);
  log(`  target: ≤ ${TARGET_RATIO}× git's time → ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'} (${ratio.toFixed(2)}×); peak RSS ≤ 300 MB → ${ours.maxRssBytes <= TARGET_RSS ? 'met' : 'NOT met'}`);
  if (ours.commits !== git.commits) log(`  note: we scanned ${ours.commits} commits, git log listed ${git.commits}`);
  if (plants) {
    const exact = new Set(ours.findings.map((f) => `${f.fingerprint} ${f.location.path}`));
    const paths = new Set(ours.findings.map((f) => f.location.path));
    const expected = new Map(plants.map((p) => [`${p.fingerprint} ${p.path}`, p.path]));
    const hit = [...expected.values()].filter((p) => paths.has(p)).length;
    const hitExact = [...expected.keys()].filter((k) => exact.has(k)).length;
    // A database URL's finding is its password, not the whole planted URL: found, but not "exact".
    log(`  recall: ${hit}/${expected.size} planted (secret, path) pairs reported (${hitExact} with exactly the planted value), including those removed from HEAD later`);
  }

}

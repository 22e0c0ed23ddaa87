/**
 * Pre-commit latency: `sprawlguard scan --staged` of a 10-file change (one file adds a secret) in a
 * 5,000-file repository, median wall time of fresh processes (start-up included), as a developer
 * waits for it on every commit. Target: ≤ 150 ms median.
 *
 * To say what dominates, the same machine also times the floors the command cannot go below:
 * a bare `node` start, `sprawlguard --version` (node plus the command dispatcher), and the git
 * processes a staged scan runs, alone. One run under `--cpu-prof` lists the scripts that took the
 * most time.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchContext } from '../run.js';
import { sourceFile, SOURCE_EXTENSIONS, type SourceLanguage } from '../lib/corpus-content.js';
import { fastImport } from '../lib/fast-import.js';
import { measureNodeCli, medianRun, type ChildMeasurement } from '../lib/measure.js';
import { sprawlguardBin } from '../lib/paths.js';
import { profilesIn, summarizeCpuProfile } from '../lib/profile.js';
import { ALPHABETS, Random } from '../lib/random.js';
import { createSecretFactory } from '../lib/secrets.js';
import { formatTable, printTable } from '../lib/table.js';

const TARGET_STAGED_MS = 150;
const LANGUAGES: SourceLanguage[] = ['ts', 'js', 'py', 'go', 'java', 'rb'];

/** A 5,000-file work tree with a 10-file change staged (one file adds a secret). */
async function ensureStagedRepo(workDir: string): Promise<{ dir: string; secret: string }> {
  const dir = path.join(workDir, 'staged-5000');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const rng = new Random('sprawlguard-staged-5000');
  const files = Array.from({ length: 5000 }, (_, i) => `pkg${Math.floor(i / 250)}/mod${i}.${SOURCE_EXTENSIONS[LANGUAGES[i % LANGUAGES.length] as SourceLanguage]}`);
  await fastImport(dir, (fi) => {
    fi.line('commit refs/heads/main');
    fi.line('author Dev <dev@corp.invalid> 1700000000 +0000');
    fi.line('committer Dev <dev@corp.invalid> 1700000000 +0000');
    fi.data('initial import');
    files.forEach((file, i) => {
      fi.line(`M 100644 inline ${file}`);
      fi.data(`${sourceFile(rng, LANGUAGES[i % LANGUAGES.length] as SourceLanguage, 1500).join('\n')}\n`);
    });
  });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  const secrets = await createSecretFactory();
  const [plant] = secrets.plant(rng);
  for (let i = 0; i < 10; i++) {
    const file = path.join(dir, files[i * 499] as string);
    const added = i === 3 ? `\nconst token = "${plant?.value ?? ''}";\n` : `\n// change ${i}: ${rng.chars(40, ALPHABETS.base62)}\n`;
    writeFileSync(file, readFileSync(file, 'utf8') + added);
  }
  execFileSync('git', ['add', '-A'], { cwd: dir });
  return { dir, secret: plant?.value ?? '' };
}

/** Wall time of one process, spawn to exit. */
function timeProcess(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

interface Row {
  label: string;
  times: number[];
}

export default async function hookBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const staged = await ensureStagedRepo(ctx.workDir);
  const runs = ctx.quick ? 5 : 15;
  log(`load average ${os.loadavg()[0]?.toFixed(2)}, ${os.availableParallelism()} cores; ${runs} runs each, interleaved, median reported`);

  const rows: Row[] = [
    { label: 'node -e 0 (bare node start)', times: [] },
    { label: 'sprawlguard --version (node + dispatcher)', times: [] },
    { label: 'git rev-parse + git diff --cached (the git work alone)', times: [] },
    { label: 'sprawlguard scan --staged', times: [] },
  ];
  const scans: ChildMeasurement[] = [];
  const dispatcher: ChildMeasurement[] = [];
  for (let i = 0; i < runs; i++) {
    rows[0]?.times.push(await timeProcess(process.execPath, ['-e', '0'], staged.dir));
    const version = await measureNodeCli(sprawlguardBin, ['--version'], { cwd: staged.dir });
    dispatcher.push(version);
    rows[1]?.times.push(version.wallMs);
    rows[2]?.times.push(
      (await timeProcess('git', ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--show-toplevel'], staged.dir)) +
        (await timeProcess('git', ['diff', '--cached', '-M', '-U0', '--no-color', '--no-ext-diff', '--no-textconv'], staged.dir)),
    );
    const scan = await measureNodeCli(sprawlguardBin, ['scan', '--staged', '--format', 'json', '-q'], { cwd: staged.dir });
    scans.push(scan);
    rows[3]?.times.push(scan.wallMs);
  }
  const scan = medianRun(scans);
  const report = JSON.parse(scan.stdout) as { findings: { redacted: string }[] };
  log('');
  log('pre-commit: 10-file change (1 planted secret) in a 5,000-file repository');
  printTable(
    log,
    '  ',
    formatTable(
      ['run', 'median', 'min', 'max'],
      rows.map((r) => [r.label, `${median(r.times).toFixed(0)} ms`, `${Math.min(...r.times).toFixed(0)} ms`, `${Math.max(...r.times).toFixed(0)} ms`]),
    ),
  );
  const stagedMedian = median(rows[3]?.times ?? []);
  // CPU time of the process itself (git's excluded) moves far less than wall time on a shared machine.
  const cpu = (ms: ChildMeasurement[]): string => `${median(ms.map((m) => m.userCpuMs + m.systemCpuMs)).toFixed(0)} ms`;
  log(`  CPU median (the node process, git excluded): scan --staged ${cpu(scans)}, --version ${cpu(dispatcher)}`);
  log(`  scan --staged: peak RSS ${(scan.maxRssBytes / 1e6).toFixed(0)} MB, ${report.findings.length} finding(s) (1 planted)`);
  log(`  target: ≤ ${TARGET_STAGED_MS} ms median → ${stagedMedian <= TARGET_STAGED_MS ? 'met' : 'NOT met'}`);

  // Where a run's own time goes, by script (node's internals, the dispatcher, rules, engine).
  const profileDir = path.join(ctx.workDir, 'cpu-profile');
  rmSync(profileDir, { recursive: true, force: true });
  await measureNodeCli(sprawlguardBin, ['scan', '--staged', '--format', 'json', '-q'], {
    cwd: staged.dir,
    nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir],
  });
  const [profile] = profilesIn(profileDir);
  if (profile) {
    const summary = summarizeCpuProfile(profile, 8);
    log(`  one profiled run: ${summary.totalMs.toFixed(0)} ms of main-thread samples; most self time by script:`);
    for (const f of summary.files.slice(0, 8)) log(`    ${f.selfMs.toFixed(1).padStart(6)} ms  ${f.where}`);
  }
}

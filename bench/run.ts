/**
 * `npm run bench [-- [--quick] [case…]]`: run the benchmark cases in bench/cases/*.ts (all of them,
 * or the named ones). A case is a module whose default export is
 * `async function (ctx: BenchContext): Promise<void>`; it measures and prints through `ctx.log`.
 * Adding a case means adding a file there, nothing else.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDir, repoRoot, workRoot } from './lib/paths.js';

export interface BenchContext {
  log(line: string): void;
  /** Scratch directory for this case (gitignored, kept between runs). */
  workDir: string;
  /** Smaller inputs for a fast smoke run. */
  quick: boolean;
}

export type BenchCase = (ctx: BenchContext) => Promise<void>;

const USAGE = 'usage: npm run bench -- [--quick] [--list] [case…]';

async function main(argv: readonly string[]): Promise<number> {
  const casesDir = path.join(benchDir, 'cases');
  const available = readdirSync(casesDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
  let quick = false;
  const wanted: string[] = [];
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--list') {
      process.stdout.write(`${available.join('\n')}\n`);
      return 0;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\ncases: ${available.join(', ')}\n`);
      return 0;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`bench: unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else wanted.push(arg);
  }
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no such case: ${unknown.join(', ')} (cases: ${available.join(', ')})\n`);
    return 2;
  }
  const selected = wanted.length > 0 ? wanted : available;

  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  for (const line of environment(quick)) log(line);

  let failed = 0;
  for (const name of selected) {
    log('');
    log(`== ${name}${quick ? ' (quick)' : ''} ==`);
    const started = performance.now();
    try {
      const module = (await import(pathToFileURL(path.join(casesDir, `${name}.ts`)).href)) as { default?: unknown };
      if (typeof module.default !== 'function') throw new Error(`bench/cases/${name}.ts has no default export function`);
      const workDir = path.join(workRoot, name);
      mkdirSync(workDir, { recursive: true });
      await (module.default as BenchCase)({ log, workDir, quick });
      log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      process.stderr.write(`bench: case ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** What a reader needs to compare numbers between runs: machine, load, runtime and code version. */
function environment(quick: boolean): string[] {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    if (dirty !== '') commit += ' + uncommitted changes in src/ or rules/';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return [
    `sprawlguard bench${quick ? ' --quick' : ''}: ${new Date().toISOString()}`,
    `node ${process.version}, ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${load}`,
    `code: ${commit}`,
  ];
}

process.exitCode = await main(process.argv.slice(2));

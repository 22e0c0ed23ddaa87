/**
 * Run a Node CLI in a fresh child process and measure it: wall time from spawn to exit (start-up
 * included), peak RSS and CPU time of that process as it reports them itself at exit (see
 * child-runner.mjs), exit code and captured output.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { benchDir } from './paths.js';

const RUNNER = path.join(benchDir, 'lib', 'child-runner.mjs');

export interface ChildMeasurement {
  wallMs: number;
  /** Peak resident set size of the child process (all threads), bytes. NaN if it did not report. */
  maxRssBytes: number;
  /** CPU time of the child, all threads. With N busy workers this exceeds wall time. */
  userCpuMs: number;
  systemCpuMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The child ran past `timeoutMs` and was killed (its figures are then NaN). */
  killed: boolean;
}

/** CPU time of a measured child, user and system, all threads. */
export function cpuMs(run: Pick<ChildMeasurement, 'userCpuMs' | 'systemCpuMs'>): number {
  return run.userCpuMs + run.systemCpuMs;
}

export interface MeasureOptions {
  cwd?: string;
  /** Extra options for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Kill the child (SIGKILL) when it runs longer than this. */
  timeoutMs?: number;
}

export function measureNodeCli(entry: string, args: readonly string[], options: MeasureOptions = {}): Promise<ChildMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), RUNNER, entry, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const usage: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    (child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (d: Buffer) => usage.push(d));
    let killed = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer !== undefined) clearTimeout(timer);
      const wallMs = performance.now() - started;
      let report: { maxRssKiB?: number; userCpuMicros?: number; systemCpuMicros?: number } = {};
      try {
        report = JSON.parse(Buffer.concat(usage).toString('utf8').trim() || '{}') as typeof report;
      } catch {
        // A crashed child reports nothing; the numbers stay NaN and the caller sees the exit code.
      }
      resolve({
        wallMs,
        maxRssBytes: (report.maxRssKiB ?? Number.NaN) * 1024,
        userCpuMs: (report.userCpuMicros ?? Number.NaN) / 1000,
        systemCpuMs: (report.systemCpuMicros ?? Number.NaN) / 1000,
        exitCode: code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        killed,
      });
    });
  });
}

/** The run with the median wall time (the lower middle one for an even count). */
export function medianRun<T extends { wallMs: number }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('median of no runs');
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

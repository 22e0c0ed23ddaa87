/**
 * Run the built CLI (`node bin/sprawlguard.js`) as a user would. The global setup builds `lib/`
 * once per test run; every run here is a real process with its own exit code, stdout and stderr.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'sprawlguard.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Written to standard input, then closed. Without it, stdin is empty. */
  input?: string | Uint8Array;
  /** Added to a clean environment (no inherited SPRAWLGUARD_* or NO_COLOR settings). */
  env?: Record<string, string>;
  /** Run as another user (tests run as root, where file permissions do not stop reads). */
  uid?: number;
  gid?: number;
}

/** Environment for the CLI: the parent's, minus anything that changes sprawlguard's behaviour. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('SPRAWLGUARD_') || key === 'NO_COLOR' || key === 'FORCE_COLOR') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: cleanEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    // A CLI that exits before reading stdin closes the pipe; that is not a test failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Parse `--format json` output, failing with the process output when it is not JSON. */
export function parseJsonReport<T = JsonReport>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${result.code}):\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  }
}

/** The shape of `--format json` as tests read it (the contract lives in src/findings/finding.ts). */
export interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  findings: {
    ruleId: string;
    fingerprint: string;
    redacted: string;
    secret?: string;
    location: { source: string; path: string; line: number; column: number; endLine: number; endColumn: number };
    [key: string]: unknown;
  }[];
  stats: { sources: number; bytes: number; chunks: number; durationMs: number; skipped: { path: string; reason: string }[] };
}

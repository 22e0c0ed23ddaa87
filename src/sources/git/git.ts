/**
 * The one way sprawlguard runs git: every git process (short commands, streamed patches, the
 * long-running `cat-file --batch`) is started by spawnGit, with the configuration overrides and
 * the environment every call needs, so no caller can forget one:
 *
 * - `core.quotepath=off`: paths come back as UTF-8 bytes, not C-quoted;
 * - `core.pager=cat`, `color.ui=never`: output is plain text for a parser, never paged;
 * - GIT_TERMINAL_PROMPT=0, GCM_INTERACTIVE=never: a fetch that needs credentials fails at once
 *   instead of waiting for a person at a terminal that is not there;
 * - NO_LAZY_FETCH, where a scan passes it: an object a partial clone lacks is never fetched one at
 *   a time behind the scan's back (see partial-clone.ts).
 *
 * Short commands are buffered (git, gitBytes, gitMaybe); long outputs (patches of a whole history)
 * are streamed line by line, so memory never holds more than one line.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SprawlguardError } from '../../errors.js';

/** Config overrides: keep paths unquoted UTF-8 and never page. */
const CONFIG = ['-c', 'core.quotepath=off', '-c', 'core.pager=cat', '-c', 'color.ui=never'];

/** Environment for a scan's git processes: never fetch an absent object from a promisor remote. */
export const NO_LAZY_FETCH: NodeJS.ProcessEnv = { GIT_NO_LAZY_FETCH: '1' };

/** The environment every git process runs with, plus `extra`. */
export function gitEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', ...extra };
}

/** git failed where sprawlguard did not expect it to (callers that expect it catch this). */
export class GitError extends SprawlguardError {
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super('internal', `git ${args.join(' ')} failed${code !== null ? ` (exit ${code})` : ''}: ${stderr.trim() || 'no output'}`);
  }
}

export interface SpawnGitOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Kill the process (SIGKILL) when it runs longer: for network calls such as a mirror's fetch. */
  timeoutMs?: number;
}

/** Start `git args` in `dir` with every pipe open. */
export function spawnGit(dir: string, args: readonly string[], options: SpawnGitOptions = {}): ChildProcessWithoutNullStreams {
  return spawn('git', [...CONFIG, ...args], {
    cwd: dir,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: gitEnvironment(options.env),
    signal: options.signal,
    ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
}

export interface GitRunOptions {
  input?: string;
  /** Accept these exit codes as success. */
  okCodes?: readonly number[];
  env?: NodeJS.ProcessEnv;
  /** Stop git and fail when its output grows past this many bytes. */
  maxBytes?: number;
}

/** Run git and return stdout (small outputs only). */
export async function git(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return (await gitBytes(repo, args, options)).toString('utf8');
}

/** Run git and return stdout as bytes (small outputs only): for paths, which need not be UTF-8. */
export function gitBytes(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repo, args, { env: options.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (options.maxBytes !== undefined && size > options.maxBytes) {
        child.kill();
        reject(new GitError(args, null, `output larger than ${options.maxBytes} bytes`));
      } else out.push(d);
    });
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(args, null, e.message)));
    child.on('close', (code) => {
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) resolve(Buffer.concat(out));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** git's answer, or undefined when the command fails. */
export async function gitMaybe(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<string | undefined> {
  try {
    return await git(repo, args, options);
  } catch {
    return undefined;
  }
}

/**
 * Spawn git and feed each stdout line (without its newline) to `onLine` as bytes: `buf[start, end)`.
 * The consumer decodes only the lines it keeps (a patch's removed lines never become strings);
 * invalid UTF-8 becomes U+FFFD when decoded.
 */
export function streamGitLines(
  repo: string,
  args: readonly string[],
  onLine: (buf: Buffer, start: number, end: number) => void,
  options: { input?: string; signal?: AbortSignal; env?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repo, args, { env: options.env, signal: options.signal });
    const err: Buffer[] = [];
    // Pieces of a line not yet terminated; joined once its newline arrives (a 10 MB minified line
    // arrives in many reads and must not be re-copied on each).
    let pending: Buffer[] = [];
    let failed = false;
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64) err.push(d);
    });
    child.stdout.on('data', (data: Buffer) => {
      if (failed) return;
      try {
        let start = 0;
        let nl = data.indexOf(10);
        if (nl >= 0 && pending.length > 0) {
          pending.push(data.subarray(0, nl));
          const line = Buffer.concat(pending);
          onLine(line, 0, line.length);
          pending = [];
          start = nl + 1;
          nl = data.indexOf(10, start);
        }
        for (; nl >= 0; nl = data.indexOf(10, start)) {
          onLine(data, start, nl);
          start = nl + 1;
        }
        if (start < data.length) pending.push(data.subarray(start));
      } catch (error) {
        failed = true;
        child.kill();
        reject(error);
      }
    });
    child.on('error', (e) => {
      if (!failed) reject(new GitError(args, null, e.message));
      failed = true;
    });
    child.on('close', (code) => {
      if (failed) return;
      if (pending.length > 0) {
        try {
          const line = Buffer.concat(pending);
          onLine(line, 0, line.length);
        } catch (error) {
          reject(error);
          return;
        }
      }
      if (code === 0) resolve();
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

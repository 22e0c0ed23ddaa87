/**
 * Running git: short commands buffered, long outputs (patches of a whole history) streamed line by
 * line from the child process so memory never holds more than one line.
 */
import { spawn } from 'node:child_process';
import { SprawlguardError } from '../../errors.js';
import { NotARepositoryError } from './errors.js';

/** Options every patch-producing command gets, whatever the user's git config says. */
export const PATCH_FLAGS = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
] as const;

/** Config overrides: keep paths unquoted UTF-8 and never page. */
const CONFIG = ['-c', 'core.quotepath=off', '-c', 'core.pager=cat', '-c', 'color.ui=never'];

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

export interface GitRunOptions {
  input?: string;
  /** Accept these exit codes as success. */
  okCodes?: readonly number[];
  env?: NodeJS.ProcessEnv;
}

/** Run git and return stdout (small outputs only). */
export async function git(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return (await gitBytes(repo, args, options)).toString('utf8');
}

/** Run git and return stdout as bytes (small outputs only): for paths, which need not be UTF-8. */
export function gitBytes(repo: string, args: readonly string[], options: GitRunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...CONFIG, ...args], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...options.env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
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
export async function gitMaybe(repo: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await git(repo, args);
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
    const child = spawn('git', [...CONFIG, ...args], {
      cwd: repo,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...options.env },
      signal: options.signal,
    });
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

export interface RepoInfo {
  /** Absolute path git runs in. */
  dir: string;
  bare: boolean;
  shallow: boolean;
  /** Work tree top level (undefined for bare repositories). */
  topLevel?: string;
  hasHead: boolean;
}

/** Facts about the repository at `dir`; throws a clear error when it is not one. */
export async function repoInfo(dir: string): Promise<RepoInfo> {
  const out = await gitMaybe(dir, ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--show-toplevel']);
  if (out === undefined) {
    const bare = await gitMaybe(dir, ['rev-parse', '--is-bare-repository', '--is-shallow-repository']);
    if (bare === undefined) throw new NotARepositoryError(dir);
    const [isBare, isShallow] = bare.trim().split('\n');
    return { dir, bare: isBare === 'true', shallow: isShallow === 'true', hasHead: await hasHead(dir) };
  }
  const [isBare, isShallow, top] = out.trim().split('\n');
  return { dir, bare: isBare === 'true', shallow: isShallow === 'true', topLevel: top, hasHead: await hasHead(dir) };
}

async function hasHead(dir: string): Promise<boolean> {
  return (await gitMaybe(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) !== undefined;
}


/** Resolve a revision to a full commit id, or undefined when it is not present locally. */
export async function resolveCommit(repo: string, rev: string): Promise<string | undefined> {
  const out = await gitMaybe(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return out?.trim() || undefined;
}

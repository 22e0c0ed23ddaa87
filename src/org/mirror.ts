/**
 * The clone cache: one bare mirror of each repository's branches and tags under `--cache DIR`,
 * created by the first run and brought up to date by `git fetch --prune` on later runs, so a run
 * downloads only what changed.
 *
 * Always full clones: a partial clone (`--filter=blob:none`) makes `git log -p` fetch every missing
 * blob on demand, one request at a time, and a shallow clone hides the history the scan is for.
 * A cache entry found to be partial or shallow is discarded and cloned again in full.
 *
 * Credentials: a token travels in an `http.extraHeader` passed through git's environment (not the
 * command line, where other users could read it in the process list), only to the host it belongs
 * to, and is removed from any error message.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { withoutCredentials } from './targets.js';

export interface GitAuth {
  /** Host names (lower case) the token may be sent to. */
  hosts: readonly string[];
  token: string;
}

export interface MirrorOptions {
  /** Clone URL as given (it may carry credentials of its own; they are never stored or shown). */
  url: string;
  /** Repository identity, used to name the cache entry. */
  name: string;
  cacheDir: string;
  auth?: GitAuth;
  /** Default branch from the hosting API; otherwise asked of the remote on first clone. */
  defaultBranch?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface MirrorResult {
  dir: string;
  cloned: boolean;
}

export class MirrorError extends Error {}

/** Branches and tags; pull-request refs are left out (on GitHub they bring in forks' objects). */
const REFSPECS = ['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'];

/** Cache folder for a repository: readable, and unique even when two names sanitize alike. */
export function mirrorDir(cacheDir: string, name: string): string {
  const readable = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-80) || 'repo';
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return path.join(cacheDir, `${readable}-${hash}.git`);
}

export async function syncMirror(options: MirrorOptions): Promise<MirrorResult> {
  const dir = mirrorDir(options.cacheDir, options.name);
  const env = authEnv(options.url, options.auth);
  const redact = redactor(options);
  const run = (args: string[]): Promise<string> => runGit(dir, args, { env, timeoutMs: options.timeoutMs, signal: options.signal, redact });

  let cloned = false;
  if (existsSync(path.join(dir, 'HEAD')) && !(await usableMirror(dir))) await rm(dir, { recursive: true, force: true });
  if (!existsSync(path.join(dir, 'HEAD'))) {
    await mkdir(dir, { recursive: true });
    await run(['init', '--bare', '--quiet']);
    await run(['config', 'remote.origin.url', options.url]);
    for (const spec of REFSPECS) await run(['config', '--add', 'remote.origin.fetch', spec]);
    // Loose objects from a huge first fetch would otherwise trigger gc in the middle of a scan.
    await run(['config', 'gc.auto', '0']);
    cloned = true;
  } else {
    await run(['config', 'remote.origin.url', options.url]);
  }
  try {
    await run(['fetch', '--prune', '--quiet', '--no-write-fetch-head', 'origin']);
    if (cloned || !(await hasHead(dir))) await setHead(dir, options, run);
  } catch (error) {
    // A half-made first clone would look like a cache entry next time: start clean instead.
    if (cloned) await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, cloned };
}

async function usableMirror(dir: string): Promise<boolean> {
  const partial = await runGit(dir, ['config', '--get', 'remote.origin.partialclonefilter'], { okCodes: [1] }).catch(() => '');
  const shallow = existsSync(path.join(dir, 'shallow'));
  return partial.trim() === '' && !shallow;
}

async function hasHead(dir: string): Promise<boolean> {
  const out = await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { okCodes: [1] }).catch(() => '');
  return out.trim() !== '';
}

/** Point the mirror's HEAD at the remote's default branch: "present at HEAD" is judged there. */
async function setHead(dir: string, options: MirrorOptions, run: (args: string[]) => Promise<string>): Promise<void> {
  let branch = options.defaultBranch;
  if (!branch) {
    const out = await run(['ls-remote', '--symref', 'origin', 'HEAD']).catch(() => '');
    branch = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(out)?.[1];
  }
  if (branch && (await runGit(dir, ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], { okCodes: [1] }).then(() => true, () => false))) {
    await run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  }
}

/** git reads `http.extraHeader` from these variables; sent only when the URL's host is the token's. */
function authEnv(url: string, auth: GitAuth | undefined): NodeJS.ProcessEnv {
  if (!auth || !auth.token) return {};
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return {};
    host = parsed.hostname.toLowerCase();
  } catch {
    return {};
  }
  if (!auth.hosts.includes(host)) return {};
  const basic = Buffer.from(`x-access-token:${auth.token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

/** Remove the token (plain and as sent), and URL credentials, from text shown to the user. */
function redactor(options: MirrorOptions): (text: string) => string {
  const secrets: string[] = [];
  if (options.auth?.token) {
    secrets.push(options.auth.token, Buffer.from(`x-access-token:${options.auth.token}`).toString('base64'));
  }
  const urlCredentials = /^[a-z][a-z0-9+.-]*:\/\/([^/@]+)@/i.exec(options.url)?.[1];
  if (urlCredentials) secrets.push(urlCredentials);
  return (text) => {
    let out = text.split(options.url).join(withoutCredentials(options.url));
    for (const s of secrets) out = out.split(s).join('***');
    return out;
  };
}

export interface RunGitOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  signal?: AbortSignal;
  okCodes?: readonly number[];
  redact?: (text: string) => string;
}

/** Run git in `dir` with a time limit; errors carry git's message, with credentials removed. */
export function runGit(dir: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  const redact = options.redact ?? ((t: string) => t);
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', ...options.env },
      signal: options.signal,
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64) err.push(d);
    });
    child.on('error', (e) => reject(new MirrorError(redact(`git ${args[0] ?? ''}: ${e.message}`))));
    child.on('close', (code, signal) => {
      if (code === 0 || (code !== null && options.okCodes?.includes(code))) {
        resolve(Buffer.concat(out).toString('utf8'));
        return;
      }
      const why = signal
        ? options.signal?.aborted
          ? 'stopped'
          : `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`
        : Buffer.concat(err).toString('utf8').trim() || `exit ${code}`;
      reject(new MirrorError(redact(`git ${args[0] ?? ''} failed: ${why}`)));
    });
  });
}

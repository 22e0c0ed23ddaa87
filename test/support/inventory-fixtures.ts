/**
 * Helpers for the inventory and org-scan tests: small real repositories with generated secrets,
 * a scanner configuration, and a fake GitHub REST API on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import type { ScannerConfig } from '../../src/scan/chunk-scanner.js';
import { availableBackends, SQLITE_BACKENDS, type SqliteBackend } from '../../src/inventory/sqlite.js';
import { fakeGithubPat } from './fake-secrets.js';
import { TestRepo } from './git-repo.js';
import { makeTempDir } from './temp.js';

/** GitHub rules only: quick to compile, and every planted secret is a GitHub token. */
export const githubRules = loadBuiltinRules().filter((r) => r.provider === 'github');
export const scannerConfig: ScannerConfig = { rules: githubRules, allowSecretRegexes: [], stopwords: [] };

/** Secret number n of a test (distinct fingerprints for distinct n). */
export const secret = (n: number): string => fakeGithubPat(7000 + n);

/** A repository under `parent/name` with one commit per entry; returns it. */
export function makeRepo(parent: string, name: string, commits: Record<string, string | null>[]): TestRepo {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  const repo = new TestRepo(dir);
  commits.forEach((files, i) => repo.commit(`change ${i + 1}`, files));
  return repo;
}

/** A bare clone of `source` at `parent/name` (a fork shares the source's history). */
export function forkRepo(source: TestRepo, parent: string, name: string, extra: Record<string, string | null>[] = []): string {
  const dir = path.join(parent, name);
  execFileSync('git', ['clone', '-q', source.dir, dir]);
  const fork = new TestRepo(dir, { init: false });
  fork.git('config', 'user.name', 'Fork Author');
  fork.git('config', 'user.email', 'fork@tests.invalid');
  extra.forEach((files, i) => fork.commit(`fork change ${i + 1}`, files));
  return dir;
}

/** Delete one blob of a file from the object store: history scans of the repository then fail. */
export function corruptBlob(repo: TestRepo, file: string): void {
  const oid = repo.git('rev-parse', `HEAD:${file}`).trim();
  rmSync(path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

/** Every file under `dir`, read as bytes: to prove no raw secret was stored or written. */
export function filesUnder(dir: string): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push({ file: abs, bytes: readFileSync(abs) });
    }
  };
  walk(dir);
  return out;
}

/**
 * One test suite per SQLite back end. A back end this Node cannot load is skipped, and the suite's
 * name says why (node:sqlite needs Node 22.5 or later; better-sqlite3 is an optional dependency).
 */
export function backendSuites(): { backend: SqliteBackend; title: string; available: boolean }[] {
  const loadable = availableBackends();
  return SQLITE_BACKENDS.map((backend) => {
    const available = loadable.includes(backend);
    const needs = backend === 'node:sqlite' ? 'Node 22.5 or later only' : 'needs the optional better-sqlite3';
    return { backend, available, title: `on ${backend} (${needs}${available ? '' : `; skipped: not loadable on Node ${process.version}`})` };
  });
}

export function workDir(label: string): string {
  return makeTempDir(`sprawlguard-${label}-`);
}

// ---- fake GitHub API ------------------------------------------------------------------------------

export interface FakeRepo {
  full_name: string;
  clone_url: string;
  default_branch?: string;
  fork?: boolean;
  archived?: boolean;
  disabled?: boolean;
  size?: number;
  pushed_at?: string;
}

export interface FakeGithub {
  url: string;
  /** Every request: path with query, and the Authorization header it carried. */
  requests: { path: string; authorization?: string }[];
  /** Responses to give before the normal ones, consumed in order (status, headers, body). */
  queue: { status: number; headers?: Record<string, string>; body?: unknown }[];
  close(): Promise<void>;
}

/** `GET /orgs/{org}/repos` with `per_page` pages linked by `Link: rel="next"`; other orgs 404. */
export async function startFakeGithub(org: string, repos: FakeRepo[], options: { perPage?: number; extraLink?: string } = {}): Promise<FakeGithub> {
  const requests: FakeGithub['requests'] = [];
  const queue: FakeGithub['queue'] = [];
  let base = '';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const queued = queue.shift();
    if (queued) return send(queued.status, queued.body ?? { message: 'queued response' }, queued.headers);
    const url = new URL(req.url ?? '/', base);
    const m = /^\/api\/v3\/orgs\/([^/]+)\/repos$/.exec(url.pathname);
    if (!m || m[1] !== org) return send(404, { message: 'Not Found' });
    const perPage = options.perPage ?? Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = repos.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { 'x-ratelimit-remaining': '4999' };
    const links: string[] = [];
    if (page * perPage < repos.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      links.push(`<${next.href}>; rel="next"`);
    } else if (options.extraLink) links.push(`<${options.extraLink}>; rel="next"`);
    if (page > 1) links.push(`<${base}${url.pathname}?page=1>; rel="first"`);
    if (links.length > 0) headers.link = links.join(', ');
    send(200, slice, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/api/v3`,
    requests,
    queue,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The repositories an org scan covers: where each one lives, the name it is recorded under, and
 * which shard it belongs to.
 *
 * A repository's name is its identity in the inventory and the input of shard selection, so it
 * must not depend on where or how it was fetched: `owner/name` for hosted repositories (from the
 * API's `full_name`, or from a clone URL's path), the absolute path for a local repository.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface RepoTarget {
  /** Identity in the inventory, e.g. `acme/api` or `/srv/git/api`. */
  name: string;
  /** A clone URL (without credentials) or a local path. */
  location: string;
  kind: 'url' | 'local';
  /** From the hosting API, when listed there. */
  defaultBranch?: string;
  pushedAt?: string;
  sizeKb?: number;
}

export interface Shard {
  index: number;
  count: number;
}

/** `I/N` with 0 ≤ I < N (Kubernetes' JOB_COMPLETION_INDEX and matrix indexes start at 0). */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) return undefined;
  return { index, count };
}

/** Stable across machines, runs and list orders: SHA-256 of the name, first 32 bits, mod N. */
export function shardOf(name: string, count: number): number {
  return createHash('sha256').update(name).digest().readUInt32BE(0) % count;
}

export function inShard(target: RepoTarget, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(target.name, shard.count) === shard.index;
}

/** Looks like something git fetches over the network (or file://), rather than a local path. */
export function isCloneUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text);
}

/** A URL as it may be stored and shown: user name and password removed. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** The `owner/name` (or longer path, for nested groups) a clone URL points at. */
export function nameFromUrl(url: string): string {
  let rest: string;
  const scp = /^[\w.-]+@[\w.-]+:(.*)$/.exec(url);
  if (scp && !url.includes('://')) rest = scp[1] ?? '';
  else {
    try {
      rest = new URL(url).pathname;
    } catch {
      rest = url;
    }
  }
  const name = decodeURIComponent(rest)
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '');
  return name || withoutCredentials(url);
}

export class RepoListError extends Error {}

/**
 * `--repos FILE`: one clone URL or local path per line; blank lines and `#` comments are skipped.
 * Relative paths are relative to the list file's directory. Duplicate names are listed once.
 */
export async function readRepoList(file: string): Promise<RepoTarget[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RepoListError(`--repos ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const base = path.dirname(path.resolve(file));
  const seen = new Set<string>();
  const targets: RepoTarget[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const target: RepoTarget = isCloneUrl(line)
      ? { name: nameFromUrl(line), location: line, kind: 'url' }
      : { name: path.resolve(base, line), location: path.resolve(base, line), kind: 'local' };
    if (seen.has(target.name)) continue;
    seen.add(target.name);
    targets.push(target);
  }
  return targets;
}

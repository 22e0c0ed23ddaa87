/**
 * Reading git objects one at a time through a long-running `git cat-file --batch`, for the paths
 * that cannot use `git log -p`: a repository with missing objects, or a partial clone.
 *
 * A missing object is an answer here, not a failure: `cat-file --batch` says "missing" and goes on.
 * In a partial clone it dies instead (it cannot fetch with lazy fetching off, and lazy fetching
 * stays off: one network round trip per blob is what scanning a partial clone must not cost). So
 * objects known to be absent are answered without asking git, and when git dies on an object
 * anyway (a corrupt object, an absent one nobody knew of) that object is reported unreadable with
 * git's own words and the next request starts a new process.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { NO_LAZY_FETCH, spawnGit } from './git.js';

/** Why an object a partial clone never fetched was not read (scan-git counts these to say how to fetch them). */
export const NOT_FETCHED = 'not fetched into this partial clone';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export type GitObject =
  | { kind: 'present'; type: ObjectType; size: number; data: Buffer }
  /** Present but larger than the caller's limit: only its size was read. */
  | { kind: 'too-large'; type: ObjectType; size: number }
  | { kind: 'missing'; reason: string };

interface Pending {
  oid: string;
  limit: number;
  resolve: (object: GitObject) => void;
  reject: (error: Error) => void;
  header: Buffer[];
  type?: ObjectType;
  size: number;
  /** Content bytes plus the trailing newline still to come. */
  remaining: number;
  parts: Buffer[];
}

export class ObjectReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private stderr: Buffer[] = [];
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * @param dir where git runs
   * @param absent objects known to be absent (a partial clone's), answered without asking git
   */
  constructor(
    private readonly dir: string,
    private readonly absent: ReadonlySet<string> = new Set(),
  ) {}

  /** The object `oid`; content above `limit` bytes is not kept (only its size is reported). */
  read(oid: string, limit = Number.POSITIVE_INFINITY): Promise<GitObject> {
    const next = this.queue.then(() => this.readNow(oid, limit));
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private readNow(oid: string, limit: number): Promise<GitObject> {
    if (this.absent.has(oid)) return Promise.resolve({ kind: 'missing', reason: NOT_FETCHED });
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending = { oid, limit, resolve, reject, header: [], size: 0, remaining: 0, parts: [] };
      child.stdin.write(`${oid}\n`);
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawnGit(this.dir, ['cat-file', '--batch'], { env: NO_LAZY_FETCH });
    this.child = child;
    this.stderr = [];
    child.stdout.on('data', (data: Buffer) => this.onData(data));
    child.stderr.on('data', (data: Buffer) => {
      if (this.stderr.length < 16) this.stderr.push(data);
    });
    child.stdin.on('error', () => undefined);
    // git could not be started at all: that is no answer about an object.
    child.on('error', (error) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(new Error(`git cat-file: ${error.message}`));
    });
    child.on('close', () => {
      if (this.child === child) this.child = undefined;
      const pending = this.pending;
      if (!pending) return;
      this.pending = undefined;
      // git died on this object: name it unreadable with git's last words, and carry on.
      const said = Buffer.concat(this.stderr).toString('utf8').trim().split('\n').pop() ?? '';
      pending.resolve({ kind: 'missing', reason: said.replace(/^(fatal|error): /, '') || 'git could not read it' });
    });
    return child;
  }

  private onData(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && this.pending) {
      const p = this.pending;
      if (p.type === undefined) {
        const nl = data.indexOf(10);
        if (nl < 0) {
          p.header.push(data);
          return;
        }
        p.header.push(data.subarray(0, nl));
        data = data.subarray(nl + 1);
        const [, type = '', size = '0'] = Buffer.concat(p.header).toString('utf8').split(' ');
        if (type !== 'commit' && type !== 'tree' && type !== 'blob' && type !== 'tag') {
          // `<oid> missing` (or ambiguous): nothing follows.
          this.finish({ kind: 'missing', reason: type === 'missing' ? 'missing from the repository' : type || 'unreadable' });
          continue;
        }
        p.type = type;
        p.size = Number(size);
        p.remaining = p.size + 1;
      }
      const take = Math.min(p.remaining, data.length);
      if (p.size <= p.limit) p.parts.push(data.subarray(0, take));
      p.remaining -= take;
      data = data.subarray(take);
      if (p.remaining === 0) {
        if (p.size > p.limit) this.finish({ kind: 'too-large', type: p.type, size: p.size });
        else this.finish({ kind: 'present', type: p.type, size: p.size, data: Buffer.concat(p.parts).subarray(0, p.size) });
      }
    }
  }

  private finish(object: GitObject): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(object);
  }
}

/**
 * Turn the event's scan target into a git scan of this checkout, fetching what a shallow or partial
 * checkout lacks. A range that still cannot be resolved is an error that says what to set: the
 * Action never passes a check having scanned less than the event asked for.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SprawlguardError } from '../errors.js';
import type { GitMode } from '../sources/git/mode.js';
import { git, gitMaybe } from '../sources/git/git.js';
import { resolveCommit } from '../sources/git/repo.js';
import { isZeroSha, type HistoryTarget, type PullRequestTarget, type PushTarget, type ScanTarget } from './event.js';

export interface ResolvedScan {
  /** Undefined when there is nothing to scan (a deleted branch, a PR whose base is its head). */
  mode?: GitMode;
  /** What is scanned, in words, for the log, the summary and the comment. */
  description: string;
  /** Commits the range holds, counted before the scan: the scan must cover every one. */
  expectedCommits: number;
}

/** The commits the event names cannot be made available in this checkout. */
export class RangeUnavailableError extends SprawlguardError {
  constructor(message: string) {
    super('input', message);
  }
}

/** The workspace holds no repository: the workflow did not check one out before this step. */
export class NoCheckoutError extends SprawlguardError {
  constructor(readonly dir: string) {
    super('usage', `${dir} is not a git repository: add an actions/checkout step (with fetch-depth: 0) before sprawlguard`);
  }
}

const REMOTE = 'origin';
const FETCH_DEPTH_ADVICE =
  'Give actions/checkout the history it needs: `fetch-depth: 0` in its `with:` block (sprawlguard also deepens shallow clones itself, but could not here).';
/** Deepening steps before falling back to fetching the whole history. */
const DEEPEN_STEPS = [100, 1000] as const;

export async function resolveScan(repo: string, target: ScanTarget, log: (message: string) => void): Promise<ResolvedScan> {
  if ((await gitMaybe(repo, ['rev-parse', '--git-dir'])) === undefined) throw new NoCheckoutError(repo);
  const checkout = new Checkout(repo, log);
  switch (target.kind) {
    case 'pull-request':
      return resolvePullRequest(checkout, target);
    case 'push':
      return resolvePush(checkout, target);
    case 'history':
      return resolveHistory(checkout, target);
  }
}

async function resolvePullRequest(checkout: Checkout, pr: PullRequestTarget): Promise<ResolvedScan> {
  const what = `pull request #${pr.number}`;
  if (pr.base === pr.head) {
    return { description: `${what}: its base and head are the same commit, so it adds no commits`, expectedCommits: 0 };
  }
  await checkout.ensureRange(pr.base, pr.head, pr.commits, what);
  return checkout.range(pr.base, pr.head, `${what} (${short(pr.base)}..${short(pr.head)})`);
}

async function resolvePush(checkout: Checkout, push: PushTarget): Promise<ResolvedScan> {
  const what = `push to ${push.ref || 'a ref'}`;
  if (isZeroSha(push.after)) return { description: `${what} deleted it: nothing to scan`, expectedCommits: 0 };
  if (push.before === push.after) return { description: `${what} did not move it: nothing to scan`, expectedCommits: 0 };

  if (!isZeroSha(push.before)) {
    await checkout.fetchMissing([push.before, push.after], push.commits);
    if (await checkout.has(push.before)) {
      // A force-push replaces commits: before..after is still exactly what the new tip adds over the
      // old one (everything reachable from the old tip is excluded, whatever was rewritten).
      await checkout.ensureRange(push.before, push.after, push.commits, what);
      const forced = !(await checkout.isAncestor(push.before, push.after));
      const label = forced
        ? `force-push to ${push.ref}: commits in ${short(push.after)} that the previous tip ${short(push.before)} did not have`
        : `${what} (${short(push.before)}..${short(push.after)})`;
      return checkout.range(push.before, push.after, label);
    }
    checkout.log(`the previous tip ${short(push.before)} is not available (force-pushed away?); scanning what ${short(push.after)} adds over the default branch instead`);
  }
  return resolveAgainstDefaultBranch(checkout, push, what);
}

/**
 * A new branch or tag (or a push whose previous tip is gone): scan the commits not on the default
 * branch. On the default branch itself (the first push to a repository), scan everything it holds.
 */
async function resolveAgainstDefaultBranch(checkout: Checkout, push: PushTarget, what: string): Promise<ResolvedScan> {
  const branch = push.ref.startsWith('refs/heads/') ? push.ref.slice('refs/heads/'.length) : undefined;
  if (push.defaultBranch && branch !== push.defaultBranch) {
    const defaultTip = await checkout.remoteBranchTip(push.defaultBranch, push.commits);
    if (defaultTip) {
      await checkout.fetchMissing([push.after], push.commits);
      await checkout.ensureRange(defaultTip, push.after, push.commits, what);
      return checkout.range(defaultTip, push.after, `${what}: commits not on the default branch ${push.defaultBranch} (${short(defaultTip)}..${short(push.after)})`);
    }
    checkout.log(`the default branch ${push.defaultBranch} is not on ${REMOTE}; scanning the whole history of ${short(push.after)}`);
  }
  await checkout.fetchMissing([push.after], push.commits);
  if (!(await checkout.has(push.after))) {
    throw new RangeUnavailableError(`cannot scan the ${what}: commit ${push.after} is not in the checkout and could not be fetched. ${FETCH_DEPTH_ADVICE}`);
  }
  await checkout.ensureFullHistory(what);
  const count = await checkout.count([push.after]);
  return { mode: { kind: 'history', branch: push.after }, description: `${what}: all ${count} commits of ${short(push.after)}`, expectedCommits: count };
}

async function resolveHistory(checkout: Checkout, target: HistoryTarget): Promise<ResolvedScan> {
  await checkout.ensureFullHistory(`${target.event} full-history scan`);
  const count = await checkout.count(['--all']);
  return { mode: { kind: 'history' }, description: `full history: ${count} commits on all branches and tags`, expectedCommits: count };
}

/** Git operations on the checkout, with fetches that say what they do. */
class Checkout {
  constructor(
    readonly dir: string,
    readonly log: (message: string) => void,
  ) {}

  async has(sha: string): Promise<boolean> {
    return (await resolveCommit(this.dir, sha)) !== undefined;
  }

  async isShallow(): Promise<boolean> {
    return (await git(this.dir, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return (await gitMaybe(this.dir, ['merge-base', '--is-ancestor', ancestor, descendant])) !== undefined;
  }

  async count(revs: readonly string[]): Promise<number> {
    return Number((await git(this.dir, ['rev-list', '--count', ...revs])).trim());
  }

  async range(base: string, head: string, description: string): Promise<ResolvedScan> {
    const expectedCommits = await this.count([`${base}..${head}`]);
    if (expectedCommits === 0) {
      return { description: `${description}: no commits that are not already in ${short(base)}`, expectedCommits };
    }
    return { mode: { kind: 'diff', range: `${base}..${head}` }, description, expectedCommits };
  }

  /** Fetch commits that are not here (by id; GitHub serves any commit of the repository's network). */
  async fetchMissing(shas: readonly string[], commitsHint: number | undefined): Promise<void> {
    const missing: string[] = [];
    for (const sha of shas) if (!(await this.has(sha))) missing.push(sha);
    if (missing.length === 0) return;
    const depth = (await this.isShallow()) ? [`--depth=${Math.max(1, commitsHint ?? 0) + 1}`] : [];
    this.log(`fetching ${missing.map(short).join(', ')} from ${REMOTE}`);
    await this.fetch([...depth, REMOTE, ...missing]);
  }

  /** The default branch's tip on the remote: the remote-tracking ref, or fetched when absent. */
  async remoteBranchTip(branch: string, commitsHint: number | undefined): Promise<string | undefined> {
    const ref = `refs/remotes/${REMOTE}/${branch}`;
    const known = await resolveCommit(this.dir, ref);
    if (known) return known;
    const depth = (await this.isShallow()) ? [`--depth=${Math.max(1, commitsHint ?? 0) + 1}`] : [];
    this.log(`fetching the default branch ${branch} from ${REMOTE}`);
    await this.fetch([...depth, REMOTE, `+refs/heads/${branch}:${ref}`]);
    return resolveCommit(this.dir, ref);
  }

  /**
   * Make `base..head` exact: both commits present, and in a shallow clone enough history that
   * neither side of the range runs into the shallow boundary (otherwise commits already on the base
   * would count as new, or the oldest new commit's parent would be missing). Deepens step by step,
   * then fetches everything, then gives up with advice.
   */
  async ensureRange(base: string, head: string, commitsHint: number | undefined, what: string): Promise<void> {
    await this.fetchMissing([base, head], commitsHint);
    for (const sha of [base, head]) {
      if (!(await this.has(sha))) {
        throw new RangeUnavailableError(`cannot scan the ${what}: commit ${sha} is not in the checkout and could not be fetched from ${REMOTE}. ${FETCH_DEPTH_ADVICE}`);
      }
    }
    if (await this.rangeIsComplete(base, head)) return;
    for (const step of DEEPEN_STEPS) {
      this.log(`shallow clone: the range reaches its boundary; fetching ${step} more commits of history`);
      if (!(await this.fetch([`--deepen=${step}`, REMOTE, base, head]))) break;
      if (await this.rangeIsComplete(base, head)) return;
    }
    this.log('shallow clone: fetching the full history of the range');
    if ((await this.fetch(['--unshallow', REMOTE, base, head])) && (await this.rangeIsComplete(base, head))) return;
    throw new RangeUnavailableError(
      `cannot scan the ${what}: this shallow clone lacks the history between ${short(base)} and ${short(head)}, and fetching it from ${REMOTE} failed. ${FETCH_DEPTH_ADVICE}`,
    );
  }

  /** A history scan must see every commit: unshallow, or fail. */
  async ensureFullHistory(what: string): Promise<void> {
    if (!(await this.isShallow())) return;
    this.log('shallow clone: fetching the full history');
    if ((await this.fetch(['--unshallow', REMOTE])) && !(await this.isShallow())) return;
    throw new RangeUnavailableError(
      `cannot run the ${what}: this clone is shallow, so most of the history is missing, and fetching it from ${REMOTE} failed. ${FETCH_DEPTH_ADVICE}`,
    );
  }

  /** No commit on either side of the range sits on the shallow boundary. */
  private async rangeIsComplete(base: string, head: string): Promise<boolean> {
    if (!(await this.isShallow())) return true;
    const boundary = await this.shallowBoundary();
    const sides = (await git(this.dir, ['rev-list', `${base}...${head}`])).split('\n');
    return !sides.some((sha) => boundary.has(sha));
  }

  private async shallowBoundary(): Promise<Set<string>> {
    const file = (await git(this.dir, ['rev-parse', '--git-path', 'shallow'])).trim();
    const text = await readFile(path.resolve(this.dir, file), 'utf8').catch(() => '');
    return new Set(text.split('\n').filter(Boolean));
  }

  /** Run `git fetch`; a failure is logged and reported as false so the caller can explain what to do. */
  private async fetch(args: readonly string[]): Promise<boolean> {
    try {
      await git(this.dir, ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', ...args]);
      return true;
    } catch (error) {
      this.log(`git fetch failed: ${(error as Error).message.trim()}`);
      return false;
    }
  }
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

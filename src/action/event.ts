/**
 * What the triggering event asks to scan, read from the event payload (never from the PR commits
 * API, which is paginated and capped at 250 commits). Pure: payload in, target out.
 */
import { SprawlguardError } from '../errors.js';

/** A pull request: exactly the commits it adds, `base.sha..head.sha`. */
export interface PullRequestTarget {
  kind: 'pull-request';
  event: string;
  number: number;
  base: string;
  head: string;
  /** The PR's commit count from the payload: a hint for how deep to fetch in a shallow clone. */
  commits?: number;
  /** The head lives in another repository: the token is read-only there. */
  fromFork: boolean;
}

/** A push: `before..after`; `before` is all zeros for a new branch or tag. */
export interface PushTarget {
  kind: 'push';
  ref: string;
  before: string;
  after: string;
  defaultBranch?: string;
  /** GitHub's own flag; the range logic checks ancestry itself as well. */
  forced: boolean;
  /** Commits listed in the payload: a hint for how deep to fetch in a shallow clone. */
  commits: number;
}

/** Scheduled and manual runs: the whole history. */
export interface HistoryTarget {
  kind: 'history';
  event: string;
}

export type ScanTarget = PullRequestTarget | PushTarget | HistoryTarget;

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'push', 'schedule', 'workflow_dispatch'] as const;

/** The event payload is not what the event name promises, or the event is not supported. */
export class EventError extends SprawlguardError {
  constructor(message: string) {
    super('input', message);
  }
}

const ZERO_SHA = /^0+$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function isZeroSha(sha: string): boolean {
  return ZERO_SHA.test(sha);
}

export function scanTargetFor(eventName: string, payload: unknown): ScanTarget {
  const p = asRecord(payload);
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = asRecord(p.pull_request);
      const base = asRecord(pr.base);
      const head = asRecord(pr.head);
      const baseRepo = asRecord(base.repo);
      const headRepo = asRecord(head.repo);
      const number = typeof pr.number === 'number' ? pr.number : typeof p.number === 'number' ? p.number : undefined;
      if (number === undefined) throw new EventError(`${eventName} payload has no pull_request.number`);
      return {
        kind: 'pull-request',
        event: eventName,
        number,
        base: sha(base.sha, `${eventName} payload: pull_request.base.sha`),
        head: sha(head.sha, `${eventName} payload: pull_request.head.sha`),
        commits: typeof pr.commits === 'number' ? pr.commits : undefined,
        fromFork:
          headRepo.fork === true ||
          (typeof headRepo.full_name === 'string' && typeof baseRepo.full_name === 'string' && headRepo.full_name !== baseRepo.full_name),
      };
    }
    case 'push': {
      const repository = asRecord(p.repository);
      return {
        kind: 'push',
        ref: typeof p.ref === 'string' ? p.ref : '',
        before: sha(p.before, 'push payload: before'),
        after: sha(p.after, 'push payload: after'),
        defaultBranch: typeof repository.default_branch === 'string' ? repository.default_branch : undefined,
        forced: p.forced === true,
        commits: Array.isArray(p.commits) ? p.commits.length : 0,
      };
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'history', event: eventName };
    default:
      throw new EventError(
        `the ${eventName || '(unknown)'} event is not supported: run sprawlguard on ${SUPPORTED_EVENTS.join(', ')}`,
      );
  }
}

function sha(value: unknown, what: string): string {
  if (typeof value !== 'string' || !SHA.test(value)) {
    throw new EventError(`${what} is ${value === undefined ? 'missing' : `not a commit id: ${JSON.stringify(value)}`}`);
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

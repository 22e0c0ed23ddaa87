/**
 * Bounded retry of a write that found the inventory locked. SQLite's busy timeout already waits for
 * the lock inside each attempt; this is the outer bound for a writer that holds it longer (a large
 * merge), with exponential back-off and jitter so that waiting processes do not retry in step.
 */
import { sqliteCode } from './sqlite.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Pause after the first failed attempt; doubled after each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 2000 };

/** Whether an error means "another connection holds the lock": worth another attempt. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Run `attempt` until it does not fail with SQLITE_BUSY, at most `policy.attempts` times; the last
 * busy error is thrown as it is. `attempt` must be synchronous database work only (it may run again).
 */
export function retryWhileBusy<T>(attempt: () => T, policy: RetryPolicy = DEFAULT_RETRY, sleep: (ms: number) => void = sleepSync): T {
  for (let n = 1; ; n++) {
    try {
      return attempt();
    } catch (error) {
      if (!isBusy(error) || n >= policy.attempts) throw error;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      sleep(Math.round(delay / 2 + Math.random() * (delay / 2)));
    }
  }
}

/** The database API is synchronous, and SQLite's own busy wait blocks too: so does the pause between attempts. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

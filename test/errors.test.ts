/**
 * One error model: an error's kind decides the CLI's exit code and how the Action reports it, in one
 * place each. A bug (any other thrown value) is internal: exit 3, reported with its stack.
 */
import { describe, expect, it } from 'vitest';
import { failureMessage } from '../src/action/errors.js';
import { exitCodeFor } from '../src/cli/errors.js';
import { OutputError } from '../src/cli/stdout.js';
import { ConfigError } from '../src/config/errors.js';
import { SprawlguardError, UsageError } from '../src/errors.js';
import { GitRangeError, NotARepositoryError } from '../src/sources/git/errors.js';
import { GitError } from '../src/sources/git/git.js';
import { InventoryBusyError, InventoryError } from '../src/inventory/errors.js';

describe('exit codes by kind', () => {
  it('2 for what the user can fix: usage, configuration, input', () => {
    for (const error of [new UsageError('x'), new ConfigError([]), new GitRangeError('x'), new NotARepositoryError('/tmp'), new InventoryError('x'), new SprawlguardError('input', 'x')]) {
      expect(exitCodeFor(error)).toBe(2);
    }
  });

  it('3 when the world got in the way, or on a bug', () => {
    for (const error of [new OutputError('disk full'), new InventoryBusyError('locked'), new GitError(['log'], 128, 'fatal'), new Error('bug'), 'thrown text']) {
      expect(exitCodeFor(error)).toBe(3);
    }
  });
});

describe('the Action reports', () => {
  it('what the user can fix in one line, and a bug with its stack', () => {
    expect(failureMessage(new GitRangeError('revision "x" is not present'))).toBe('sprawlguard: revision "x" is not present');
    const bug = failureMessage(new TypeError('cannot read properties of undefined'));
    expect(bug).toMatch(/^sprawlguard: internal error \(please report it\): TypeError: cannot read properties of undefined\n\s+at /);
  });
});

/**
 * The one printer for problems: every kind on one line of standard error with its level, made
 * printable, --quiet keeping all but errors off the terminal, recorded-only ones never printed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printProblem } from '../../src/cli/problems.js';
import type { ScanProblem } from '../../src/findings/scan-problem.js';

const written: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  written.length = 0;
});

function print(problem: ScanProblem, quiet?: boolean): string {
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  printProblem(problem, quiet);
  vi.restoreAllMocks();
  return written.splice(0).join('');
}

describe('printProblem', () => {
  it('prints each level with its prefix, the input first when there is one', () => {
    expect(print({ code: 'too-large', path: 'big.bin', message: 'larger than the size cap (9 > 1 bytes)' })).toBe(
      'sprawlguard: warning: big.bin: larger than the size cap (9 > 1 bytes)\n',
    );
    expect(print({ code: 'input-failed', path: 'x.csv', message: 'not a recognised export' })).toBe('sprawlguard: error: x.csv: not a recognised export\n');
    expect(print({ code: 'ignored-by-git', path: 'build', message: 'ignored by git (.gitignore:1: build/)' })).toBe(
      'sprawlguard: note: build: ignored by git (.gitignore:1: build/)\n',
    );
    expect(print({ code: 'config-location', message: 'using configuration ../.sprawlguard.yaml' })).toBe('sprawlguard: using configuration ../.sprawlguard.yaml\n');
    expect(print({ code: 'config-changed', file: '.sprawlguard.yaml', message: 'changed by the range' })).toBe('sprawlguard: warning: changed by the range\n');
  });

  it('never prints what is only recorded, and with --quiet only errors', () => {
    expect(print({ code: 'binary', path: 'logo.png', message: 'binary file' })).toBe('');
    expect(print({ code: 'not-fetched', path: 'a@1234', message: 'blob cannot be read' })).toBe('');
    expect(print({ code: 'unreadable', path: 'a', message: 'permission denied' }, true)).toBe('');
    expect(print({ code: 'input-failed', path: 'x.csv', message: 'unreadable' }, true)).toBe('sprawlguard: error: x.csv: unreadable\n');
  });

  it('shows control characters in names escaped, never sends them to the terminal', () => {
    const line = print({ code: 'input-failed', path: 'evil\u001b]8;;x\u0007.csv', message: 'not an export' });
    expect(line.includes('\u001b') || line.includes('\u0007')).toBe(false);
    expect(line).toContain('evil');
  });
});

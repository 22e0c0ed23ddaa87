/**
 * The one printer for what a scan has to say besides its findings (src/findings/scan-problem.ts):
 * skipped files, unreadable objects, bad rows of an export, configuration warnings, notes. Each is
 * one line on standard error, made printable: file names come from the scanned tree, and a name must
 * never send escape sequences to the terminal. --quiet keeps everything but errors off the terminal;
 * what is only recorded (binary files) is never printed.
 */
import { problemLevel, problemText, type ScanProblem } from '../findings/scan-problem.js';
import { printable } from '../report/scan/text.js';

const PREFIX = { error: 'error: ', warning: 'warning: ', note: 'note: ', info: '' } as const;

export function printProblem(problem: ScanProblem, quiet?: boolean): void {
  const level = problemLevel(problem);
  if (level === 'recorded' || (quiet && level !== 'error')) return;
  process.stderr.write(`sprawlguard: ${PREFIX[level]}${printable(problemText(problem))}\n`);
}

/** A printer for a run: `onProblem` for the pipeline. */
export function problemPrinter(quiet: boolean | undefined): (problem: ScanProblem) => void {
  return (problem) => printProblem(problem, quiet);
}

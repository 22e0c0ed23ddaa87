/**
 * One shape for everything a scan has to say besides its findings: what a source could not read or
 * left out (a binary file, an object git cannot read, a bad row of an export, a limit it hit), what
 * the configuration gives reason to warn about, and facts worth knowing. Every source, the
 * configuration and the pipeline speak it; one printer (src/cli/problems.ts) writes it to standard
 * error, the Action to its log. The report keeps its own record shapes: `stats.skipped` entries are
 * made with toSkipped, and configuration warnings are kept as they are in `stats.warnings`.
 */
import type { ScanWarning, SkippedSource } from './finding.js';

export type ProblemCode =
  /** Not text: recorded, not printed (a repository's images are no news). */
  | 'binary'
  /** Larger than the size cap. */
  | 'too-large'
  /** A file, directory or archive the system would not read. */
  | 'unreadable'
  /** A symlink, FIFO, socket or device that is left alone. */
  | 'not-followed'
  /** A git object that cannot be read. */
  | 'unreadable-object'
  /** An object a partial clone never fetched: recorded one by one, summarised once. */
  | 'not-fetched'
  /** How many recorded problems did not fit in the list: recorded, not printed. */
  | 'not-listed'
  /** Something inside an input that did not stop its scan: a bad row, a NUL, a truncated file. */
  | 'input'
  /** A limit was reached (a ZIP archive's size or ratio, an over-long record); what it held is said. */
  | 'budget'
  /** An input found in a directory that is not one to read (not an export, binary). */
  | 'skipped-input'
  /** An input named to be read that could not be read at all: an error, whatever --quiet says. */
  | 'input-failed'
  /** A fact about the repository the scan must mention (a shallow clone, nothing to scan, a fetch). */
  | 'repository'
  /** A path git ignores, scanned because it was named: a note. */
  | 'ignored-by-git'
  /** Where the configuration came from, when it is not the obvious place. */
  | 'config-location'
  /** Configuration warnings, also kept in the report's `stats.warnings`. */
  | ScanWarning['code'];

export interface ScanProblem {
  code: ProblemCode;
  message: string;
  /** The input it concerns, as reports show it (a file, `export.zip!entry`, `path@commit`). */
  path?: string;
  /** The configuration file it concerns. */
  file?: string;
  /** Where in the input, when the source knows: 1-based line, or byte offset. */
  line?: number;
  offset?: number;
  /** The record or object inside the input it concerns (a commit id, a ticket). */
  entry?: string;
}

/** How a problem is told: `recorded` ones are kept in the report and not printed. */
export type ProblemLevel = 'error' | 'warning' | 'note' | 'info' | 'recorded';

const LEVELS: Partial<Record<ProblemCode, ProblemLevel>> = {
  binary: 'recorded',
  'not-fetched': 'recorded',
  'not-listed': 'recorded',
  'input-failed': 'error',
  'ignored-by-git': 'note',
  'config-location': 'info',
};

export function problemLevel(problem: ScanProblem): ProblemLevel {
  return LEVELS[problem.code] ?? 'warning';
}

/** The problem in one line: `path: message`, or the message when it concerns no one input. */
export function problemText(problem: ScanProblem): string {
  return problem.path === undefined ? problem.message : `${problem.path}: ${problem.message}`;
}

/** The report's record of a problem that left something unscanned. */
export function toSkipped(problem: ScanProblem): SkippedSource {
  return { path: problem.path ?? '', reason: problem.message };
}

/** A problem about one input. */
export function inputProblem(code: ProblemCode, path: string, message: string, at: Pick<ScanProblem, 'line' | 'offset' | 'entry'> = {}): ScanProblem {
  return { code, path, message, ...at };
}

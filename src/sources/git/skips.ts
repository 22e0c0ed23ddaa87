/**
 * What a git scan could not read, as it reports it: the first MAX_LISTED_SKIPS entries listed and
 * the rest counted, so a history full of images stays readable. Objects a partial clone never
 * fetched are not warned about one by one: one warning at the end says how many and how to fetch
 * them.
 */
import type { SkippedSource } from '../../findings/finding.js';
import { toSkipped, type ScanProblem } from '../../findings/scan-problem.js';

/** Skipped entries listed individually; the rest are counted. */
const MAX_LISTED_SKIPS = 200;

export class SkipCollector {
  private readonly listed: ScanProblem[] = [];
  private extra = 0;
  private notFetched = 0;
  /** Objects that could not be read, listed or not. */
  unreadable = 0;
  /** The promisor remote, when the repository is a partial clone. */
  promisor: string | undefined;

  constructor(
    private readonly emit: (problem: ScanProblem) => void,
    /** Stop at the first object that cannot be read (GitSourceOptions.onUnreadable 'fail'). */
    readonly failOnUnreadable = false,
  ) {}

  /** Something the scan did not read. */
  add(problem: ScanProblem): void {
    if (problem.code === 'unreadable-object' || problem.code === 'not-fetched') {
      if (this.failOnUnreadable) throw new Error(`${problem.path ?? ''}: ${problem.message}`);
      this.unreadable++;
    }
    if (problem.code === 'not-fetched') this.notFetched++;
    if (this.listed.length < MAX_LISTED_SKIPS) {
      this.listed.push(problem);
      this.emit(problem);
    } else this.extra++;
  }

  /** A fact about the repository the user should know (a shallow clone, nothing to scan). */
  warn(message: string): void {
    this.emit({ code: 'repository', message });
  }

  /** How many entries are listed so far; `rewind` goes back to that. */
  mark(): number {
    return this.listed.length;
  }

  rewind(mark: number): void {
    this.listed.length = mark;
  }

  /** The entries the report lists, with the count of the rest; says what a partial clone lacked. */
  finish(): SkippedSource[] {
    if (this.extra > 0) {
      const problem: ScanProblem = { code: 'not-listed', path: '…', message: `${this.extra} more skipped entries not listed` };
      this.listed.push(problem);
      this.emit(problem);
    }
    if (this.notFetched > 0) {
      const remote = this.promisor ?? 'origin';
      this.warn(
        `${this.notFetched} object${this.notFetched === 1 ? ' was' : 's were'} not scanned: never fetched into this partial clone (listed in stats.skipped). ` +
          `Scan again with --fetch-missing to fetch them from "${remote}" in one batch, or fetch everything with \`git fetch --refetch --no-filter ${remote}\`.`,
      );
    }
    return this.listed.map(toSkipped);
  }
}

/**
 * What the commands say on stderr about where their configuration came from, when that is not the
 * obvious place. Its warnings (a change to it, an allowlist that leaves out most files) are problems
 * like any other (./problems.ts), also kept in the JSON report's `stats.warnings`.
 */
import { configLocationNote, type ScanSettings } from '../config/settings.js';
import { printProblem } from './problems.js';

/** Say which config is used when it is not the scan root's own or one named with -c. */
export function printConfigLocation(settings: ScanSettings, quiet: boolean | undefined): void {
  const note = configLocationNote(settings);
  if (note !== undefined) printProblem({ code: 'config-location', message: note }, quiet);
}

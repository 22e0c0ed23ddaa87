/**
 * What the commands say on stderr about their configuration: where it came from when that is not
 * the obvious place, and the warnings it gave (a change to it, an allowlist that leaves out most
 * files). Warnings are also kept in the JSON report's `stats.warnings`, with or without --quiet.
 */
import { configLocationNote, type ScanSettings } from '../config/settings.js';
import type { ScanWarning } from '../findings/finding.js';
import { printWarning } from './output.js';

/** Say which config is used when it is not the scan root's own or one named with -c. */
export function printConfigLocation(settings: ScanSettings, quiet: boolean | undefined): void {
  const note = configLocationNote(settings);
  if (note !== undefined && !quiet) process.stderr.write(`sprawlguard: ${note}\n`);
}

export function printScanWarnings(warnings: readonly ScanWarning[], quiet: boolean | undefined): void {
  if (quiet) return;
  for (const warning of warnings) printWarning(warning.message);
}

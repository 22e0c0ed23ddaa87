import type { Report } from '../../findings/finding.js';
import type { Rule } from '../../rules/schema.js';
import type { Formatter } from '../formatter.js';

/** What a scan report's formats need besides the report. */
export interface ScanFormatContext {
  /** Rules that were active in the scan (SARIF lists them with their metadata). */
  rules: readonly Rule[];
  /** ANSI colour (text format on a TTY). */
  color: boolean;
  /** When the scan ended, for formats that record it (GitLab, JUnit). Default: now. */
  now?: Date;
  /** Text format: list fixtures too (`--show-fixtures`); by default only their count is shown. */
  showFixtures?: boolean;
}

/** A scan report's format: the findings of one scan in, text out. */
export type ScanFormatter = Formatter<Report, ScanFormatContext>;

export const FORMATS = ['text', 'json', 'sarif', 'csv', 'markdown', 'gitlab', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

import type { Report } from '../../findings/finding.js';
import type { Rule } from '../../rules/schema.js';

export interface ReportContext {
  /** Rules that were active in the scan (SARIF lists them with their metadata). */
  rules: readonly Rule[];
  /** ANSI colour (text format on a TTY). */
  color: boolean;
  /** When the scan ended, for formats that record it (GitLab, JUnit). Default: now. */
  now?: Date;
}

/** A formatter is a pure function: report in, text out. */
export type Formatter = (report: Report, context: ReportContext) => string;

export const FORMATS = ['text', 'json', 'sarif', 'csv', 'markdown', 'gitlab', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * Shared by every command that prints findings (scan, tickets, verify): writing the chosen format
 * to standard output or a file. What is reported was decided before (src/pipeline/).
 */
import { writeFile } from 'node:fs/promises';
import type { Report } from '../findings/finding.js';
import { loadFormatter, type FormatName } from '../report/scan/index.js';
import type { Rule } from '../rules/schema.js';
import { colorEnabled } from './color.js';
import { UsageError } from './errors.js';
import { describeWriteError, OutputError, writeToStdout } from './stdout.js';

export interface WriteOptions {
  format: FormatName;
  output?: string;
  /** false (`--no-color`) forces plain text even on a TTY; see colorEnabled for the rest. */
  color?: boolean;
  rules: readonly Rule[];
  /** Text format: list fixtures too (`--show-fixtures`). */
  showFixtures?: boolean;
}

export async function writeReport(report: Report, options: WriteOptions): Promise<void> {
  const formatter = await loadFormatter(options.format);
  const toFile = options.output !== undefined;
  // Only text on standard output is coloured: a report file is read by other programs.
  const color = options.format === 'text' && !toFile && colorEnabled(options.color, process.stdout);
  const text = formatter(report, { rules: options.rules, color, showFixtures: options.showFixtures });
  await writeOutput(text, options.output);
}

/** Write a command's output to `--output FILE`, or else to standard output. */
export async function writeOutput(text: string, output: string | undefined): Promise<void> {
  if (output === undefined) return writeToStdout(text);
  await writeFile(output, text).catch((error: NodeJS.ErrnoException) => {
    // A path the user mistyped or may not write is a usage error (exit 2); a full disk or a failing
    // device is not the user's to fix on the command line (exit 3).
    if (PATH_ERRORS.has(error.code ?? '')) {
      throw new UsageError(`--output ${output}: cannot write: ${error.code === 'ENOENT' ? 'no such directory' : describeWriteError(error)}`);
    }
    throw new OutputError(`--output ${output}: cannot write the report: ${describeWriteError(error)}`);
  });
}

const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'ELOOP']);

export { writeToStdout };

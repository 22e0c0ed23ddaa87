/**
 * `sprawlguard tickets PATH…`: scan ticket and chat exports. Thin like `scan`: options → the
 * tickets source → the pipeline (src/pipeline/run.ts) → the shared report code, and the exit code.
 *
 * Exit codes: 2 when an input could not be read at all (unknown format, wrong --format-hint,
 * unreadable), since the report is then incomplete; otherwise --exit-code (1) with findings, 0 without.
 * Problems inside a file (a bad row, a truncated file) are warnings: what could not be parsed is
 * still scanned as plain text.
 */
import { loadSettings } from '../config/settings.js';
import { incidentsOf } from '../findings/fixture-policy.js';
import { makeReport } from '../findings/report.js';
import { runPipeline } from '../pipeline/run.js';
import type { FormatName } from '../report/scan/index.js';
import { ticketsSource } from '../sources/tickets/source.js';
import { TICKET_FORMATS, type TicketFormat } from '../sources/tickets/types.js';
import { printConfigLocation } from './config-notes.js';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from './errors.js';
import { fingerprintKeyOf, parseConfidence, parseIntOption } from './options.js';
import { writeReport } from './output.js';
import { problemPrinter } from './problems.js';

export interface TicketsCliOptions {
  formatHint?: string;
  format?: FormatName;
  output?: string;
  config?: string;
  showSecrets?: boolean;
  fingerprintKey?: string;
  exitCode?: string;
  baseUrl?: string;
  minConfidence?: string;
  color?: boolean;
  quiet?: boolean;
  zipMaxEntries?: string;
  zipMaxBytes?: string;
  zipMaxRatio?: string;
}

export async function runTickets(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as TicketsCliOptions;
  if (paths.length === 0) throw new UsageError('name at least one export file or directory');
  const exitOnFindings = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  const hint = parseHint(opts.formatHint);
  const baseUrl = parseBaseUrl(opts.baseUrl);
  const minConfidence = parseConfidence(opts.minConfidence);
  const zip = parseZipLimits(opts);
  const source = ticketsSource({ paths, formatHint: hint, baseUrl, zip });
  const settings = await loadSettings(source.root, opts.config);
  printConfigLocation(settings, opts.quiet);

  const result = await runPipeline(source, {
    settings,
    minConfidence,
    fingerprintKey: fingerprintKeyOf(opts),
    showSecrets: opts.showSecrets === true,
    // Errors (an input not read at all) are printed whatever --quiet says.
    onProblem: problemPrinter(opts.quiet),
  });
  await writeReport(makeReport(result.findings, result.stats), {
    format: opts.format ?? 'text',
    output: opts.output,
    color: opts.color,
    rules: result.settings.rules,
  });
  if (result.failures.length > 0) return EXIT_USAGE;
  // Ticket findings are `source`, so all of them are incidents; counted the way `scan` counts.
  return incidentsOf(result.findings).length > 0 ? exitOnFindings : EXIT_CLEAN;
}

function parseZipLimits(opts: TicketsCliOptions): { entries?: number; bytes?: number; ratio?: number } {
  const limits: { entries?: number; bytes?: number; ratio?: number } = {};
  if (opts.zipMaxEntries !== undefined) limits.entries = parseIntOption('--zip-max-entries', opts.zipMaxEntries, 1, 100_000_000);
  if (opts.zipMaxRatio !== undefined) limits.ratio = parseIntOption('--zip-max-ratio', opts.zipMaxRatio, 1, 1_000_000);
  if (opts.zipMaxBytes !== undefined) limits.bytes = parseSize('--zip-max-bytes', opts.zipMaxBytes);
  return limits;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `4096`, `512K`, `500M`, `20G`, `1T` (binary units; `MB`, `MiB` read the same). */
function parseSize(name: string, value: string): number {
  const match = /^(\d+)\s*([kmgt]?)(?:i?b)?$/i.exec(value.trim());
  const bytes = match ? Number(match[1]) * (SIZE_UNITS[(match[2] as string).toLowerCase()] as number) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`${name}: expected a size such as 4096, 500M or 20G, got ${value}`);
  return bytes;
}

function parseHint(value: string | undefined): TicketFormat | undefined {
  if (value === undefined) return undefined;
  if (!(TICKET_FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format-hint: expected one of ${TICKET_FORMATS.join(', ')}, got ${value}`);
  }
  return value as TicketFormat;
}

function parseBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url: not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url: expected an http(s) URL, got ${value}`);
  return value.replace(/\/+$/, '');
}

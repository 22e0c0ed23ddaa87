/**
 * The shapes shared by every ticket and chat export reader: a reader turns one export into a stream
 * of `TicketEntry` values (one text field of one ticket or message, already normalised), and the
 * scanner turns each entry into chunks for the engine.
 */
import type { ScanProblem } from '../../findings/scan-problem.js';

export const TICKET_FORMATS = [
  'jira-csv',
  'jira-xml',
  'jira-json',
  'servicenow-json',
  'servicenow-csv',
  'servicenow-xml',
  'zendesk-json',
  'zendesk-jsonl',
  'github-issues',
  'linear-csv',
  'slack',
] as const;

export type TicketFormat = (typeof TICKET_FORMATS)[number];

export type TicketSystem = 'jira' | 'servicenow' | 'zendesk' | 'github' | 'linear' | 'slack';

export const SYSTEM_OF: Record<TicketFormat, TicketSystem> = {
  'jira-csv': 'jira',
  'jira-xml': 'jira',
  'jira-json': 'jira',
  'servicenow-json': 'servicenow',
  'servicenow-csv': 'servicenow',
  'servicenow-xml': 'servicenow',
  'zendesk-json': 'zendesk',
  'zendesk-jsonl': 'zendesk',
  'github-issues': 'github',
  'linear-csv': 'linear',
  slack: 'slack',
};

/**
 * How offsets in a normalised text map back to the export file.
 * - `lines`: the text's line breaks are the file's (CSV cells, XML text): line = start line + the
 *   line inside the text.
 * - `segments`: each segment of the text sits on one line of the file (JSON strings, whose line
 *   breaks are escaped; ADF text nodes): flat `[textOffset, line, column, …]`, offsets ascending.
 * Columns are exact for unescaped text and approximate after markup was removed before the secret.
 */
export type PositionMap =
  | { kind: 'lines'; line: number; column: number }
  | { kind: 'segments'; segments: number[] };

/** One way of reading a field's content. */
export interface Rendering {
  text: string;
  map?: PositionMap;
}

/** One text field of one ticket, comment or message. */
export interface TicketEntry {
  /** Ticket key (`FAKE-1`, `INC0000001`, `#12`) or Slack channel. */
  ticket?: string;
  /** `summary`, `description`, `comment#3`, `work_notes`, a custom field name, … */
  field?: string;
  author?: string;
  date?: string;
  url?: string;
  /**
   * The same content read several ways: the field with markup as separators and with markup
   * removed, or the copies an export keeps of one text (Slack `text` and `blocks`; Zendesk `body`,
   * `html_body` and `plain_body`). A secret is counted as often as the rendering that holds it
   * most often, so one paste is one finding however many copies the export keeps.
   */
  renderings: Rendering[];
}

/** A readable export: one file, or a Slack export directory, or an entry of a ZIP archive. */
export interface TicketInput {
  /** Absolute path on disk (of the archive, for an entry of one). */
  absPath: string;
  /** Path shown in reports, `/` separators; `archive.zip!path/in/archive` for an entry. */
  displayPath: string;
  isDirectory: boolean;
  /** An entry of an archive: nothing beside it can be looked up on disk. */
  archived?: boolean;
  /** For an archive entry, the name of the folder it sits in inside the archive. */
  folder?: string;
}

/** Bounds on what one export may make a reader hold. */
export interface ReadLimits {
  /** Longest CSV record read as cells; a longer one is scanned as plain text. */
  csvRecordChars?: number;
}

export interface ReaderContext {
  /** Report a problem that did not stop the read (bad row, truncated file), with where it happened. */
  warn(problem: ScanProblem): void;
  limits?: ReadLimits;
  /** The system's web address from `--base-url`, for links the export cannot give. */
  baseUrl?: string;
  signal?: AbortSignal;
}

/**
 * Text the reader could not place in a record (the rest of a file after a syntax error): scanned as
 * plain text so nothing is lost.
 */
export interface LooseText {
  loose: true;
  /** Path shown in reports (a Slack day file, or the export file). */
  path: string;
  text: string;
  line: number;
  column: number;
  /** For chunked remainders: matches starting at or after this offset belong to the next piece. */
  acceptBefore?: number;
  /** The ticket the text belongs to, when the reader could tell (or `unknown ticket near line N`). */
  ticket?: string;
}

/** Entries of one record; `path` overrides the input's display path (Slack day files). */
export interface EntryBatch {
  loose?: false;
  path?: string;
  entries: TicketEntry[];
}

export type ReaderOutput = EntryBatch | LooseText;

/** The input cannot be read as the chosen format (wrong hint, missing columns): names what is missing. */
export class FormatMismatchError extends Error {}

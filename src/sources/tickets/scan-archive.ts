/**
 * Exports that arrive as ZIP archives, scanned without unzipping: a Slack export's lists and day
 * files are read from the archive as from its folder (findings name channel, message time and
 * user), and every other entry streams into format detection and its reader as a file found in a
 * directory would. Entries are shown as `export.zip!path/in/archive`.
 *
 * An archive inside the archive is read too, from memory, up to a size and a depth; deeper or
 * larger ones are reported and left. Every entry not read is reported with its name and why.
 */
import type { Readable } from 'node:stream';
import type { ScanProblem } from '../../findings/scan-problem.js';
import { BinaryInputError, isZipSignature, openTextStream, type OpenedText } from './input.js';
import { isSlackLayout, SLACK_DAY_FILE, type SlackFiles } from './slack.js';
import type { TicketInput } from './types.js';
import { ArchiveLimitError, ZipArchive, type ArchiveEntry, type ByteBudget, type ZipLimits } from './zip-archive.js';

/** Archives inside archives are read this many levels deep. */
const MAX_NESTING = 2;
/** An archive inside an archive is held in memory to be read (yauzl needs random access): up to this size. */
const MAX_NESTED_BYTES = 64 * 1024 * 1024;

export interface ArchiveScan {
  limits: ZipLimits;
  /** Read a Slack export when one is found (not when another format was asked for). */
  slack: boolean;
  signal?: AbortSignal;
  warn(problem: ScanProblem): void;
  /** NUL characters found in an entry's text, reported under its name; `finish` once read. */
  nuls(shown: string): { onNul(line: number, column: number): void; finish(): void };
  /** Detect, read and scan one entry's text, as a file found in a directory. */
  scanText(opened: OpenedText, input: TicketInput): Promise<void>;
  /** Read and scan a Slack export kept in the archive. */
  scanSlack(files: SlackFiles, input: TicketInput): Promise<void>;
}

/** Scan an archive (a file, or the bytes of one inside another). Throws when it cannot be opened as a ZIP archive. */
export async function scanArchive(source: string | Buffer, shown: string, absPath: string, scan: ArchiveScan, budget: ByteBudget, depth = 0): Promise<void> {
  const archive = await ZipArchive.open(source, scan.limits, (refusal) =>
    scan.warn({ code: refusal.code, path: refusal.name === undefined ? shown : `${shown}!${refusal.name}`, message: refusal.reason }),
  );
  try {
    const prefix = scan.slack ? slackPrefix(archive.entries) : undefined;
    if (prefix !== undefined) {
      const files = archiveSlackFiles(archive, prefix, shown, scan, budget);
      await scan.scanSlack(files, { absPath, displayPath: prefix === '' ? shown : `${shown}!${prefix.slice(0, -1)}`, isDirectory: true, archived: true });
      return;
    }
    for (const entry of archive.entries) {
      if (scan.signal?.aborted) return;
      await scanEntry(archive, entry, shown, absPath, scan, budget, depth);
    }
  } finally {
    archive.close();
  }
}

async function scanEntry(archive: ZipArchive, entry: ArchiveEntry, shown: string, absPath: string, scan: ArchiveScan, budget: ByteBudget, depth: number): Promise<void> {
  const entryShown = `${shown}!${entry.name}`;
  const stream = await openEntry(archive, entry, entryShown, scan, budget);
  if (!stream) return;
  const { first, rest } = await peek(stream);
  if (first !== undefined && isZipSignature(first)) {
    await scanNested(entry, entryShown, first, rest, stream, absPath, scan, budget, depth);
    return;
  }
  const opened = await entryText(stream, first, rest, entryShown, scan);
  if (!opened) return;
  const slash = entry.name.lastIndexOf('/');
  const folder = entry.name.slice(entry.name.lastIndexOf('/', slash - 1) + 1, Math.max(slash, 0));
  await scan.scanText(opened, { absPath, displayPath: entryShown, isDirectory: false, archived: true, folder });
}

async function scanNested(
  entry: ArchiveEntry,
  shown: string,
  first: Buffer,
  rest: AsyncIterator<Buffer>,
  stream: Readable,
  absPath: string,
  scan: ArchiveScan,
  budget: ByteBudget,
  depth: number,
): Promise<void> {
  const refuse = (reason: string): void => {
    stream.destroy();
    scan.warn({ code: 'budget', path: shown, message: reason });
  };
  if (depth + 1 > MAX_NESTING) return refuse(`a ZIP archive nested more than ${MAX_NESTING} levels deep: not read; unzip it and scan what it holds`);
  if (entry.size > MAX_NESTED_BYTES) {
    return refuse(`a ZIP archive of ${entry.size} bytes inside the archive, more than the ${MAX_NESTED_BYTES} held in memory to read one: not read; unzip it and scan it`);
  }
  const parts: Buffer[] = [first];
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) parts.push(next.value);
    await scanArchive(Buffer.concat(parts), shown, absPath, scan, budget, depth + 1);
  } catch (error) {
    scan.warn({ code: 'unreadable', path: shown, message: `not a readable ZIP archive: ${(error as Error).message}` });
  }
}

async function openEntry(archive: ZipArchive, entry: ArchiveEntry, shown: string, scan: ArchiveScan, budget: ByteBudget): Promise<Readable | undefined> {
  try {
    return await archive.openEntry(entry, budget);
  } catch (error) {
    scan.warn(
      error instanceof ArchiveLimitError
        ? { code: 'budget', path: shown, message: error.message }
        : { code: 'unreadable', path: shown, message: `unreadable: ${(error as Error).message}` },
    );
    return undefined;
  }
}

/** The entry's text, or undefined (having said why) when it is binary. */
async function entryText(stream: Readable, first: Buffer | undefined, rest: AsyncIterator<Buffer>, shown: string, scan: ArchiveScan): Promise<OpenedText | undefined> {
  const nuls = scan.nuls(shown);
  const close = (): void => {
    stream.destroy();
    nuls.finish();
  };
  try {
    return await openTextStream(prepend(first, rest), close, { onNul: nuls.onNul });
  } catch (error) {
    close();
    if (!(error instanceof BinaryInputError)) throw error;
    scan.warn({ code: 'skipped-input', path: shown, message: `${error.message}; skipped` });
    return undefined;
  }
}

/** The first block of a stream, and the rest to read after it. */
async function peek(stream: Readable): Promise<{ first: Buffer | undefined; rest: AsyncIterator<Buffer> }> {
  const rest = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const next = await rest.next();
  return { first: next.done ? undefined : next.value, rest };
}

async function* prepend(first: Buffer | undefined, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first !== undefined) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Where a Slack export's lists sit in the archive: at its root, or in its one top folder. */
function slackPrefix(entries: readonly ArchiveEntry[]): string | undefined {
  const names = new Set(entries.map((e) => e.name));
  if (isSlackLayout(names, '')) return '';
  for (const name of names) {
    const match = /^([^/]+\/)channels\.json$/.exec(name);
    if (match && isSlackLayout(names, match[1] as string)) return match[1];
  }
  return undefined;
}

function archiveSlackFiles(archive: ZipArchive, prefix: string, shown: string, scan: ArchiveScan, budget: ByteBudget): SlackFiles {
  const byName = new Map(archive.entries.map((e) => [e.name, e]));
  const shownOf = (rel: string): string => `${shown}!${prefix}${rel}`;
  return {
    shown: shownOf,
    open: async (rel) => {
      const entry = byName.get(prefix + rel);
      if (!entry) return undefined;
      const stream = await openEntry(archive, entry, shownOf(rel), scan, budget);
      if (!stream) return undefined;
      const { first, rest } = await peek(stream);
      return entryText(stream, first, rest, shownOf(rel), scan);
    },
    days: async () => {
      const byFolder = new Map<string, string[]>();
      for (const entry of archive.entries) {
        if (!entry.name.startsWith(prefix)) continue;
        const parts = entry.name.slice(prefix.length).split('/');
        if (parts.length !== 2 || !SLACK_DAY_FILE.test(parts[1] as string)) continue;
        const list = byFolder.get(parts[0] as string);
        if (list) list.push(parts[1] as string);
        else byFolder.set(parts[0] as string, [parts[1] as string]);
      }
      return [...byFolder.keys()].sort().map((folder) => ({ folder, files: (byFolder.get(folder) as string[]).sort() }));
    },
  };
}

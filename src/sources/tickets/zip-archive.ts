/**
 * ZIP archives (Slack exports, Jira Cloud backups, Zendesk exports) read in place with yauzl: the
 * central directory says what is inside, each entry is inflated as a stream straight into the
 * export readers, and nothing is ever written to disk, so an entry name that tries to leave the
 * archive (`../`, an absolute path, a backslash) has no file system to touch; it is still refused.
 *
 * Limits keep a hostile archive bounded: how many entries are listed, how many uncompressed bytes
 * all entries (and archives inside them) may produce, and how far one entry may expand (a zip
 * bomb). yauzl checks every entry's data against its declared size, so the declared sizes the
 * limits are checked against cannot lie. Every refusal names the entry and the limit to raise.
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ProblemCode } from '../../findings/scan-problem.js';

export interface ZipLimits {
  /** Entries listed per archive; the rest are not read. */
  entries: number;
  /** Uncompressed bytes read from one archive, archives inside it included. */
  bytes: number;
  /** How many times larger than its compressed data an entry may be. */
  ratio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { entries: 100_000, bytes: 8 * 1024 ** 3, ratio: 200 };

/**
 * Entries up to this size are read whatever their ratio: a small file of repeated text compresses
 * far and costs nothing to read. Exports compress 5 to 50 times; a zip bomb, a thousand.
 */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export interface ArchiveEntry {
  /** The name inside the archive, `/` separated. */
  name: string;
  /** Uncompressed and compressed size, as declared (and enforced while reading). */
  size: number;
  compressedSize: number;
  entry: Entry;
}

/** An entry, or the archive (`name` undefined), that is not read, and why. */
export interface Refusal {
  /** `budget` when a limit refused it (raise the limit to read it), else why it cannot be read. */
  code: Extract<ProblemCode, 'budget' | 'skipped-input' | 'unreadable'>;
  name?: string;
  reason: string;
}

/** Uncompressed bytes an archive, with the archives inside it, may still produce. */
export interface ByteBudget {
  left: number;
  limit: number;
}

/** Raised when reading an entry would pass the archive's byte limit. */
export class ArchiveLimitError extends Error {}

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    /** Entries that may be read, in name order. */
    readonly entries: ArchiveEntry[],
  ) {}

  /** List an archive (a file, or the bytes of an archive inside another), refusing what the limits or safety forbid. */
  static async open(source: string | Buffer, limits: ZipLimits, refuse: (refusal: Refusal) => void): Promise<ZipArchive> {
    const options = { autoClose: false, lazyEntries: true, decodeStrings: false, validateEntrySizes: true };
    const zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
    const entries: ArchiveEntry[] = [];
    let listed = 0;
    let last: string | undefined;
    try {
      for await (const entry of zip.eachEntry()) {
        const name = entryName(entry);
        if (++listed > limits.entries) {
          refuse({
            code: 'budget',
            name: printableName(name),
            reason: `the archive lists ${zip.entryCount} entries, more than the limit of ${limits.entries}: this entry and the ${zip.entryCount - limits.entries - 1} after it are not read; raise the limit with --zip-max-entries`,
          });
          break;
        }
        last = name;
        if (name.endsWith('/') && entry.uncompressedSize === 0) continue;
        const refusal = refusalOf(entry, name, limits);
        if (refusal) refuse({ ...refusal, name: printableName(name) });
        else entries.push({ name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, entry });
      }
    } catch (error) {
      if (listed === 0) {
        zip.close();
        throw error;
      }
      // A damaged record ends the listing; what was listed before it can still be read.
      const after = last === undefined ? '' : ` after ${printableName(last)}`;
      refuse({ code: 'unreadable', reason: `the archive's list of entries is damaged${after} (${(error as Error).message}): the entries after it are not read` });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return new ZipArchive(zip, entries);
  }

  /** The entry's uncompressed data as a stream, once its size is taken from the budget. */
  async openEntry(entry: ArchiveEntry, budget: ByteBudget): Promise<Readable> {
    if (entry.size > budget.left) {
      throw new ArchiveLimitError(
        `its ${entry.size} uncompressed bytes would pass the limit of ${budget.limit} bytes read from the archive (${budget.limit - budget.left} read so far): not read; raise the limit with --zip-max-bytes`,
      );
    }
    budget.left -= entry.size;
    return this.zip.openReadStreamPromise(entry.entry);
  }

  close(): void {
    this.zip.close();
  }
}

/** The entry's name as stored: UTF-8 when flagged (or given in an extra field), else CP437; backslashes kept so they can be refused. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

/** C0 and C1 control characters: a name holding them could rewrite a terminal line when printed. */
function hasControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** A name safe to print: control characters written as `\uXXXX`. */
export function printableName(name: string): string {
  if (!hasControl(name)) return name;
  let out = '';
  for (const char of name) {
    const c = char.charCodeAt(0);
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) ? `\\u${c.toString(16).padStart(4, '0')}` : char;
  }
  return out;
}

function refusalOf(entry: Entry, name: string, limits: ZipLimits): Pick<Refusal, 'code' | 'reason'> | undefined {
  const unsafe = yauzl.validateFileName(name);
  if (unsafe !== null) return { code: 'skipped-input', reason: `unsafe entry name (${unsafe}): not read` };
  if (hasControl(name)) return { code: 'skipped-input', reason: 'unsafe entry name (control characters): not read' };
  if (entry.isEncrypted()) return { code: 'skipped-input', reason: 'encrypted: cannot be read without its password, not scanned' };
  if (!entry.canDecodeFileData()) return { code: 'skipped-input', reason: `compressed with method ${entry.compressionMethod}, which cannot be read: not scanned` };
  const size = entry.uncompressedSize;
  if (size > RATIO_FLOOR_BYTES && size > limits.ratio * entry.compressedSize) {
    const ratio = entry.compressedSize === 0 ? 'unbounded' : `${Math.round(size / entry.compressedSize)}:1`;
    return { code: 'budget', reason: `expands ${entry.compressedSize} compressed bytes to ${size} (ratio ${ratio}, above the limit of ${limits.ratio}:1; a zip bomb?): not read; raise the limit with --zip-max-ratio` };
  }
  return undefined;
}

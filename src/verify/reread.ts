/**
 * Read a secret again from where a report says it was found, so reports never need to carry raw
 * secrets. The text at the recorded location is only used if its fingerprint equals the report's:
 * a file edited since the scan (or a report from elsewhere) yields "cannot re-read", never a
 * different secret.
 *
 * - file findings: `<root>/<path>`, lines `line`..`endLine`, columns `column`..`endColumn`;
 * - findings with a commit (history, diff): `git show <commit>:<path>` in the repository at `root`;
 * - staged findings: the index (`git show :<path>`), then the work tree;
 * - anything else (tickets, standard input): not re-readable.
 *
 * When the exact columns no longer hold the secret (a line was re-indented), the rule's own pattern
 * is run over the recorded lines and a match with the right fingerprint is accepted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileRule } from '../engine/compile.js';
import type { Location } from '../findings/finding.js';
import { fingerprintSecret } from '../findings/fingerprint.js';
import type { Rule } from '../rules/schema.js';
import { gitBytes } from '../sources/git/git.js';
import { decodeForScan } from '../sources/text-decode.js';
import type { SourceText } from './companions.js';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const SEARCH_MARGIN_LINES = 2;

/** Reads source texts (each once) relative to a root directory or repository. */
export class SourceReader {
  private readonly cache = new Map<string, Promise<ReadResult>>();

  constructor(
    readonly root: string,
    /** Maps a report path to a file on disk (default `<root>/<path>`); undefined: not re-readable. */
    private readonly resolveFile: (reportPath: string) => string | undefined = (p) => path.resolve(root, p),
  ) {}

  read(location: Location): Promise<ReadResult> {
    const key = `${location.source}\0${location.commit ?? ''}\0${location.path}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.load(location);
      this.cache.set(key, result);
    }
    return result;
  }

  private async load(location: Location): Promise<ReadResult> {
    if (location.source === 'ticket') return { ok: false, reason: 'ticket findings cannot be re-read' };
    if (location.path === '' || location.path === '-') return { ok: false, reason: 'standard input cannot be re-read' };
    if (location.commit !== undefined) return this.fromGit(`${location.commit}:${location.path}`, location.commit);
    if (location.source === 'staged') {
      const staged = await this.fromGit(`:${location.path}`);
      if (staged.ok) return staged;
    }
    return this.fromFile(location.path);
  }

  private async fromFile(reportPath: string): Promise<ReadResult> {
    const file = this.resolveFile(reportPath);
    if (file === undefined) return { ok: false, reason: `${reportPath} cannot be re-read` };
    try {
      const bytes = await readFile(file);
      return decode(bytes, reportPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return { ok: false, reason: `cannot read ${reportPath} (${code})` };
    }
  }

  private fromGit(object: string, commit?: string): Promise<ReadResult> {
    if (commit !== undefined && !/^[0-9a-f]{4,64}$/i.test(commit)) return Promise.resolve({ ok: false, reason: 'not a commit id' });
    if (object.includes('\n')) return Promise.resolve({ ok: false, reason: 'not a path' });
    return gitBytes(this.root, ['show', '--no-textconv', object], { maxBytes: MAX_SOURCE_BYTES }).then(
      (stdout) => decode(stdout, object),
      () => ({ ok: false, reason: `git show ${object.length > 80 ? `${object.slice(0, 77)}…` : object} failed` }),
    );
  }
}

function decode(bytes: Uint8Array, shown: string): ReadResult {
  const decoded = decodeForScan(bytes);
  return decoded.kind === 'binary' ? { ok: false, reason: `${shown} is binary` } : { ok: true, text: decoded.text };
}

/** Offsets of the start of each line (0-based index = line - 1). */
function lineStarts(text: string, upTo: number): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && starts.length < upTo; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The text between the recorded start and end positions, if the file still has them. */
export function textAt(text: string, location: Location): string | undefined {
  const starts = lineStarts(text, location.endLine + 1);
  const lineStart = starts[location.line - 1];
  const endLineStart = starts[location.endLine - 1];
  if (lineStart === undefined || endLineStart === undefined) return undefined;
  const start = lineStart + location.column - 1;
  const end = endLineStart + location.endColumn;
  if (start < 0 || end > text.length || end <= start) return undefined;
  return text.slice(start, end);
}

/** Lines [from, to] (1-based, clamped) as a SourceText. */
export function linesAround(text: string, from: number, to: number): SourceText {
  const first = Math.max(1, from);
  const starts = lineStarts(text, to + 1);
  const start = starts[first - 1] ?? text.length;
  const next = starts[to];
  return { text: text.slice(start, next ?? text.length), firstLine: first };
}

export interface LocatedSecret {
  secret?: string;
  /** Why the secret could not be recovered. */
  reason?: string;
}

/**
 * The secret at `location`, checked against `fingerprint`: first the exact recorded span, then any
 * match of the rule's pattern on the recorded lines.
 */
export function locateSecret(text: string, location: Location, fingerprint: string, rule: Rule | undefined, fingerprintKey?: string): LocatedSecret {
  const exact = textAt(text, location);
  if (exact !== undefined && fingerprintSecret(exact, fingerprintKey) === fingerprint) return { secret: exact };
  if (rule) {
    let regex: RegExp;
    try {
      regex = compileRule(rule).regex;
    } catch {
      return { reason: `rule ${rule.id} does not compile` };
    }
    const around = linesAround(text, location.line - SEARCH_MARGIN_LINES, location.endLine + SEARCH_MARGIN_LINES);
    regex.lastIndex = 0;
    for (let m = regex.exec(around.text); m !== null; m = regex.exec(around.text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const candidate = m[1];
      if (candidate !== undefined && fingerprintSecret(candidate, fingerprintKey) === fingerprint) return { secret: candidate };
    }
  }
  return { reason: `the text at ${location.path}:${location.line} no longer matches the fingerprint (changed since the scan, or a different --fingerprint-key)` };
}

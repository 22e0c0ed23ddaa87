/**
 * `.gitleaksignore` as a sprawlguard baseline. A gitleaks fingerprint names where a finding was
 * (`commit:path:rule:line`, or `path:rule:line` from a directory scan), not the secret, while a
 * sprawlguard baseline entry names the secret (rule, fingerprint of the secret, path) so that it
 * still matches when the line moves. Each entry is therefore resolved by reading that line (at that
 * commit, through git, when one is named) and scanning the file with sprawlguard's rules: the
 * findings that start on the line become baseline entries. An entry that cannot be resolved (file
 * or commit missing, no sprawlguard finding on the line) is reported, never guessed.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../findings/finding.js';
import type { ChunkScanner } from '../../scan/chunk-scanner.js';
import { gitMaybe } from '../../sources/git/git.js';
import type { ImportNote } from './translate.js';

export interface IgnoreEntry {
  /** Line of the ignore file (1-based), for messages. */
  at: number;
  commit?: string;
  path: string;
  ruleId: string;
  line: number;
}

export function parseGitleaksIgnore(text: string): { entries: IgnoreEntry[]; malformed: ImportNote[] } {
  const entries: IgnoreEntry[] = [];
  const malformed: ImportNote[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // Paths may hold colons: read the rule and line from the right, the commit from the left.
    const m = /^(?:([0-9a-f]{7,64}):)?(.+):([^:]+):(\d+)$/i.exec(line);
    if (!m) {
      malformed.push({ at: `line ${i + 1}`, message: 'not a gitleaks fingerprint (commit:path:rule:line or path:rule:line)' });
      return;
    }
    entries.push({ at: i + 1, ...(m[1] ? { commit: m[1].toLowerCase() } : {}), path: (m[2] ?? '').replace(/^\.\//, ''), ruleId: m[3] ?? '', line: Number(m[4]) });
  });
  return { entries, malformed };
}

export interface ResolveOptions {
  /** Repository (for entries with a commit) and the directory paths are relative to. */
  root: string;
  scanner: ChunkScanner;
  maxFileSize: number;
}

/** The sprawlguard findings each entry points at, and the entries that point at none. */
export async function resolveIgnoreEntries(entries: readonly IgnoreEntry[], options: ResolveOptions): Promise<{ findings: Finding[]; unresolved: ImportNote[] }> {
  const findings: Finding[] = [];
  const unresolved: ImportNote[] = [];
  const scanned = new Map<string, Finding[] | string>();
  for (const entry of entries) {
    const key = `${entry.commit ?? ''}:${entry.path}`;
    let result = scanned.get(key);
    if (result === undefined) {
      result = await scanEntryFile(entry, options);
      scanned.set(key, result);
    }
    const where = `line ${entry.at} (${entry.commit ? `${entry.commit.slice(0, 12)}:` : ''}${entry.path}:${entry.ruleId}:${entry.line})`;
    if (typeof result === 'string') {
      unresolved.push({ at: where, message: result });
      continue;
    }
    const onLine = result.filter((f) => f.location.line === entry.line);
    if (onLine.length === 0) unresolved.push({ at: where, message: `sprawlguard finds no secret on line ${entry.line}` });
    findings.push(...onLine);
  }
  return { findings, unresolved };
}

/** Findings in the file the entry names, or why it cannot be read. */
async function scanEntryFile(entry: IgnoreEntry, options: ResolveOptions): Promise<Finding[] | string> {
  let text: string;
  if (entry.commit) {
    const object = `${entry.commit}:${entry.path}`;
    const size = Number((await gitMaybe(options.root, ['cat-file', '-s', object]))?.trim());
    if (!Number.isFinite(size) || size === 0) return `${entry.path} is not in commit ${entry.commit.slice(0, 12)} (or the commit is not in this repository)`;
    if (size > options.maxFileSize) return `${entry.path} at ${entry.commit.slice(0, 12)} is larger than the size cap`;
    text = (await gitMaybe(options.root, ['cat-file', 'blob', object])) ?? '';
  } else {
    const file = path.resolve(options.root, entry.path);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return `${entry.path} does not exist here`;
    if (info.size > options.maxFileSize) return `${entry.path} is larger than the size cap`;
    text = await readFile(file, 'utf8');
  }
  return options.scanner.scan({ text, origin: { source: entry.commit ? 'history' : 'file', path: entry.path, ...(entry.commit ? { commit: entry.commit } : {}) } });
}

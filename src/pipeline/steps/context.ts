/**
 * Step 2, context policy: each finding gets where it sits (`location.context`: source, test, docs,
 * example, vendored or generated code; src/findings/context.ts) and whether it counts
 * (`disposition`: incident or fixture; src/findings/fixture-policy.ts, configured by the `context:`
 * section). The step drops nothing: fixtures are reported, the CLI and the Action only leave them
 * out of what they count. Its place in the order is fixed: after the allowlists, before the
 * confidence threshold and the baseline, so that what an allowlist removes is never classified
 * and what this step decides is what the baseline and --explain see.
 *
 * Files are judged by their path and, when the path says nothing, by a "generated, do not edit"
 * marker in their first lines: for a scan of files on disk the head of each file with a finding is
 * read once (a few KiB, never the whole file). Git scans judge a blob by its path alone. Tickets,
 * chats and standard input are `source`: what people paste there always counts (docs/context.md).
 */
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ScanSettings } from '../../config/settings.js';
import { classifyContext, contextOfOrigin, MARKER_CHARS, type FindingContext } from '../../findings/context.js';
import type { Finding, ScanScope } from '../../findings/finding.js';
import { disposition } from '../../findings/fixture-policy.js';
import type { FindingFilter } from './filter.js';

/** What the step knows of the scan besides the findings. */
export interface ContextInput {
  /** Standard input: no file to judge, every finding is `source`. */
  stdin?: boolean;
  /** The first characters of files on disk, by finding path (see readHeads). */
  heads?: ReadonlyMap<string, string>;
}

export function contextFilter(settings: Pick<ScanSettings, 'rules' | 'contextPolicy'>, input: ContextInput = {}): FindingFilter {
  const rules = new Map(settings.rules.map((r) => [r.id, r]));
  // A file's context is the same for each of its findings (a comment line aside): judged once per
  // file, since a file can hold thousands of findings and its head is read for markers.
  const byFile = new Map<string, FindingContext>();
  const contextOf = (location: Finding['location']): FindingContext => {
    if (input.stdin) return 'source';
    const key = `${location.source}\0${location.path}${location.comment ? '\0#' : ''}`;
    let context = byFile.get(key);
    if (context === undefined) {
      context = contextOfOrigin(location, input.heads?.get(location.path));
      byFile.set(key, context);
    }
    return context;
  };
  return {
    name: 'context',
    mark: (finding) => {
      const context = contextOf(finding.location);
      finding.location.context = context;
      finding.disposition = disposition(finding, rules.get(finding.ruleId), settings.contextPolicy);
    },
    drop: () => undefined,
  };
}

/**
 * The head of each file on disk whose path alone classifies as `source`, read once per file: the
 * only place a generated-file marker can change the answer. A file that cannot be read (gone since
 * the scan) is judged by its path.
 */
export async function readHeads(findings: readonly Finding[], scope: ScanScope | undefined): Promise<Map<string, string>> {
  const heads = new Map<string, string>();
  if (scope?.source !== 'files') return heads;
  const seen = new Set<string>();
  const paths = new Set<string>();
  for (const f of findings) {
    const file = f.location.path;
    if (f.location.source !== 'file' || seen.has(file)) continue;
    seen.add(file);
    if (classifyContext(file) === 'source') paths.add(file);
  }
  for (const relative of paths) {
    const head = await readHead(path.resolve(scope.root, relative));
    if (head !== undefined) heads.set(relative, head);
  }
  return heads;
}

async function readHead(file: string): Promise<string | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    // Markers are ASCII: a multi-byte character cut at the end cannot hide one.
    const buffer = Buffer.alloc(MARKER_CHARS);
    const { bytesRead } = await handle.read(buffer, 0, MARKER_CHARS, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

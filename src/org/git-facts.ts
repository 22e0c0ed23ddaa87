/**
 * Facts about a repository that a history scan alone does not give: whether anything changed since
 * the last scan (a digest of all refs), which findings are still present at HEAD, which branches
 * hold the commit that added a secret, and who owns which paths (CODEOWNERS).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../findings/finding.js';
import { sharedScanner, type ScannerConfig } from '../scan/chunk-scanner.js';
import { git, gitBytes } from '../sources/git/git.js';
import { resolveCommit } from '../sources/git/repo.js';
import { decodeForScan } from '../sources/text-decode.js';
import { occurrenceAtHeadKey, type CodeOwnersRule } from '../inventory/records.js';

export interface RefsState {
  head?: string;
  /** SHA-256 over every ref and the object it points at: equal digests, nothing new to scan. */
  digest: string;
  /** Every ref's full name (HEAD excluded). */
  refs: string[];
}

export async function refsState(repoDir: string): Promise<RefsState> {
  // One process for HEAD and every ref; exit 1 means an empty repository (no refs yet).
  const out = await git(repoDir, ['show-ref', '--head'], { okCodes: [1] });
  const head = /^([0-9a-f]{40,64}) HEAD$/m.exec(out)?.[1];
  const refs = out
    .split('\n')
    .map((line) => line.slice(line.indexOf(' ') + 1))
    .filter((name) => name !== '' && name !== 'HEAD');
  return { head, refs, digest: `sha256:${createHash('sha256').update(out).digest('hex')}` };
}

/**
 * `occurrenceAtHeadKey()`s of the history findings whose secret is still in that file at HEAD.
 * Only the files that had findings are read (one `git cat-file` process), and they are scanned with
 * the same configuration, so "still there" means the same fingerprint in the same file.
 */
export async function findingsPresentAtHead(
  repoDir: string,
  findings: readonly Finding[],
  config: ScannerConfig,
  maxFileSize: number,
  knownHead?: string,
): Promise<Set<string>> {
  const present = new Set<string>();
  const head = knownHead ?? (await resolveCommit(repoDir, 'HEAD'));
  if (!head) return present;
  // A path with a line break cannot be named on cat-file's line-based input; it counts as removed.
  const paths = [...new Set(findings.filter((f) => f.location.source === 'history').map((f) => f.location.path))].filter(
    (p) => !/[\r\n]/.test(p),
  );
  if (paths.length === 0) return present;

  const checks = (await catFile(repoDir, ['--batch-check'], paths.map((p) => `${head}:${p}`).join('\n') + '\n')).toString('utf8').split('\n');
  const wanted: { path: string; oid: string }[] = [];
  paths.forEach((p, i) => {
    const m = /^([0-9a-f]{40,64}) blob (\d+)$/.exec(checks[i] ?? '');
    if (m && Number(m[2]) <= maxFileSize) wanted.push({ path: p, oid: m[1] as string });
  });
  if (wanted.length === 0) return present;

  const out = await catFile(repoDir, ['--batch'], wanted.map((w) => w.oid).join('\n') + '\n');
  // Only fingerprints are kept, so whether the configuration keeps raw secrets does not matter.
  const scanner = sharedScanner(config);
  let offset = 0;
  for (const w of wanted) {
    const headerEnd = out.indexOf(10, offset);
    if (headerEnd < 0) break;
    const header = out.toString('utf8', offset, headerEnd);
    const size = Number(/ blob (\d+)$/.exec(header)?.[1] ?? Number.NaN);
    if (!Number.isFinite(size)) break;
    const body = out.subarray(headerEnd + 1, headerEnd + 1 + size);
    offset = headerEnd + 1 + size + 1;
    const decoded = decodeForScan(body);
    if (decoded.kind !== 'text') continue;
    for (const f of scanner.scan({ text: decoded.text, ascii: decoded.ascii, origin: { source: 'file', path: w.path } })) {
      present.add(occurrenceAtHeadKey(f.fingerprint, w.path));
    }
  }
  return present;
}

/** Most commits per repository whose branches are looked up (one git process each). */
const MAX_BRANCH_LOOKUPS = 50;

/**
 * Branches (`refs/heads/*`, short names) containing each commit, for up to MAX_BRANCH_LOOKUPS
 * commits; commits beyond that have no entry (branches unknown).
 */
export async function branchesContaining(repoDir: string, commits: Iterable<string>, refs?: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  // A repository whose only ref is one branch: every scanned commit is on it, no lookup needed.
  if (refs && refs.length === 1 && refs[0]?.startsWith('refs/heads/')) {
    const branch = refs[0].slice('refs/heads/'.length);
    for (const commit of commits) result.set(commit, [branch]);
    return result;
  }
  const list = [...new Set(commits)].slice(0, MAX_BRANCH_LOOKUPS);
  for (const commit of list) {
    const out = await git(repoDir, ['for-each-ref', '--format=%(refname:short)', '--contains', commit, 'refs/heads/']).catch(() => undefined);
    if (out !== undefined) result.set(commit, out.split('\n').filter(Boolean).sort());
  }
  return result;
}

/** Run `git cat-file` with `input` and return all of its output. */
function catFile(repoDir: string, args: readonly string[], input: string): Promise<Buffer> {
  return gitBytes(repoDir, ['cat-file', ...args], { input });
}

/** Where GitHub and GitLab look for CODEOWNERS, in the order they look. */
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];
/** GitHub ignores a CODEOWNERS file over 3 MB; far fewer rules are ever kept. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;
const MAX_CODEOWNERS_RULES = 5000;

/** The CODEOWNERS rules at `head` (the first file found where GitHub looks), or undefined when there is none. */
export async function codeOwnersAtHead(repoDir: string, head: string | undefined): Promise<CodeOwnersRule[] | undefined> {
  if (!head) return undefined;
  const checks = (await catFile(repoDir, ['--batch-check'], CODEOWNERS_PATHS.map((p) => `${head}:${p}`).join('\n') + '\n')).toString('utf8').split('\n');
  const index = checks.findIndex((line) => / blob (\d+)$/.test(line) && Number(/ blob (\d+)$/.exec(line)?.[1]) <= MAX_CODEOWNERS_BYTES);
  if (index < 0) return undefined;
  const out = await catFile(repoDir, ['--batch'], `${head}:${CODEOWNERS_PATHS[index] as string}\n`);
  const headerEnd = out.indexOf(10);
  const size = Number(/ blob (\d+)$/.exec(out.toString('utf8', 0, headerEnd))?.[1] ?? 0);
  return parseCodeOwners(out.toString('utf8', headerEnd + 1, headerEnd + 1 + size));
}

/** `pattern owner owner…` lines; comments, blank lines and sections (`[Section]`, GitLab) are skipped. */
export function parseCodeOwners(text: string): CodeOwnersRule[] {
  const rules: CodeOwnersRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || line.startsWith('[') || line.startsWith('^[')) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern === undefined) continue;
    rules.push({ pattern: pattern.replace(/\\#/g, '#'), owners });
    if (rules.length >= MAX_CODEOWNERS_RULES) break;
  }
  return rules;
}

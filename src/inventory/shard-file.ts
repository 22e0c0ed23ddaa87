/**
 * Shard files: what one shard of an org scan found, as JSON Lines, for `sprawl merge` to combine
 * into one inventory. Fingerprints, redacted previews and locations only — never a raw secret.
 *
 *   {"type":"shard","format":1,"tool":{…},"shard":"2/8","createdAt":"…"}
 *   {"type":"repo", …RepoRecord}        one per repository of the shard (done or failed)
 *   {"type":"secret", …SecretRecord}    one per secret found in those repositories
 *   {"type":"occurrence", …OccurrenceRecord}
 *
 * Reading validates every line and names the file and line of the first problem. Unknown fields are
 * dropped, so a field that should not be there (a `secret`, say) never reaches the inventory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { FINDING_CONTEXTS } from '../findings/context.js';
import type { Finding } from '../findings/finding.js';
import { FINGERPRINT_PATTERN } from '../findings/fingerprint.js';
import { SECRET_STATUSES, type InventoryExport } from './records.js';

export const SHARD_FORMAT = 1;

export interface ShardHeader {
  type: 'shard';
  format: number;
  tool: { name: string; version: string };
  shard?: string;
  createdAt: string;
}

const str = z.string();
const optStr = z.string().optional();
const optInt = z.number().int().nonnegative().optional();

const headerSchema = z.object({
  type: z.literal('shard'),
  format: z.number().int(),
  tool: z.object({ name: str, version: str }),
  shard: optStr,
  createdAt: str,
});

const repoSchema = z.object({
  type: z.literal('repo'),
  name: str.min(1),
  location: str,
  state: z.enum(['scanning', 'done', 'failed']),
  head: optStr,
  refsDigest: optStr,
  pushedAt: optStr,
  settingsDigest: optStr,
  commits: optInt,
  bytes: optInt,
  findings: optInt,
  durationMs: optInt,
  error: optStr,
  startedAt: optStr,
  scannedAt: optStr,
  codeowners: z.array(z.object({ pattern: str, owners: z.array(z.string()) })).optional(),
});

const fingerprint = z.string().regex(FINGERPRINT_PATTERN, 'expected sha256: or scrypt: and 64 hex digits');

const secretSchema = z.object({
  type: z.literal('secret'),
  fingerprint,
  ruleId: str,
  provider: str,
  title: str,
  severity: str,
  lifetime: str,
  redacted: str,
  status: z.enum(SECRET_STATUSES),
  firstSeen: str,
  lastSeen: str,
  statusChangedAt: optStr,
  expiresAt: optStr,
  facts: z.record(z.string(), z.string()).optional(),
  verification: z
    .object({
      status: z.enum(['live', 'dead', 'unknown']),
      checkedAt: str,
      identity: z.record(z.string(), z.string()).optional(),
      reason: optStr,
    })
    .optional(),
  revokedAt: optStr,
});

const occurrenceSchema = z.object({
  type: z.literal('occurrence'),
  fingerprint,
  source: str,
  repo: str,
  path: str,
  system: str,
  ticket: str,
  field: str,
  line: z.number().int().optional(),
  commit: optStr,
  author: optStr,
  committedAt: optStr,
  url: optStr,
  // A context this version does not know (from a newer sprawlguard) is left out, not an error.
  context: z.enum(FINDING_CONTEXTS).optional().catch(undefined),
  presence: z.enum(['present', 'removed-from-head', 'gone']),
  branches: z.array(z.string()).optional(),
  firstSeen: str,
  lastSeen: str,
});

const recordSchema = z.discriminatedUnion('type', [repoSchema, secretSchema, occurrenceSchema]);

export class ShardFileError extends Error {}

export async function writeShardFile(file: string, header: Omit<ShardHeader, 'type' | 'format'>, data: InventoryExport): Promise<void> {
  const lines = [JSON.stringify({ type: 'shard', format: SHARD_FORMAT, ...header })];
  for (const r of data.repos) lines.push(JSON.stringify({ type: 'repo', ...r }));
  for (const s of data.secrets) lines.push(JSON.stringify({ type: 'secret', ...s }));
  for (const o of data.occurrences) lines.push(JSON.stringify({ type: 'occurrence', ...o }));
  await writeFile(file, `${lines.join('\n')}\n`);
}

export type MergeInput =
  | { kind: 'shard'; header: ShardHeader; data: InventoryExport }
  | { kind: 'report'; findings: Finding[] };

/** Read a shard file, or a `--format json` report of `scan`/`tickets` (its findings are recorded as seen). */
export async function readMergeInput(file: string): Promise<MergeInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ShardFileError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined).trim();
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  if (isShardHeader(first)) return readShard(file, text);
  return readReport(file, text);
}

function isShardHeader(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'shard';
}

function readShard(file: string, text: string): MergeInput {
  const lines = text.split('\n');
  const header = parseLine(file, 1, lines[0] ?? '', headerSchema);
  if (header.format > SHARD_FORMAT) {
    throw new ShardFileError(`${file}: shard format ${header.format} is newer than this sprawlguard reads (${SHARD_FORMAT}); upgrade sprawlguard`);
  }
  const data: InventoryExport = { repos: [], secrets: [], occurrences: [] };
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const record = parseLine(file, i + 1, line, recordSchema);
    const { type, ...rest } = record;
    if (type === 'repo') data.repos.push(rest as InventoryExport['repos'][number]);
    else if (type === 'secret') data.secrets.push(rest as InventoryExport['secrets'][number]);
    else data.occurrences.push(rest as InventoryExport['occurrences'][number]);
  });
  return { kind: 'shard', header: header as ShardHeader, data };
}

function parseLine<S extends z.ZodType>(file: string, lineNo: number, line: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    throw new ShardFileError(`${file}:${lineNo}: not JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ShardFileError(`${file}:${lineNo}: not a valid shard record${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as z.infer<S>;
}

const reportFindingSchema = z.object({
  ruleId: str,
  provider: str,
  title: str,
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  lifetime: z.enum(['ephemeral', 'short-lived', 'expiring', 'long-lived', 'unknown']),
  confidence: z.enum(['high', 'medium', 'low']).default('high'),
  fingerprint,
  redacted: str,
  remediation: str.default(''),
  expiresAt: optStr,
  facts: z.record(z.string(), z.string()).optional(),
  location: z.object({
    source: z.enum(['file', 'staged', 'diff', 'history', 'ticket']),
    path: str,
    line: z.number().int(),
    column: z.number().int().default(1),
    endLine: z.number().int().optional(),
    endColumn: z.number().int().optional(),
    commit: optStr,
    author: optStr,
    date: optStr,
    repo: optStr,
    system: optStr,
    ticket: optStr,
    field: optStr,
    url: optStr,
    context: z.enum(FINDING_CONTEXTS).optional().catch(undefined),
  }),
});

function readReport(file: string, text: string): MergeInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ShardFileError(`${file}: neither a shard file (JSON Lines starting with a "shard" header) nor a JSON report`);
  }
  const report = raw as { tool?: { name?: unknown }; findings?: unknown };
  if (report?.tool?.name !== 'sprawlguard' || !Array.isArray(report.findings)) {
    throw new ShardFileError(`${file}: not a sprawlguard JSON report (expected "tool" and "findings")`);
  }
  const findings: Finding[] = [];
  report.findings.forEach((f, i) => {
    const parsed = reportFindingSchema.safeParse(f);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ShardFileError(`${file}: findings[${i}]${issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
    }
    const loc = parsed.data.location;
    // Only the listed fields are kept: a `secret` in a --show-secrets report is not carried over.
    findings.push({
      ...parsed.data,
      location: { ...loc, endLine: loc.endLine ?? loc.line, endColumn: loc.endColumn ?? loc.column },
    });
  });
  return { kind: 'report', findings };
}

/**
 * `sprawlguard org scan` and `sprawlguard org list`: many repositories into one inventory.
 * Options in, progress out: listing is in org/github-repos.ts, the run in org/record-org-scan.ts
 * (fetching in org/mirror.ts, scanning in org/scan-repositories.ts).
 *
 * Exit codes: 0 every repository scanned (or unchanged), 1 some repository failed (each is recorded
 * with its error), 2 usage, configuration or listing error, 130 interrupted (run again to resume).
 */
import path from 'node:path';
import { loadSettings, scannerConfig } from '../config/settings.js';
import { parseSize } from '../config/size.js';
import { inventoryPath, openInventory } from '../inventory/open-inventory.js';
import type { InventoryExport } from '../inventory/records.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import type { RepoEvent } from '../org/scan-repositories.js';
import type { RepoTarget, Shard } from '../org/targets.js';
import { printConfigLocation } from './config-notes.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './errors.js';
import { fingerprintKeyOf, parseConfidence, parseIntOption } from './options.js';
import { applyReportFilters, writeOutput } from './output.js';
import { toolVersion } from './version.js';

export const EXIT_INTERRUPTED = 130;
const DEFAULT_API_URL = 'https://api.github.com';
const DEFAULT_CACHE = path.join('.sprawlguard', 'repos');

interface ListCliOptions {
  githubOrg?: string;
  includeForks?: boolean;
  includeArchived?: boolean;
  tokenEnv?: string;
  apiUrl?: string;
  quiet?: boolean;
}

interface OrgScanCliOptions extends ListCliOptions {
  repos?: string;
  cache?: string;
  db?: string;
  shard?: string;
  out?: string;
  config?: string;
  fingerprintKey?: string;
  maxFileSize?: string;
  minConfidence?: string;
  jobs?: string;
  concurrency?: string;
  timeout?: string;
  force?: boolean;
}

export async function runOrgScan(raw: Record<string, unknown>): Promise<number> {
  const opts = raw as OrgScanCliOptions;
  if ((opts.githubOrg === undefined) === (opts.repos === undefined)) throw new UsageError('choose the repositories: --github-org ORG or --repos FILE');
  let shard: Shard | undefined;
  if (opts.shard !== undefined) {
    const { parseShard } = await import('../org/targets.js');
    shard = parseShard(opts.shard);
    if (!shard) throw new UsageError(`--shard: expected I/N with 0 <= I < N (e.g. 0/8), got ${opts.shard}`);
  }
  const jobs = opts.jobs !== undefined ? parseIntOption('--jobs', opts.jobs, 1, 256) : undefined;
  const concurrency = opts.concurrency !== undefined ? parseIntOption('--concurrency', opts.concurrency, 1, 64) : 2;
  const timeoutMs = parseIntOption('--timeout', opts.timeout ?? '3600', 1, 7 * 86400) * 1000;
  const minConfidence = parseConfidence(opts.minConfidence);

  const settings = await loadSettings(process.cwd(), opts.config);
  printConfigLocation(settings, opts.quiet);
  if (opts.maxFileSize !== undefined) {
    const bytes = parseSize(opts.maxFileSize);
    if (bytes === undefined) throw new UsageError(`--max-file-size: not a size: ${opts.maxFileSize} (use bytes or e.g. 10MiB)`);
    settings.maxFileSize = bytes;
  }
  // The operator's configuration applies; a scanned repository's own .sprawlguard.yaml is not read
  // (a repository must not be able to switch rules off for the scan that audits it).
  const scanner: ScannerConfig = scannerConfig(settings, { fingerprintKey: fingerprintKeyOf(opts) });

  const { token, apiUrl } = credentials(opts);
  const say = (line: string): void => {
    if (!opts.quiet) process.stderr.write(`sprawlguard: ${line}\n`);
  };
  const { inShard } = await import('../org/targets.js');
  const listed = await listTargets(opts, token, apiUrl, say);
  const targets = listed.filter((t) => inShard(t, shard));
  say(`${targets.length} repositor${targets.length === 1 ? 'y' : 'ies'} to scan${shard ? ` in shard ${shard.index}/${shard.count} (of ${listed.length})` : ''}`);

  const file = inventoryPath(opts.db);
  const inventory = openInventory(file, say);
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) process.stderr.write(`sprawlguard: ${signal}: stopping; finished repositories are kept, run again to resume\n`);
    controller.abort(new Error(signal));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { recordOrgScan } = await import('../org/record-org-scan.js');
    const { gitHostsFor } = await import('../org/github-repos.js');
    const { summary, secrets } = await recordOrgScan({
      inventory,
      targets,
      target: opts.githubOrg !== undefined ? `github:${opts.githubOrg}` : `repos:${path.resolve(opts.repos as string)}`,
      // Never the token or the fingerprint key.
      runOptions: {
        apiUrl: opts.githubOrg !== undefined ? apiUrl : undefined,
        includeForks: opts.includeForks === true,
        includeArchived: opts.includeArchived === true,
        shard: shard ? `${shard.index}/${shard.count}` : undefined,
        minConfidence,
        config: settings.configFile,
        force: opts.force === true,
      },
      settings,
      scanner,
      minConfidence,
      filterFindings: (findings) => applyReportFilters(findings, settings, minConfidence),
      toolVersion: toolVersion(),
      cacheDir: path.resolve(opts.cache ?? DEFAULT_CACHE),
      jobs,
      concurrency,
      timeoutMs,
      auth: token ? { token, hosts: gitHostsFor(apiUrl) } : undefined,
      force: opts.force === true,
      signal: controller.signal,
      onEvent: (event) => say(describeEvent(event)),
      exportShard: opts.out === undefined ? undefined : async (data) => writeShard(opts.out as string, shard, data, say),
    });
    say(
      `${summary.total} repositor${summary.total === 1 ? 'y' : 'ies'}: ${summary.scanned} scanned, ${summary.unchanged} unchanged, ${summary.failed} failed` +
        `${summary.interrupted ? `, ${summary.total - summary.events.length} not reached (interrupted)` : ''}; ${secrets} secret${secrets === 1 ? '' : 's'} in them; inventory ${file}`,
    );
    if (summary.interrupted) return EXIT_INTERRUPTED;
    return summary.failed > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    inventory.close();
  }
}

/** `--out FILE`: this run's repositories, secrets and occurrences as a shard file for `sprawl merge`. */
async function writeShard(file: string, shard: Shard | undefined, data: InventoryExport, say: (line: string) => void): Promise<void> {
  const { writeShardFile } = await import('../inventory/shard-file.js');
  await writeShardFile(file, { tool: { name: 'sprawlguard', version: toolVersion() }, shard: shard ? `${shard.index}/${shard.count}` : undefined, createdAt: new Date().toISOString() }, data).catch(
    (error: NodeJS.ErrnoException) => {
      throw new UsageError(`--out ${file}: cannot write: ${error.code === 'ENOENT' ? 'no such directory' : error.message}`);
    },
  );
  say(`wrote ${data.repos.length} repositories, ${data.secrets.length} secrets, ${data.occurrences.length} occurrences to ${file}`);
}

/** `org list`: the repositories an org scan would cover, one clone URL per line (the `--repos` format). */
export async function runOrgList(raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ListCliOptions & { output?: string; format?: string };
  if (opts.githubOrg === undefined) throw new UsageError('--github-org ORG is required');
  const { token, apiUrl } = credentials(opts);
  const say = (line: string): void => {
    if (!opts.quiet) process.stderr.write(`sprawlguard: ${line}\n`);
  };
  const targets = await listTargets(opts, token, apiUrl, say);
  const text =
    opts.format === 'json'
      ? `${JSON.stringify(
          targets.map((t) => ({ name: t.name, cloneUrl: t.location, defaultBranch: t.defaultBranch, pushedAt: t.pushedAt, sizeKb: t.sizeKb })),
          null,
          2,
        )}\n`
      : targets.map((t) => `${t.location}\n`).join('');
  await writeOutput(text, opts.output);
  return EXIT_CLEAN;
}

function credentials(opts: ListCliOptions): { token: string | undefined; apiUrl: string } {
  const tokenEnv = opts.tokenEnv ?? 'GITHUB_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv)) throw new UsageError(`--token-env: not an environment variable name: ${tokenEnv}`);
  const token = process.env[tokenEnv] || undefined;
  const apiUrl = (opts.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(apiUrl);
  } catch {
    throw new UsageError(`--api-url: not a URL: ${apiUrl}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UsageError(`--api-url: expected an http(s) URL, got ${apiUrl}`);
  if (parsed.username || parsed.password) throw new UsageError('--api-url: put credentials in the token variable (--token-env), not in the URL');
  if (token && parsed.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new UsageError(`--api-url: refusing to send the token over plain http to ${parsed.hostname}`);
  }
  return { token, apiUrl };
}

async function listTargets(opts: OrgScanCliOptions, token: string | undefined, apiUrl: string, say: (line: string) => void): Promise<RepoTarget[]> {
  if (opts.repos !== undefined) {
    const { readRepoList, RepoListError } = await import('../org/targets.js');
    try {
      return await readRepoList(opts.repos);
    } catch (error) {
      if (error instanceof RepoListError) throw new UsageError(error.message);
      throw error;
    }
  }
  const { listOrgRepos, GithubApiError } = await import('../org/github-repos.js');
  try {
    const listed = await listOrgRepos({
      org: opts.githubOrg as string,
      apiUrl,
      token,
      includeForks: opts.includeForks === true,
      includeArchived: opts.includeArchived === true,
      userAgent: `sprawlguard/${toolVersion()}`,
      onWait: (ms, reason) => say(`GitHub API ${reason}: waiting ${Math.ceil(ms / 1000)} s`),
    });
    const skipped = listed.skipped.length > 0 ? ` (${listed.skipped.length} left out: ${summarizeReasons(listed.skipped)})` : '';
    say(`${opts.githubOrg}: ${listed.targets.length} repositories listed${skipped}`);
    return listed.targets;
  } catch (error) {
    if (error instanceof GithubApiError) throw new UsageError(`cannot list ${opts.githubOrg}'s repositories: ${error.message}`);
    throw error;
  }
}

function summarizeReasons(skipped: readonly { reason: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
}

function describeEvent(e: RepoEvent): string {
  const head = `[${e.position}/${e.total}] ${e.name}`;
  const seconds = `${(e.durationMs / 1000).toFixed(1)} s`;
  switch (e.outcome) {
    case 'unchanged':
      return `${head}: unchanged since its last scan`;
    case 'failed':
      return `${head}: FAILED: ${e.error ?? 'unknown error'}`;
    case 'interrupted':
      return `${head}: interrupted`;
    case 'scanned': {
      const removed = e.removedFromHead ? ` (${e.removedFromHead} only in history)` : '';
      const warnings = e.warnings?.length ? `; warning: ${e.warnings[0]}` : '';
      return `${head}: ${e.cloned ? 'cloned, ' : ''}${e.commits ?? 0} commits, ${((e.bytes ?? 0) / 1e6).toFixed(1)} MB, ${e.secrets ?? 0} secrets, ${e.occurrences ?? 0} occurrences${removed} in ${seconds}${warnings}`;
    }
  }
}


/**
 * The GitHub Action: read inputs and the event, scan exactly what the event adds, and report it as
 * annotations, a job summary, a sticky PR comment, SARIF and JSON. Thin like the CLI: the work is
 * in scan/, sources/ and report/.
 *
 * Order matters for safety: the scan keeps raw secrets in memory only long enough to mask each one
 * with the runner (`add-mask`), before anything else is printed; everything written afterwards is
 * built from findings with the secrets stripped.
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfigFile, resolveSettings } from '../config/load.js';
import { applyReportFilters, makeReport, stripSecrets } from '../cli/output.js';
import { parseBaseline, subtractBaseline, type Baseline } from '../findings/baseline.js';
import type { Finding, ScanStats, ScanWarning } from '../findings/finding.js';
import { formatJson } from '../report/scan/json.js';
import { formatSarif } from '../report/scan/sarif.js';
import type { Rule } from '../rules/schema.js';
import { scanGit } from '../scan/scan-git.js';
import { GitRangeError, NotARepositoryError } from '../sources/git/errors.js';
import { upsertStickyComment, type CommentResult } from './comment.js';
import { EventError, scanTargetFor, type ScanTarget } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { annotationsFor, commentBody, failingFindings, formatBytes, summaryMarkdown, type ScanOutcome } from './present.js';
import { NoCheckoutError, RangeUnavailableError, resolveScan } from './range.js';
import { actionRules } from './rules.js';
import { scannerConfig } from '../config/settings.js';
import { settingsForGitScan } from '../config/git-scope.js';
import { repoInfo } from '../sources/git/git.js';

export interface RunResult {
  /** False when the step failed, for findings or for an error. */
  passed: boolean;
  findings: number;
  newFindings: number;
  /** New findings at or above the fail level. */
  failing: number;
  sarifPath?: string;
  jsonPath?: string;
  comment?: CommentResult['action'];
  /** Why the step failed without a scan result (bad input, unresolvable range, …). */
  error?: string;
}

/** Errors whose message tells the user what to fix; anything else is a bug in sprawlguard. */
const USER_ERRORS = [InputError, EventError, ConfigError, NoCheckoutError, RangeUnavailableError, GitRangeError, NotARepositoryError];

export async function run(): Promise<RunResult> {
  try {
    return await runAction();
  } catch (error) {
    const known = USER_ERRORS.some((type) => error instanceof type);
    const message = known
      ? `sprawlguard: ${(error as Error).message}`
      : `sprawlguard: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    core.setFailed(message);
    return { passed: false, findings: 0, newFindings: 0, failing: 0, error: message };
  }
}

async function runAction(): Promise<RunResult> {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const inputs = readInputs(workspace);
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const target = scanTargetFor(eventName, await readEventPayload(process.env.GITHUB_EVENT_PATH));

  const builtin = actionRules();
  let settings = resolveSettings(await loadConfigFile(workspace, inputs.config, { fallBackToCwd: false }), builtin);
  const baseline = inputs.baseline ? await readBaseline(inputs.baseline) : undefined;

  const resolved = await resolveScan(workspace, target, (message) => core.info(`sprawlguard: ${message}`));
  core.info(`sprawlguard: scanning ${resolved.description}`);
  if (resolved.mode) {
    // A pull request that edits the config is judged by the base branch's version (git-scope.ts).
    settings = await settingsForGitScan(settings, await repoInfo(workspace), resolved.mode, { extraGlobs: inputs.ignorePaths, builtin });
  }
  for (const warning of settings.warnings) core.warning(`sprawlguard: ${warning.message}`, warning.file ? { file: warning.file } : {});

  let found: Finding[] = [];
  let stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [], commits: 0 };
  if (resolved.mode) {
    const warnings: string[] = [];
    ({ findings: found, stats } = await scanGit({
      repo: workspace,
      mode: resolved.mode,
      // Raw secrets are needed once, to mask them; they are stripped before any output.
      config: scannerConfig(settings, { includeSecrets: true, fingerprintKey: inputs.fingerprintKey }),
      maxFileSize: settings.maxFileSize,
      excludeGlobs: [...settings.allowPathGlobs, ...inputs.ignorePaths],
      // Warnings wait until the secrets are masked.
      onWarning: (message) => warnings.push(message),
    }));
    maskSecrets(found);
    for (const message of warnings) core.info(`sprawlguard: warning: ${message}`);
    if (settings.warnings.length > 0) stats.warnings = settings.warnings;
    const scanned = stats.commits ?? 0;
    if (scanned < resolved.expectedCommits) {
      throw new Error(`scanned ${scanned} of the ${resolved.expectedCommits} commits in the range`);
    }
  }
  core.info(
    `sprawlguard: scanned ${stats.commits ?? 0} commit${stats.commits === 1 ? '' : 's'}, ${formatBytes(stats.bytes)} added, in ${(stats.durationMs / 1000).toFixed(1)} s`,
  );

  const findings = stripSecrets(applyReportFilters(found, settings), false);
  const newFindings = baseline ? subtractBaseline(findings, baseline) : findings;
  const outcome: ScanOutcome = { description: resolved.description, stats, findings, newFindings, failLevel: inputs.failLevel, runUrl: runUrl() };

  const { sarifPath, jsonPath } = await writeReports(outcome, settings.rules, inputs);
  const annotations = annotationsFor(outcome);
  for (const a of annotations.shown) core[a.level](a.message, a.properties);
  await writeSummary(summaryMarkdown(outcome, annotations.hidden) + configWarningsMarkdown(settings.warnings));
  const comment = target.kind === 'pull-request' && inputs.comment ? await postComment(outcome, target, inputs) : undefined;

  const failing = failingFindings(outcome).length;
  core.setOutput('findings', findings.length);
  core.setOutput('new-findings', newFindings.length);
  core.setOutput('sarif-path', sarifPath);
  core.setOutput('json-path', jsonPath);
  core.info(
    `sprawlguard: ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${newFindings.length} new${baseline ? ' (after the baseline)' : ''}, ${failing} at or above fail-level ${inputs.failLevel}`,
  );
  if (failing > 0) {
    core.setFailed(
      `sprawlguard: ${failing} new secret finding${failing === 1 ? '' : 's'} at or above ${inputs.failLevel} severity: see the annotations and the job summary. Revoke real credentials at their provider.`,
    );
  }
  return { passed: failing === 0, findings: findings.length, newFindings: newFindings.length, failing, sarifPath, jsonPath, comment: comment?.action };
}

/** The configuration's warnings for the job summary, where reviewers look. */
function configWarningsMarkdown(warnings: readonly ScanWarning[]): string {
  if (warnings.length === 0) return '';
  return `\n**Configuration warnings**\n\n${warnings.map((w) => `- ${w.message}`).join('\n')}\n`;
}

async function readEventPayload(file: string | undefined): Promise<unknown> {
  if (!file) throw new EventError('GITHUB_EVENT_PATH is not set: sprawlguard runs as a step of a GitHub Actions workflow');
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new EventError(`cannot read the event payload ${file}: ${(error as Error).message}`);
  }
}

async function readBaseline(file: string): Promise<Baseline> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError([`baseline: ${file} is not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = parseBaseline(raw);
  if (typeof parsed === 'string') throw new InputError([`baseline: ${file}: ${parsed} (create one with \`sprawlguard baseline create\`)`]);
  return parsed;
}

/**
 * Register every secret with the runner's log masker. A multi-line secret (a private key) is masked
 * line by line too, because the runner matches masks within single lines of output; so is each piece
 * of a key written on one line with literal `\n` escapes.
 */
function maskSecrets(findings: readonly Finding[]): void {
  const masks = new Set<string>();
  for (const f of findings) {
    if (!f.secret) continue;
    masks.add(f.secret);
    for (const piece of f.secret.split(/\r?\n|\\r\\n|\\n/)) {
      const line = piece.trim();
      // Very short pieces (a closing brace) carry no secret and would blank unrelated log text.
      if (line.length >= 4) masks.add(line);
    }
  }
  for (const mask of masks) core.setSecret(mask);
}

async function writeReports(outcome: ScanOutcome, rules: readonly Rule[], inputs: ActionInputs): Promise<{ sarifPath: string; jsonPath: string }> {
  const report = makeReport(outcome.newFindings, outcome.stats);
  const context = { rules, color: false };
  await writeOutputFile(inputs.sarifOutput, formatSarif(report, context), 'sarif-output');
  await writeOutputFile(inputs.jsonOutput, formatJson(report, context), 'json-output');
  return { sarifPath: inputs.sarifOutput, jsonPath: inputs.jsonOutput };
}

async function writeOutputFile(file: string, text: string, input: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new InputError([`${input}: cannot write ${file}: ${(error as Error).message}`]);
  }
}

/**
 * Append to the step summary file. Written directly rather than through `core.summary`, whose
 * singleton remembers the first file it saw: one step is one process on the runner, but not in tests.
 */
async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.info(`sprawlguard: no job summary (GITHUB_STEP_SUMMARY is not set); it reads:\n${markdown}`);
    return;
  }
  try {
    await appendFile(file, markdown);
  } catch (error) {
    // The summary is a convenience: annotations, reports and the exit status still carry the result.
    core.warning(`sprawlguard: could not write the job summary: ${(error as Error).message}`);
  }
}

async function postComment(
  outcome: ScanOutcome,
  pr: Extract<ScanTarget, { kind: 'pull-request' }>,
  inputs: ActionInputs,
): Promise<CommentResult | undefined> {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    core.warning('sprawlguard: GITHUB_REPOSITORY is not set, so the pull-request comment was not posted');
    return undefined;
  }
  if (!inputs.token) {
    core.notice('sprawlguard: no token, so no pull-request comment; annotations and the job summary carry the results');
    return undefined;
  }
  const octokit = getOctokit(inputs.token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com' });
  try {
    const result = await upsertStickyComment(octokit, { owner, repo, issue_number: pr.number }, commentBody(outcome, pr.head), {
      // A clean PR gets no comment, unless there is an earlier one to mark resolved.
      createIfAbsent: outcome.newFindings.length > 0,
    });
    if (result.action === 'forbidden') {
      core.notice(
        `sprawlguard: the token may not comment on this pull request${pr.fromFork ? ' (it comes from a fork, whose token is read-only)' : ' (grant `pull-requests: write`)'}; the annotations, the job summary and the check status carry the results. (${result.message})`,
      );
    } else if (result.action !== 'skipped') {
      core.info(`sprawlguard: pull-request comment ${result.action}: ${result.url}`);
    }
    return result;
  } catch (error) {
    // The comment is a convenience: failing to post it must not hide or change the scan's result.
    core.warning(`sprawlguard: could not post the pull-request comment: ${(error as Error).message}`);
    return undefined;
  }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}

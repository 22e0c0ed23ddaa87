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
import { loadConfigFile, resolveSettings } from '../config/load.js';
import { parseBaseline, type Baseline } from '../findings/baseline.js';
import type { Finding, ScanStats, ScanWarning } from '../findings/finding.js';
import { incidentsOf } from '../findings/fixture-policy.js';
import { makeReport } from '../findings/report.js';
import { problemLevel, problemText } from '../findings/scan-problem.js';
import { runPipeline, type PipelineResult } from '../pipeline/run.js';
import { formatJson } from '../report/scan/json.js';
import { formatSarif } from '../report/scan/sarif.js';
import type { Rule } from '../rules/schema.js';
import { repoInfo } from '../sources/git/repo.js';
import { gitSource } from '../sources/git/source.js';
import { upsertStickyComment, type CommentResult } from './comment.js';
import { failureMessage } from './errors.js';
import { EventError, scanTargetFor, type ScanTarget } from './event.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { annotationsFor, commentBody, failingFindings, formatBytes, summaryMarkdown, type ScanOutcome } from './present.js';
import { resolveScan, type ResolvedScan } from './range.js';

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

export async function run(): Promise<RunResult> {
  try {
    return await runAction();
  } catch (error) {
    const message = failureMessage(error);
    core.setFailed(message);
    return { passed: false, findings: 0, newFindings: 0, failing: 0, error: message };
  }
}

async function runAction(): Promise<RunResult> {
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const inputs = readInputs(workspace);
  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  const target = scanTargetFor(eventName, await readEventPayload(process.env.GITHUB_EVENT_PATH));

  const settings = resolveSettings(await loadConfigFile(workspace, inputs.config, { fallBackToCwd: false }));
  const baseline = inputs.baseline ? await readBaseline(inputs.baseline) : undefined;

  const resolved = await resolveScan(workspace, target, (message) => core.info(`sprawlguard: ${message}`));
  core.info(`sprawlguard: scanning ${resolved.description}`);
  const result = await scanResolved(workspace, resolved, settings, inputs, baseline);
  const { stats } = result;
  core.info(
    `sprawlguard: scanned ${stats.commits ?? 0} commit${stats.commits === 1 ? '' : 's'}, ${formatBytes(stats.bytes)} added, in ${(stats.durationMs / 1000).toFixed(1)} s`,
  );

  const findings = result.beforeBaseline;
  const newFindings = result.findings;
  const outcome: ScanOutcome = { description: resolved.description, stats, findings, newFindings, failLevel: inputs.failLevel, runUrl: runUrl() };
  const warnings = result.settings.warnings;

  const { sarifPath, jsonPath } = await writeReports(outcome, result.settings.rules, inputs);
  const annotations = annotationsFor(outcome);
  for (const a of annotations.shown) core[a.level](a.message, a.properties);
  await writeSummary(summaryMarkdown(outcome, annotations.hidden) + configWarningsMarkdown(warnings));
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

/**
 * Scan what the event adds through the pipeline, when there is anything. Raw secrets are kept only
 * until each one is masked with the runner; warnings wait until then too, since a warning can quote
 * what it is about.
 */
async function scanResolved(workspace: string, resolved: ResolvedScan, settings: PipelineResult['settings'], inputs: ActionInputs, baseline: Baseline | undefined): Promise<PipelineResult> {
  if (!resolved.mode) {
    const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [], commits: 0 };
    return { findings: [], beforeBaseline: [], stats, settings, scope: undefined, unreadable: 0, failures: [] };
  }
  const warnings: string[] = [];
  const result = await runPipeline(gitSource({ info: await repoInfo(workspace), mode: resolved.mode }), {
    settings,
    extraPathGlobs: inputs.ignorePaths,
    fingerprintKey: inputs.fingerprintKey,
    mask: maskSecrets,
    baseline: baseline && (async () => ({ baseline, file: inputs.baseline ?? '' })),
    onProblem: (problem) => {
      if (problemLevel(problem) !== 'recorded') warnings.push(problemText(problem));
    },
  });
  // A pull request that edits the config is judged by the base branch's version (config/git-scope.ts).
  for (const warning of result.settings.warnings) core.warning(`sprawlguard: ${warning.message}`, warning.file ? { file: warning.file } : {});
  for (const message of warnings) core.info(`sprawlguard: warning: ${message}`);
  const scanned = result.stats.commits ?? 0;
  if (scanned < resolved.expectedCommits) {
    throw new Error(`scanned ${scanned} of the ${resolved.expectedCommits} commits in the range`);
  }
  return result;
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
      // A clean PR gets no comment, unless there is an earlier one to mark resolved; fixtures alone
      // (test and documentation data, docs/context.md) are left to the annotations and the summary.
      createIfAbsent: incidentsOf(outcome.newFindings).length > 0,
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

/**
 * The Action's inputs (action.yml), read and validated in one place. Every problem is collected and
 * reported together, each naming the input and what it accepts, so one failed run shows them all.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SprawlguardError } from '../errors.js';
import { SEVERITIES, type Severity } from '../rules/vocabulary.js';
import { severityRank } from '../findings/finding.js';

export const FAIL_LEVELS = [...SEVERITIES, 'none'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface ActionInputs {
  /** Absolute path of the config file, when one was given. */
  config?: string;
  /** Absolute path of the baseline file, when one was given. */
  baseline?: string;
  /** New findings at or above this severity fail the step; `none` never fails. */
  failLevel: FailLevel;
  /** Post or update the sticky pull-request comment. */
  comment: boolean;
  sarifOutput: string;
  jsonOutput: string;
  fingerprintKey?: string;
  /** Globs (relative to the repository root) of paths not to scan, added to the config's allowlist. */
  ignorePaths: string[];
  token: string;
}

/** Invalid inputs; the message lists every problem. */
export class InputError extends SprawlguardError {
  constructor(readonly problems: readonly string[]) {
    super('input', `invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const DEFAULT_REPORT_DIR = 'sprawlguard';

/**
 * Read the inputs. Relative paths are resolved against the workspace (where actions/checkout puts
 * the repository); reports default to the runner's temp directory so they never land in the checkout.
 */
export function readInputs(workspace: string): ActionInputs {
  const problems: string[] = [];
  const optionalFile = (name: string): string | undefined => {
    const value = core.getInput(name);
    if (value === '') return undefined;
    const abs = path.resolve(workspace, value);
    if (!existsSync(abs)) problems.push(`${name}: file not found: ${value} (paths are relative to the repository root, ${workspace})`);
    return abs;
  };

  const config = optionalFile('config');
  const baseline = optionalFile('baseline');

  const failLevelText = core.getInput('fail-level').toLowerCase() || 'low';
  const failLevel = (FAIL_LEVELS as readonly string[]).includes(failLevelText) ? (failLevelText as FailLevel) : undefined;
  if (failLevel === undefined) {
    problems.push(`fail-level: "${failLevelText}" is not one of ${FAIL_LEVELS.join(', ')} (the check fails on new findings at or above this severity; none never fails)`);
  }

  const commentText = core.getInput('comment') || 'true';
  const comment = parseBoolean(commentText);
  if (comment === undefined) problems.push(`comment: "${commentText}" is not a boolean (use true or false)`);

  const reportDir = path.join(process.env.RUNNER_TEMP || tmpdir(), DEFAULT_REPORT_DIR);
  const sarifOutput = path.resolve(workspace, core.getInput('sarif-output') || path.join(reportDir, 'sprawlguard.sarif'));
  const jsonOutput = path.resolve(workspace, core.getInput('json-output') || path.join(reportDir, 'sprawlguard.json'));
  if (sarifOutput === jsonOutput) problems.push(`sarif-output and json-output name the same file: ${sarifOutput}`);

  const fingerprintKey = core.getInput('fingerprint-key') || undefined;
  // The key turns fingerprints into HMACs; it must never appear in the log.
  if (fingerprintKey !== undefined) core.setSecret(fingerprintKey);

  const ignorePaths = core.getMultilineInput('ignore-paths').filter((line) => !line.startsWith('#'));
  for (const glob of ignorePaths) {
    if (path.isAbsolute(glob)) problems.push(`ignore-paths: "${glob}" is absolute; write globs relative to the repository root (e.g. vendor/**)`);
  }

  const token = core.getInput('token');

  if (problems.length > 0 || failLevel === undefined || comment === undefined) throw new InputError(problems);
  return { config, baseline, failLevel, comment, sarifOutput, jsonOutput, fingerprintKey, ignorePaths, token };
}

/** The YAML 1.2 core-schema booleans the runner's own getBooleanInput accepts. */
function parseBoolean(text: string): boolean | undefined {
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  return undefined;
}

/** True when a finding of `severity` fails the step at `level`. */
export function failsAt(severity: Severity, level: FailLevel): boolean {
  if (level === 'none') return false;
  return severityRank(severity) >= severityRank(level);
}

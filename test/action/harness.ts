/**
 * Runs the Action's `run()` the way the runner would: inputs as `INPUT_*` variables (defaults taken
 * from action.yml, as the runner applies them), an event payload file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and the workflow commands it prints captured and parsed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import AjvDraft04 from 'ajv-draft-04';
import { run, type RunResult } from '../../src/action/main.js';
import { makeTempDir } from '../support/temp.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  result: RunResult;
  exitCode: number | undefined;
  stdout: string;
  commands: WorkflowCommand[];
  /** error, warning and notice commands, in order. */
  annotations: WorkflowCommand[];
  masks: string[];
  /** Plain log lines (not workflow commands). */
  log: string[];
  outputs: Record<string, string>;
  summary: string;
}

export interface RunSpec {
  workspace: string;
  event: string;
  payload: object;
  /** Inputs by their action.yml names; unset ones get action.yml's defaults. */
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

export const actionYml = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** The runner's name mangling: `INPUT_` + the name upper-cased, spaces to underscores (dashes stay). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Input variables as the runner sets them: every declared input, defaulted, `${{ github.token }}` resolved. */
export function inputEnvironment(inputs: Record<string, string> = {}, token = 'test-token-for-fake-api'): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = inputs[name] ?? (spec.default ?? '').replace('${{ github.token }}', token);
    env[inputVariable(name)] = value;
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`test uses input "${name}" that action.yml does not declare`);
  }
  return env;
}

/** Runner environment for one step: event, workspace, output and summary files. */
export function runnerEnvironment(spec: RunSpec): Record<string, string> {
  const dir = makeTempDir('sprawlguard-runner-');
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(spec.payload));
  const outputFile = path.join(dir, 'output.txt');
  const summaryFile = path.join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: spec.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: spec.workspace,
    GITHUB_REPOSITORY: 'octo-org/widgets',
    GITHUB_SERVER_URL: 'https://github.invalid',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    ...inputEnvironment(spec.inputs),
    ...spec.env,
  };
}

export async function runAction(spec: RunSpec): Promise<ActionRun> {
  const env = runnerEnvironment(spec);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  let result: RunResult;
  let exitCode: number | undefined;
  try {
    result = await run();
  } finally {
    process.stdout.write = write;
    exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
    process.exitCode = undefined;
    vi.unstubAllEnvs();
  }
  const stdout = chunks.join('');
  return { result, exitCode, ...parseStdout(stdout), outputs: parseOutputFile(readFileSync(env.GITHUB_OUTPUT as string, 'utf8')), summary: readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8') };
}

const COMMAND = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/;

function unescapeProperty(value: string): string {
  return value.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

function unescapeData(value: string): string {
  return value.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

export function parseStdout(stdout: string): Pick<ActionRun, 'stdout' | 'commands' | 'annotations' | 'masks' | 'log'> {
  const commands: WorkflowCommand[] = [];
  const log: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = COMMAND.exec(line);
    if (!m) {
      if (line !== '') log.push(line);
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: m[1] ?? '', properties, message: unescapeData(m[3] ?? '') });
  }
  return {
    stdout,
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    log,
  };
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value, then the delimiter. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    outputs[m[1] ?? ''] = value.join('\n');
  }
  return outputs;
}

/** Every place a raw secret shows up in the output, other than the add-mask command that hides it. */
export function leaks(run: Pick<ActionRun, 'stdout' | 'summary'>, secrets: readonly string[], files: readonly string[] = []): string[] {
  const found: string[] = [];
  const texts: [string, string][] = [
    ['stdout', run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')],
    ['summary', run.summary],
    ...files.filter((f) => existsSync(f)).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ];
  for (const [where, text] of texts) for (const secret of secrets) if (text.includes(secret)) found.push(`${where}: ${secret.slice(0, 8)}…`);
  return found;
}

const sarifSchema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;
// The schema is draft-04, and one of its patterns is not valid with the `u` flag.
// ajv-draft-04 is CommonJS; its class is both the module and its `default`.
const validateSarif = new AjvDraft04.default({ unicodeRegExp: false, strict: false, allErrors: true, logger: false }).compile(sarifSchema);

/** Schema errors of a SARIF file, empty when valid. */
export function sarifProblems(file: string): string[] {
  const sarif = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  return validateSarif(sarif) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** git in a directory, for test setup. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

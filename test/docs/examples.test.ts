/**
 * examples/ holds files users copy as they are: workflows, a Kubernetes Job, hook manager and
 * sprawlguard configurations. Each must parse, use only Action inputs and outputs that action.yml
 * declares, and pass only options that the sprawlguard command it runs accepts (its `--help`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { lefthookSnippet } from '../../src/hook/managers.js';
import { REPO_ROOT, runCli } from '../support/cli.js';

const DIR = path.join(REPO_ROOT, 'examples');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const load = (file: string): unknown => parseYaml(readFileSync(path.join(DIR, file), 'utf8'));

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[]; outputs?: Record<string, string> }>;
}

const action = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const isOurAction = (uses: string | undefined): boolean => uses !== undefined && /^sprawlguard\/sprawlguard@/.test(uses);

/** Every string in a parsed YAML value (run scripts, container args, hook commands). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Each sprawlguard invocation in shell text: its command words and the options it passes. */
export function invocations(script: string): { command: string[]; options: string[] }[] {
  const found: { command: string[]; options: string[] }[] = [];
  for (const part of script.split(/&&|\|\||[;|\n]/)) {
    const words = part.trim().split(/\s+/);
    const at = words.findIndex((w) => /(^|\/)sprawlguard$/.test(w));
    if (at < 0) continue;
    const rest = words.slice(at + 1);
    const command: string[] = [];
    for (const w of rest) {
      if (!/^[a-z][a-z-]*$/.test(w) || command.length === 2) break;
      command.push(w);
    }
    // `command -v sprawlguard`, `[ -x …/sprawlguard ]`: a mention, not a run.
    if (command.length === 0) continue;
    const options = rest.filter((w) => /^--?[A-Za-z]/.test(w)).map((w) => w.replace(/=.*$/, ''));
    found.push({ command, options });
  }
  return found;
}

const helpCache = new Map<string, Promise<string>>();
/** `sprawlguard <command> --help`, trying the two-word form (`org scan`) before the one-word one. */
async function helpFor(command: string[]): Promise<string> {
  for (let n = Math.min(command.length, 2); n >= 1; n--) {
    const words = command.slice(0, n);
    const key = words.join(' ');
    if (!helpCache.has(key)) helpCache.set(key, runCli([...words, '--help']).then((r) => (r.code === 0 ? r.stdout : '')));
    const text = await (helpCache.get(key) as Promise<string>);
    if (text !== '' && !/^\s*Commands:/m.test(text)) return text;
  }
  throw new Error(`no help for sprawlguard ${command.join(' ')}`);
}

async function unknownOptions(script: string): Promise<string[]> {
  const unknown: string[] = [];
  for (const { command, options } of invocations(script)) {
    const help = await helpFor(command);
    for (const option of options) {
      const known = option.startsWith('--') ? new RegExp(`(^|[\\s,])${option}(?![\\w-])`, 'm') : new RegExp(`(^|\\s)${option},`, 'm');
      if (!known.test(help)) unknown.push(`sprawlguard ${command.join(' ')} ${option}`);
    }
  }
  return unknown;
}

describe('examples/', () => {
  it('holds the workflows, Job and configurations the docs link to', () => {
    expect(FILES).toEqual(
      expect.arrayContaining(['github-action.yml', 'org-scan-scheduled.yml', 'org-scan-k8s-job.yaml', 'pre-commit-config.yaml', 'lefthook.yml', 'sprawlguard.yaml']),
    );
  });

  it.each(FILES)('%s parses as YAML', (file) => {
    const docs = parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8'));
    for (const doc of Array.isArray(docs) ? docs : [docs]) expect(doc.errors.map((e) => e.message), file).toEqual([]);
  });

  it('finds sprawlguard invocations and their options in shell text', () => {
    expect(invocations('command -v sprawlguard >/dev/null; exec sprawlguard org scan --repos r.txt --shard "$I/4" && bin/sprawlguard sprawl report -o a --format=json')).toEqual([
      { command: ['org', 'scan'], options: ['--repos', '--shard'] },
      { command: ['sprawl', 'report'], options: ['-o', '--format'] },
    ]);
  });

  it.each(FILES)('%s passes only options its sprawlguard commands accept', async (file) => {
    const scripts = strings(load(file));
    expect((await Promise.all(scripts.map(unknownOptions))).flat()).toEqual([]);
  }, 120_000);

  it('an option the command does not have is caught', async () => {
    expect(await unknownOptions('sprawlguard org scan --repos r.txt --no-such-option')).toEqual(['sprawlguard org scan --no-such-option']);
  }, 60_000);

  const workflows = FILES.filter((f) => f !== 'org-scan-k8s-job.yaml' && (load(f) as Partial<Workflow> | null)?.jobs !== undefined);

  it.each(workflows)('%s uses only inputs and outputs that action.yml declares', (file) => {
    const wf = load(file) as Workflow;
    const steps = Object.values(wf.jobs).flatMap((job) => job.steps ?? []);
    const ours = steps.filter((s) => isOurAction(s.uses));
    const ids = new Set(ours.map((s) => s.id).filter((id): id is string => id !== undefined));
    for (const step of ours) for (const input of Object.keys(step.with ?? {})) expect(action.inputs, `${file}: input ${input}`).toHaveProperty(input);
    for (const text of strings(wf)) {
      for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ids.has(m[1] as string)) expect(action.outputs, `${file}: output ${m[2]}`).toHaveProperty(m[2] as string);
      }
    }
  });

  it('the pull-request workflow runs the Action on pull requests and uploads its SARIF output', () => {
    const wf = load('github-action.yml') as Workflow & { on: unknown };
    expect(JSON.stringify(wf.on)).toContain('pull_request');
    const steps = Object.values(wf.jobs).flatMap((job) => job.steps ?? []);
    const scan = steps.find((s) => isOurAction(s.uses));
    expect(scan?.id).toBeDefined();
    expect(steps.some((s) => s.with?.sarif_file === `\${{ steps.${scan?.id}.outputs.sarif-path }}`)).toBe(true);
  });

  it('the pre-commit example names the hook this repository defines', () => {
    const hooks = parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    const config = load('pre-commit-config.yaml') as { repos: { repo: string; hooks: { id: string }[] }[] };
    const entry = config.repos.find((r) => r.repo.endsWith('/sprawlguard/sprawlguard'));
    expect(entry?.hooks.map((h) => h.id)).toEqual([hooks[0]?.id]);
  });

  it('the lefthook example runs what `hook install` prints for lefthook', () => {
    expect(load('lefthook.yml')).toEqual(parseYaml(lefthookSnippet()));
  });

  it('the sprawlguard.yaml example is a valid configuration whose custom rules pass `rules check`', async () => {
    const check = await runCli(['rules', 'check', '-c', path.join(DIR, 'sprawlguard.yaml')]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const rules = await runCli(['rules', 'list', '-f', 'json', '-c', path.join(DIR, 'sprawlguard.yaml')]);
    expect(rules.code).toBe(0);
    const ids = (JSON.parse(rules.stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toContain('acme-internal-token');
    expect(ids).not.toContain('generic-secret-assignment');
  }, 60_000);
});

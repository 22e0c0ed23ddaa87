/**
 * The GitHub workflows cannot run here; what can be checked is that they parse, that every script
 * and file they run exists, and that each keeps the property it exists for (the self-test expects
 * failure on a planted secret, the release publishes with provenance and moves the major tag).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from './support/cli.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
  if?: string;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const DIR = path.join(REPO_ROOT, '.github', 'workflows');
const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const load = (name: string): Workflow => parseYaml(readFileSync(path.join(DIR, name), 'utf8')) as Workflow;
const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((job) => job.steps);

describe('workflows', () => {
  it('parse, and every npm script, file and local action they run exists', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['action-selftest.yml', 'ci.yml', 'release.yml']);
    for (const file of files) {
      const wf = load(file);
      expect(Object.keys(wf.jobs).length, file).toBeGreaterThan(0);
      for (const step of steps(wf)) {
        for (const m of (step.run ?? '').matchAll(/\bnpm run ([\w:-]+)/g)) expect(scripts, `${file}: npm run ${m[1]}`).toHaveProperty(m[1] as string);
        for (const m of (step.run ?? '').matchAll(/\b(?:bash|node) ((?:\.ci|scripts)\/[\w./-]+)/g)) expect(existsSync(path.join(REPO_ROOT, m[1] as string)), `${file}: ${m[1]}`).toBe(true);
        if (step.uses === './') expect(existsSync(path.join(REPO_ROOT, 'action.yml'))).toBe(true);
      }
    }
  });

  it('CI runs .ci/run, which checks the committed Action bundle', () => {
    expect(steps(load('ci.yml')).some((s) => s.run?.includes('bash .ci/run'))).toBe(true);
    expect(readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')).toContain('git diff --exit-code --stat -- dist/');
  });

  it('the Action self-test expects `uses: ./` to fail on a planted secret and checks that it did', () => {
    const job = load('action-selftest.yml').jobs['blocks-a-planted-secret'];
    const all = job?.steps ?? [];
    const plant = all.findIndex((s) => s.run?.includes('scripts/plant-fake-secret.mjs'));
    const scan = all.findIndex((s) => s.uses === './');
    expect(plant).toBeGreaterThanOrEqual(0);
    expect(scan).toBeGreaterThan(plant);
    const scanStep = all[scan] as Step;
    expect(scanStep['continue-on-error']).toBe(true);
    const check = all.slice(scan + 1).find((s) => JSON.stringify(s).includes(`steps.${scanStep.id}.outcome`));
    expect(check?.run).toContain('"failure"');
  });

  it('the release publishes to npm with provenance and moves the major tag', () => {
    const wf = load('release.yml');
    expect(Object.keys(wf.on)).toEqual(['push']);
    expect(wf.permissions).toMatchObject({ 'id-token': 'write', contents: 'write' });
    const runs = steps(wf).map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm publish --provenance');
    expect(runs).toMatch(/git push -f origin "refs\/tags\/\$major"/);
    expect(runs.indexOf('bash .ci/run')).toBeLessThan(runs.indexOf('npm publish'));
  });
});

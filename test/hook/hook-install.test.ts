/**
 * `sprawlguard hook install` on the hook shapes real repositories have, each checked with a real
 * `git commit`: a staged secret must be blocked and a clean change must go through, whatever the
 * existing hook does after our line (exit 0, exec) and whoever runs it (git, core.hooksPath, husky,
 * lefthook). sprawlguard is "installed" in each repository as a project dependency would be
 * (node_modules/.bin/sprawlguard); PATH holds no sprawlguard, and an `npx` that records its use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { HOOK_MARKER } from '../../src/hook/script.js';
import { REPO_ROOT, runCli } from '../support/cli.js';
import { cliShim, commit, expectBlocked, install, leak, project, writeExecutable } from '../support/hook-project.js';

const PACKAGE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

describe('hook install into an existing hook', () => {
  it('a hook that ends in `exit 0` still blocks a staged secret, and its own commands still run', async () => {
    const p = project();
    const hook = path.join(p.repo.dir, '.git', 'hooks', 'pre-commit');
    writeExecutable(hook, '#!/bin/sh\n# team checks\necho existing-check-ran\nexit 0\n');
    const installed = await install(p);
    expect(installed.code, installed.stderr).toBe(0);
    expect(readFileSync(hook, 'utf8').split('\n').slice(0, 2)).toEqual(['#!/bin/sh', '# team checks']);
    const clean = commit(p, { 'ok.txt': 'hello\n' });
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toContain('existing-check-ran');
    const { secret, text } = leak(21);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
    expect(existsSync(p.npxMarker)).toBe(false);
  });

  it('a hook that ends in `exec` still blocks a staged secret', async () => {
    const p = project();
    const hook = path.join(p.repo.dir, '.git', 'hooks', 'pre-commit');
    writeExecutable(hook, `#!/bin/sh\nset -e\nexec sh -c 'echo chained-hook-ran'\n`);
    expect((await install(p)).code).toBe(0);
    // After the setup line (set -e), before the command.
    expect(readFileSync(hook, 'utf8').split('\n')[2]).toContain(HOOK_MARKER);
    const clean = commit(p, { 'ok.txt': 'hello\n' });
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toContain('chained-hook-ran');
    const { secret, text } = leak(22);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
  });

  it("keeps the existing hook's own verdict: a check that fails still blocks a clean commit", async () => {
    const p = project();
    writeExecutable(path.join(p.repo.dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho checking\ntest ! -e do-not-commit\n');
    expect((await install(p)).code).toBe(0);
    const refused = commit(p, { 'do-not-commit': 'x\n' });
    expect(refused.status, refused.output).not.toBe(0);
  });

  it('is idempotent, and uninstall restores the hook exactly', async () => {
    const p = project();
    const hook = path.join(p.repo.dir, '.git', 'hooks', 'pre-commit');
    const original = '#!/bin/sh\necho existing check\n';
    writeExecutable(hook, original);
    await install(p);
    const again = await install(p);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8').split('\n').filter((l) => l.includes(HOOK_MARKER))).toHaveLength(1);
    const removed = await runCli(['hook', 'uninstall'], { cwd: p.repo.dir });
    expect(removed.code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe(original);
  });

  it('refuses a hook written in another language, changing nothing', async () => {
    const p = project();
    const hook = path.join(p.repo.dir, '.git', 'hooks', 'pre-commit');
    writeExecutable(hook, '#!/usr/bin/env python3\nprint("hi")\n');
    const refused = await install(p);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not a shell script');
    expect(readFileSync(hook, 'utf8')).toBe('#!/usr/bin/env python3\nprint("hi")\n');
  });
});

describe('which sprawlguard the hook runs', () => {
  it("runs the project's node_modules/.bin/sprawlguard, never npx", async () => {
    const p = project();
    expect((await install(p)).code).toBe(0);
    const hook = readFileSync(path.join(p.repo.dir, '.git', 'hooks', 'pre-commit'), 'utf8');
    expect(hook).not.toContain('npx');
    expect(commit(p, { 'ok.txt': 'hello\n' }).status).toBe(0);
    const { secret, text } = leak(23);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
    expect(existsSync(p.npxMarker)).toBe(false);
  });

  it('falls back to the sprawlguard on PATH', async () => {
    const p = project({ localInstall: false });
    writeExecutable(path.join(p.tools, 'sprawlguard'), cliShim);
    expect((await install(p)).code).toBe(0);
    const { secret, text } = leak(24);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
  });

  it('blocks the commit and says how to install when there is no sprawlguard at all', async () => {
    const p = project({ localInstall: false });
    expect((await install(p)).code).toBe(0);
    const result = commit(p, { 'ok.txt': 'hello\n' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('npm install --save-dev sprawlguard');
    expect(result.output).toContain('git commit --no-verify');
  });
});

describe('hook install where git or husky decides where hooks live', () => {
  it('respects core.hooksPath', async () => {
    const p = project();
    p.repo.git('config', 'core.hooksPath', 'custom-hooks');
    const installed = await install(p);
    expect(installed.stdout).toContain(path.join('custom-hooks', 'pre-commit'));
    expect(existsSync(path.join(p.repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    expect(commit(p, { 'ok.txt': 'hello\n' }).status).toBe(0);
    const { secret, text } = leak(25);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
  });

  it('adds the line to .husky/pre-commit under husky 9; HUSKY=0 skips it as the block message says', async () => {
    const p = project();
    const husky = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'husky', 'bin.js')], { cwd: p.repo.dir, env: p.env, encoding: 'utf8' });
    expect(husky.status, husky.stderr).toBe(0);
    writeFileSync(path.join(p.repo.dir, '.husky', 'pre-commit'), 'echo husky-hook-ran\n');
    const installed = await install(p);
    expect(installed.stdout).toContain(path.join('.husky', 'pre-commit'));
    const lines = readFileSync(path.join(p.repo.dir, '.husky', 'pre-commit'), 'utf8').trim().split('\n');
    expect(lines[0]).toContain(HOOK_MARKER);
    expect(lines[0]).not.toContain('npx');
    expect(lines[1]).toBe('echo husky-hook-ran');
    const clean = commit(p, { 'ok.txt': 'hello\n' });
    expect(clean.status, clean.output).toBe(0);
    expect(clean.output).toContain('husky-hook-ran');
    const { secret, text } = leak(26);
    const blocked = commit(p, { 'leak.env': text });
    expectBlocked(blocked, 'leak.env', secret);
    expect(blocked.output).toContain('HUSKY=0 git commit');
    expect(commit(p, {}, { HUSKY: '0' }).status).toBe(0);
    expect(existsSync(p.npxMarker)).toBe(false);
  });
});

describe('hooks managed by another tool', () => {
  // What `pre-commit install` writes (pre-commit 3.x): it ends in `exec`, so a line appended after it never runs.
  const PRE_COMMIT_FRAMEWORK_HOOK = [
    '#!/usr/bin/env bash',
    '# File generated by pre-commit: https://pre-commit.com',
    '# ID: 138fd403232d2ddd5efb44317e38bf03',
    '',
    '# start templated',
    "INSTALL_PYTHON='/usr/bin/python3'",
    'ARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit)',
    '# end templated',
    '',
    'HERE="$(cd "$(dirname "$0")" && pwd)"',
    'ARGS+=(--hook-dir "$HERE" -- "$@")',
    '',
    'if [ -x "$INSTALL_PYTHON" ]; then',
    '    exec "$INSTALL_PYTHON" -mpre_commit "${ARGS[@]}"',
    'elif command -v pre-commit > /dev/null; then',
    '    exec pre-commit "${ARGS[@]}"',
    'else',
    "    echo '`pre-commit` not found.  Did you forget to activate your virtualenv?' 1>&2",
    '    exit 1',
    'fi',
    '',
  ].join('\n');

  it("refuses the pre-commit framework's hook and prints the .pre-commit-config.yaml entry for this version", async () => {
    const p = project();
    const hook = path.join(p.repo.dir, '.git', 'hooks', 'pre-commit');
    writeExecutable(hook, PRE_COMMIT_FRAMEWORK_HOOK);
    const refused = await install(p);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pre-commit framework');
    expect(readFileSync(hook, 'utf8')).toBe(PRE_COMMIT_FRAMEWORK_HOOK);
    // The snippet, as printed, is a valid `repos:` entry naming the hook our manifest defines.
    const snippet = refused.stderr.slice(refused.stderr.indexOf('  - repo:'));
    const entry = (parseYaml(`repos:\n${snippet}`) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] }).repos[0];
    const manifest = parseYaml(readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(entry).toEqual({ repo: 'https://github.com/sprawlguard/sprawlguard', rev: `v${PACKAGE.version}`, hooks: [{ id: manifest[0]?.id }] });
  });

  it('refuses a lefthook repository, and the printed lefthook.yml lines, added as printed, block a staged secret', async () => {
    const p = project();
    // lefthook from the npm registry (a dev dependency), on PATH as a developer would have it.
    symlinkSync(path.join(REPO_ROOT, 'node_modules', 'lefthook-linux-x64', 'bin', 'lefthook'), path.join(p.tools, 'lefthook'));
    p.repo.write('lefthook.yml', 'pre-push:\n  commands:\n    greet:\n      run: echo lefthook-pre-push\n');
    const lefthookInstall = spawnSync('lefthook', ['install'], { cwd: p.repo.dir, env: p.env, encoding: 'utf8' });
    expect(lefthookInstall.status, lefthookInstall.stderr).toBe(0);
    const refused = await install(p);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('lefthook');
    expect(existsSync(path.join(p.repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const snippet = refused.stderr.slice(refused.stderr.indexOf('pre-commit:\n'));
    writeFileSync(path.join(p.repo.dir, 'lefthook.yml'), readFileSync(path.join(p.repo.dir, 'lefthook.yml'), 'utf8') + snippet);
    expect(spawnSync('lefthook', ['install'], { cwd: p.repo.dir, env: p.env }).status).toBe(0);
    const clean = commit(p, { 'ok.txt': 'hello\n' });
    expect(clean.status, clean.output).toBe(0);
    const { secret, text } = leak(27);
    expectBlocked(commit(p, { 'leak.env': text }), 'leak.env', secret);
  });

  it('refuses husky 4 (hooks in package.json) and prints the section to use, keeping its command', async () => {
    const p = project();
    p.repo.write('package.json', JSON.stringify({ name: 'app', husky: { hooks: { 'pre-commit': 'npm test' } } }));
    const refused = await install(p);
    expect(refused.code).toBe(2);
    const json = JSON.parse(refused.stderr.slice(refused.stderr.indexOf('{'))) as { husky: { hooks: { 'pre-commit': string } } };
    expect(json.husky.hooks['pre-commit']).toMatch(/sprawlguard scan --staged.* && npm test$/);
    expect(existsSync(path.join(p.repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });
});

/**
 * A command line that explains itself: `sprawlguard` alone, `--help` text (examples, environment,
 * exit codes, no `(default: false)`), the colour decision (--no-color > NO_COLOR > FORCE_COLOR >
 * terminal), and shell completion scripts generated from the program, run in real shells.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';
import { runCli } from '../support/cli.js';
import { runsWithTool } from '../support/tools.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what we look for
const ANSI = /\x1b\[/;

/** Whether the shell's tests run: skipped with a message here when it is missing, failing in CI. */
function hasShell(shell: string): boolean {
  return runsWithTool(shell, spawnSync(shell, ['-c', 'exit 0']).status === 0, `apt-get install ${shell}`, 'test/cli-help.test.ts');
}

describe('help', () => {
  it('`sprawlguard` alone prints help on standard error and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: sprawlguard');
    expect(result.stderr).toContain('Commands:');
  });

  it('a command group without its subcommand exits 2; `help` asked for exits 0', async () => {
    const hook = await runCli(['hook']);
    expect(hook.code).toBe(2);
    expect(hook.stderr).toContain('install');
    expect((await runCli(['help'])).code).toBe(0);
    expect((await runCli(['help', 'scan'])).code).toBe(0);
  });

  it('shows examples, environment variables and exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('Examples:\n  sprawlguard scan ');
    for (const name of ['SPRAWLGUARD_FINGERPRINT_KEY', 'SPRAWLGUARD_DB', 'SPRAWLGUARD_AUDIT_LOG', 'NO_COLOR', 'FORCE_COLOR']) {
      expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(out).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*usage.*\n {2}3 .*internal/);
    const scan = (await runCli(['scan', '--help'])).stdout;
    expect(scan).toContain('Examples:');
    expect(scan).toContain('-f gitlab');
    expect(scan).toContain('Exit codes:');
  });

  it('shows no `(default: false)` on switches, but keeps informative defaults', async () => {
    for (const args of [['scan', '--help'], ['tickets', '--help'], ['revoke', '--help'], ['org', 'scan', '--help']]) {
      const out = (await runCli([...args])).stdout;
      expect(out, args.join(' ')).toContain('Usage:');
      expect(out, args.join(' ')).not.toMatch(/default: (false|true)/);
    }
    const scan = (await runCli(['scan', '--help'])).stdout;
    expect(scan.replace(/\s+/g, ' ')).toContain('(default: "1")'); // --exit-code
    expect(scan.replace(/\s+/g, ' ')).toContain('choices: "text", "json", "sarif", "csv", "markdown", "gitlab", "junit", default: "text"');
  });
});

describe('colour', () => {
  it.each([
    ['a terminal', undefined, { isTTY: true }, {}, true],
    ['a pipe', undefined, { isTTY: false }, {}, false],
    ['a dumb terminal', undefined, { isTTY: true }, { TERM: 'dumb' }, false],
    ['FORCE_COLOR on a pipe', undefined, {}, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR empty', undefined, {}, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { isTTY: true }, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', undefined, { isTTY: true }, { FORCE_COLOR: 'false' }, false],
    ['NO_COLOR over FORCE_COLOR', undefined, { isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['an empty NO_COLOR', undefined, { isTTY: true }, { NO_COLOR: '' }, true],
    ['--no-color over FORCE_COLOR', false, { isTTY: true }, { FORCE_COLOR: '3' }, false],
  ] as const)('%s', (_name, flag, stream, env, expected) => {
    expect(colorEnabled(flag, stream, env)).toBe(expected);
  });

  const dir = makeTree({ 'app.env': `TOKEN=${fakeGithubPat(41)}\n` });
  it('the CLI honours FORCE_COLOR on a pipe, and NO_COLOR and --no-color over it', async () => {
    const forced = await runCli(['scan', dir], { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toMatch(ANSI);
    expect((await runCli(['scan', dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['scan', dir, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runCli(['scan', dir], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ANSI);
    // A report file is never coloured.
    const out = path.join(makeTempDir(), 'report.txt');
    await runCli(['scan', dir, '-o', out], { env: { FORCE_COLOR: '1' } });
    expect(execFileSync('cat', [out], { encoding: 'utf8' })).not.toMatch(ANSI);
  });
});

describe('shell completion', () => {
  const script = async (shell: string): Promise<string> => {
    const result = await runCli(['completion', shell]);
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(makeTempDir(), `sprawlguard.${shell}`);
    writeFileSync(file, result.stdout);
    return file;
  };

  it('rejects an unknown shell with exit 2', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bash, zsh, fish');
  });

  describe('bash', () => {
    /** Complete `words` (the last is the word under the cursor) with the generated function. */
    const complete = async (...words: string[]): Promise<string[]> => {
      const file = await script('bash');
      const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _sprawlguard; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const out = execFileSync('bash', ['-c', program, 'bash', file, 'sprawlguard', ...words], { encoding: 'utf8' });
      return out.split('\n').filter(Boolean);
    };

    it('parses (bash -n)', async () => {
      execFileSync('bash', ['-n', await script('bash')]);
    });

    it('completes commands and subcommands', async () => {
      expect(await complete('sc')).toEqual(['scan']);
      expect(await complete('')).toEqual(expect.arrayContaining(['scan', 'tickets', 'baseline', 'completion', 'verify', 'org', 'sprawl', 'rules']));
      expect(await complete('baseline', '')).toEqual(['create']);
      expect(await complete('org', 'l')).toEqual(['list']);
    });

    it('completes --format values from the command definition', async () => {
      expect(await complete('scan', '--format', '')).toEqual(['text', 'json', 'sarif', 'csv', 'markdown', 'gitlab', 'junit']);
      expect(await complete('scan', '-f', 'j')).toEqual(['json', 'junit']);
      expect(await complete('scan', '--format', '=', 'g')).toEqual(['gitlab']);
      expect(await complete('rules', 'list', '--format', '')).toEqual(['text', 'json']);
      expect(await complete('tickets', 'a.csv', '--format-hint', 'sl')).toEqual(['slack']);
      expect(await complete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    });

    it('completes options after -, and leaves file names to bash after options taking a file', async () => {
      expect(await complete('scan', '--show-s')).toEqual(['--show-secrets']);
      expect(await complete('scan', '--ex')).toEqual(['--exit-code', '--explain']);
      // An option value is skipped when finding the command: `-o scan` does not enter `scan`.
      expect(await complete('scan', '-o', 'report', '--sta')).toEqual(['--staged']);
      expect(await complete('scan', '-c', '')).toEqual([]);
    });
  });

  it.skipIf(!hasShell('zsh'))('zsh: parses (zsh -n) and its tables answer like the CLI', async () => {
    const file = await script('zsh');
    execFileSync('zsh', ['-n', file]);
    const out = execFileSync(
      'zsh',
      ['-f', '-c', 'source "$1"; _sprawlguard_choices scan --format; print -r -- "$reply"; _sprawlguard_commands baseline; print -r -- "$reply"', 'zsh', file],
      { encoding: 'utf8' },
    );
    expect(out.split('\n')).toEqual(['text json sarif csv markdown gitlab junit', expect.stringMatching(/^create:scan /), '']);
  });

  it.skipIf(!hasShell('fish'))('fish: parses (fish -n) and completes commands and --format values', async () => {
    const file = await script('fish');
    execFileSync('fish', ['-n', file]);
    const complete = (line: string): string[] =>
      execFileSync('fish', ['--no-config', '-c', 'source $argv[1]; complete -C $argv[2]', file, line], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0] as string);
    expect(complete('sprawlguard sc')).toEqual(['scan']);
    expect(complete('sprawlguard scan --format ').sort()).toEqual(['csv', 'gitlab', 'json', 'junit', 'markdown', 'sarif', 'text']);
    expect(complete('sprawlguard baseline ')).toEqual(['create']);
  });

  it('zsh and fish scripts have the structure their shells load', async () => {
    const zsh = (await runCli(['completion', 'zsh'])).stdout;
    expect(zsh.startsWith('#compdef sprawlguard\n')).toBe(true);
    expect(zsh).toMatch(/compdef _sprawlguard sprawlguard\n/);
    expect(zsh).toContain("'scan')"); // a case arm per command
    const fish = (await runCli(['completion', 'fish'])).stdout;
    expect(fish).toMatch(/^complete -c sprawlguard -n '__sprawlguard_at \\'scan\\'' -s f -l format -x -a 'text json sarif csv markdown gitlab junit'/m);
    // Quotes in descriptions are escaped, not closing the string.
    expect(fish).toContain("directory the report\\'s paths");
  });
});

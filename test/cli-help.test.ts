/**
 * A command line that explains itself: `sprawlguard` alone, `--help` text (examples, environment,
 * exit codes, no `(default: false)`), and the colour decision (--no-color > NO_COLOR > FORCE_COLOR >
 * terminal).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { colorEnabled } from '../src/cli/color.js';
import { runCli } from './support/cli.js';
import { fakeGithubPat } from './support/fake-secrets.js';
import { makeTempDir, makeTree } from './support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what we look for
const ANSI = /\x1b\[/;

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
    expect(scan).toContain('(default: "1")'); // --exit-code
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

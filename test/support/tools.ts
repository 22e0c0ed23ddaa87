/**
 * External tools some tests drive (the pre-commit framework, Chromium). On a developer machine
 * without them those tests are skipped with a message; in CI (`CI` set, or
 * SPRAWLGUARD_REQUIRE_TOOLS=1, which .ci/run sets after installing them) a missing tool fails the
 * run instead, so a broken install can never turn into a green run that tested less.
 */
import { spawnSync } from 'node:child_process';

export function toolsRequired(): boolean {
  const ci = process.env.CI ?? '';
  return (ci !== '' && ci !== '0' && ci !== 'false') || process.env.SPRAWLGUARD_REQUIRE_TOOLS === '1';
}

/** The tool's `--version` output, or undefined when it cannot be run. */
export function toolVersion(command: string): string | undefined {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim() : undefined;
}

/**
 * Whether the tests that need `tool` run here: yes when it is present or required (they then fail
 * with `install` as the fix); no, with a message on standard error, otherwise.
 */
export function runsWithTool(tool: string, present: boolean, install: string, testFile: string): boolean {
  if (present) return true;
  if (toolsRequired()) return true;
  process.stderr.write(`${testFile}: ${tool} not installed (${install}): its tests are skipped\n`);
  return false;
}

/** Fails a test that needs `tool` when it is missing (only reached when tools are required). */
export function assertTool(tool: string, present: boolean, install: string): void {
  if (!present) throw new Error(`${tool} is required here but not installed: ${install}`);
}

/**
 * `sprawlguard audit check` through the built CLI: the exact report for a chain broken at the
 * start, in the middle and at the end, and how many entries it still vouches for.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, hashLine } from '../../src/verify/audit-log.js';
import { runCli } from '../support/cli.js';
import { makeTempDir } from '../support/temp.js';

const FP = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

describe('audit check', { timeout: 120_000 }, () => {
  let dir: string;
  let lines: string[];
  beforeAll(async () => {
    dir = makeTempDir();
    const file = path.join(dir, 'audit.jsonl');
    const log = new AuditLog(file, { actor: { user: 'tester' }, now: () => new Date('2026-05-01T00:00:00Z') });
    for (let i = 1; i <= 7; i++) await log.append({ action: 'verify', provider: 'github', fingerprint: FP(i), outcome: 'dead', detail: `entry ${i}` });
    lines = readFileSync(file, 'utf8').slice(0, -1).split('\n');
  });

  /** The log with entry `n` edited, checked (with --head when given); exit code and stdout. */
  async function checkEdited(n: number, head?: string): Promise<{ code: number | null; stdout: string }> {
    const file = path.join(dir, `edited-${n}.jsonl`);
    const edited = lines.map((l, i) => (i === n - 1 ? l.replace('"outcome":"dead"', '"outcome":"live"') : l));
    writeFileSync(file, `${edited.join('\n')}\n`);
    const result = await runCli(['audit', 'check', file, ...(head ? ['--head', head] : [])], { cwd: dir });
    return { code: result.code, stdout: result.stdout.replaceAll(file, 'LOG') };
  }

  it('an edited first entry: nothing before the break is vouched for', async () => {
    expect(await checkEdited(1)).toEqual({
      code: 1,
      stdout: 'LOG: broken at line 2: its "prev" hash does not match line 1: line 1 was changed, or lines were removed, inserted or reordered\n(no entry before it is proven intact)\n',
    });
  });

  it('an edited middle entry: the entries before it, not it', async () => {
    expect(await checkEdited(5)).toEqual({
      code: 1,
      stdout: 'LOG: broken at line 6: its "prev" hash does not match line 5: line 5 was changed, or lines were removed, inserted or reordered\n(the first 4 entries are intact)\n',
    });
    const second = await checkEdited(2);
    expect(second.stdout).toContain('broken at line 3: its "prev" hash does not match line 2');
    expect(second.stdout).toContain('\n(the first entry is intact)\n');
  });

  it('an edited last entry: found against the head hash, every entry before it intact', async () => {
    const head = hashLine(lines[6] as string);
    expect(await checkEdited(7, head)).toEqual({
      code: 1,
      stdout: `LOG: broken at line 7: the last entry's hash is ${hashLine((lines[6] as string).replace('"outcome":"dead"', '"outcome":"live"'))}, not the expected head ${head} (the last line was changed, or lines were cut off the end)\n(the first 6 entries are intact)\n`,
    });
    const beforeLast = await checkEdited(6, head);
    expect(beforeLast.stdout).toContain('broken at line 7: its "prev" hash does not match line 6');
    expect(beforeLast.stdout).toContain('\n(the first 5 entries are intact)\n');
  });
});

/**
 * What a user sees when a budget cuts a scan short: the built CLI lists the cut in `stats.skipped`
 * (the file, the rule, the line, column and offset) and warns on stderr like any other skip, exits
 * by its findings, and reports every secret it found; ordinary files report no cut.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonReport, runCli } from '../support/cli.js';
import { base62Text, fakeGithubPat } from '../support/engine-fakes.js';
import { makeTempDir } from '../support/temp.js';

describe('budget cuts in the scan report', () => {
  it('lists a keyword flood that was coalesced, with rule and offset, and still reports the secret', async () => {
    const dir = makeTempDir('sprawlguard-budget-');
    const token = fakeGithubPat(301);
    const head = `GITHUB_TOKEN=${token}\n`;
    writeFileSync(path.join(dir, 'flood.txt'), `${head}${'fm2_='.repeat(200_000)}\n`);
    writeFileSync(path.join(dir, 'config.env'), `DB_PASSWORD=${base62Text(7, 20)}\n`);
    const result = await runCli(['scan', dir, '--format', 'json', '--no-git', '--jobs', '1']);
    expect(result.code).toBe(1);
    const report = parseJsonReport(result);
    expect(report.findings.some((f) => f.location.path === 'flood.txt' && f.ruleId === 'github-classic-pat')).toBe(true);
    const cuts = report.stats.skipped.filter((s) => s.reason.includes('flyio-access-token'));
    expect(cuts).toHaveLength(1);
    expect(cuts[0]?.path).toBe('flood.txt');
    // Where coalescing began: inside the flood on line 2, the offset agreeing with line and column.
    const [, column, offset] = /line 2, column ([0-9]+) \(offset ([0-9]+)\)/.exec(cuts[0]?.reason ?? '') ?? [];
    expect(Number(offset)).toBe(head.length + Number(column) - 1);
    expect(Number(offset)).toBeGreaterThan(head.length);
    expect(cuts[0]?.reason).toMatch(/coalesced/);
    expect(report.stats.skipped.some((s) => s.path === 'config.env')).toBe(false);
    // The file still counts as scanned, and the cut is on stderr too.
    expect(report.stats.sources).toBe(2);
    expect(result.stderr).toMatch(/flood\.txt: rule flyio-access-token: keyword hits too dense/);
    expect(result.stderr).not.toContain(token);
  });
});

/**
 * End-to-end through the built CLI: `scan --record`, `org scan` (GitHub listing from a fake API on
 * 127.0.0.1, `--repos`, shards, interruption), `sprawl merge` and `sprawl report`. Every secret is
 * generated at run time; the test checks that none of them reaches the inventory, a shard file or
 * any output.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SprawlReport } from '../../src/report/sprawl/model.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { shardOf } from '../../src/org/targets.js';
import { CLI_BIN, runCli, type CliResult } from '../support/cli.js';
import { filesUnder, forkRepo, makeRepo, secret, startFakeGithub, workDir } from '../support/inventory-fixtures.js';

const RAW_SECRETS = Array.from({ length: 60 }, (_x, i) => secret(i));

/** Every output of every command is checked for raw secrets. */
const outputs: string[] = [];
async function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCli(args, { cwd, env });
  outputs.push(result.stdout, result.stderr);
  return result;
}

function expectNoRawSecret(texts: readonly (string | Buffer)[]): void {
  for (const text of texts) {
    const buffer = Buffer.isBuffer(text) ? text : Buffer.from(text);
    for (const raw of RAW_SECRETS) expect(buffer.includes(Buffer.from(raw.slice(4))), 'a raw secret was written').toBe(false);
  }
}

function jsonReport(result: CliResult): SprawlReport {
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SprawlReport;
}

/**
 * Each test runs several CLI processes (and git) one after another, and the tests of a group run at
 * once: on a busy two-core machine that takes well over vitest's default 30 s.
 */
const E2E = { timeout: 120_000 };

describe.concurrent('sprawlguard scan --record', E2E, () => {
  it('records history scans; a re-scan updates last seen and marks what left HEAD', async () => {
    const dir = workDir('cli-record');
    const repo = makeRepo(dir, 'app', [{ 'deploy.env': `TOKEN=${secret(1)}\n`, 'src/app.py': `KEY = "${secret(2)}"\n` }]);
    const db = path.join(dir, 'inventory.db');
    const first = await cli(['scan', '--history', '--repo', repo.dir, '--record', '--db', db, '--format', 'json'], dir);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/recorded 2 secrets \(2 new, 2 occurrences\) in .*inventory\.db/);

    repo.commit('drop the deploy token', { 'deploy.env': null });
    const second = await cli(['scan', '--history', '--repo', repo.dir, '--db', db, '-q'], dir);
    expect(second.code).toBe(1);
    // The directory scan records the working tree as its own place (paths relative to it).
    const files = await cli(['scan', repo.dir, '--record', '--db', db, '-q'], dir);
    expect(files.code).toBe(1);

    const report = jsonReport(await cli(['sprawl', 'report', '--db', db, '--format', 'json'], dir));
    expect(report.inventory.runs).toBe(3);
    expect(report.summary).toMatchObject({ secrets: 2, occurrences: 2, removedFromHead: 1, repos: 1 });
    const deploy = report.secrets.find((s) => s.locations.some((l) => l.path === 'deploy.env'));
    expect(deploy).toMatchObject({ occurrences: 1, inHead: 0, removedFromHead: 1, branches: ['main'], lifetime: 'long-lived', status: 'open' });
    expect((deploy?.firstSeen ?? '') < (deploy?.lastSeen ?? '')).toBe(true);
    // The same file seen again by a directory scan is the same place, last seen by that scan.
    const app = report.secrets.find((s) => s.locations.some((l) => l.path === 'src/app.py'));
    expect(app?.locations).toEqual([expect.objectContaining({ source: 'file', path: 'src/app.py', repo: deploy?.locations[0]?.repo })]);

    const text = await cli(['sprawl', 'report', '--db', db], dir);
    expect(text.stdout).toContain('removed from HEAD, still in history');
    expectNoRawSecret([readFileSync(db)]);
  });

  it('merges JSON reports of scan and tickets, so ticket copies join the repositories', async () => {
    const dir = workDir('cli-reports');
    const shared = secret(50);
    const project = path.join(dir, 'project');
    makeRepo(dir, 'project', [{ 'ci.env': `T=${shared}\n` }]);
    const scanned = await cli(['scan', project, '--format', 'json', '--output', path.join(dir, 'scan.json')], dir);
    expect(scanned.code, scanned.stderr).toBe(1);
    const scanReport = JSON.parse(readFileSync(path.join(dir, 'scan.json'), 'utf8')) as { findings: { fingerprint: string; redacted: string }[] };
    const [found] = scanReport.findings;
    // What `sprawlguard tickets --format json` writes for the same token pasted into a Jira ticket.
    const ticketReport = {
      version: 1,
      tool: { name: 'sprawlguard', version: '0.1.0' },
      findings: [
        {
          ruleId: 'github-classic-pat', provider: 'github', title: 'GitHub personal access token (classic)', severity: 'critical',
          lifetime: 'long-lived', confidence: 'high', fingerprint: found?.fingerprint, redacted: found?.redacted, remediation: 'Revoke it.',
          location: { source: 'ticket', path: 'OPS-7', line: 3, column: 5, endLine: 3, endColumn: 44, system: 'jira', ticket: 'OPS-7', field: 'comment', url: 'https://jira.invalid/browse/OPS-7' },
        },
      ],
      stats: { sources: 1, bytes: 100, chunks: 1, durationMs: 1, skipped: [] },
    };
    writeFileSync(path.join(dir, 'tickets.json'), JSON.stringify(ticketReport));
    const db = path.join(dir, 'inv.db');
    const merged = await cli(['sprawl', 'merge', path.join(dir, 'scan.json'), path.join(dir, 'tickets.json'), '--repo', 'acme/project', '--db', db], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('tickets.json: recorded 1 secrets, 1 occurrences from a report');
    const report = jsonReport(await cli(['sprawl', 'report', '--db', db, '--format', 'json'], dir));
    expect(report.summary).toMatchObject({ secrets: 1, occurrences: 2, secretsInReposAndTickets: 1, ticketSystems: 1, tickets: 1 });
    expect(report.secrets[0]).toMatchObject({ places: 2, repos: ['acme/project'], tickets: ['jira:OPS-7'], ticketSystems: ['jira'] });
  });

  it('explains a missing inventory and a file that is not one (exit 2)', async () => {
    const dir = workDir('cli-missing');
    const missing = await cli(['sprawl', 'report', '--db', path.join(dir, 'none.db')], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no inventory at .*none\.db: record one with `sprawlguard scan --record`/);
    writeFileSync(path.join(dir, 'notes.db'), 'plain text, not SQLite\n'.repeat(100));
    const broken = await cli(['sprawl', 'report', '--db', path.join(dir, 'notes.db')], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/notes\.db: not an SQLite database .*restore it from a backup; otherwise choose another file with --db/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('sprawlguard org scan', E2E, () => {
  it('lists a GitHub organization (fake API), clones into the cache, and reports cross-repo sprawl', async () => {
    const dir = workDir('cli-org');
    const shared = secret(10);
    const api = makeRepo(dir, 'src-api', [{ '.env': `GH=${shared}\n` }]);
    const web = makeRepo(dir, 'src-web', [{ 'ci/deploy.sh': `export GH=${shared}\n` }, { 'web.env': `OWN=${secret(11)}\n` }]);
    const fork = forkRepo(web, dir, 'src-web-fork');
    const server = await startFakeGithub(
      'acme',
      [
        { full_name: 'acme/api', clone_url: `file://${api.dir}`, default_branch: 'main' },
        { full_name: 'acme/web', clone_url: `file://${web.dir}`, default_branch: 'main' },
        { full_name: 'acme/web-fork', clone_url: `file://${fork}`, fork: true },
      ],
      { perPage: 2 },
    );
    try {
      const token = ['fake', 'api', 'credential'].join('-');
      const args = ['org', 'scan', '--github-org', 'acme', '--api-url', server.url, '--token-env', 'ORG_TOKEN', '--cache', path.join(dir, 'cache'), '--db', path.join(dir, 'inv.db')];
      const scan = await cli(args, dir, { ORG_TOKEN: token });
      expect(scan.code, scan.stderr).toBe(0);
      expect(scan.stderr).toContain('acme: 2 repositories listed (1 left out: 1 fork)');
      expect(scan.stderr).toMatch(/\[\d\/2\] acme\/web: cloned, 2 commits/);
      expect(server.requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
      expect(scan.stderr + scan.stdout).not.toContain(token);

      const list = await cli(['org', 'list', '--github-org', 'acme', '--api-url', server.url, '--token-env', 'ORG_TOKEN', '-q'], dir, { ORG_TOKEN: token });
      expect(list.stdout).toBe(`file://${api.dir}\nfile://${web.dir}\n`);

      const again = await cli([...args, '--include-forks'], dir, { ORG_TOKEN: token });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/acme\/api: unchanged since its last scan/);
      expect(again.stderr).toMatch(/acme\/web-fork: cloned/);

      const report = jsonReport(await cli(['sprawl', 'report', '--db', path.join(dir, 'inv.db'), '--format', 'json'], dir));
      expect(report.summary).toMatchObject({ secrets: 2, repos: 3, secretsInMultipleRepos: 2, longLivedShare: 1, reposFailed: 0 });
      expect(report.topSprawled[0]).toMatchObject({ repos: 3, tickets: 0, occurrences: 3 });
      expect(report.repos.map((r) => [r.name, r.secrets, r.sharedSecrets])).toEqual([
        ['acme/web', 2, 2],
        ['acme/web-fork', 2, 2],
        ['acme/api', 1, 1],
      ]);
      const md = await cli(['sprawl', 'report', '--db', path.join(dir, 'inv.db'), '--format', 'markdown'], dir);
      expect(md.stdout).toMatch(/^\| `acme\/web` \| 2 \| 2 \| 2 \| 2 \| 0 \| done \|$/m);
      expectNoRawSecret(filesUnder(dir).filter((f) => !f.file.includes(`${path.sep}src-`) && !f.file.includes(`${path.sep}cache${path.sep}`)).map((f) => f.bytes));
    } finally {
      await server.close();
    }
  });

  it('shards a repository list stably; merging the shard files equals one single run', async () => {
    const dir = workDir('cli-shards');
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    const repos = names.map((n, i) => makeRepo(dir, n, [{ [`${n}.env`]: `A=${secret(20 + (i % 3))}\nB=${secret(30 + i)}\n` }]));
    const list = path.join(dir, 'repos.txt');
    writeFileSync(list, `# one per line\n${repos.map((r) => path.basename(r.dir)).join('\n')}\n`);

    const shardRuns = await Promise.all(
      [0, 1, 2].map((i) => cli(['org', 'scan', '--repos', list, '--shard', `${i}/3`, '--out', path.join(dir, `shard-${i}.jsonl`), '--db', path.join(dir, `shard-${i}.db`), '--cache', path.join(dir, 'cache')], dir)),
    );
    for (const r of shardRuns) expect(r.code, r.stderr).toBe(0);
    const single = await cli(['org', 'scan', '--repos', list, '--db', path.join(dir, 'single.db'), '-q'], dir);
    expect(single.code, single.stderr).toBe(0);

    // Each repository is in exactly the shard its name hashes to.
    const inShard = [0, 1, 2].map((i) =>
      readFileSync(path.join(dir, `shard-${i}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"type":"repo"'))
        .map((l) => (JSON.parse(l) as { name: string }).name),
    );
    expect(inShard.flat().sort()).toEqual(repos.map((r) => r.dir).sort());
    inShard.forEach((shardNames, i) => shardNames.forEach((n) => expect(shardOf(n, 3)).toBe(i)));

    writeFileSync(path.join(dir, 'garbage.jsonl'), '{"type":"shard","format":1,"tool":{"name":"sprawlguard","version":"x"},"createdAt":"now"}\n{"type":"secret","fingerprint":"md5:1"}\n');
    const merge = await cli(['sprawl', 'merge', ...[0, 1, 2].map((i) => path.join(dir, `shard-${i}.jsonl`)), path.join(dir, 'garbage.jsonl'), '--db', path.join(dir, 'merged.db')], dir);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/garbage\.jsonl:2: not a valid shard record at fingerprint/);

    const merged = Inventory.open(path.join(dir, 'merged.db'));
    const reference = Inventory.open(path.join(dir, 'single.db'));
    expect(merged.snapshot()).toEqual(reference.snapshot());
    expect(merged.snapshot().repos).toHaveLength(6);
    merged.close();
    reference.close();

    const report = jsonReport(await cli(['sprawl', 'report', '--db', path.join(dir, 'merged.db'), '--format', 'json'], dir));
    expect(report.summary).toMatchObject({ secrets: 9, occurrences: 12, secretsInMultipleRepos: 3 });
    expectNoRawSecret(filesUnder(dir).filter((f) => /\.(jsonl|db)$/.test(f.file)).map((f) => f.bytes));
  });

  it('stops on SIGINT keeping finished repositories, and resumes on the next run', async () => {
    const dir = workDir('cli-sigint');
    const repos = Array.from({ length: 8 }, (_x, i) => makeRepo(dir, `repo${i}`, [{ 'k.env': `K=${secret(40 + i)}\n` }]));
    const list = path.join(dir, 'repos.txt');
    writeFileSync(list, repos.map((r) => r.dir).join('\n'));
    const db = path.join(dir, 'inv.db');
    const args = ['org', 'scan', '--repos', list, '--db', db, '--concurrency', '1', '--jobs', '1'];

    const interrupted = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString('utf8');
        // Once: a second Ctrl-C ends the process at once, as users expect.
        if (!sent && /\[1\/8\]/.test(stderr)) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, stderr: `${stderr}${signal ? `\n(killed by ${signal})` : ''}` }));
    });
    outputs.push(interrupted.stderr);
    expect(interrupted.code, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toContain('SIGINT: stopping; finished repositories are kept, run again to resume');
    const done = (interrupted.stderr.match(/\[\d\/8\] \S+: 1 commits/g) ?? []).length;
    expect(done, interrupted.stderr).toBeGreaterThanOrEqual(1);
    expect(done, interrupted.stderr).toBeLessThan(8);

    const resumed = await cli([...args, '-q'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    const inventory = Inventory.open(db);
    expect(inventory.repos().map((r) => r.state), resumed.stderr).toEqual(Array(8).fill('done'));
    expect(inventory.runs().map((r) => r.status), resumed.stderr).toEqual(['interrupted', 'complete']);
    expect(inventory.occurrences()).toHaveLength(8);
    inventory.close();
    const again = await cli(args, dir);
    expect((again.stderr.match(/unchanged since its last scan/g) ?? []).length, again.stderr).toBe(8);
  });

  it('rejects conflicting or malformed options with exit 2', async () => {
    const dir = workDir('cli-usage');
    const both = await cli(['org', 'scan', '--github-org', 'acme', '--repos', 'x.txt'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('choose the repositories: --github-org ORG or --repos FILE');
    const shard = await cli(['org', 'scan', '--repos', 'x.txt', '--shard', '3/3'], dir);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard: expected I/N with 0 <= I < N');
    const list = await cli(['org', 'scan', '--repos', path.join(dir, 'absent.txt')], dir);
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/--repos .*absent\.txt: cannot read: ENOENT/);
  });
});

describe('outputs', () => {
  it('never contain a raw secret', () => {
    expect(outputs.length).toBeGreaterThan(10);
    expectNoRawSecret(outputs);
  });
});

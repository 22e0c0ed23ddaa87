/**
 * `sprawlguard tickets` end to end: the built CLI on generated exports, as a security team runs it.
 * Assertions look at GitHub token findings only, since the rest of the rule pack changes over time.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { parseJsonReport, runCli, type JsonReport } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTree } from '../support/temp.js';
import { buildZip } from '../support/zip-writer.js';
import { jiraCsv, jiraJson, type FakeTicket } from '../sources/tickets/exports.js';

const A = fakeGithubPat(301);
const B = fakeGithubPat(302);

const TICKETS: FakeTicket[] = [
  {
    key: 'FIX-1',
    summary: 'Deploy fails',
    description: `Steps:\n{code}\nexport DEPLOY_TOKEN=${A}\n{code}`,
    reporter: 'Test User A',
    created: '2000-01-01 09:00:00',
    comments: [{ author: 'Test User B', date: '2000-01-01 09:05:00', body: `try {{${B}}}` }],
  },
];
const CLEAN: FakeTicket[] = [{ key: 'FIX-9', summary: 'Nothing here', description: 'all good', reporter: 'Test User A', created: '2000-01-01 09:00:00', comments: [] }];

let dir: string;
beforeAll(() => {
  const full = jiraJson(TICKETS, 2);
  dir = makeTree(
    {
      'search.json': full,
      'truncated.json': full.slice(0, full.indexOf(B) + 45),
      'clean.csv': jiraCsv(CLEAN),
      'jira.csv': jiraCsv(TICKETS),
      'notes.txt': 'meeting notes\nnothing to report\n',
      'export.zip': buildZip([{ name: 'jira/export.csv', data: `${jiraCsv(TICKETS)}${'\n'.repeat(2000)}` }]),
    },
    'sprawlguard-tickets-cli-',
  );
});

const github = (report: JsonReport): JsonReport['findings'] => report.findings.filter((f) => f.ruleId.startsWith('github-'));

describe('sprawlguard tickets', () => {
  it('reports findings with their ticket location and exits 1; secrets are redacted unless asked for', async () => {
    const result = await runCli(['tickets', 'search.json', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    const found = github(report);
    expect(found.map((f) => [f.fingerprint, f.location])).toEqual([
      [
        fingerprintSecret(B),
        expect.objectContaining({ source: 'ticket', path: 'search.json', system: 'jira', ticket: 'FIX-1', field: 'comment#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://jira.fixture.invalid/browse/FIX-1?focusedCommentId=20001' }),
      ],
      [
        fingerprintSecret(A),
        expect.objectContaining({ source: 'ticket', path: 'search.json', system: 'jira', ticket: 'FIX-1', field: 'description', author: 'Test User A', url: 'https://jira.fixture.invalid/browse/FIX-1' }),
      ],
    ]);
    expect(result.stdout).not.toContain(A);
    expect(found.every((f) => f.secret === undefined)).toBe(true);
    expect(report.stats.sources).toBe(1);

    const shown = parseJsonReport(await runCli(['tickets', 'search.json', '--format', 'json', '--show-secrets'], { cwd: dir }));
    expect(github(shown).map((f) => f.secret).sort()).toEqual([A, B].sort());
  });

  it('SARIF names the export file as the artifact and the ticket in the message', async () => {
    const result = await runCli(['tickets', 'jira.csv', '--format', 'sarif', '--base-url', 'https://jira.fixture.invalid/'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; properties: Record<string, string> }[] }[] };
    const results = (sarif.runs[0]?.results ?? []).filter((r) => r.ruleId === 'github-classic-pat');
    expect(results).toHaveLength(2);
    const csv = readFileSync(`${dir}/jira.csv`, 'utf8').split('\n');
    for (const r of results) {
      const where = r.locations[0]?.physicalLocation;
      expect(where?.artifactLocation.uri).toBe('jira.csv');
      expect(r.message.text).toMatch(/ in jira FIX-1 \((description|comment#1)\)/);
      expect(r.properties.url).toBe('https://jira.fixture.invalid/browse/FIX-1');
      // The region's line holds the secret.
      expect(csv[(where?.region.startLine ?? 0) - 1]).toMatch(/ghp_/);
    }
  });

  it('text output groups findings by export file and ticket', async () => {
    const result = await runCli(['tickets', 'jira.csv'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^jira\.csv jira FIX-1$/m);
  });

  it('an input that is not an export is an error naming it: exit 2, and the other inputs are still reported', async () => {
    const result = await runCli(['tickets', 'notes.txt', 'search.json', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sprawlguard: error: notes\.txt: not a recognised ticket or chat export \(it looks like .*\); choose one with --format-hint/m);
    expect(github(parseJsonReport(result))).toHaveLength(2);
  });

  it('a wrong --format-hint is an error naming the file and what the content looks like', async () => {
    const result = await runCli(['tickets', 'search.json', '--format-hint', 'jira-csv'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sprawlguard: error: search.json: not a Jira CSV export');
    expect(result.stderr).toContain('(the content looks like jira-json)');
  });

  it('problems inside a file are warnings with line and column; --quiet silences them', async () => {
    const result = await runCli(['tickets', 'truncated.json', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sprawlguard: warning: truncated\.json: invalid JSON: unexpected end of input.* at line \d+, column \d+/m);
    expect(github(parseJsonReport(result)).map((f) => f.fingerprint).sort()).toEqual([fingerprintSecret(A), fingerprintSecret(B)].sort());
    const quiet = await runCli(['tickets', 'truncated.json', '--format', 'json', '-q'], { cwd: dir });
    expect(quiet.stderr).toBe('');
  });

  it('a clean export exits 0; --exit-code changes the code for findings', async () => {
    const clean = await runCli(['tickets', 'clean.csv'], { cwd: dir });
    expect(clean.code, clean.stdout).toBe(0);
    const lenient = await runCli(['tickets', 'search.json', '--exit-code', '0'], { cwd: dir });
    expect(lenient.code).toBe(0);
  });

  it('reads a ZIP archive of exports; its limits are options', async () => {
    const result = await runCli(['tickets', 'export.zip', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(github(parseJsonReport(result)).map((f) => [f.location.path, (f.location as Record<string, unknown>).ticket])).toEqual([
      ['export.zip!jira/export.csv', 'FIX-1'],
      ['export.zip!jira/export.csv', 'FIX-1'],
    ]);
    const strict = await runCli(['tickets', 'export.zip', '--zip-max-bytes', '1K', '--zip-max-ratio', '50', '--zip-max-entries', '10'], { cwd: dir });
    expect(strict.code).toBe(0);
    expect(strict.stderr).toMatch(/^sprawlguard: warning: export\.zip!jira\/export\.csv: its \d+ uncompressed bytes would pass the limit of 1024 bytes read from the archive/m);
    for (const [option, value] of [['--zip-max-bytes', '12X'], ['--zip-max-ratio', '0'], ['--zip-max-entries', 'many']]) {
      const bad = await runCli(['tickets', 'export.zip', option as string, value as string], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`${option}: expected`);
    }
  });

  it('rejects bad options with exit code 2', async () => {
    expect((await runCli(['tickets', 'search.json', '--format-hint', 'trello'], { cwd: dir })).code).toBe(2);
    const badUrl = await runCli(['tickets', 'search.json', '--base-url', 'not a url'], { cwd: dir });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--base-url: not a URL');
    expect((await runCli(['tickets'], { cwd: dir })).code).toBe(2);
  });
});

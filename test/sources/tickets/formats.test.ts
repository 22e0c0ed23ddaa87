/**
 * Every supported export, generated at run time with synthetic GitHub tokens: each finding must say
 * where it is — system, ticket or channel, field, author, date, link, export file and line — so a
 * security team can go to the paste and remove it.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import type { Finding } from '../../../src/findings/finding.js';
import { scanTickets, type TicketScanResult } from '../../../src/sources/tickets/source.js';
import type { TicketFormat } from '../../../src/sources/tickets/types.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTree, type Tree } from '../../support/temp.js';
import {
  githubGh,
  githubRest,
  githubScanner,
  jiraCsv,
  jiraJson,
  jiraXml,
  linearCsv,
  servicenowCsv,
  servicenowJson,
  servicenowXml,
  slackExport,
  zendeskCommentsJson,
  zendeskJsonl,
  zendeskTicketsJson,
  type FakeChannel,
  type FakeTicket,
} from './exports.js';

const A = fakeGithubPat(101);
const B = fakeGithubPat(102);
const C = fakeGithubPat(103);
const FP_A = fingerprintSecret(A);
const FP_B = fingerprintSecret(B);
const FP_C = fingerprintSecret(C);

/** Two tickets; B is pasted in three comments (three findings of one fingerprint). */
const TICKETS: FakeTicket[] = [
  {
    key: 'FIX-1',
    summary: 'Deploy fails on staging',
    description: `Steps to reproduce:\n{code:bash}\nexport DEPLOY_TOKEN=${A}\n{code}\nthen run the job`,
    reporter: 'Test User A',
    created: '2000-01-01 09:00:00',
    comments: [
      { author: 'Test User B', date: '2000-01-01 09:05:00', body: `try ${B}; then retry`, internal: true },
      { author: 'Test User C', date: '2000-01-01 09:10:00', body: 'rotated; closing' },
    ],
  },
  {
    key: 'FIX-2',
    summary: 'Same again',
    description: 'nothing secret here',
    reporter: 'Test User C',
    created: '2000-01-02 10:00:00',
    comments: [
      { author: 'Test User A', date: '2000-01-02 10:05:00', body: `the old one still works: ${B}`, internal: true },
      { author: 'Test User B', date: '2000-01-02 10:06:00', body: `and this: ${C} (${B})` },
    ],
  },
];

async function scan(tree: Tree, options: { paths?: string[]; hint?: TicketFormat; baseUrl?: string } = {}): Promise<TicketScanResult> {
  const dir = makeTree(tree, 'sprawlguard-tickets-');
  const paths = (options.paths ?? Object.keys(tree)).map((p) => `${dir}/${p}`);
  return scanTickets({ paths: paths.length === 1 ? paths : paths, scanner: githubScanner(), formatHint: options.hint, baseUrl: options.baseUrl, cwd: dir });
}

/** 1-based lines of every occurrence of `needle`. */
function linesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(text.slice(0, i).split('\n').length);
  return out;
}

type Expected = Partial<Finding['location']> & { fingerprint: string };

/**
 * Each expected row names the location fields it checks; every finding must match exactly one row
 * (and every row one finding).
 */
function expectFindings(result: TicketScanResult, expected: Expected[]): void {
  expect(result.failures).toEqual([]);
  const field = (f: Finding, key: string): unknown => (key === 'fingerprint' ? f.fingerprint : (f.location as unknown as Record<string, unknown>)[key]);
  const unmatched = [...result.findings];
  const missing: Expected[] = [];
  for (const row of expected) {
    const i = unmatched.findIndex((f) => Object.entries(row).every(([key, value]) => field(f, key) === value));
    if (i < 0) missing.push(row);
    else unmatched.splice(i, 1);
  }
  const show = (f: Finding): unknown => ({ fingerprint: f.fingerprint, ...f.location });
  expect({ missing, unexpected: unmatched.map(show) }).toEqual({ missing: [], unexpected: [] });
  for (const f of result.findings) {
    expect(f.location.source).toBe('ticket');
    expect(f.ruleId).toBe('github-classic-pat');
  }
}

describe('Jira', () => {
  it('CSV: repeated Comment columns, multi-line cells, date;author;body comment cells', async () => {
    const csv = jiraCsv(TICKETS);
    const result = await scan({ 'jira.csv': csv }, { baseUrl: 'https://jira.fixture.invalid' });
    const [bLine1, bLine2, bLine3] = linesOf(csv, B);
    const aLine = linesOf(csv, A)[0] as number;
    const base = { system: 'jira', path: 'jira.csv' };
    expectFindings(result, [
      { ...base, fingerprint: FP_A, ticket: 'FIX-1', field: 'description', author: 'Test User A', date: '2000-01-01 09:00:00', url: 'https://jira.fixture.invalid/browse/FIX-1', line: aLine, column: 'export DEPLOY_TOKEN='.length + 1 },
      { ...base, fingerprint: FP_B, ticket: 'FIX-1', field: 'comment#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://jira.fixture.invalid/browse/FIX-1', line: bLine1 },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#1', author: 'Test User A', date: '2000-01-02 10:05:00', url: 'https://jira.fixture.invalid/browse/FIX-2', line: bLine2 },
      { ...base, fingerprint: FP_C, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', date: '2000-01-02 10:06:00', url: 'https://jira.fixture.invalid/browse/FIX-2', line: bLine3 },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', date: '2000-01-02 10:06:00', url: 'https://jira.fixture.invalid/browse/FIX-2', line: bLine3 },
    ]);
    // The column points at the secret inside the comment cell.
    const first = result.findings.find((f) => f.location.field === 'comment#1' && f.location.ticket === 'FIX-1') as Finding;
    const row = csv.split('\n')[first.location.line - 1] as string;
    expect(row.slice(first.location.column - 1, first.location.endColumn)).toBe(B);
  });

  it('XML/RSS: HTML escaped inside XML, comments with author, date and a focused link', async () => {
    const xml = jiraXml(TICKETS);
    const result = await scan({ 'export.xml': xml });
    const base = { system: 'jira', path: 'export.xml' };
    const bLines = linesOf(xml, B);
    expectFindings(result, [
      { ...base, fingerprint: FP_A, ticket: 'FIX-1', field: 'description', author: 'Test User A', date: '2000-01-01 09:00:00', url: 'https://jira.fixture.invalid/browse/FIX-1', line: linesOf(xml, A)[0] },
      { ...base, fingerprint: FP_B, ticket: 'FIX-1', field: 'comment#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://jira.fixture.invalid/browse/FIX-1?focusedCommentId=20001', line: bLines[0] },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#1', author: 'Test User A', date: '2000-01-02 10:05:00', url: 'https://jira.fixture.invalid/browse/FIX-2?focusedCommentId=20001', line: bLines[1] },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', date: '2000-01-02 10:06:00', url: 'https://jira.fixture.invalid/browse/FIX-2?focusedCommentId=20002', line: bLines[2] },
      { ...base, fingerprint: FP_C, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', date: '2000-01-02 10:06:00', url: 'https://jira.fixture.invalid/browse/FIX-2?focusedCommentId=20002', line: bLines[2] },
    ]);
  });

  it('REST JSON v2 (wiki text): browse URL built from `self`, lines of a pretty-printed export', async () => {
    const json = jiraJson(TICKETS, 2);
    const result = await scan({ 'search.json': json });
    const base = { system: 'jira', path: 'search.json' };
    const bLines = linesOf(json, B);
    const aLine = linesOf(json, A)[0] as number;
    expectFindings(result, [
      { ...base, fingerprint: FP_A, ticket: 'FIX-1', field: 'description', author: 'Test User A', url: 'https://jira.fixture.invalid/browse/FIX-1', line: aLine },
      { ...base, fingerprint: FP_B, ticket: 'FIX-1', field: 'comment#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://jira.fixture.invalid/browse/FIX-1?focusedCommentId=20001', line: bLines[0] },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#1', author: 'Test User A', line: bLines[1] },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', line: bLines[2] },
      { ...base, fingerprint: FP_C, ticket: 'FIX-2', field: 'comment#2', author: 'Test User B', line: bLines[2] },
    ]);
    // The JSON string holds escaped line breaks: the secret's column is on the string's own line.
    const finding = result.findings.find((f) => f.fingerprint === FP_A) as Finding;
    const line = json.split('\n')[aLine - 1] as string;
    expect(line.indexOf(A)).toBeGreaterThan(finding.location.column - 8);
  });

  it('REST JSON v3 (ADF): a token split across text nodes by marks is found whole', async () => {
    const split = (text: string): number[] => {
      const at = text.indexOf('ghp_');
      return at < 0 ? [] : [at + 3, at + 17, at + 30];
    };
    const json = jiraJson(TICKETS, 3, { split });
    expect(json).not.toContain(A); // really split
    const result = await scan({ 'search-v3.json': json });
    const found = result.findings.map((f) => [f.location.ticket, f.location.field, f.fingerprint]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['FIX-1', 'description', FP_A],
        ['FIX-1', 'comment#1', FP_B],
        ['FIX-2', 'comment#1', FP_B],
        ['FIX-2', 'comment#2', FP_B],
        ['FIX-2', 'comment#2', FP_C],
      ]),
    );
    expect(result.findings).toHaveLength(5);
    // The line is where the first piece of the token sits.
    const first = result.findings.find((f) => f.fingerprint === FP_A) as Finding;
    expect(json.split('\n')[first.location.line - 1]).toContain(A.slice(0, 3));
  });

  it('reads a single issue, an array of issues, and pages appended to one file', async () => {
    const one = JSON.parse(jiraJson([TICKETS[0] as FakeTicket], 2)) as { issues: unknown[] };
    const pages = jiraJson([TICKETS[0] as FakeTicket], 2, { pretty: false }) + '\n' + jiraJson([TICKETS[1] as FakeTicket], 2, { pretty: false });
    const result = await scan({ 'issue.json': JSON.stringify(one.issues[0]), 'array.json': JSON.stringify(one.issues), 'pages.json': pages });
    const byFile = (p: string): number => result.findings.filter((f) => f.location.path.endsWith(p)).length;
    expect(result.failures).toEqual([]);
    expect(byFile('issue.json')).toBe(2);
    expect(byFile('array.json')).toBe(2);
    expect(byFile('pages.json')).toBe(5);
  });
});

describe('ServiceNow', () => {
  const expectJournal = (result: TicketScanResult, path: string, text: string, lines: boolean): void => {
    const base = { system: 'servicenow', path };
    const bLines = linesOf(text, B);
    const rows: Expected[] = [
      { ...base, fingerprint: FP_A, ticket: 'FIX-1', field: 'description', author: 'Test User A', date: '2000-01-01 09:00:00' },
      { ...base, fingerprint: FP_B, ticket: 'FIX-1', field: 'work_notes', author: 'Test User B', date: '2000-01-01 09:05:00' },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'work_notes', author: 'Test User A', date: '2000-01-02 10:05:00' },
      { ...base, fingerprint: FP_B, ticket: 'FIX-2', field: 'comments', author: 'Test User B', date: '2000-01-02 10:06:00' },
      { ...base, fingerprint: FP_C, ticket: 'FIX-2', field: 'comments', author: 'Test User B', date: '2000-01-02 10:06:00' },
    ];
    if (lines) {
      (rows[1] as Expected).line = bLines[0];
      (rows[2] as Expected).line = bLines[1];
      (rows[3] as Expected).line = bLines[2];
      (rows[4] as Expected).line = bLines[2];
      (rows[0] as Expected).line = linesOf(text, A)[0];
    }
    expectFindings(result, rows);
  };

  it('Table API JSON: journals split into entries, each with its own author and date', async () => {
    const json = servicenowJson(TICKETS);
    expectJournal(await scan({ 'incident.json': json }), 'incident.json', json, true);
  });

  it('Table API JSON with display values: {value, display_value} fields, instance link from a reference', async () => {
    const result = await scan({ 'incident.json': servicenowJson(TICKETS, { displayValueAll: true }) });
    expectJournal(result, 'incident.json', '', false);
    expect(result.findings[0]?.location.url).toMatch(/^https:\/\/fixture\.service-now\.invalid\/incident\.do\?sys_id=0{31}[12]$/);
  });

  it('CSV with field names or labels: multi-line journal cells', async () => {
    const csv = servicenowCsv(TICKETS);
    expectJournal(await scan({ 'incident.csv': csv }), 'incident.csv', csv, true);
    const labelled = servicenowCsv(TICKETS, true);
    expectJournal(await scan({ 'incident.csv': labelled }), 'incident.csv', labelled, true);
  });

  it('XML unload: reference display values, journal fields', async () => {
    const xml = servicenowXml(TICKETS);
    const result = await scan({ 'incident.xml': xml }, { baseUrl: 'https://acme.service-now.invalid' });
    expectJournal(result, 'incident.xml', xml, true);
    expect(result.findings[0]?.location.url).toMatch(/^https:\/\/acme\.service-now\.invalid\/incident\.do\?sys_id=/);
  });

  it('splits journals in the date formats ServiceNow profiles use', async () => {
    const { splitJournal } = await import('../../../src/sources/tickets/servicenow-common.js');
    const text = '11/03/2026 13:32:41 - Jane Doe (Work notes)\nsecond\n\n12/09/2021 09:34:35 AM - John Roe (Additional comments)\nfirst line\nmore\n\n';
    expect(splitJournal(text).map((e) => [e.date, e.author, e.kind, e.body])).toEqual([
      ['11/03/2026 13:32:41', 'Jane Doe', 'Work notes', 'second'],
      ['12/09/2021 09:34:35 AM', 'John Roe', 'Additional comments', 'first line\nmore'],
    ]);
  });
});

describe('Zendesk', () => {
  it('JSON lines (admin export): comments embedded, internal notes named as such, description = first comment counted once', async () => {
    const jsonl = zendeskJsonl(TICKETS);
    const result = await scan({ 'tickets.json': jsonl });
    const base = { system: 'zendesk', path: 'tickets.json' };
    expectFindings(result, [
      { ...base, fingerprint: FP_B, ticket: '1', field: 'internal_note#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://fixture.zendesk.invalid/agent/tickets/1', line: 1 },
      { ...base, fingerprint: FP_B, ticket: '2', field: 'internal_note#1', author: 'Test User A', line: 2 },
      { ...base, fingerprint: FP_B, ticket: '2', field: 'comment#2', author: 'Test User B', line: 2 },
      { ...base, fingerprint: FP_C, ticket: '2', field: 'comment#2', author: 'Test User B', line: 2 },
    ]);
    // Columns point into the line: the plain_body copy is where the secret is first read.
    const first = result.findings.find((f) => f.location.ticket === '1') as Finding;
    expect((jsonl.split('\n')[0] as string).slice(first.location.column - 1, first.location.endColumn)).toBe(B);
  });

  it('incremental export (tickets) and a comments page', async () => {
    const ticket = { ...(TICKETS[0] as FakeTicket), comments: [] };
    const result = await scan({ 'tickets.json': zendeskTicketsJson([ticket]), 'comments.json': zendeskCommentsJson(TICKETS[1] as FakeTicket) });
    expect(result.failures).toEqual([]);
    const rows = result.findings.map((f) => [f.location.path.split('/').pop(), f.location.ticket, f.location.field, f.fingerprint]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['tickets.json', '1', 'description', FP_A],
        ['comments.json', undefined, 'internal_note#1', FP_B],
        ['comments.json', undefined, 'comment#2', FP_B],
        ['comments.json', undefined, 'comment#2', FP_C],
      ]),
    );
    expect(rows).toHaveLength(4);
  });
});

describe('GitHub issues', () => {
  it('gh issue list --json: comments with their own links', async () => {
    const json = githubGh(TICKETS);
    const result = await scan({ 'issues.json': json });
    const base = { system: 'github', path: 'issues.json', line: 1 };
    expectFindings(result, [
      { ...base, fingerprint: FP_A, ticket: 'fixture-org/fixture-repo#1', field: 'body', author: 'Test User A', url: 'https://github.com/fixture-org/fixture-repo/issues/1' },
      { ...base, fingerprint: FP_B, ticket: 'fixture-org/fixture-repo#1', field: 'comment#1', author: 'Test User B', date: '2000-01-01 09:05:00', url: 'https://github.com/fixture-org/fixture-repo/issues/1#issuecomment-1' },
      { ...base, fingerprint: FP_B, ticket: 'fixture-org/fixture-repo#2', field: 'comment#1', author: 'Test User A', url: 'https://github.com/fixture-org/fixture-repo/issues/2#issuecomment-1' },
      { ...base, fingerprint: FP_B, ticket: 'fixture-org/fixture-repo#2', field: 'comment#2', author: 'Test User B', url: 'https://github.com/fixture-org/fixture-repo/issues/2#issuecomment-2' },
      { ...base, fingerprint: FP_C, ticket: 'fixture-org/fixture-repo#2', field: 'comment#2', author: 'Test User B', url: 'https://github.com/fixture-org/fixture-repo/issues/2#issuecomment-2' },
    ]);
    const first = result.findings.find((f) => f.fingerprint === FP_A) as Finding;
    expect(json.indexOf(A)).toBeGreaterThan(first.location.column - 10);
  });

  it('REST issues list: html_url and user.login', async () => {
    const json = githubRest(TICKETS);
    const result = await scan({ 'rest.json': json });
    expectFindings(result, [
      { fingerprint: FP_A, system: 'github', ticket: 'fixture-org/fixture-repo#1', field: 'body', author: 'Test User A', date: '2000-01-01 09:00:00', url: 'https://github.com/fixture-org/fixture-repo/issues/1', line: linesOf(json, A)[0] },
    ]);
  });
});

describe('Linear', () => {
  it('CSV: every field quoted, Markdown descriptions, links from --base-url', async () => {
    const tickets = TICKETS.map((t) => ({ ...t, description: t.description.replace('{code:bash}', '```bash').replace('{code}', '```') }));
    const csv = linearCsv(tickets);
    const result = await scan({ 'linear.csv': csv }, { baseUrl: 'https://linear.app/fixture' });
    expectFindings(result, [
      { fingerprint: FP_A, system: 'linear', path: 'linear.csv', ticket: 'FIX-1', field: 'description', author: 'Test User A', date: '2000-01-01 09:00:00', url: 'https://linear.app/fixture/issue/FIX-1', line: linesOf(csv, A)[0] },
    ]);
  });
});

describe('Slack', () => {
  const users = { U00000FIX1: 'Test User A', U00000FIX2: 'Test User B' };
  const channels: FakeChannel[] = [
    {
      id: 'C00000FIX1',
      name: 'general',
      days: {
        '2000-01-01': [
          { user: 'U00000FIX1', text: `use this for now \`\`\`${A}\`\`\` & rotate later`, ts: '946717200.000100', blockCuts: [24, 40] },
          { user: 'U00000FIX2', text: `thanks <@U00000FIX1> also ${B}`, ts: '946717260.000200', threadTs: '946717200.000100', markup: ' <@U00000FIX1>' },
        ],
        '2000-01-02': [{ user: 'U00000FIX2', text: `again ${B}`, ts: '946803600.000300' }],
      },
    },
    { id: 'C00000FIX2', name: 'random', days: { '2000-01-01': [{ user: 'U00000FIX1', text: 'no secrets here, only <tags> & such', ts: '946717300.000100' }] } },
  ];

  it('export directory: one finding per message despite text + blocks, user names, permalinks', async () => {
    const tree = slackExport(channels, users);
    const dir = makeTree(tree, 'sprawlguard-slack-');
    const result = await scanTickets({ paths: [dir], scanner: githubScanner(), baseUrl: 'https://fixture.slack.invalid', cwd: dir });
    const day1 = tree['general/2000-01-01.json'] as string;
    expectFindings(result, [
      {
        fingerprint: FP_A,
        system: 'slack',
        path: 'general/2000-01-01.json',
        ticket: '#general',
        field: 'message',
        author: 'Test User A',
        date: '2000-01-01T09:00:00.000Z',
        url: 'https://fixture.slack.invalid/archives/C00000FIX1/p946717200000100',
        line: linesOf(day1, A.slice(0, 10))[0],
      },
      {
        fingerprint: FP_B,
        system: 'slack',
        path: 'general/2000-01-01.json',
        ticket: '#general',
        field: 'thread_reply',
        author: 'Test User B',
        url: 'https://fixture.slack.invalid/archives/C00000FIX1/p946717260000200?thread_ts=946717200.000100&cid=C00000FIX1',
        line: linesOf(day1, B)[0],
      },
      { fingerprint: FP_B, system: 'slack', path: 'general/2000-01-02.json', ticket: '#general', field: 'message', author: 'Test User B' },
    ]);
    expect(result.stats.sources).toBeGreaterThanOrEqual(4);
  });

  it('a day file on its own is detected, and names come from the export around it', async () => {
    const tree = slackExport(channels, users);
    const dir = makeTree(tree, 'sprawlguard-slack-');
    const result = await scanTickets({ paths: [`${dir}/general/2000-01-02.json`], scanner: githubScanner(), cwd: dir });
    expectFindings(result, [{ fingerprint: FP_B, system: 'slack', path: 'general/2000-01-02.json', ticket: '#general', author: 'Test User B', field: 'message' }]);
  });

  it('unwraps <url|label> links and reads attachments and snippet previews', async () => {
    const message = {
      type: 'message',
      user: 'U00000FIX1',
      text: `see <https://ci.fixture.invalid/run?token=${A}|the run>`,
      ts: '946717200.000100',
      attachments: [{ fallback: `build ${B}`, text: `build ${B}`, pretext: 'CI says' }],
      files: [{ id: 'F0', name: 'env.txt', preview: `TOKEN=${C}` }],
    };
    const tree = { ...slackExport([], users), 'ops/2000-01-01.json': JSON.stringify([message], null, 4) };
    const dir = makeTree(tree, 'sprawlguard-slack-');
    const result = await scanTickets({ paths: [dir], scanner: githubScanner(), cwd: dir });
    expectFindings(result, [
      { fingerprint: FP_A, ticket: '#ops', field: 'message' },
      { fingerprint: FP_B, ticket: '#ops', field: 'attachment#1' },
      { fingerprint: FP_C, ticket: '#ops', field: 'file#1' },
    ]);
  });
});

describe('directories of exports', () => {
  it('detects each file by content, whatever its name, and reports unrecognised files found in a directory as warnings', async () => {
    const result = await scan(
      { 'exports/a.txt': jiraCsv(TICKETS), 'exports/b.dat': githubGh(TICKETS), 'exports/notes.md': '# just notes\n' },
      { paths: ['exports'] },
    );
    expect(result.failures).toEqual([]);
    expect(new Set(result.findings.map((f) => `${f.location.path}:${f.location.system}`))).toEqual(new Set(['a.txt:jira', 'b.dat:github']));
    expect(result.stats.skipped.map((s) => s.path)).toEqual(['notes.md']);
    expect(result.stats.skipped[0]?.reason).toMatch(/not a recognised ticket or chat export/);
  });

  it('the same secret in many comments is many findings of one fingerprint', async () => {
    const many: FakeTicket = { ...(TICKETS[1] as FakeTicket), comments: Array.from({ length: 10 }, (_, k) => ({ author: `User ${k}`, date: '2000-01-01 09:00:00', body: `k ${B}` })) };
    const result = await scan({ 'many.json': jiraJson([many], 3) });
    expect(result.findings).toHaveLength(10);
    expect(new Set(result.findings.map((f) => f.fingerprint))).toEqual(new Set([FP_B]));
    expect(new Set(result.findings.map((f) => f.location.field)).size).toBe(10);
  });
});

describe('more export shapes', () => {
  it('ServiceNow sys_journal_field rows name the record, field, author and date of each entry', async () => {
    const rows = { result: [{ element: 'work_notes', element_id: 'a'.repeat(32), name: 'incident', value: `rotated; new one is ${A}`, sys_created_by: 'jane.doe', sys_created_on: '2000-01-01 09:05:00' }] };
    const result = await scan({ 'sys_journal_field.json': JSON.stringify(rows) });
    expectFindings(result, [{ fingerprint: FP_A, system: 'servicenow', ticket: 'a'.repeat(32), field: 'work_notes', author: 'jane.doe', date: '2000-01-01 09:05:00', line: 1 }]);
  });

  it('Zendesk ticket events: comment events of each ticket', async () => {
    const events = { ticket_events: [{ id: 1, ticket_id: 42, created_at: '2000-01-01T09:05:00Z', child_events: [{ id: 7, event_type: 'Comment', body: `use ${A}`, html_body: `<p>use ${A}</p>`, public: false, author_id: 5 }] }] };
    const result = await scan({ 'events.json': JSON.stringify(events) });
    expectFindings(result, [{ fingerprint: FP_A, system: 'zendesk', ticket: '42', field: 'internal_note#7', author: '5', date: '2000-01-01T09:05:00Z' }]);
  });

  it('GitHub REST issue comments name their issue from issue_url', async () => {
    const comments = [{ id: 9, html_url: 'https://github.com/o/r/issues/3#issuecomment-9', issue_url: 'https://api.github.com/repos/o/r/issues/3', user: { login: 'dev' }, body: `token ${A}`, created_at: '2000-01-01T09:05:00Z' }];
    const result = await scan({ 'comments.json': JSON.stringify(comments) });
    expectFindings(result, [{ fingerprint: FP_A, system: 'github', ticket: 'o/r#3', field: 'comment', author: 'dev', url: 'https://github.com/o/r/issues/3#issuecomment-9' }]);
  });

  it('Jira XML custom fields are named by their customfieldname', async () => {
    const xml = jiraXml([TICKETS[1] as FakeTicket]).replace(
      '</comments>',
      `</comments>\n      <customfields><customfield id="customfield_10000" key="x:textarea"><customfieldname>DB notes</customfieldname><customfieldvalues><customfieldvalue>&lt;p&gt;${A}&lt;/p&gt;</customfieldvalue></customfieldvalues></customfield></customfields>`,
    );
    const result = await scan({ 'jira.xml': xml });
    expect(result.findings.filter((f) => f.fingerprint === FP_A).map((f) => [f.location.ticket, f.location.field, f.location.line])).toEqual([['FIX-2', 'DB notes', linesOf(xml, A)[0]]]);
  });

  it('Jira v3 custom text areas (ADF) and option fields are scanned under their field id', async () => {
    const issue = { key: 'FIX-7', fields: { summary: 's', customfield_10042: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: A.slice(0, 9) }, { type: 'text', text: A.slice(9), marks: [{ type: 'em' }] }] }] }, customfield_10043: [{ value: `opt ${B}` }] } };
    const result = await scan({ 'issue.json': JSON.stringify(issue) });
    expectFindings(result, [
      { fingerprint: FP_A, ticket: 'FIX-7', field: 'customfield_10042' },
      { fingerprint: FP_B, ticket: 'FIX-7', field: 'customfield_10043[0].value' },
    ]);
  });
});

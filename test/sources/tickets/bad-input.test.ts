/**
 * Bad input never stops a ticket scan: each problem names the file and the row, line or column,
 * the other records are still scanned, nothing already found is lost, and text that could not be
 * parsed is still scanned as plain text.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import { scanTickets, type TicketScanResult } from '../../../src/sources/tickets/source.js';
import type { TicketFormat } from '../../../src/sources/tickets/types.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTree, type Tree } from '../../support/temp.js';
import { githubGh, githubScanner, jiraCsv,
  jiraJson, jiraXml, zendeskJsonl, type FakeTicket } from './exports.js';

const SECRETS = [1, 2, 3, 4].map((i) => fakeGithubPat(200 + i));
const FP = SECRETS.map((s) => fingerprintSecret(s));

/** Four tickets, the i-th holding secret i in its description. */
const TICKETS: FakeTicket[] = SECRETS.map((secret, i) => ({
  key: `FIX-${i + 1}`,
  summary: `Ticket ${i + 1}`,
  description: `line one\nkey: ${secret}\nline three`,
  reporter: 'Test User',
  created: '2000-01-01 09:00:00',
  comments: [{ author: 'Test User', date: '2000-01-01 09:05:00', body: `ok ${i}` }],
}));

async function scan(tree: Tree, paths: string[], hint?: TicketFormat): Promise<TicketScanResult> {
  const dir = makeTree(tree, 'sprawlguard-bad-');
  return scanTickets({ paths: paths.map((p) => `${dir}/${p}`), scanner: githubScanner(), formatHint: hint, cwd: dir });
}

const fingerprints = (r: TicketScanResult): string[] => r.findings.map((f) => f.fingerprint).sort();
const reasons = (r: TicketScanResult): string[] => r.stats.skipped.map((s) => `${s.path}: ${s.reason}`);

describe('truncated JSON', () => {
  it('keeps the records before the cut, scans what the cut record held, and names the line and column', async () => {
    const full = jiraJson(TICKETS, 2);
    const cut = full.indexOf(SECRETS[2] as string) + 45; // inside the third issue, after its secret
    const result = await scan({ 'search.json': full.slice(0, cut) }, ['search.json']);
    expect(result.failures).toEqual([]);
    expect(fingerprints(result)).toEqual([FP[0], FP[1], FP[2]].sort());
    const third = result.findings.find((f) => f.fingerprint === FP[2]);
    expect(third?.location).toMatchObject({ ticket: 'FIX-3', field: 'description' });
    const lines = full.slice(0, cut).split('\n');
    expect(reasons(result)).toEqual([
      `search.json: invalid JSON: unexpected end of input inside a string: the file is truncated at line ${lines.length}, column ${(lines.at(-1) as string).length + 1} (in issues[2].fields.description); the rest of the file is scanned as plain text`,
    ]);
  });

  it('scans the rest of a file after a syntax error in the middle as plain text', async () => {
    const full = jiraJson(TICKETS, 2);
    const broken = full.replace('"key": "FIX-2"', '"key" "FIX-2"');
    const result = await scan({ 'search.json': broken }, ['search.json']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    // Past the error, findings still name the file and line, without ticket fields.
    const late = result.findings.find((f) => f.fingerprint === FP[3]);
    expect(late?.location.ticket).toBeUndefined();
    expect(late?.location.line).toBe(broken.split('\n').findIndex((l) => l.includes(SECRETS[3] as string)) + 1);
    expect(reasons(result)[0]).toMatch(/^search\.json: invalid JSON: expected ':' but found '"' at line \d+, column \d+ \(in issues\[1\]\.key\)/);
  });
});

describe('JSON lines', () => {
  /** Zendesk tickets whose first comment (and so description) holds the secret. */
  const ZENDESK = TICKETS.map((t) => ({ ...t, comments: [{ ...t.comments[0], body: t.description } as FakeTicket['comments'][0]] }));

  it('reports a bad line by number, reads what it holds, and goes on', async () => {
    const lines = zendeskJsonl(ZENDESK).split('\n');
    lines[1] = (lines[1] as string).slice(0, -20); // cut the second ticket short
    const result = await scan({ 'tickets.jsonl': lines.join('\n') }, ['tickets.jsonl']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    expect(result.findings.find((f) => f.fingerprint === FP[1])?.location).toMatchObject({ line: 2, ticket: '2', field: 'comment#1' });
    expect(result.findings.find((f) => f.fingerprint === FP[2])?.location).toMatchObject({ line: 3, ticket: '3' });
    expect(reasons(result)).toEqual([expect.stringMatching(/^tickets\.jsonl: invalid JSON on line 2: unexpected end of input inside a string: the line ends early at column \d+$/)]);
  });

  it('a line broken in the middle: what follows the error is scanned as plain text', async () => {
    const lines = zendeskJsonl(ZENDESK).split('\n');
    lines[1] = (lines[1] as string).replace('"subject":', '"subject" ');
    const result = await scan({ 'tickets.jsonl': lines.join('\n') }, ['tickets.jsonl']);
    expect(new Set(fingerprints(result))).toEqual(new Set(FP));
    // Plain text cannot tell the export's copies of one text apart: each copy is reported.
    const broken = result.findings.filter((f) => f.fingerprint === FP[1]);
    expect(broken.length).toBeGreaterThanOrEqual(1);
    for (const f of broken) {
      expect(f.location.line).toBe(2);
      expect(f.location.ticket).toBeUndefined();
    }
    expect(reasons(result)).toEqual([expect.stringMatching(/^tickets\.jsonl: invalid JSON on line 2: expected ':' but found '"' at column \d+; the rest of the line is scanned as plain text$/)]);
  });
});

describe('malformed CSV', () => {
  it('a row with extra cells is scanned cell by cell under its ticket and reported with its row and line', async () => {
    const csv = jiraCsv(TICKETS).replace(/\n"Ticket 2"/, '\n"Ticket 2","extra"');
    const result = await scan({ 'jira.csv': csv }, ['jira.csv']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    expect(result.findings.find((f) => f.fingerprint === FP[1])?.location.ticket).toBe('FIX-2');
    expect(reasons(result)).toEqual(['jira.csv: row 3 (line 5) has 12 cells where the header has 11; each cell is scanned as plain text, attributed to ticket FIX-2']);
  });

  it('a file cut inside a quoted cell: rows before are read, the open record is scanned as plain text under its ticket', async () => {
    const full = jiraCsv(TICKETS);
    const csv = full.slice(0, full.indexOf(SECRETS[3] as string) + 50);
    const result = await scan({ 'jira.csv': csv }, ['jira.csv']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    expect(result.findings.find((f) => f.fingerprint === FP[2])?.location.ticket).toBe('FIX-3');
    const loose = result.findings.find((f) => f.fingerprint === FP[3]);
    expect(loose?.location.ticket).toBe('FIX-4');
    expect(loose?.location.field).toBeUndefined();
    expect(loose?.location.line).toBe(csv.split('\n').findIndex((l) => l.includes(SECRETS[3] as string)) + 1);
    const opened = csv.split('\n').findIndex((l) => l.startsWith('"Ticket 4"')) + 1;
    expect(reasons(result)).toEqual([
      expect.stringMatching(new RegExp(`^jira\\.csv: row 5 \\(line ${opened}\\) has 10 cells where the header has 11 \\(a quote opened at line ${opened}, column \\d+ is never closed; read as a plain character, and the lines after it as rows\\); each cell is scanned as plain text, attributed to ticket FIX-4$`)),
      `jira.csv: lines ${opened + 1} to ${opened + 2} continue row 5, whose quote never closed: scanned as plain text, attributed to ticket FIX-4`,
    ]);
  });

  it('a stray quote in the middle: every secret is still found under its ticket, the shifted row is reported', async () => {
    const csv = jiraCsv(TICKETS).replace('"Ticket 3"', '"Ticket 3');
    const result = await scan({ 'jira.csv': csv }, ['jira.csv']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    expect(result.findings.find((f) => f.fingerprint === FP[2])?.location.ticket).toBe('FIX-3');
    expect(reasons(result)).toEqual([expect.stringMatching(/^jira\.csv: row 4 \(line 8\) has 10 cells where the header has 11 \(a quote at line 8, column \d+ inside a quoted cell is not doubled; read as part of the text\); each cell is scanned as plain text, attributed to ticket FIX-3$/)]);
  });
});

describe('invalid XML', () => {
  it('reports each error with its line and column and reads on', async () => {
    const xml = jiraXml(TICKETS).replace('<summary>Ticket 2</summary>', '<summary>Ticket 2 < 3</summary>').replace('</channel>', '');
    const result = await scan({ 'jira.xml': xml }, ['jira.xml']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    const line = xml.split('\n').findIndex((l) => l.includes('Ticket 2 < 3')) + 1;
    expect(reasons(result)).toEqual(
      expect.arrayContaining([
        `jira.xml: invalid XML at line ${line}, column ${(xml.split('\n')[line - 1] as string).indexOf('< 3') + 2}: disallowed character in tag name; reading on`,
        expect.stringMatching(/^jira\.xml: invalid XML at line \d+, column \d+: unexpected close tag/),
      ]),
    );
  });

  it('a truncated XML export keeps the open record and reports where the file ends', async () => {
    const xml = jiraXml(TICKETS);
    const cut = xml.indexOf(SECRETS[3] as string) + 60;
    const result = await scan({ 'jira.xml': xml.slice(0, cut) }, ['jira.xml']);
    expect(fingerprints(result)).toEqual([...FP].sort());
    expect(result.findings.find((f) => f.fingerprint === FP[3])?.location.ticket).toBe('FIX-4');
    const lines = xml.slice(0, cut).split('\n');
    expect(reasons(result)).toEqual([
      `jira.xml: the file ends at line ${lines.length}, column ${(lines.at(-1) as string).length + 1} inside <description> in <item> in <channel> in <rss>: it is truncated; what the open elements hold is scanned`,
    ]);
  });
});

describe('encodings', () => {
  const csv = jiraCsv(TICKETS);
  const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

  it.each([
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
    ['UTF-16 LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])],
    ['UTF-16 BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(csv)])],
    ['UTF-16 LE without a byte order mark', Buffer.from(csv, 'utf16le')],
  ])('%s: detected, read and located like UTF-8', async (_name, bytes) => {
    const result = await scan({ 'jira.csv': bytes }, ['jira.csv']);
    expect(result.failures).toEqual([]);
    expect(fingerprints(result)).toEqual([...FP].sort());
    const first = result.findings.find((f) => f.fingerprint === FP[0]);
    expect(first?.location).toMatchObject({ system: 'jira', ticket: 'FIX-1', field: 'description', line: csv.split('\n').findIndex((l) => l.includes(SECRETS[0] as string)) + 1 });
  });
});

describe('inputs that cannot be read', () => {
  it('a wrong --format-hint fails that file, naming what was expected and what the content looks like', async () => {
    const result = await scan({ 'search.json': jiraJson(TICKETS, 2), 'jira.csv': jiraCsv(TICKETS) }, ['search.json', 'jira.csv'], 'jira-csv');
    expect(result.failures).toEqual([
      {
        path: 'search.json',
        reason: expect.stringMatching(/^not a Jira CSV export: the header \(line 1\) has no "Issue key" and "Summary" columns \(the content looks like jira-json\)$/),
      },
    ]);
    // The other input is still scanned.
    expect(result.findings.filter((f) => f.location.path === 'jira.csv')).toHaveLength(4);
  });

  it('a JSON hint that finds no records in another JSON export fails instead of passing silently', async () => {
    const result = await scan({ 'issues.json': githubGh(TICKETS) }, ['issues.json'], 'zendesk-json');
    expect(result.failures).toEqual([
      { path: 'issues.json', reason: 'read as zendesk-json (--format-hint), no records of that shape were found; the content looks like github-issues' },
    ]);
  });

  it('an unknown format named on the command line fails with a clear message; the other inputs go on', async () => {
    const result = await scan({ 'notes.txt': 'just some notes\nnothing else\n', 'search.json': jiraJson(TICKETS, 2) }, ['notes.txt', 'search.json']);
    expect(result.failures).toEqual([{ path: 'notes.txt', reason: expect.stringMatching(/^not a recognised ticket or chat export \(it looks like .*\); choose one with --format-hint \(jira-csv, .*slack\)$/) }]);
    expect(result.findings).toHaveLength(4);
  });

  it('binary files, broken ZIP archives and missing paths fail by name', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    const result = await scan({ 'export.zip': zip, 'blob.bin': Buffer.from([1, 0, 2, 0, 0, 0, 3]) }, ['export.zip', 'blob.bin', 'missing.json']);
    expect(result.failures).toEqual([
      { path: 'export.zip', reason: 'not a readable ZIP archive: End of central directory record signature not found. Either not a zip file, or file is truncated.' },
      { path: 'blob.bin', reason: 'binary file (NUL bytes), not a ticket export' },
      { path: expect.stringMatching(/missing\.json$/), reason: 'no such file or directory' },
    ]);
  });

  it('a JSON file of an unknown shape is not guessed at', async () => {
    const result = await scan({ 'other.json': JSON.stringify({ items: [{ text: SECRETS[0] }] }) }, ['other.json']);
    expect(result.failures[0]?.reason).toMatch(/it looks like JSON of an unknown kind/);
    expect(result.findings).toEqual([]);
  });
});

/**
 * Damaged CSV exports, the way they arrive: a quote nobody doubled, a file cut short, line endings
 * changed by an editor, files joined together, a NUL byte, a cell longer than any ticket. Every
 * secret is still reported, with the ticket it was pasted in (or "unknown ticket near line N"
 * when no key can be read), and every problem is a warning naming its line.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import type { Finding } from '../../../src/findings/finding.js';
import { scanTickets, type TicketScanResult } from '../../../src/sources/tickets/source.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTree, type Tree } from '../../support/temp.js';
import { githubScanner, jiraCsv, linearCsv, servicenowCsv, type FakeTicket } from './exports.js';

const SECRETS = [1, 2, 3, 4].map((i) => fakeGithubPat(600 + i));
const FP = SECRETS.map((s) => fingerprintSecret(s));

/** Four tickets as a Jira export has them: multi-line wiki descriptions, a comment each. */
const TICKETS: FakeTicket[] = SECRETS.map((secret, i) => ({
  key: `OPS-${101 + i}`,
  summary: `Deploy job ${i + 1} fails, again`,
  description: `Steps:\n{code:bash}\nexport DEPLOY_TOKEN=${secret}\n{code}\nthen run the job`,
  reporter: 'Test User',
  created: '2000-01-01 09:00:00',
  comments: [{ author: 'Test User', date: '2000-01-01 09:05:00', body: `seen on runner ${i}` }],
}));
const KEYS = TICKETS.map((t) => t.key);

async function scan(tree: Tree, file: string, limits?: { csvRecordChars?: number }): Promise<TicketScanResult> {
  const dir = makeTree(tree, 'sprawlguard-damaged-csv-');
  return scanTickets({ paths: [`${dir}/${file}`], scanner: githubScanner(), cwd: dir, limits });
}

const reasons = (r: TicketScanResult): string[] => r.stats.skipped.map((s) => `${s.path}: ${s.reason}`);
const find = (r: TicketScanResult, i: number): Finding[] => r.findings.filter((f) => f.fingerprint === FP[i]);
/** 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Every secret found exactly once, in its own ticket. */
function expectEachInItsTicket(result: TicketScanResult, text: string): void {
  expect(result.failures).toEqual([]);
  SECRETS.forEach((secret, i) => {
    const found = find(result, i);
    expect(found, `secret ${i + 1}`).toHaveLength(1);
    expect(found[0]?.location).toMatchObject({ ticket: KEYS[i], line: lineOf(text, secret) });
  });
}

describe('a quote nobody doubled', () => {
  it('inside a quoted description: the row stays whole, the quote is text, the warning names its line and column', async () => {
    const csv = jiraCsv(TICKETS).replace('then run the job","2000-01-01 09:05:00;Test User;seen on runner 1"', 'then run the "nightly" job","2000-01-01 09:05:00;Test User;seen on runner 1"');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    // Read by column as usual: the field is known.
    expect(find(result, 1)[0]?.location.field).toBe('description');
    const line = lineOf(csv, 'the "nightly" job');
    const column = (csv.split('\n')[line - 1] as string).indexOf('"nightly') + 1;
    expect(reasons(result)).toEqual([`jira.csv: row 3 (line ${lineOf(csv, KEYS[1] as string)}): a quote at line ${line}, column ${column} inside a quoted cell is not doubled; read as part of the text`]);
  });

  it('that ends a cell early and shifts the columns: the row is scanned cell by cell, still under its ticket', async () => {
    // A quote before a comma ends the cell: the rest of the summary becomes a cell of its own.
    const csv = jiraCsv(TICKETS).replace('"Deploy job 3 fails, again"', '"Deploy job 3 fails", again"');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    const row = lineOf(csv, KEYS[2] as string);
    expect(reasons(result)).toEqual([`jira.csv: row 4 (line ${row}) has 12 cells where the header has 11; each cell is scanned as plain text, attributed to ticket OPS-103`]);
  });
});

describe('a quote that never closes', () => {
  it('at the end of a file cut short: the cut row keeps its ticket, lines after the quote too', async () => {
    const full = jiraCsv(TICKETS);
    const csv = full.slice(0, full.indexOf(SECRETS[3] as string) + 60);
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    const row = lineOf(csv, KEYS[3] as string);
    const quote = (csv.split('\n')[row - 1] as string).indexOf('"Steps:') + 1;
    expect(reasons(result)).toEqual([
      `jira.csv: row 5 (line ${row}) has 10 cells where the header has 11 (a quote opened at line ${row}, column ${quote} is never closed; read as a plain character, and the lines after it as rows); each cell is scanned as plain text, attributed to ticket OPS-104`,
      `jira.csv: lines ${row + 1} to ${csv.split('\n').length} continue row 5, whose quote never closed: scanned as plain text, attributed to ticket OPS-104`,
    ]);
  });

  it.each([
    ['found at the end of the file', undefined],
    ['found when the cell outgrows the record limit', { csvRecordChars: 150 }],
  ])('in the middle, swallowing the rows after it (%s): they are read as rows again, with their fields', async (_name, limits) => {
    // Minimal quoting, one line per row; the first description opens a quote it never closes.
    const rows = TICKETS.map((t, i) => `Deploy job ${i + 1} fails,${t.key},${10001 + i},Bug,${i === 0 ? '"' : ''}export DEPLOY_TOKEN=${SECRETS[i]}`);
    const csv = `Summary,Issue key,Issue id,Issue Type,Description\n${rows.join('\n')}\n`;
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', limits);
    expectEachInItsTicket(result, csv);
    for (const i of [0, 1, 2, 3]) expect(find(result, i)[0]?.location.field).toBe('description');
    expect(reasons(result)).toEqual([
      `jira.csv: row 2 (line 2): a quote opened at line 2, column ${(csv.split('\n')[1] as string).indexOf('"') + 1} is never closed; read as a plain character, and the lines after it as rows`,
    ]);
  });
});

describe('a file full of quotes left open', () => {
  it('reading quotes again stops at its budget; the rest is still scanned, under no wrong ticket', async () => {
    // Every row opens a quote it never closes. The record limit is small, so is the budget for reading again.
    const many = Array.from({ length: 40 }, (_, i) => fakeGithubPat(700 + i));
    const rows = many.map((secret, i) => `Deploy job ${i + 1} fails,OPS-${201 + i},${20001 + i},Bug,"export DEPLOY_TOKEN=${secret}`);
    const csv = `Summary,Issue key,Issue id,Issue Type,Description\n${rows.join('\n')}\n`;
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', { csvRecordChars: 300 });
    expect(result.failures).toEqual([]);
    const tickets = many.map((secret) => {
      const found = result.findings.filter((f) => f.fingerprint === fingerprintSecret(secret));
      expect(found, secret).toHaveLength(1);
      return found[0]?.location.ticket;
    });
    // The first rows are read again and keep their tickets; past the budget, the text is nobody's.
    expect(tickets[0]).toBe('OPS-201');
    const unknown = tickets.findIndex((t, i) => t !== `OPS-${201 + i}`);
    expect(unknown).toBeGreaterThan(0);
    tickets.forEach((ticket, i) => expect(ticket === `OPS-${201 + i}` || (i >= unknown && ticket?.startsWith('unknown ticket near line '))).toBe(true));
    expect(reasons(result)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^jira\.csv: row \d+ \(line \d+\) is longer than 300 characters and holds lines that look like rows of their own \(a quote left open, in a file with too many to read again\); its text is scanned as plain text, attributed to "unknown ticket near line \d+" \(no ticket key could be read\)$/),
        expect.stringMatching(/^jira\.csv: a quote opened at line \d+, column \d+ is never closed; the rest of the file was scanned as plain text$/),
      ]),
    );
  });
});

describe('line endings', () => {
  it('a CRLF header over LF rows: rows stay apart and keep their own tickets', async () => {
    const lf = jiraCsv(TICKETS);
    const csv = lf.replace('\n', '\r\n');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    expect(find(result, 3)[0]?.location.field).toBe('description');
    // The first row (record 2) ends where the change is seen.
    const firstRowEnd = lineOf(csv, 'seen on runner 0');
    expect(reasons(result)).toEqual([`jira.csv: line endings change from CRLF to LF at line ${firstRowEnd}; both are read as line breaks`]);
  });

  it('mixed endings, CRLF inside cells too: lines are counted once per line break', async () => {
    const lf = jiraCsv(TICKETS);
    const lines = lf.split('\n');
    const csv = lines.map((l, i) => (i % 3 === 0 && i < lines.length - 1 ? `${l}\r` : l)).join('\n');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    expect(reasons(result)).toEqual([expect.stringMatching(/^jira\.csv: line endings change from (CRLF to LF|LF to CRLF) at line \d+; both are read as line breaks$/)]);
  });
});

describe('byte order marks and joined exports', () => {
  it('a byte order mark at the start is not part of the header', async () => {
    const csv = jiraCsv(TICKETS);
    const result = await scan({ 'jira.csv': `\uFEFF${csv}` }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    expect(reasons(result)).toEqual([]);
  });

  it('two exports joined into one file: the second header is skipped, its rows keep their tickets', async () => {
    const first = jiraCsv(TICKETS.slice(0, 2));
    const second = jiraCsv(TICKETS.slice(2));
    const csv = `${first}\uFEFF${second}`;
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    const joined = first.split('\n').length;
    expect(reasons(result)).toEqual([
      `jira.csv: a byte order mark starts line ${joined} (exports joined into one file?); ignored`,
      `jira.csv: the header repeats at line ${joined} (exports joined into one file?); skipped`,
    ]);
  });
});

describe('NUL bytes', () => {
  it('a NUL in a row does not make the export binary: it is read as a space and reported where it is', async () => {
    const csv = jiraCsv(TICKETS).replace('seen on runner 1', 'seen on\0runner 1');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv');
    expectEachInItsTicket(result, csv);
    const line = lineOf(csv, '\0');
    expect(reasons(result)).toEqual([`jira.csv: a NUL character at line ${line}, column ${(csv.split('\n')[line - 1] as string).indexOf('\0') + 1} (a damaged export?) is read as a space`]);
  });

  it('a NUL next to a secret in a JSON export keeps the document readable', async () => {
    const json = JSON.stringify({ issues: [{ key: 'OPS-101', fields: { summary: 'x', description: `token\u0000${SECRETS[0]}` } }] }, null, 2).replace('\\u0000', '\0');
    const result = await scan({ 'search.json': json }, 'search.json');
    expect(result.failures).toEqual([]);
    expect(find(result, 0)[0]?.location).toMatchObject({ ticket: 'OPS-101', field: 'description', line: lineOf(json, SECRETS[0] as string) });
    expect(reasons(result)).toEqual([expect.stringMatching(/^search\.json: a NUL character at line \d+, column \d+ \(a damaged export\?\) is read as a space$/)]);
  });
});

describe('a cell longer than any ticket', () => {
  const LIMIT = 4000;
  /** The second ticket's description holds a long log, then its secret. */
  const LONG: FakeTicket[] = TICKETS.map((t, i) =>
    i === 1 ? { ...t, description: `${'build log line, nothing secret here\n'.repeat(200)}export DEPLOY_TOKEN=${SECRETS[1]}\n` } : t,
  );

  it('is scanned as plain text under its ticket, and reading goes on with the next row', async () => {
    const csv = jiraCsv(LONG);
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', { csvRecordChars: LIMIT });
    expectEachInItsTicket(result, csv);
    expect(find(result, 2)[0]?.location.field).toBe('description');
    expect(find(result, 1)[0]?.location.column).toBe((csv.split('\n')[lineOf(csv, SECRETS[1] as string) - 1] as string).indexOf(SECRETS[1] as string) + 1);
    expect(reasons(result)).toEqual([`jira.csv: row 3 (line ${lineOf(csv, KEYS[1] as string)}) is longer than ${LIMIT} characters; its text is scanned as plain text, attributed to ticket OPS-102`]);
  });

  it('an over-long cell whose quote never closes: the rest of the file is scanned, nothing is lost', async () => {
    const full = jiraCsv(LONG);
    // Cut inside the long cell, just after the secret.
    const csv = full.slice(0, full.indexOf(SECRETS[1] as string) + (SECRETS[1] as string).length + 1);
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', { csvRecordChars: LIMIT });
    expect(find(result, 0)[0]?.location.ticket).toBe('OPS-101');
    expect(find(result, 1)[0]?.location).toMatchObject({ ticket: 'OPS-102', line: lineOf(csv, SECRETS[1] as string) });
    const row = lineOf(csv, KEYS[1] as string);
    expect(reasons(result)).toEqual([
      `jira.csv: row 3 (line ${row}) is longer than ${LIMIT} characters; its text is scanned as plain text, attributed to ticket OPS-102`,
      `jira.csv: a quote opened at line ${row}, column ${(csv.split('\n')[row - 1] as string).indexOf('"build log') + 1} is never closed; the rest of the file was scanned as plain text`,
    ]);
  });

  it('an over-long row ending in an empty cell: the rows after it are read by column again', async () => {
    const csv = jiraCsv(LONG).replace('","2000-01-01 09:05:00;Test User;seen on runner 1"', '",');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', { csvRecordChars: LIMIT });
    expectEachInItsTicket(result, csv);
    expect(find(result, 2)[0]?.location.field).toBe('description');
    expect(reasons(result)).toHaveLength(1);
  });

  it('with no key that can be read, findings point at the line to look at', async () => {
    const csv = jiraCsv(LONG).replace('"OPS-102"', '"?"');
    const result = await scan({ 'jira.csv': csv }, 'jira.csv', { csvRecordChars: LIMIT });
    const row = lineOf(csv, '"?"');
    expect(find(result, 1)[0]?.location.ticket).toBe(`unknown ticket near line ${row}`);
    expect(reasons(result)).toEqual([`jira.csv: row 3 (line ${row}) is longer than ${LIMIT} characters; its text is scanned as plain text, attributed to "unknown ticket near line ${row}" (no ticket key could be read)`]);
  });
});

describe('other CSV exports', () => {
  it('Linear and ServiceNow rows shifted by a stray quote keep their ids', async () => {
    const linear = linearCsv(TICKETS).replace('"Deploy job 2 fails, again"', '"Deploy job 2 fails", again"');
    const servicenow = servicenowCsv(TICKETS.map((t, i) => ({ ...t, key: `INC00${10001 + i}` }))).replace('"Deploy job 2 fails, again"', '"Deploy job 2 fails", again"');
    const l = await scan({ 'linear.csv': linear }, 'linear.csv');
    expectEachInItsTicket(l, linear);
    const s = await scan({ 'incidents.csv': servicenow }, 'incidents.csv');
    expect(find(s, 1)[0]?.location.ticket).toBe('INC0010002');
    expect(reasons(s)[0]).toMatch(/attributed to ticket INC0010002$/);
  });
});

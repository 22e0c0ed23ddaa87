/**
 * Exports that arrive as ZIP archives (Slack always, Jira Cloud backups, Zendesk), read without
 * unzipping, built at test time: valid exports are scanned as their folders would be, and hostile
 * archives (zip bombs, too many entries, names that leave the archive, encrypted or unreadable
 * entries, archives inside archives) are refused entry by entry, each refusal named.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import { scanTickets, type TicketScanOptions, type TicketScanResult } from '../../../src/sources/tickets/source.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTree, type Tree } from '../../support/temp.js';
import { buildZip, type ZipEntrySpec } from '../../support/zip-writer.js';
import { githubScanner, jiraCsv, slackExport, zendeskJsonl, type FakeChannel, type FakeTicket } from './exports.js';

const A = fakeGithubPat(701);
const B = fakeGithubPat(702);
const C = fakeGithubPat(703);
const FP_A = fingerprintSecret(A);
const FP_B = fingerprintSecret(B);
const FP_C = fingerprintSecret(C);

const TICKETS: FakeTicket[] = [
  { key: 'OPS-1', summary: 'Deploy fails', description: `Steps:\nexport DEPLOY_TOKEN=${A}\nthen retry`, reporter: 'Test User', created: '2000-01-01 09:00:00', comments: [] },
  { key: 'OPS-2', summary: 'Again', description: `the old one: ${B}`, reporter: 'Test User', created: '2000-01-02 09:00:00', comments: [] },
];

const USERS = { U00000ZIP1: 'Test User A', U00000ZIP2: 'Test User B' };
const CHANNELS: FakeChannel[] = [
  {
    id: 'C00000ZIP1',
    name: 'general',
    days: {
      '2000-01-01': [{ user: 'U00000ZIP1', text: `use ${A} for now`, ts: '946717200.000100' }],
      '2000-01-02': [{ user: 'U00000ZIP2', text: `and ${B}`, ts: '946803600.000300', threadTs: '946717200.000100' }],
    },
  },
  { id: 'C00000ZIP2', name: 'ops', days: { '2000-01-03': [{ user: 'U00000ZIP2', text: `rotated ${C}`, ts: '946890000.000100' }] } },
];

/** The entries of a file tree, in the tree's order. */
function entriesOf(tree: Record<string, string>, prefix = ''): ZipEntrySpec[] {
  return Object.entries(tree).map(([name, data]) => ({ name: prefix + name, data }));
}

async function scan(tree: Tree, file: string, options: Partial<TicketScanOptions> = {}): Promise<TicketScanResult & { dir: string }> {
  const dir = makeTree(tree, 'sprawlguard-zip-');
  const result = await scanTickets({ paths: [`${dir}/${file}`], scanner: githubScanner(), cwd: dir, ...options });
  return { ...result, dir };
}

const reasons = (r: TicketScanResult): string[] => r.stats.skipped.map((s) => `${s.path}: ${s.reason}`);
/** Locations without the path, which differs between a folder and its archive. */
const places = (r: TicketScanResult): unknown[] =>
  r.findings.map((f) => {
    const { path: _path, ...rest } = f.location;
    return [f.fingerprint, rest];
  });

describe('a Slack export ZIP', () => {
  const tree = slackExport(CHANNELS, USERS);

  it('is read like its folder: channel, message time, user and line for each finding', async () => {
    const folder = await scan(tree, '.', { baseUrl: 'https://fixture.slack.invalid' });
    const zipped = await scan({ 'slack-export.zip': buildZip(entriesOf(tree)) }, 'slack-export.zip', { baseUrl: 'https://fixture.slack.invalid' });
    expect(zipped.failures).toEqual([]);
    expect(reasons(zipped)).toEqual([]);
    expect(zipped.findings).toHaveLength(3);
    expect(places(zipped)).toEqual(places(folder));
    expect(zipped.findings.map((f) => f.location.path)).toEqual([
      'slack-export.zip!general/2000-01-01.json',
      'slack-export.zip!general/2000-01-02.json',
      'slack-export.zip!ops/2000-01-03.json',
    ]);
    expect(zipped.findings[1]?.location).toMatchObject({
      system: 'slack',
      ticket: '#general',
      field: 'thread_reply',
      author: 'Test User B',
      date: '2000-01-02T09:00:00.000Z',
      url: 'https://fixture.slack.invalid/archives/C00000ZIP1/p946803600000300?thread_ts=946717200.000100&cid=C00000ZIP1',
    });
    // Nothing was unzipped beside the archive.
    expect(readdirSync(zipped.dir)).toEqual(['slack-export.zip']);
  });

  it('inside one top folder, with folder entries, as Slack writes it', async () => {
    const entries: ZipEntrySpec[] = [
      { name: 'Acme Slack export/', data: '' },
      { name: 'Acme Slack export/general/', data: '' },
      ...entriesOf(tree, 'Acme Slack export/'),
    ];
    const result = await scan({ 'export.zip': buildZip(entries) }, 'export.zip');
    expect(result.findings.map((f) => [f.fingerprint, f.location.ticket, f.location.author, f.location.path])).toEqual([
      [FP_A, '#general', 'Test User A', 'export.zip!Acme Slack export/general/2000-01-01.json'],
      [FP_B, '#general', 'Test User B', 'export.zip!Acme Slack export/general/2000-01-02.json'],
      [FP_C, '#ops', 'Test User B', 'export.zip!Acme Slack export/ops/2000-01-03.json'],
    ]);
  });
});

describe('other exports in a ZIP', () => {
  it('a Jira CSV and a Zendesk export: each entry detected and read, findings located in the entry', async () => {
    const csv = jiraCsv(TICKETS);
    const jsonl = zendeskJsonl([
      { ...TICKETS[0], key: '7', comments: [{ author: 'Test User', date: '2000-01-01', body: `pasted ${C}` }] } as FakeTicket,
      { ...TICKETS[0], key: '8', comments: [{ author: 'Test User', date: '2000-01-02', body: 'nothing' }] } as FakeTicket,
    ]);
    const result = await scan({ 'backup.zip': buildZip([{ name: 'jira/export.csv', data: csv }, { name: 'zendesk/tickets.json', data: jsonl }]) }, 'backup.zip');
    expect(result.failures).toEqual([]);
    const at = (fp: string): unknown => result.findings.find((f) => f.fingerprint === fp)?.location;
    expect(at(FP_A)).toMatchObject({ system: 'jira', path: 'backup.zip!jira/export.csv', ticket: 'OPS-1', field: 'description', line: 3 });
    expect(at(FP_B)).toMatchObject({ system: 'jira', path: 'backup.zip!jira/export.csv', ticket: 'OPS-2', field: 'description' });
    expect(at(FP_C)).toMatchObject({ system: 'zendesk', path: 'backup.zip!zendesk/tickets.json', ticket: '7', line: 1 });
    expect(result.stats.sources).toBe(2);
    expect(result.stats.bytes).toBe(Buffer.byteLength(csv) + Buffer.byteLength(jsonl));
  });

  it('stored (uncompressed) entries, and an archive inside the archive', async () => {
    const inner = buildZip([{ name: 'export.csv', data: jiraCsv(TICKETS), store: true }]);
    const result = await scan({ 'outer.zip': buildZip([{ name: 'jira-backup.zip', data: inner }]) }, 'outer.zip');
    expect(result.findings.map((f) => [f.fingerprint, f.location.ticket, f.location.path])).toEqual([
      [FP_A, 'OPS-1', 'outer.zip!jira-backup.zip!export.csv'],
      [FP_B, 'OPS-2', 'outer.zip!jira-backup.zip!export.csv'],
    ]);
  });

  it('archives nested deeper than two levels are reported, not read', async () => {
    let zip = buildZip([{ name: 'export.csv', data: jiraCsv(TICKETS) }]);
    for (const level of [3, 2, 1]) zip = buildZip([{ name: `level${level}.zip`, data: zip }]);
    const result = await scan({ 'deep.zip': zip }, 'deep.zip');
    expect(result.findings).toEqual([]);
    expect(reasons(result)).toEqual(['deep.zip!level1.zip!level2.zip!level3.zip: a ZIP archive nested more than 2 levels deep: not read; unzip it and scan what it holds']);
  });

  it('binary entries are skipped by name; the text entries are still read', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const result = await scan({ 'backup.zip': buildZip([{ name: 'attachments/10001/screenshot.png', data: png }, { name: 'export.csv', data: jiraCsv(TICKETS) }]) }, 'backup.zip');
    expect(result.findings).toHaveLength(2);
    expect(reasons(result)).toEqual(['backup.zip!attachments/10001/screenshot.png: binary file (NUL bytes), not a ticket export; skipped']);
  });
});

describe('hostile archives', () => {
  const csv = jiraCsv(TICKETS);

  it('a zip bomb (a huge, highly compressible entry) is refused by name; the rest is read', async () => {
    const bomb = { name: 'logs/huge.log', data: Buffer.alloc(16 * 1024 * 1024) };
    const result = await scan({ 'export.zip': buildZip([bomb, { name: 'export.csv', data: csv }]) }, 'export.zip');
    expect(result.findings).toHaveLength(2);
    expect(reasons(result)).toEqual([
      expect.stringMatching(/^export\.zip!logs\/huge\.log: expands \d+ compressed bytes to 16777216 \(ratio \d+:1, above the limit of 200:1; a zip bomb\?\): not read; raise the limit with --zip-max-ratio$/),
    ]);
  });

  it('the ratio limit is configurable; small entries are read whatever their ratio', async () => {
    const log = `${'build ok\n'.repeat(200_000)}token ${C}\n`;
    const tree = { 'export.zip': buildZip([{ name: 'export.csv', data: csv }, { name: 'notes/build.csv', data: `Issue key,Summary,Log\nOPS-3,log,"${log}"\n` }]) };
    const strict = await scan(tree, 'export.zip', { zip: { ratio: 10 } });
    expect(strict.findings.map((f) => f.fingerprint)).toEqual([FP_A, FP_B]);
    expect(reasons(strict)).toEqual([expect.stringMatching(/^export\.zip!notes\/build\.csv: expands \d+ compressed bytes to \d+ \(ratio \d+:1, above the limit of 10:1; a zip bomb\?\)/)]);
    const relaxed = await scan(tree, 'export.zip', { zip: { ratio: 5000 } });
    expect(relaxed.findings.map((f) => [f.fingerprint, f.location.ticket])).toEqual([
      [FP_A, 'OPS-1'],
      [FP_B, 'OPS-2'],
      [FP_C, 'OPS-3'],
    ]);
  });

  it('the total of uncompressed bytes is bounded: entries past the limit are refused by name', async () => {
    const tree = { 'export.zip': buildZip([{ name: 'a/export.csv', data: csv }, { name: 'b/export.csv', data: csv.replaceAll('OPS-', 'DEV-') }]) };
    const result = await scan(tree, 'export.zip', { zip: { bytes: Buffer.byteLength(csv) + 10 } });
    expect(result.findings.map((f) => f.location.ticket)).toEqual(['OPS-1', 'OPS-2']);
    expect(reasons(result)).toEqual([
      `export.zip!b/export.csv: its ${Buffer.byteLength(csv)} uncompressed bytes would pass the limit of ${Buffer.byteLength(csv) + 10} bytes read from the archive (${Buffer.byteLength(csv)} read so far): not read; raise the limit with --zip-max-bytes`,
    ]);
  });

  it('too many entries: the first are read, the first entry left out is named', async () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({ name: `exports/${i}.csv`, data: jiraCsv([{ ...(TICKETS[0] as FakeTicket), key: `OPS-${10 + i}` }]) }));
    const result = await scan({ 'export.zip': buildZip(entries) }, 'export.zip', { zip: { entries: 5 } });
    expect(result.findings.map((f) => f.location.ticket)).toEqual(['OPS-10', 'OPS-11', 'OPS-12', 'OPS-13', 'OPS-14']);
    expect(reasons(result)).toEqual(['export.zip!exports/5.csv: the archive lists 8 entries, more than the limit of 5: this entry and the 2 after it are not read; raise the limit with --zip-max-entries']);
  });

  it('names that try to leave the archive never touch the file system and are refused by name', async () => {
    const evil = (name: string | Uint8Array): ZipEntrySpec => ({ name, data: csv });
    const entries = [
      evil('../evil.csv'),
      evil('/tmp/evil.csv'),
      evil('C:/evil.csv'),
      evil(Buffer.from('exports\\..\\..\\evil.csv', 'latin1')),
      evil('exports/\u001b[2Kevil.csv'),
      { name: 'export.csv', data: csv.replaceAll('OPS-', 'DEV-') },
    ];
    const result = await scan({ 'nested/export.zip': buildZip(entries) }, 'nested/export.zip');
    expect(result.findings.map((f) => [f.location.ticket, f.location.path])).toEqual([
      ['DEV-1', 'nested/export.zip!export.csv'],
      ['DEV-2', 'nested/export.zip!export.csv'],
    ]);
    expect(reasons(result)).toEqual([
      'nested/export.zip!../evil.csv: unsafe entry name (invalid relative path: ../evil.csv): not read',
      'nested/export.zip!/tmp/evil.csv: unsafe entry name (absolute path: /tmp/evil.csv): not read',
      'nested/export.zip!C:/evil.csv: unsafe entry name (absolute path: C:/evil.csv): not read',
      'nested/export.zip!exports\\..\\..\\evil.csv: unsafe entry name (invalid characters in fileName: exports\\..\\..\\evil.csv): not read',
      'nested/export.zip!exports/\\u001b[2Kevil.csv: unsafe entry name (control characters): not read',
    ]);
    const dir = result.dir;
    expect(readdirSync(dir)).toEqual(['nested']);
    expect(readdirSync(path.join(dir, 'nested'))).toEqual(['export.zip']);
  });

  it('encrypted entries and unknown compression methods are skipped with the reason', async () => {
    const entries = [
      { name: 'secret.csv', data: csv, store: true, encrypted: true },
      { name: 'aes.csv', data: csv, store: true, method: 99 },
      { name: 'export.csv', data: csv },
    ];
    const result = await scan({ 'export.zip': buildZip(entries) }, 'export.zip');
    expect(result.findings).toHaveLength(2);
    expect(reasons(result)).toEqual([
      'export.zip!secret.csv: encrypted: cannot be read without its password, not scanned',
      'export.zip!aes.csv: compressed with method 99, which cannot be read: not scanned',
    ]);
  });

  it('an entry holding more data than it declares is cut at the declared size; what was read is kept', async () => {
    // Enough rows that the first are read before the declared size is passed.
    const filler = Array.from({ length: 2000 }, (_, i) => ({ ...(TICKETS[1] as FakeTicket), key: `OPS-${100 + i}`, description: 'nothing here' }));
    const honest = jiraCsv([TICKETS[0] as FakeTicket, ...filler]);
    const extra = jiraCsv([{ ...(TICKETS[0] as FakeTicket), key: 'OPS-9', description: `late ${C}` }]);
    const lying = { name: 'export.csv', data: honest + extra, declaredSize: Buffer.byteLength(honest) };
    const result = await scan({ 'export.zip': buildZip([lying]) }, 'export.zip');
    expect(result.findings.map((f) => f.location.ticket)).toEqual(['OPS-1']);
    expect(result.failures).toEqual([{ path: 'export.zip!export.csv', reason: expect.stringMatching(/^cannot read as jira-csv: too many bytes in the stream/) }]);
  });

  it('a damaged entry record: the entries listed before it are still read', async () => {
    const zip = buildZip([{ name: 'export.csv', data: csv }, { name: 'later.csv', data: csv.replaceAll('OPS-', 'DEV-') }]);
    // Break the second central directory record's signature.
    const second = zip.lastIndexOf(Buffer.from('later.csv')) - 46;
    zip.writeUInt32LE(0x12345678, second);
    const result = await scan({ 'export.zip': zip }, 'export.zip');
    expect(result.findings.map((f) => f.location.ticket)).toEqual(['OPS-1', 'OPS-2']);
    expect(reasons(result)).toEqual([expect.stringMatching(/^export\.zip: the archive's list of entries is damaged after export\.csv \(.+\): the entries after it are not read$/)]);
  });

  it('a damaged archive fails by name when named on the command line', async () => {
    const zip = buildZip([{ name: 'export.csv', data: csv }]);
    const result = await scan({ 'export.zip': zip.subarray(0, zip.length - 30) }, 'export.zip');
    expect(result.failures).toEqual([{ path: 'export.zip', reason: expect.stringMatching(/^not a readable ZIP archive: /) }]);
  });
});

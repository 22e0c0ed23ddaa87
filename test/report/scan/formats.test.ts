/**
 * Output formats: one file snapshot per format for a fixed report, the JSON contract's field names,
 * SARIF validity against the official 2.1.0 schema, CSV and Markdown escaping, and redaction: no
 * raw secret in any format unless the finding carries one (`--show-secrets`).
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { stripSecrets } from '../../../src/pipeline/steps/strip-secrets.js';
import type { Finding, Report } from '../../../src/findings/finding.js';
import { FORMATS, loadFormatter, type FormatName } from '../../../src/report/scan/index.js';
import { csvCell } from '../../../src/report/scan/csv.js';
import { mdCode } from '../../../src/report/markdown-escape.js';
import { ChunkScanner } from '../../../src/scan/chunk-scanner.js';
import { loadBuiltinRules } from '../../../src/config/builtin-rules.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { FIXTURE_FINDINGS, FIXTURE_RULES, FIXTURE_SECRETS, fixtureReport } from '../../support/report-fixture.js';

const EXTENSION: Record<FormatName, string> = { text: 'txt', json: 'json', sarif: 'sarif', csv: 'csv', markdown: 'md', gitlab: 'gitlab.json', junit: 'junit.xml' };
/** Formats uploaded to a platform's shared security store: never a raw secret, even with --show-secrets. */
const NEVER_RAW: readonly FormatName[] = ['sarif', 'gitlab'];
/** When the fixed report's scan ended (GitLab and JUnit record it). */
const SCAN_END = new Date('2025-06-07T08:09:10Z');
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
const ANSI = /\x1b\[[0-9;]*m/;

async function render(format: FormatName, report: Report = fixtureReport(), color = false): Promise<string> {
  return (await loadFormatter(format))(report, { rules: FIXTURE_RULES, color, now: SCAN_END });
}

describe.each(FORMATS.map((f) => [f]))('%s format', (format) => {
  it('matches its snapshot', async () => {
    await expect(await render(format)).toMatchFileSnapshot(`./__snapshots__/report.${EXTENSION[format]}`);
  });

  it('renders an empty report', async () => {
    await expect(await render(format, fixtureReport([]))).toMatchFileSnapshot(`./__snapshots__/report-empty.${EXTENSION[format]}`);
  });

  it('contains no raw secret when no finding carries one', async () => {
    const out = await render(format);
    for (const secret of Object.values(FIXTURE_SECRETS)) expect(out).not.toContain(secret);
    // Nor a long piece of one: previews keep at most 6 + 4 characters.
    for (const secret of Object.values(FIXTURE_SECRETS)) expect(out).not.toContain(secret.slice(0, 12));
  });

  it('shows only the raw secret a finding carries (--show-secrets)', async () => {
    const [first, ...rest] = FIXTURE_FINDINGS as [Finding, ...Finding[]];
    const report = fixtureReport([{ ...first, secret: FIXTURE_SECRETS.file }, ...rest]);
    const out = await render(format, report);
    if (NEVER_RAW.includes(format)) {
      // SARIF and GitLab reports are uploaded to code scanning and the vulnerability report, where everyone with read access sees them: never raw.
      expect(out).not.toContain(FIXTURE_SECRETS.file);
    } else {
      expect(out).toContain(FIXTURE_SECRETS.file);
    }
    for (const secret of [FIXTURE_SECRETS.history, FIXTURE_SECRETS.ticket, FIXTURE_SECRETS.jwt]) expect(out).not.toContain(secret);
    // The snapshot shows where the secret goes without storing it.
    await expect(out.replaceAll(FIXTURE_SECRETS.file, '<RAW SECRET>')).toMatchFileSnapshot(
      `./__snapshots__/report-show-secrets.${EXTENSION[format]}`,
    );
  });
});

describe('text format', () => {
  it('is plain without colour and coloured with it', async () => {
    expect(await render('text')).not.toMatch(ANSI);
    expect(await render('text', fixtureReport(), true)).toMatch(ANSI);
  });

  it('groups findings by file and names repository and ticket', async () => {
    const out = await render('text');
    expect(out).toContain('src/config.ts\n  12:18');
    expect(out).toContain('acme/payments:deploy/ci config.yml\n');
    expect(out).toContain('OPS-1234 jira OPS-1234\n');
    expect(out).toContain('4 findings of 4 distinct secrets (7 sources, 0.1 MB in 0.04 s; 2 skipped).');
  });

  it('says under each finding what to do (the first sentence of its remediation) and its fingerprint', async () => {
    const report = fixtureReport();
    const out = await render('text', report);
    const first = report.findings[0]!;
    const block = out.slice(out.indexOf('src/config.ts'), out.indexOf('\n\n'));
    expect(block.split('\n').slice(3)).toEqual([
      `           fix ${first.remediation.split(/(?<=[.!?])\s/)[0]}`,
      `           fingerprint ${first.fingerprint}`,
    ]);
    // A long remediation is cut at a word, a formula-looking one is just text here.
    const long = { ...first, remediation: `Rotate ${'the key and '.repeat(30)}done. Second sentence.` };
    const cut = (await render('text', { ...report, findings: [long] })).split('\n').find((l) => l.trim().startsWith('fix '))!;
    expect(cut.trim().length).toBeLessThanOrEqual('fix '.length + 160);
    expect(cut).toMatch(/ the key…$/);
  });

  it('names the ticket field a secret was found in', async () => {
    const out = await render('text');
    expect(out).toMatch(/OPS-1234 jira OPS-1234\n.*\n.*· field @comment\[3\]/);
  });
});

describe('json format: the contract in docs/json-contract.md', () => {
  const parse = async (report = fixtureReport()): Promise<Record<string, unknown>> =>
    JSON.parse(await render('json', report)) as Record<string, unknown>;

  it('has exactly the documented top-level fields', async () => {
    const json = await parse();
    expect(Object.keys(json)).toEqual(['version', 'tool', 'findings', 'stats']);
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'sprawlguard', version: '0.0.0-test' });
    expect(Object.keys(json.stats as object)).toEqual(['sources', 'bytes', 'chunks', 'durationMs', 'skipped']);
  });

  it('uses the documented finding and location field names, in order', async () => {
    const findings = (await parse()).findings as Record<string, unknown>[];
    expect(findings).toHaveLength(4);
    const documented = ['ruleId', 'provider', 'title', 'severity', 'lifetime', 'confidence', 'fingerprint', 'redacted', 'secret', 'location', 'remediation', 'expiresAt', 'expired', 'facts', 'verification'];
    for (const f of findings) {
      for (const key of ['ruleId', 'provider', 'title', 'severity', 'lifetime', 'fingerprint', 'redacted', 'location', 'remediation']) {
        expect(f, key).toHaveProperty(key);
      }
      const keys = Object.keys(f);
      expect(keys.every((k) => documented.includes(k)), keys.join()).toBe(true);
      expect(keys).toEqual(documented.filter((k) => keys.includes(k)));
      expect(f.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      const loc = f.location as Record<string, unknown>;
      expect(Object.keys(loc).slice(0, 6)).toEqual(['source', 'path', 'line', 'column', 'endLine', 'endColumn']);
    }
    const history = findings.find((f) => f.ruleId === 'github-oauth-token') as { location: Record<string, unknown> };
    expect(history.location).toMatchObject({
      source: 'history',
      commit: '0123456789abcdef0123456789abcdef01234567',
      author: 'Dana Builder <dana@build.test>',
      date: '2025-03-04T05:06:07Z',
      repo: 'acme/payments',
    });
    const ticket = findings.find((f) => f.ruleId === 'internal-deploy-key') as { location: Record<string, unknown> };
    expect(ticket.location).toMatchObject({ source: 'ticket', system: 'jira', ticket: 'OPS-1234', field: '@comment[3]' });
    const jwt = findings.find((f) => f.ruleId === 'jwt') as Record<string, unknown>;
    expect(jwt).toMatchObject({
      expiresAt: '2024-01-02T03:04:05.000Z',
      expired: true,
      facts: { issuer: 'https://login.acme.test' },
      verification: { status: 'dead', checkedAt: '2025-06-07T08:09:10Z' },
    });
  });

  it('carries `secret` only on findings that have one', async () => {
    const [first, ...rest] = FIXTURE_FINDINGS as [Finding, ...Finding[]];
    const findings = (await parse(fixtureReport([{ ...first, secret: FIXTURE_SECRETS.file }, ...rest]))).findings as Record<string, unknown>[];
    expect(findings.filter((f) => 'secret' in f).map((f) => f.secret)).toEqual([FIXTURE_SECRETS.file]);
  });
});

describe('sarif format', () => {
  const schema = JSON.parse(readFileSync(new URL('../../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
  // The schema is draft-04, and one of its patterns is not valid with the `u` flag.
  // ajv-draft-04 is CommonJS; its class is both the module and its `default`.
  const validate = new AjvDraft04.default({ unicodeRegExp: false, strict: false, allErrors: true, logger: false }).compile(schema);

  type Sarif = {
    runs: {
      tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } };
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; partialFingerprints: Record<string, string> }[];
      invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
    }[];
  };
  const sarifOf = async (report = fixtureReport()): Promise<Sarif> => JSON.parse(await render('sarif', report)) as Sarif;

  it.each([
    ['the fixed report', fixtureReport()],
    ['an empty report', fixtureReport([])],
  ])('validates against the SARIF 2.1.0 schema: %s', async (_name, report) => {
    const doc = JSON.parse(await render('sarif', report)) as unknown;
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken document (the validator is really checking)', async () => {
    const doc = JSON.parse(await render('sarif')) as { runs: { results: { level: string }[] }[] };
    (doc.runs[0]!.results[0] as { level: string }).level = 'catastrophic';
    expect(validate(doc)).toBe(false);
  });

  it('describes every rule it reports, with security-severity as a string', async () => {
    const run = (await sarifOf()).runs[0]!;
    const rules = run.tool.driver.rules;
    // In order of first use; a rule missing from the active set still gets a descriptor.
    expect(rules.map((r) => r.id)).toEqual(['github-classic-pat', 'github-oauth-token', 'internal-deploy-key', 'jwt']);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(5);
      expect(rule.fullDescription.text.length).toBeGreaterThan(5);
      expect(rule.help.text.length).toBeGreaterThan(5);
      const severity = rule.properties['security-severity'];
      expect(typeof severity).toBe('string');
      expect(Number(severity)).toBeGreaterThan(0);
    }
    const severityOf = (id: string): number => Number(rules.find((r) => r.id === id)!.properties['security-severity']);
    // GitHub's bands: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, below that low.
    expect(severityOf('github-classic-pat')).toBeGreaterThanOrEqual(9);
    expect(severityOf('github-oauth-token')).toBeGreaterThanOrEqual(7);
    expect(severityOf('github-oauth-token')).toBeLessThan(9);
    expect(severityOf('jwt')).toBeGreaterThanOrEqual(4);
    expect(severityOf('jwt')).toBeLessThan(7);
    expect(severityOf('internal-deploy-key')).toBeLessThan(4);
    for (const result of run.results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('gives every result a line hash and a secret fingerprint', async () => {
    const run = (await sarifOf()).runs[0]!;
    expect(run.results).toHaveLength(4);
    for (const result of run.results) {
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
      expect(result.partialFingerprints['sprawlguard/secret/v1']).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it('keeps the alert on the secret when its line moves', async () => {
    const [first] = FIXTURE_FINDINGS as [Finding];
    const moved: Finding = { ...first, location: { ...first.location, line: 99, endLine: 99 } };
    const hashOf = async (f: Finding): Promise<string> =>
      (await sarifOf(fixtureReport([f]))).runs[0]!.results[0]!.partialFingerprints.primaryLocationLineHash!;
    expect(await hashOf(moved)).toBe(await hashOf(first));
    const otherFile: Finding = { ...first, location: { ...first.location, path: 'src/other.ts' } };
    expect(await hashOf(otherFile)).not.toBe(await hashOf(first));
  });

  it('writes relative URIs and 1-based regions with an exclusive end column', async () => {
    const results = (await sarifOf()).runs[0]!.results;
    const history = results.find((r) => r.ruleId === 'github-oauth-token')!;
    expect(history.locations[0]!.physicalLocation.artifactLocation.uri).toBe('deploy/ci%20config.yml');
    expect(history.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 9, endLine: 3, endColumn: 49 });
    expect(history.message.text).toContain('added in commit 0123456789ab');
  });

  it('lists skipped files as notifications', async () => {
    const notes = (await sarifOf()).runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes).toEqual([
      'skipped assets/logo.png: binary file',
      'skipped dumps/big.sql: larger than the size cap (20971520 > 10485760 bytes)',
    ]);
  });
});

describe('csv format', () => {
  const rowsOf = async (report = fixtureReport()): Promise<Record<string, string>[]> =>
    parseCsv(await render('csv', report), { columns: true, bom: false }) as Record<string, string>[];

  it('has one row per finding that a CSV reader reads back intact', async () => {
    const rows = await rowsOf();
    expect(rows).toHaveLength(4);
    const ticket = rows.find((r) => r.rule_id === 'internal-deploy-key')!;
    expect(ticket.title).toBe('Internal "deploy" key, v2 | ops');
    expect(ticket).toMatchObject({ system: 'jira', ticket: 'OPS-1234', url: 'https://jira.acme.test/browse/OPS-1234?focusedCommentId=3' });
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const ticket = (await rowsOf()).find((r) => r.rule_id === 'internal-deploy-key')!;
    expect(ticket.remediation).toBe(`'=HYPERLINK("https://attacker.test","rotate") then rotate the key in the vault`);
    expect(ticket.field).toBe("'@comment[3]");
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a "quoted", value', '"a ""quoted"", value"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
    [42, '42'],
    [undefined, ''],
  ] as const)('escapes %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('adds a secret column only when a finding carries a secret', async () => {
    expect(Object.keys((await rowsOf())[0]!)).not.toContain('secret');
    const [first, ...rest] = FIXTURE_FINDINGS as [Finding, ...Finding[]];
    const rows = await rowsOf(fixtureReport([{ ...first, secret: FIXTURE_SECRETS.file }, ...rest]));
    expect(rows.map((r) => r.secret)).toEqual([FIXTURE_SECRETS.file, '', '', '']);
  });
});

describe('markdown format', () => {
  it('keeps each finding on one table row with six cells', async () => {
    const out = await render('markdown');
    const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Severity'));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      // Cell separators are the pipes not escaped with a backslash.
      expect(row.match(/(?<!\\)\|/g), row).toHaveLength(7);
    }
    expect(out).toContain('Internal "deploy" key, v2 \\| ops');
  });

  it('shows paths and raw secrets verbatim in code spans', async () => {
    // A PEM key copied out of JSON keeps its `\n` escapes; a path may hold backticks and pipes.
    const [first] = FIXTURE_FINDINGS as [Finding];
    const secret = `${FIXTURE_SECRETS.file}\\n\`x|y`;
    const odd: Finding = { ...first, secret, location: { ...first.location, path: 'we`ird|dir\\name.txt' } };
    const out = await render('markdown', fixtureReport([odd]));
    expect(out).toContain(`| \`\`we\`ird\\|dir\\name.txt:12\`\` |`);
    expect(out).toContain(`| \`\`${FIXTURE_SECRETS.file}\\n\`x\\|y\`\` |`);
  });
});

describe('mdCode', () => {
  it.each([
    ['plain', '`plain`'],
    ['a|b', '`a\\|b`'],
    ['one`tick', '``one`tick``'],
    ['`edge', '`` `edge ``'],
    ['two\nlines', '`two lines`'],
    ['back\\slash', '`back\\slash`'],
  ])('renders %j as %j', (input, expected) => {
    expect(mdCode(input)).toBe(expected);
  });
});

describe('redaction through the real pipeline', () => {
  // Findings built by the scanner carry the secret (verification needs it); output code strips it.
  const secret = fakeGithubPat(7);
  const scanner = new ChunkScanner({ rules: loadBuiltinRules(), allowSecretRegexes: [], stopwords: [], includeSecrets: true });
  const scanned = scanner.scan({ text: `config:\n  token: ${secret}\n`, origin: { source: 'file', path: 'app.yml' } });

  it('finds the secret it will then hide', () => {
    expect(scanned).toHaveLength(1);
    expect(scanned[0]!.secret).toBe(secret);
  });

  it.each(FORMATS.map((f) => [f]))('%s: no raw secret unless --show-secrets', async (format) => {
    const hidden = await render(format, fixtureReport(stripSecrets(scanned, false)));
    expect(hidden).not.toContain(secret);
    expect(hidden).toContain('ghp_');
    const shown = await render(format, fixtureReport(stripSecrets(scanned, true)));
    if (NEVER_RAW.includes(format)) expect(shown).not.toContain(secret);
    else expect(shown).toContain(secret);
  });
});

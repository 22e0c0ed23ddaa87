/**
 * A finding's context and disposition in each format (docs/context.md): JSON, SARIF and CSV list
 * every finding with both fields (fixtures as SARIF `note`), Markdown marks fixtures, text lists
 * incidents and counts fixtures unless asked to list them. Reports whose findings were not
 * classified render as before (the snapshots in formats.test.ts hold that).
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../../src/findings/finding.js';
import { loadFormatter, type FormatName } from '../../../src/report/scan/index.js';
import { FIXTURE_FINDINGS, FIXTURE_RULES, fixtureReport } from '../../support/report-fixture.js';

const [sourceFinding, historyFinding, ticketFinding, docsFinding] = FIXTURE_FINDINGS as [Finding, Finding, Finding, Finding];

/** The fixed report as a classifying scan leaves it: three incidents, the JWT in docs/api.md a fixture. */
function classified(): Report {
  return fixtureReport([
    { ...sourceFinding, disposition: 'incident', location: { ...sourceFinding.location, context: 'source' } },
    { ...historyFinding, disposition: 'incident', location: { ...historyFinding.location, context: 'source' } },
    { ...ticketFinding, disposition: 'incident', location: { ...ticketFinding.location, context: 'source' } },
    { ...docsFinding, disposition: 'fixture', location: { ...docsFinding.location, context: 'docs' } },
  ]);
}

async function render(format: FormatName, report: Report, showFixtures?: boolean): Promise<string> {
  return (await loadFormatter(format))(report, { rules: FIXTURE_RULES, color: false, now: new Date('2025-06-07T08:09:10Z'), ...(showFixtures ? { showFixtures } : {}) });
}

describe('json', () => {
  it('carries disposition after confidence and context after path, on every finding', async () => {
    const doc = JSON.parse(await render('json', classified())) as { findings: Record<string, unknown>[] };
    expect(doc.findings.map((f) => f.disposition)).toEqual(['incident', 'incident', 'incident', 'fixture']);
    const fixture = doc.findings[3] as { location: Record<string, unknown> };
    expect(fixture.location.context).toBe('docs');
    const keys = Object.keys(fixture);
    expect(keys.indexOf('disposition')).toBe(keys.indexOf('confidence') + 1);
    const locationKeys = Object.keys(fixture.location);
    expect(locationKeys.indexOf('context')).toBe(locationKeys.indexOf('path') + 1);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('../../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
  const validate = new AjvDraft04.default({ unicodeRegExp: false, strict: false, allErrors: true, logger: false }).compile(schema);
  type Result = { ruleId: string; level: string; properties: Record<string, unknown> };

  it('lists fixtures as notes with their context and disposition, incidents at their severity', async () => {
    const doc = JSON.parse(await render('sarif', classified())) as { runs: { results: Result[] }[] };
    const results = doc.runs[0]!.results;
    expect(results.map((r) => [r.ruleId, r.level, r.properties.context, r.properties.disposition])).toEqual([
      ['github-classic-pat', 'error', 'source', 'incident'],
      ['github-oauth-token', 'error', 'source', 'incident'],
      ['internal-deploy-key', 'note', 'source', 'incident'],
      // A medium-severity JWT would be a warning; as a fixture it is a note.
      ['jwt', 'note', 'docs', 'fixture'],
    ]);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});

describe('csv', () => {
  it('appends context and disposition columns when findings carry them', async () => {
    const out = await render('csv', classified());
    expect(out.split('\r\n')[0]).toMatch(/,remediation,context,disposition$/);
    const rows = parseCsv(out, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.rule_id, r.context, r.disposition])).toEqual([
      ['github-classic-pat', 'source', 'incident'],
      ['github-oauth-token', 'source', 'incident'],
      ['internal-deploy-key', 'source', 'incident'],
      ['jwt', 'docs', 'fixture'],
    ]);
  });

  it('has no such columns for findings that were not classified', async () => {
    expect((await render('csv', fixtureReport())).split('\r\n')[0]).not.toContain('context');
  });
});

describe('markdown', () => {
  it('marks fixture rows and says how many findings are fixtures', async () => {
    const out = await render('markdown', classified());
    const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Severity'));
    expect(rows.filter((r) => r.includes('_fixture (docs)_'))).toEqual([expect.stringContaining('`docs/api.md:40`')]);
    expect(out).toContain('**4 findings** of 4 distinct secrets in 7 sources (0.1 MB), 1 of them a fixture in docs files (not counted).');
  });
});

describe('text', () => {
  it('lists incidents and counts fixtures in one line', async () => {
    const out = await render('text', classified());
    expect(out).not.toContain('docs/api.md');
    expect(out).toContain('src/config.ts');
    expect(out).toContain('3 findings of 3 distinct secrets');
    expect(out).toContain('1 fixture finding in docs files not shown (--show-fixtures to list)\n');
  });

  it('lists fixtures, marked, with --show-fixtures', async () => {
    const out = await render('text', classified(), true);
    expect(out).toContain('docs/api.md');
    expect(out).toMatch(/lifetime expiring .*fixture \(docs\)/);
    expect(out).toContain('4 findings of 4 distinct secrets');
    expect(out).not.toContain('not shown');
  });

  it('says no incidents (not no secrets) when every finding is a fixture', async () => {
    const report = classified();
    const out = await render('text', { ...report, findings: report.findings.slice(3) });
    expect(out).toMatch(/^No incidents found \(7 sources, 0\.1 MB in 0\.04 s; 2 skipped\)\.\n1 fixture finding in docs files not shown/m);
  });

  it('names every context the hidden fixtures sit in', async () => {
    const report = classified();
    const inTest: Finding = { ...report.findings[3]!, location: { ...report.findings[3]!.location, path: 'test/a.js', context: 'test' } };
    const out = await render('text', { ...report, findings: [...report.findings, inTest] });
    expect(out).toContain('2 fixture findings in test/docs files not shown');
  });
});

/**
 * The CI formats beside SARIF: GitLab's secret detection report, validated with ajv against the
 * 15.0.7 schema (written from GitLab's published definition, test/fixtures), and JUnit XML,
 * validated by libxml2 (WebAssembly) against the Jenkins JUnit XSD, plus what the schemas do not
 * say: counts that add up, ids that stay stable, text that survives XML escaping.
 * Snapshots and redaction for both run with the other formats in formats.test.ts.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { XmlDocument, XsdValidator, type XmlElement } from 'libxml2-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../../src/findings/finding.js';
import { loadFormatter, type FormatName } from '../../../src/report/scan/index.js';
import { xmlAttr, xmlText } from '../../../src/report/scan/junit.js';
import { runCli } from '../../support/cli.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { FIXTURE_FINDINGS, FIXTURE_RULES, FIXTURE_SECRETS, fixtureReport } from '../../support/report-fixture.js';
import { makeTree } from '../../support/temp.js';

const SCAN_END = new Date('2025-06-07T08:09:10Z');

async function render(format: FormatName, report: Report = fixtureReport()): Promise<string> {
  return (await loadFormatter(format))(report, { rules: FIXTURE_RULES, color: false, now: SCAN_END });
}

/** A finding whose text has everything XML and JSON must escape: markup, quotes, control characters. */
function hostile(): Finding {
  const [first] = FIXTURE_FINDINGS as [Finding];
  return {
    ...first,
    title: 'Key <b>"bold"</b> & \'quoted\' ]]> \u0007bell',
    remediation: 'Rotate & <then> tell "ops"\n\ttwice',
    location: { ...first.location, path: 'dir/we<i>rd & "odd"\u001b[2J.env' },
  };
}

const gitlabSchema = JSON.parse(readFileSync(new URL('../../fixtures/gitlab-secret-detection-report-15.0.7.schema.json', import.meta.url), 'utf8')) as object;
const junitXsd = readFileSync(new URL('../../fixtures/junit-jenkins.xsd', import.meta.url), 'utf8');

describe('gitlab format', () => {
  const validate = new Ajv.default({ allErrors: true, strict: true, allowUnionTypes: true }).compile(gitlabSchema);

  type Vulnerability = {
    id: string;
    category: string;
    name: string;
    severity: string;
    solution: string;
    identifiers: { type: string; name: string; value: string; url?: string }[];
    links?: { url: string }[];
    location: { file: string; start_line: number; end_line: number; commit: { sha: string; author?: string } };
    description: string;
  };
  type GitlabReport = {
    version: string;
    scan: { start_time: string; end_time: string; status: string; type: string; analyzer: { id: string; version: string }; messages?: { level: string; value: string }[] };
    vulnerabilities: Vulnerability[];
  };
  const parse = async (report = fixtureReport()): Promise<GitlabReport> => JSON.parse(await render('gitlab', report)) as GitlabReport;

  it.each([
    ['the fixed report', fixtureReport()],
    ['an empty report', fixtureReport([])],
    ['hostile text', fixtureReport([hostile()])],
    ['a title longer than the schema allows', fixtureReport([{ ...hostile(), title: '🔑'.repeat(300) }])],
  ])('validates against the 15.0.7 schema: %s', async (_name, report) => {
    const ok = validate(JSON.parse(await render('gitlab', report)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a broken document (the validator is really checking)', async () => {
    const doc = await parse();
    const broken = [
      { ...doc, vulnerabilities: [{ ...doc.vulnerabilities[0]!, severity: 'critical' }] },
      { ...doc, vulnerabilities: [{ ...doc.vulnerabilities[0]!, location: { file: 'a' } }] },
      { ...doc, scan: { ...doc.scan, end_time: SCAN_END.toISOString() } },
    ];
    for (const b of broken) expect(validate(b)).toBe(false);
  });

  it('describes the scan: version, analyzer, times of the scan, skipped sources', async () => {
    const doc = await parse();
    expect(doc.version).toBe('15.0.7');
    expect(doc.scan).toMatchObject({ type: 'secret_detection', status: 'success', analyzer: { id: 'sprawlguard', version: '0.0.0-test' } });
    // The fixture scan took 42 ms and ended at SCAN_END.
    expect(doc.scan.end_time).toBe('2025-06-07T08:09:10');
    expect(doc.scan.start_time).toBe('2025-06-07T08:09:09');
    expect(doc.scan.messages).toEqual([
      { level: 'info', value: 'skipped assets/logo.png: binary file' },
      { level: 'warn', value: 'skipped dumps/big.sql: larger than the size cap (20971520 > 10485760 bytes)' },
    ]);
  });

  it('has one vulnerability per finding, with GitLab severities, rule identifiers and locations', async () => {
    const v = (await parse()).vulnerabilities;
    expect(v.map((x) => [x.identifiers[0]!.value, x.severity])).toEqual([
      ['github-classic-pat', 'Critical'],
      ['github-oauth-token', 'High'],
      ['internal-deploy-key', 'Low'],
      ['jwt', 'Medium'],
    ]);
    for (const x of v) {
      expect(x.category).toBe('secret_detection');
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(x.identifiers[0]!.type).toBe('sprawlguard_rule_id');
      expect(x.description).toMatch(/Secret fingerprint sha256:[0-9a-f]{64}/);
    }
    expect(new Set(v.map((x) => x.id)).size).toBe(4);
    const [file, history] = v as [Vulnerability, Vulnerability];
    expect(file.location).toEqual({ file: 'src/config.ts', start_line: 12, end_line: 12, commit: { sha: '0000000' } });
    expect(history.location.commit).toMatchObject({ sha: '0123456789abcdef0123456789abcdef01234567', author: 'Dana Builder <dana@build.test>' });
    expect(file.links).toEqual([{ url: 'https://docs.github.com/en/authentication' }]);
    expect(file.identifiers[0]!.url).toBe('https://docs.github.com/en/authentication');
    expect(file.solution).toBe('Revoke the token and use the workflow GITHUB_TOKEN or a GitHub App installation token.');
  });

  it('gives a finding the same id in every run, and another finding another id', async () => {
    const [first] = FIXTURE_FINDINGS as [Finding];
    const idOf = async (f: Finding): Promise<string> => (await parse(fixtureReport([f]))).vulnerabilities[0]!.id;
    expect(await idOf(first)).toBe(await idOf({ ...first }));
    expect(await idOf({ ...first, location: { ...first.location, line: 13, endLine: 13 } })).not.toBe(await idOf(first));
  });

  it('never holds a raw secret, even when the finding carries it', async () => {
    const [first, ...rest] = FIXTURE_FINDINGS as [Finding, ...Finding[]];
    const out = await render('gitlab', fixtureReport([{ ...first, secret: FIXTURE_SECRETS.file }, ...rest]));
    expect(out).not.toContain(FIXTURE_SECRETS.file);
    expect(out).not.toContain('raw_source_code_extract');
  });
});

describe('junit format', () => {
  const xsd = XmlDocument.fromString(junitXsd);
  const validator = XsdValidator.fromDoc(xsd);
  const docs: XmlDocument[] = [];
  afterAll(() => {
    for (const d of docs) d.dispose();
    validator.dispose();
    xsd.dispose();
  });
  const parse = (xml: string): XmlDocument => {
    const doc = XmlDocument.fromString(xml);
    docs.push(doc);
    return doc;
  };
  const elements = (doc: XmlDocument, xpath: string): XmlElement[] => doc.find(xpath) as XmlElement[];
  const attr = (e: XmlElement, name: string): string | undefined => e.attr(name)?.value;

  it.each([
    ['the fixed report', fixtureReport()],
    ['an empty report', fixtureReport([])],
    ['hostile text', fixtureReport([hostile()])],
  ])('validates against the Jenkins JUnit schema: %s', async (_name, report) => {
    const doc = parse(await render('junit', report));
    expect(() => validator.validate(doc)).not.toThrow();
  });

  it('rejects a broken document (the validator is really checking)', () => {
    const broken = parse('<testsuites><testsuite name="a" tests="1" failures="0"><testcase classname="x"/></testsuite></testsuites>');
    expect(() => validator.validate(broken)).toThrow(/errors|name/);
  });

  it('has a suite per file, a failed test case per finding, and counts that add up', async () => {
    const doc = parse(await render('junit'));
    const root = elements(doc, '/testsuites')[0]!;
    const suites = elements(doc, '/testsuites/testsuite');
    expect(suites.map((s) => attr(s, 'name'))).toEqual([
      'src/config.ts',
      'acme/payments:deploy/ci config.yml',
      'OPS-1234 (jira OPS-1234)',
      'docs/api.md',
      'sprawlguard: sources not scanned',
    ]);
    const cases = elements(doc, '//testcase');
    const failures = elements(doc, '//testcase/failure');
    expect(failures).toHaveLength(4);
    expect(attr(root, 'tests')).toBe(String(cases.length));
    expect(attr(root, 'failures')).toBe('4');
    for (const s of suites) {
      expect(attr(s, 'tests')).toBe(String(elements(doc, `//testsuite[@name="${attr(s, 'name')}"]/testcase`).length));
      expect(attr(s, 'failures')).toBe(String(elements(doc, `//testsuite[@name="${attr(s, 'name')}"]/testcase/failure`).length));
    }
    const first = failures[0]!;
    expect(attr(first, 'type')).toBe('github-classic-pat');
    expect(attr(first, 'message')).toMatch(/^GitHub personal access token \(classic\) \[github-classic-pat\] exposed: ghp_/);
    expect(first.content).toContain('location src/config.ts:12, column 18');
    expect(first.content).toContain('what to do: Revoke the token');
    // The file skipped for its size is a skipped test; the binary one is not listed.
    const skipped = elements(doc, '//testcase[skipped]');
    expect(skipped.map((c) => attr(c, 'name'))).toEqual(['dumps/big.sql']);
  });

  it('is one passing test case when nothing is found', async () => {
    const doc = parse(await render('junit', fixtureReport([])));
    const cases = elements(doc, '//testcase');
    expect(cases.map((c) => attr(c, 'name'))).toEqual(['no secrets found in 7 sources', 'dumps/big.sql']);
    expect(elements(doc, '//failure')).toHaveLength(0);
    expect(attr(elements(doc, '/testsuites')[0]!, 'failures')).toBe('0');
  });

  it('escapes markup, quotes and line breaks, and makes characters XML cannot hold visible', async () => {
    const doc = parse(await render('junit', fixtureReport([hostile()])));
    const testcase = elements(doc, '//testcase')[0]!;
    expect(attr(testcase, 'name')).toBe('Key <b>"bold"</b> & \'quoted\' ]]> \\x07bell at line 12, column 18');
    expect(attr(testcase, 'classname')).toBe('dir/we<i>rd & "odd"\\x1b[2J.env');
    const failure = elements(doc, '//failure')[0]!;
    expect(failure.content).toContain('what to do: Rotate & <then> tell "ops"\n\ttwice');
  });

  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    ['end ]]> here', 'end ]]&gt; here'],
    ['bell \u0007 nul \u0000', 'bell \\x07 nul \\x00'],
    ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
    ['pair 🔑 kept', 'pair 🔑 kept'],
  ])('xmlText(%j) is %j', (input, expected) => {
    expect(xmlText(input)).toBe(expected);
  });

  it('xmlAttr keeps quotes, tabs and line breaks as references', () => {
    expect(xmlAttr('say "hi"\n\tthen\r')).toBe('say &quot;hi&quot;&#10;&#9;then&#13;');
  });
});

describe('through the CLI', () => {
  const secret = fakeGithubPat(601);
  const dir = makeTree({ 'ci/deploy.env': `TOKEN=${secret}\n` });

  it('`scan -f gitlab` writes a valid GitLab report without the raw secret, even with --show-secrets', async () => {
    const result = await runCli(['scan', dir, '-f', 'gitlab', '--show-secrets']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toContain(secret);
    const validate = new Ajv.default({ allowUnionTypes: true }).compile(gitlabSchema);
    const doc = JSON.parse(result.stdout) as { vulnerabilities: { location: { file: string; start_line: number } }[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.vulnerabilities.map((v) => v.location)).toEqual([{ file: 'ci/deploy.env', start_line: 1, end_line: 1, commit: { sha: '0000000' } }]);
  });

  it('`scan -f junit` writes valid JUnit XML with one failure, and the raw secret only with --show-secrets', async () => {
    const result = await runCli(['scan', dir, '-f', 'junit']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toContain(secret);
    const xsd = XmlDocument.fromString(junitXsd);
    const validator = XsdValidator.fromDoc(xsd);
    const doc = XmlDocument.fromString(result.stdout);
    try {
      expect(() => validator.validate(doc)).not.toThrow();
      expect(doc.find('//failure')).toHaveLength(1);
    } finally {
      doc.dispose();
      validator.dispose();
      xsd.dispose();
    }
    expect((await runCli(['scan', dir, '-f', 'junit', '--show-secrets'])).stdout).toContain(`secret ${secret}`);
  });
});

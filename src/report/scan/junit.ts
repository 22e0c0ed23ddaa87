/**
 * JUnit XML, the test report every CI reads (GitLab `artifacts:reports:junit`, Jenkins, Azure
 * Pipelines, CircleCI): one test suite per scanned file with findings, one failed test case per
 * finding, so a leaked secret shows up as a failed test next to the build's own. A scan without
 * findings is one passing test case; sources that could not be read are skipped test cases.
 *
 * The raw secret is written only when the finding carries it (--show-secrets).
 */
import type { Finding, Report, SkippedSource } from '../../findings/finding.js';
import { locationText } from './markdown.js';
import type { ScanFormatter } from './scan-formatter.js';

/**
 * Characters XML 1.0 cannot hold at all, not even as a character reference: C0 controls other than
 * tab and line breaks, U+FFFE, U+FFFF and unpaired surrogates. Scanned file names and ticket fields
 * can contain them; they are shown as `\xNN` / `\uNNNN` instead.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlChars(text: string): string {
  return text.replace(NOT_XML, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text content of an element. */
export function xmlText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references so parsers keep them. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttr(String(value))}"`)
    .join('');
}

/** Test suite of a finding: its file, with repository and ticket when it has them. */
function suiteName(f: Finding): string {
  const loc = f.location;
  let name = loc.repo ? `${loc.repo}:${loc.path}` : loc.path;
  if (loc.ticket) name += ` (${[loc.system, loc.ticket].filter(Boolean).join(' ')})`;
  return name;
}

function failureBody(f: Finding): string {
  const loc = f.location;
  const lines = [
    `${f.title} [${f.ruleId}], provider ${f.provider}`,
    `severity ${f.severity}, confidence ${f.confidence}, ${f.lifetime} credential`,
    `location ${locationText(f)}, column ${loc.column}`,
  ];
  if (loc.field) lines.push(`field ${loc.field}`);
  if (loc.url) lines.push(`url ${loc.url}`);
  if (loc.author) lines.push(`added by ${loc.author}${loc.date ? ` on ${loc.date}` : ''}`);
  lines.push(f.secret !== undefined ? `secret ${f.secret}` : `secret ${f.redacted} (redacted)`);
  lines.push(`fingerprint ${f.fingerprint}`);
  if (f.expiresAt) lines.push(`${f.expired ? 'expired' : 'expires'} ${f.expiresAt}`);
  if (f.verification) lines.push(`verified ${f.verification.status} at ${f.verification.checkedAt}`);
  lines.push(`what to do: ${f.remediation}`);
  return lines.join('\n');
}

function testcase(f: Finding, suite: string): string {
  const name = `${f.title} at line ${f.location.line}, column ${f.location.column}`;
  const message = `${f.title} [${f.ruleId}] exposed: ${f.redacted}`;
  return [
    `    <testcase${attrs({ name, classname: suite, time: '0' })}>`,
    `      <failure${attrs({ message, type: f.ruleId })}>${xmlText(failureBody(f))}</failure>`,
    '    </testcase>',
  ].join('\n');
}

function suite(name: string, cases: string[], counts: { failures: number; skipped: number }, timestamp: string, time?: string): string {
  const head = `  <testsuite${attrs({ name, tests: cases.length, failures: counts.failures, errors: 0, skipped: counts.skipped, time, timestamp })}>`;
  return [head, ...cases, '  </testsuite>'].join('\n');
}

function skippedCase(s: SkippedSource): string {
  return [
    `    <testcase${attrs({ name: s.path, classname: 'sprawlguard.skipped', time: '0' })}>`,
    `      <skipped${attrs({ message: s.reason })}/>`,
    '    </testcase>',
  ].join('\n');
}

export const formatJunit: ScanFormatter = (report: Report, context) => {
  const timestamp = (context.now ?? new Date()).toISOString().slice(0, 19);
  const seconds = (report.stats.durationMs / 1000).toFixed(3);
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = suiteName(f);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(f);
  }
  const suites: string[] = [];
  for (const [name, findings] of groups) {
    suites.push(suite(name, findings.map((f) => testcase(f, name)), { failures: findings.length, skipped: 0 }, timestamp));
  }
  if (report.findings.length === 0) {
    const s = report.stats;
    const name = `no secrets found in ${s.sources} source${s.sources === 1 ? '' : 's'}`;
    suites.push(suite('sprawlguard', [`    <testcase${attrs({ name, classname: 'sprawlguard', time: seconds })}/>`], { failures: 0, skipped: 0 }, timestamp, seconds));
  }
  // Binary files are skipped quietly everywhere; a file that could not be read is a skipped test.
  const unread = report.stats.skipped.filter((s) => s.reason !== 'binary file');
  if (unread.length > 0) {
    suites.push(suite('sprawlguard: sources not scanned', unread.map(skippedCase), { failures: 0, skipped: unread.length }, timestamp));
  }
  const tests = Math.max(1, report.findings.length) + unread.length;
  const root = `<testsuites${attrs({ name: 'sprawlguard', tests, failures: report.findings.length, errors: 0, time: seconds })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
};

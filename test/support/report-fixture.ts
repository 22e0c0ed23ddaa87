/**
 * A fixed report covering every kind of location a finding can carry (file, git history, ticket),
 * expiry and decoded facts, a verification result, and text that output formats must escape.
 * Secrets are generated (never literal); fingerprints are computed from them like a scan would.
 */
import type { Finding, Report } from '../../src/findings/finding.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { redact } from '../../src/findings/redact.js';
import { ruleSchema, type Rule } from '../../src/rules/schema.js';
import { base62Body, fakeGithubPat, fakeGithubToken } from './fake-secrets.js';

/** Raw secrets of the fixture, by finding; none of them may appear in a redacted report. */
export const FIXTURE_SECRETS = {
  file: fakeGithubPat(101),
  history: fakeGithubToken('gho', 102),
  ticket: ['sgi', '_', base62Body(103, 32)].join(''),
  jwt: ['eyJhbGciOiJIUzI1NiJ9', base62Body(104, 40), base62Body(105, 43)].join('.'),
} as const;

/** Rules active in the fixture scan (SARIF lists their metadata); the ticket rule is left out on purpose. */
export const FIXTURE_RULES: Rule[] = [
  ruleSchema.parse({
    id: 'github-classic-pat',
    name: 'GitHub personal access token (classic)',
    provider: 'github',
    severity: 'critical',
    lifetime: 'long-lived',
    keywords: ['ghp_'],
    pattern: '\\b(ghp_[A-Za-z0-9]{36})\\b',
    tags: ['vcs'],
    remediation: 'Revoke the token and use the workflow GITHUB_TOKEN or a GitHub App installation token.',
    references: ['https://docs.github.com/en/authentication'],
    examples: ['x'],
    negative_examples: ['y'],
  }),
  ruleSchema.parse({
    id: 'github-oauth-token',
    name: 'GitHub OAuth app access token',
    provider: 'github',
    severity: 'high',
    lifetime: 'long-lived',
    confidence: 'medium',
    keywords: ['gho_'],
    pattern: '\\b(gho_[A-Za-z0-9]{36})\\b',
    remediation: 'Revoke the OAuth authorization and move to a GitHub App with expiring user tokens.',
    examples: ['x'],
    negative_examples: ['y'],
  }),
  ruleSchema.parse({
    id: 'jwt',
    name: 'JSON Web Token',
    provider: 'jwt',
    severity: 'medium',
    lifetime: 'expiring',
    confidence: 'low',
    keywords: ['eyj'],
    pattern: '\\b(eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)',
    remediation: 'Let the token expire or revoke its session; issue tokens with minutes of lifetime.',
    examples: ['x'],
    negative_examples: ['y'],
  }),
];

function finding(secret: string, fields: Omit<Finding, 'fingerprint' | 'redacted'>): Finding {
  return { ...fields, fingerprint: fingerprintSecret(secret), redacted: redact(secret) };
}

export const FIXTURE_FINDINGS: Finding[] = [
  finding(FIXTURE_SECRETS.file, {
    ruleId: 'github-classic-pat',
    provider: 'github',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    location: { source: 'file', path: 'src/config.ts', line: 12, column: 18, endLine: 12, endColumn: 57 },
    remediation: 'Revoke the token and use the workflow GITHUB_TOKEN or a GitHub App installation token.',
  }),
  finding(FIXTURE_SECRETS.history, {
    ruleId: 'github-oauth-token',
    provider: 'github',
    title: 'GitHub OAuth app access token',
    severity: 'high',
    lifetime: 'long-lived',
    confidence: 'medium',
    location: {
      source: 'history',
      path: 'deploy/ci config.yml',
      line: 3,
      column: 9,
      endLine: 3,
      endColumn: 48,
      commit: '0123456789abcdef0123456789abcdef01234567',
      author: 'Dana Builder <dana@build.test>',
      date: '2025-03-04T05:06:07Z',
      repo: 'acme/payments',
    },
    remediation: 'Revoke the OAuth authorization and move to a GitHub App with expiring user tokens.',
  }),
  finding(FIXTURE_SECRETS.ticket, {
    ruleId: 'internal-deploy-key',
    provider: 'acme',
    // Quotes, a comma and a pipe: CSV and Markdown must keep the cell intact.
    title: 'Internal "deploy" key, v2 | ops',
    severity: 'low',
    lifetime: 'unknown',
    confidence: 'low',
    location: {
      source: 'ticket',
      path: 'OPS-1234',
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 36,
      system: 'jira',
      ticket: 'OPS-1234',
      field: '@comment[3]',
      url: 'https://jira.acme.test/browse/OPS-1234?focusedCommentId=3',
    },
    // A spreadsheet would run this as a formula unless it is escaped.
    remediation: '=HYPERLINK("https://attacker.test","rotate") then rotate the key in the vault',
  }),
  finding(FIXTURE_SECRETS.jwt, {
    ruleId: 'jwt',
    provider: 'jwt',
    title: 'JSON Web Token',
    severity: 'medium',
    lifetime: 'expiring',
    confidence: 'low',
    location: { source: 'file', path: 'docs/api.md', line: 40, column: 22, endLine: 41, endColumn: 12 },
    remediation: 'Let the token expire or revoke its session; issue tokens with minutes of lifetime.',
    expiresAt: '2024-01-02T03:04:05.000Z',
    expired: true,
    facts: { issuer: 'https://login.acme.test', algorithm: 'HS256' },
    verification: { status: 'dead', reason: 'HTTP 401', checkedAt: '2025-06-07T08:09:10Z' },
  }),
];

export function fixtureReport(findings: Finding[] = FIXTURE_FINDINGS): Report {
  return {
    version: 1,
    tool: { name: 'sprawlguard', version: '0.0.0-test' },
    findings,
    stats: {
      sources: 7,
      bytes: 123_456,
      chunks: 9,
      durationMs: 42,
      skipped: [
        { path: 'assets/logo.png', reason: 'binary file' },
        { path: 'dumps/big.sql', reason: 'larger than the size cap (20971520 > 10485760 bytes)' },
      ],
    },
  };
}

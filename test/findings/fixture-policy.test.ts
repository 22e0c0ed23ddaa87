/**
 * Incidents and fixtures: real built-in rules scan generated values in files at different paths,
 * and the policy decides what counts. Secrets are assembled at run time.
 */
import { describe, expect, it } from 'vitest';
import { contextPolicySchema, unknownPolicyRules } from '../../src/config/context-policy.js';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { classifyContext } from '../../src/findings/context.js';
import { contextPolicyFrom, DEFAULT_CONTEXT_POLICY, disposition, provesStructure, type ContextPolicy } from '../../src/findings/fixture-policy.js';
import { ChunkScanner } from '../../src/scan/chunk-scanner.js';
import { base62Body, fakeGithubPat } from '../support/fake-secrets.js';

const RULES = loadBuiltinRules();
const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));
const scanner = new ChunkScanner({ rules: RULES, allowSecretRegexes: [], stopwords: [] });

const PASSWORD_LINE = `db_pass${'word'} = "${base62Body(7, 18)}"\n`;
const GITHUB_LINE = `GITHUB_TOKEN=${fakeGithubPat(8)}\n`;

/** Findings of `text` at `path`, each with its context and disposition under `policy`. */
function judge(path: string, text: string, policy: ContextPolicy = DEFAULT_CONTEXT_POLICY): [string, string | undefined, string][] {
  return scanner.scan({ text, origin: { source: 'file', path } }).map((f) => {
    f.location.context = classifyContext(path);
    return [f.ruleId, f.location.context, disposition(f, RULE_BY_ID.get(f.ruleId), policy)];
  });
}

function ruleOf(text: string): string {
  const [f] = scanner.scan({ text, origin: { source: 'file', path: 'a' } });
  if (!f) throw new Error('the rule under test found nothing');
  return f.ruleId;
}

describe('disposition with the default policy', () => {
  it('a generic password in a test, a doc or an example is a fixture', () => {
    const rule = ruleOf(PASSWORD_LINE);
    expect(RULE_BY_ID.get(rule)?.generic).toBe(true);
    expect(judge('test/db.test.js', PASSWORD_LINE)).toEqual([[rule, 'test', 'fixture']]);
    expect(judge('docs/setup.md', PASSWORD_LINE)).toEqual([[rule, 'docs', 'fixture']]);
    expect(judge('config/.env.example', PASSWORD_LINE)).toEqual([[rule, 'example', 'fixture']]);
  });

  it('the same password in source, vendored or generated files is an incident', () => {
    expect(judge('config/db.js', PASSWORD_LINE)).toEqual([[expect.any(String), 'source', 'incident']]);
    expect(judge('vendor/acme/db.js', PASSWORD_LINE)).toEqual([[expect.any(String), 'vendor', 'incident']]);
    expect(judge('dist/app.js', PASSWORD_LINE)).toEqual([[expect.any(String), 'generated', 'incident']]);
  });

  it('a provider token with a valid checksum is an incident in any context', () => {
    for (const path of ['test/auth.test.ts', 'docs/tokens.md', 'examples/ci.env', 'src/ci.ts']) {
      expect(judge(path, GITHUB_LINE)).toEqual([['github-classic-pat', classifyContext(path), 'incident']]);
    }
  });

  it('a provider rule that only matched the words around a value (medium confidence) proves nothing', () => {
    const weak = RULES.find((r) => !r.generic && r.confidence === 'medium');
    const strong = RULES.find((r) => !r.generic && r.confidence === 'high');
    if (!weak || !strong) throw new Error('the rule pack has no medium- or high-confidence provider rule');
    expect(provesStructure({ confidence: 'medium' }, weak)).toBe(false);
    expect(provesStructure({ confidence: 'high' }, strong)).toBe(true);
    // A high-confidence rule whose finding was downgraded (a checksum that did not hold) proves nothing.
    expect(provesStructure({ confidence: 'medium' }, strong)).toBe(false);
    const finding = { ruleId: weak.id, confidence: 'medium' as const, location: { source: 'file' as const, context: 'test' as const } };
    expect(disposition(finding, weak)).toBe('fixture');
  });

  it('findings without a context, from tickets, or of a rule no longer loaded count as incidents', () => {
    const base = { ruleId: 'generic-secret-assignment', confidence: 'low' as const };
    const generic = { generic: true };
    expect(disposition({ ...base, location: { source: 'file' } }, generic)).toBe('incident');
    expect(disposition({ ...base, location: { source: 'ticket', context: 'test' } }, generic)).toBe('incident');
    expect(disposition({ ...base, location: { source: 'file', context: 'test' } }, undefined)).toBe('incident');
  });
});

describe('disposition with a configured policy', () => {
  const policy = (section: unknown): ContextPolicy => contextPolicyFrom(contextPolicySchema.parse(section));

  it('fixture_contexts: [] counts every finding', () => {
    expect(judge('test/db.test.js', PASSWORD_LINE, policy({ fixture_contexts: [] }))).toEqual([[expect.any(String), 'test', 'incident']]);
  });

  it('fixture_contexts can name vendor and leave out docs', () => {
    const p = policy({ fixture_contexts: ['test', 'vendor'] });
    expect(judge('vendor/acme/db.js', PASSWORD_LINE, p)[0]?.[2]).toBe('fixture');
    expect(judge('docs/setup.md', PASSWORD_LINE, p)[0]?.[2]).toBe('incident');
  });

  it('a rule set to incident counts in every context', () => {
    const rule = ruleOf(PASSWORD_LINE);
    expect(judge('test/db.test.js', PASSWORD_LINE, policy({ rules: { [rule]: 'incident' } }))[0]?.[2]).toBe('incident');
  });

  it('a rule set to fixture is a fixture in fixture contexts even with a valid structure, and still counts in source', () => {
    const p = policy({ rules: { 'github-classic-pat': 'fixture' } });
    expect(judge('test/auth.test.ts', GITHUB_LINE, p)).toEqual([['github-classic-pat', 'test', 'fixture']]);
    expect(judge('src/ci.ts', GITHUB_LINE, p)).toEqual([['github-classic-pat', 'source', 'incident']]);
  });

  it('auto is the default', () => {
    expect(judge('test/auth.test.ts', GITHUB_LINE, policy({ rules: { 'github-classic-pat': 'auto' } }))[0]?.[2]).toBe('incident');
  });
});

describe('the context section of the config', () => {
  it('defaults to tests, docs and examples, no overrides', () => {
    expect(contextPolicySchema.parse({})).toEqual({ fixture_contexts: ['test', 'docs', 'example'], rules: {} });
    const p = contextPolicyFrom(undefined);
    expect([...p.fixtureContexts]).toEqual(['test', 'docs', 'example']);
    expect(p.rules.size).toBe(0);
  });

  it('refuses source as a fixture context, unknown contexts, unknown keys and unknown settings', () => {
    const messages = (section: unknown): string[] => {
      const r = contextPolicySchema.safeParse(section);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ fixture_contexts: ['source'] })).toEqual([expect.stringMatching(/^fixture_contexts\.0: source cannot be a fixture context/)]);
    expect(messages({ fixture_contexts: ['tests'] })).toEqual([expect.stringMatching(/^fixture_contexts\.0: not a context: "tests"/)]);
    expect(messages({ fixture_context: ['test'] })).toHaveLength(1);
    expect(messages({ rules: { 'github-classic-pat': 'ignore' } })).toHaveLength(1);
    expect(messages({ rules: { 'Not An Id': 'fixture' } })).toHaveLength(1);
  });

  it('names rule ids that no loaded rule has', () => {
    const section = contextPolicySchema.parse({ rules: { 'github-classic-pat': 'fixture', 'github-clasic-pat': 'fixture' } });
    expect(unknownPolicyRules(section, RULES.map((r) => r.id))).toEqual(['github-clasic-pat']);
  });
});


/**
 * Incidents and fixtures. A finding is an incident — it counts towards the exit code, the pre-commit
 * hook and the Action's fail level — unless a rule without proof of structure matched it in a file
 * the policy names a fixture context (by default tests, docs and examples): then it is a fixture,
 * the `password: hunter2` of a login test or the `api_key = "abc123…"` of a README. Fixtures are
 * still reported (JSON, SARIF as `note`, CSV), just not counted.
 *
 * Proof of structure comes from the rule data that already says how sure a match is:
 * - a `generic: true` rule names no provider and recognises a value only by the words around it,
 *   so it never proves anything;
 * - a provider rule proves the format when its finding kept `high` confidence, which the rule
 *   schema reserves for checksummed or uniquely prefixed formats and which the detector lowers
 *   when a checksum does not match or a structural decoder has doubts. A provider rule of
 *   `medium` or `low` confidence (a 32-hex value near the provider's name; a JWT, which anyone can
 *   mint) matched the words around a value, not the value's own structure.
 * So a GitHub token with a valid checksum or a PEM private key is an incident even under `test/`,
 * and so is anything in source, vendored or generated files (unless configured otherwise).
 */
import type { FindingContext } from './context.js';
import type { Finding } from './finding.js';

export type Disposition = 'incident' | 'fixture';

/** Per-rule setting: `auto` follows the rule data; `fixture` treats the rule as generic; `incident` always counts. */
export const RULE_DISPOSITIONS = ['auto', 'incident', 'fixture'] as const;
export type RuleDisposition = (typeof RULE_DISPOSITIONS)[number];

export const DEFAULT_FIXTURE_CONTEXTS: readonly FindingContext[] = ['test', 'docs', 'example'];

export interface ContextPolicy {
  /** Contexts in which findings of rules without proof of structure are fixtures. */
  fixtureContexts: ReadonlySet<FindingContext>;
  /** Overrides by rule id. */
  rules: ReadonlyMap<string, RuleDisposition>;
}

export const DEFAULT_CONTEXT_POLICY: ContextPolicy = { fixtureContexts: new Set(DEFAULT_FIXTURE_CONTEXTS), rules: new Map() };

/** The `context:` section of a config, once validated (config/context-policy.ts). */
export interface ContextPolicySection {
  fixture_contexts: readonly string[];
  rules: Record<string, RuleDisposition>;
}

/** The policy a validated `context:` section describes; no section is the default policy. */
export function contextPolicyFrom(section: ContextPolicySection | undefined): ContextPolicy {
  if (section === undefined) return DEFAULT_CONTEXT_POLICY;
  return { fixtureContexts: new Set(section.fixture_contexts as FindingContext[]), rules: new Map(Object.entries(section.rules)) };
}

/** What the policy needs to know of the rule that made a finding. */
export interface RuleTraits {
  generic: boolean;
}

/** Whether the finding's value proves its own format (a provider rule that kept high confidence). */
export function provesStructure(finding: Pick<Finding, 'confidence'>, rule: RuleTraits): boolean {
  return !rule.generic && finding.confidence === 'high';
}

/**
 * `incident` or `fixture` for a finding whose `location.context` is set. A finding without a
 * context, or whose rule is unknown (a rule no longer loaded), is an incident: what cannot be
 * judged counts.
 */
export function disposition(
  finding: Pick<Finding, 'ruleId' | 'confidence'> & { location: Pick<Finding['location'], 'context' | 'source'> },
  rule: RuleTraits | undefined,
  policy: ContextPolicy = DEFAULT_CONTEXT_POLICY,
): Disposition {
  const override = policy.rules.get(finding.ruleId) ?? 'auto';
  if (override === 'incident') return 'incident';
  const context = finding.location.context;
  // What people paste into tickets and chats is never a fixture, whatever the export is called.
  if (context === undefined || finding.location.source === 'ticket' || !policy.fixtureContexts.has(context)) return 'incident';
  if (override === 'fixture') return 'fixture';
  if (rule === undefined) return 'incident';
  return provesStructure(finding, rule) ? 'incident' : 'fixture';
}

/** The findings that count (exit code, hook, Action): all but fixtures; a finding never classified counts. */
export function incidentsOf<T extends Pick<Finding, 'disposition'>>(findings: readonly T[]): T[] {
  return findings.filter((f) => f.disposition !== 'fixture');
}

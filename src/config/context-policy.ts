/**
 * The `context:` section of `.sprawlguard.yaml`: which file contexts hold fixtures rather than
 * incidents, and per-rule overrides. Validated with the rest of the config; turned into the
 * ContextPolicy that src/findings/fixture-policy.ts applies. Documented in docs/context.md.
 *
 *   context:
 *     fixture_contexts: [test, docs, example]
 *     rules:
 *       private-key-rsa: fixture      # test keys in test/ are fixtures too
 *       generic-sql-password: incident
 */
import { z } from 'zod';
import { FINDING_CONTEXTS, type FindingContext } from '../findings/context.js';
import { DEFAULT_FIXTURE_CONTEXTS, RULE_DISPOSITIONS } from '../findings/fixture-policy.js';

/** Contexts a user may name as fixture contexts: anything but the project's own code. */
const FIXTURE_CAPABLE = FINDING_CONTEXTS.filter((c): c is Exclude<FindingContext, 'source'> => c !== 'source');

const fixtureContext = z.string().superRefine((value, ctx) => {
  if (value === 'source') {
    ctx.addIssue({ code: 'custom', message: 'source cannot be a fixture context: findings in the project\'s own code always count' });
  } else if (!(FIXTURE_CAPABLE as readonly string[]).includes(value)) {
    ctx.addIssue({ code: 'custom', message: `not a context: ${JSON.stringify(value)} (one of ${FIXTURE_CAPABLE.join(', ')})` });
  }
});

const ruleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule id is kebab-case (see `sprawlguard rules list`)');

export const contextPolicySchema = z
  .object({
    fixture_contexts: z
      .array(fixtureContext)
      .default([...DEFAULT_FIXTURE_CONTEXTS])
      .describe(
        `Contexts whose findings from generic rules are fixtures (listed, not counted): any of ${FIXTURE_CAPABLE.join(', ')}. Default: ${DEFAULT_FIXTURE_CONTEXTS.join(', ')}. [] counts every finding.`,
      ),
    rules: z
      .record(ruleId, z.enum(RULE_DISPOSITIONS))
      .default({})
      .describe(
        'Per rule id: `incident` counts its findings in every context; `fixture` treats it like a generic rule (its findings in fixture contexts are fixtures, even with a valid structure); `auto` is the default.',
      ),
  })
  .strict()
  .describe('Which findings are fixtures in tests, docs and examples rather than incidents (docs/context.md).');

export type ContextPolicyConfig = z.output<typeof contextPolicySchema>;

/** Rule ids the section names that no loaded rule has: a typo would otherwise silently do nothing. */
export function unknownPolicyRules(config: ContextPolicyConfig | undefined, ruleIds: Iterable<string>): string[] {
  if (!config) return [];
  const known = new Set(ruleIds);
  return Object.keys(config.rules).filter((id) => !known.has(id));
}

/**
 * The rule format: one schema gives runtime validation, the TypeScript types and the
 * documentation of every field. Rule files are YAML lists of these objects.
 */
import { z } from 'zod';

import { pathGlobProblem } from '../engine/path-globs.js';
import { CONFIDENCES, KINDS, LIFETIMES, SEVERITIES } from './vocabulary.js';

export { CONFIDENCES, KINDS, LIFETIMES, SEVERITIES };
export type { Confidence, Kind, Lifetime, Severity } from './vocabulary.js';

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');

const keyword = z
  .string()
  .min(2, 'a keyword needs at least 2 characters to be a useful gate')
  .max(64)
  .refine((k) => k === k.toLowerCase(), 'keywords are matched case-insensitively and must be written in lower case')
  // The keyword automaton runs over ASCII; a non-ASCII keyword could never fire.
  .refine((k) => /^[\x20-\x7e]+$/.test(k), 'keywords must be printable ASCII');

const scriptKeyword = z
  .string()
  .min(2)
  .max(64)
  .refine((k) => k === k.toLowerCase(), 'script keywords are matched case-insensitively and must be written in lower case')
  .refine((k) => /[^\x20-\x7e]/.test(k), 'a script keyword holds a character outside ASCII (ASCII literals belong in keywords)');

const pathGlob = z.string().superRefine((glob, ctx) => {
  const problem = pathGlobProblem(glob);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `path glob ${problem}` });
});

/**
 * What the placeholder filter looks at: the whole secret, or only the base64 lines of an armoured
 * key (`key-body`): a PuTTY or PEM file's headers and comment are not the key, and a comment that
 * says `example` or `user@host` must not make a real key a placeholder.
 */
const PLACEHOLDER_SCOPES = ['secret', 'key-body'] as const;

const ruleObject = z
  .object({
    id: ruleId,
    name: z.string().min(3),
    provider: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'provider ids are lower-case kebab-case'),
    severity: z.enum(SEVERITIES),
    lifetime: z.enum(LIFETIMES),
    /** How sure a match is a real credential: high for checksummed or uniquely prefixed formats. */
    confidence: z.enum(CONFIDENCES).default('high'),
    /** A working credential, or a password hash (crackable offline, reported at low severity). */
    kind: z.enum(KINDS).default('credential'),
    /** Literal, lower-case strings; a rule's regex runs only near one of them. */
    keywords: z.array(keyword).default([]),
    /**
     * Lower-case literals with characters outside ASCII (names written in other scripts: `пароль`,
     * `비밀번호`), which the ASCII keyword pass cannot see: a text that holds any character outside
     * ASCII and one of these opens the whole text to the rule.
     */
    script_keywords: z.array(scriptKeyword).default([]),
    /** Required when `keywords` and `script_keywords` are empty: why this rule cannot be gated by a literal. */
    no_keywords_reason: z.string().optional(),
    /**
     * Globs a file's path must match for the rule to run on it (src/engine/path-globs.ts): the file
     * name (`.pgpass`, `*.htpasswd`) or, with a `/`, the path's last segments (`config/master.key`).
     * For formats the file name identifies; text without a path (standard input) never runs them.
     */
    paths: z.array(pathGlob).min(1).optional(),
    /** JavaScript regular expression with exactly one capture group: the secret. */
    pattern: z.string().min(1),
    ignore_case: z.boolean().default(false),
    /** Minimum Shannon entropy (bits per character) of the secret. */
    entropy: z.number().min(0).max(8).optional(),
    /** Names a validator in src/engine/checksums.ts. */
    checksum: z.string().optional(),
    /** Names a structural decoder (registered in src/engine/refine.ts, written in src/engine/refine/) that reads lifetime and facts from the secret. */
    refine: z.string().optional(),
    /** Names a provider module in src/verify/providers for opt-in verification. */
    verify: z.string().optional(),
    /**
     * How far, in characters, around a keyword hit the regex looks (before, after). The default is
     * the hit's line, clipped to 512 before and 1024 after on very long lines. Multi-line formats
     * (private keys) raise `after`.
     */
    window: z
      .object({
        before: z.number().int().min(0).max(65536).default(512),
        after: z.number().int().min(0).max(262144).default(1024),
        multiline: z.boolean().default(false),
      })
      .optional(),
    /**
     * Literals (case-sensitive) of which at least one must occur in a window before the regex runs
     * there: a cheap second gate for rules whose keyword is very common (`://` for credentials in
     * URLs, which also need an `@`).
     */
    requires: z.array(z.string().min(1)).default([]),
    /**
     * Whether every match starts where a keyword starts, so the rule can run as a sticky regex at
     * each keyword hit. Learned from the examples when absent (the build stores it for the built-in
     * pack); set `false` to force scanning windows.
     */
    anchored: z.boolean().optional(),
    /**
     * Names a fast test in src/engine/prechecks.ts that an anchored rule runs at each keyword hit
     * before its regex: a necessary condition of the pattern there (its first lookahead, as code).
     */
    precheck: z.string().optional(),
    /** Extra case-insensitive substrings that mark a match as a placeholder for this rule only. */
    stopwords: z.array(z.string().min(1)).default([]),
    placeholder_scope: z.enum(PLACEHOLDER_SCOPES).default('secret'),
    /** Generic heuristics lose to any specific rule that matched the same secret. */
    generic: z.boolean().default(false),
    /** Tags shown in SARIF and used to group rules into families. */
    tags: z.array(z.string()).default([]),
    remediation: z.string().min(10, 'remediation must tell the user what to do instead'),
    references: z.array(z.string().url()).default([]),
    examples: z.array(z.string().min(1)).min(1, 'every rule needs at least one example that must match'),
    negative_examples: z.array(z.string()).min(1, 'every rule needs at least one negative example'),
  })
  .strict();

function requireKeywordsOrReason(rule: { keywords: string[]; script_keywords: string[]; no_keywords_reason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (rule.keywords.length === 0 && rule.script_keywords.length === 0 && !rule.no_keywords_reason) {
    ctx.addIssue({
      code: 'custom',
      path: ['keywords'],
      message: 'a rule without keywords must say why in no_keywords_reason',
    });
  }
}

/** Built-in rules: examples and negative examples are mandatory and checked by the test suite. */
export const ruleSchema = ruleObject.superRefine(requireKeywordsOrReason);

/**
 * Custom rules in a user's config: the same format, but examples are recommended rather than
 * required (`sprawlguard rules check --config` still checks the ones given).
 */
export const customRuleSchema = ruleObject
  .extend({
    examples: z.array(z.string().min(1)).default([]),
    negative_examples: z.array(z.string()).default([]),
    remediation: z
      .string()
      .min(10)
      .default('Revoke or rotate this credential and move the workload to short-lived credentials.'),
  })
  .superRefine(requireKeywordsOrReason);

/** A rule as written in YAML (defaults not yet applied). */
export type RuleInput = z.input<typeof ruleSchema>;
/** A validated rule with defaults applied. */
export type Rule = z.output<typeof ruleSchema>;

export const ruleFileSchema = z.array(z.unknown());

/**
 * The words a rule and a finding are described with. Kept apart from the schema so code that only
 * needs these lists (CLI option checks, the Action's inputs) does not load the validation library.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const LIFETIMES = ['ephemeral', 'short-lived', 'expiring', 'long-lived', 'unknown'] as const;
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
/**
 * What a finding is: a `credential` that works as it is, or a `password-hash` (bcrypt, sha-crypt,
 * `{SSHA}`, MySQL `*…`, an NTLM response): crackable material that gives the password only after
 * offline guessing, so it is reported at low severity with its own advice.
 */
export const KINDS = ['credential', 'password-hash'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Lifetime = (typeof LIFETIMES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Kind = (typeof KINDS)[number];

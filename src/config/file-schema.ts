/**
 * `.sprawlguard.yaml`: what a user can change. Parsed, normalised and validated in one go; every
 * problem comes back with its path so the user can fix them all at once.
 */
import { z } from 'zod';
import { CONFIDENCES } from '../rules/vocabulary.js';
import { DEFAULT_WARN_SHARE } from './defaults.js';
import { parseSize } from './size.js';
import { FINGERPRINT_PATTERN } from '../findings/fingerprint.js';
import { contextPolicySchema } from './context-policy.js';

export { parseSize };


const size = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const bytes = parseSize(value);
  if (bytes === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a size: ${JSON.stringify(value)} (use bytes or e.g. "10MiB")` });
    return z.NEVER;
  }
  return bytes;
});

const regexString = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `does not compile: ${(error as Error).message}` });
  }
});

/**
 * Each key's description is also the documentation editors show: `npm run schema` turns this
 * schema into schema/sprawlguard.schema.json (see ./json-schema.ts).
 */
export const configSchema = z
  .object({
    disable_rules: z.array(z.string()).default([]).describe('Rule ids to turn off (see `sprawlguard rules list`).'),
    rules: z
      .array(z.unknown())
      .default([])
      .describe('Custom rules, in the format of the built-in rules/*.yaml; a custom rule with a built-in id replaces the built-in.'),
    allowlist: z
      .object({
        paths: z
          .array(z.string().min(1))
          .default([])
          .describe(
            'minimatch globs of paths not to scan, relative to the directory of this file when the scan root is inside it (else to the scan root); without a /, a name at any depth.',
          ),
        fingerprints: z
          .array(z.string().regex(FINGERPRINT_PATTERN, 'a fingerprint is sha256: or scrypt: followed by 64 hex digits'))
          .default([])
          .describe('Fingerprints (sha256:…, or scrypt:… for guessable secrets) of secrets that are known and accepted.'),
        regexes: z
          .array(regexString)
          .default([])
          .describe('JavaScript regular expressions matched against each secret; each must pass the linear-time check.'),
        stopwords: z
          .array(z.string().min(1))
          .default([])
          .describe('Case-insensitive substrings that mark a secret as a placeholder.'),
        commits: z
          .array(z.string().regex(/^[0-9a-fA-F]{7,64}$/, 'a commit is its id: 7 to 64 hex digits'))
          .default([])
          .describe('Commits (full or abbreviated ids) whose findings are accepted, for history and range scans.'),
        warn_share: z
          .number()
          .min(0)
          .max(1)
          .default(DEFAULT_WARN_SHARE)
          .describe('Warn when `paths` leave out more than this share of the files a scan considered (0 to 1); leaving out every file always warns.'),
      })
      .strict()
      .default({ paths: [], fingerprints: [], regexes: [], stopwords: [], commits: [], warn_share: DEFAULT_WARN_SHARE })
      .describe('What is known and accepted: paths not scanned, secrets not reported.'),
    max_file_size: size.optional().describe('Files larger than this are skipped and listed: bytes, or a number with kB, KiB, MB, MiB, GB or GiB (default 10MiB).'),
    min_confidence: z.enum(CONFIDENCES).optional().describe('Findings below this confidence are not reported.'),
    baseline: z
      .string()
      .min(1)
      .optional()
      .describe('Baseline file, relative to this config file: scans report only findings not recorded in it.'),
    context: contextPolicySchema.optional(),
  })
  .strict();

export type ConfigFile = z.output<typeof configSchema>;

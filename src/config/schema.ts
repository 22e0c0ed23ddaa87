/**
 * `.sprawlguard.yaml`: what a user can change. Parsed, normalised and validated in one go; every
 * problem comes back with its path so the user can fix them all at once.
 */
import { z } from 'zod';
import { CONFIDENCES } from '../rules/vocabulary.js';
import { parseSize } from './size.js';

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

export const configSchema = z
  .object({
    /** Rule ids to turn off. */
    disable_rules: z.array(z.string()).default([]),
    /** Custom rules in the rule format; a custom rule with a built-in id replaces the built-in. */
    rules: z.array(z.unknown()).default([]),
    allowlist: z
      .object({
        /** minimatch globs, relative to the scan root; matching files are not scanned. */
        paths: z.array(z.string().min(1)).default([]),
        /** Fingerprints (`sha256:…`) of secrets that are known and accepted. */
        fingerprints: z
          .array(z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a fingerprint is sha256: followed by 64 hex digits'))
          .default([]),
        /** Regular expressions matched against each secret. */
        regexes: z.array(regexString).default([]),
        /** Case-insensitive substrings that mark a secret as a placeholder. */
        stopwords: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ paths: [], fingerprints: [], regexes: [], stopwords: [] }),
    /** Files larger than this are skipped and listed (default 10 MiB). */
    max_file_size: size.optional(),
    /** Findings below this confidence are not reported. */
    min_confidence: z.enum(CONFIDENCES).optional(),
    /** Baseline file (relative to this config file): scans report only findings not recorded in it. */
    baseline: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.output<typeof configSchema>;

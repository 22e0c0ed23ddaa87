/** Option parsing shared by the commands: each check says which option was wrong and what it takes. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIDENCES, type Confidence } from '../rules/vocabulary.js';
import { UsageError } from './errors.js';

/** The HMAC key for fingerprints: `--fingerprint-key`, else SPRAWLGUARD_FINGERPRINT_KEY (an empty value is none). */
export function fingerprintKeyOf(opts: { fingerprintKey?: string }): string | undefined {
  return opts.fingerprintKey ?? (process.env.SPRAWLGUARD_FINGERPRINT_KEY || undefined);
}

export function parseIntOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name}: expected an integer from ${min} to ${max}, got ${value}`);
  return n;
}

export function parseConfidence(value: string | undefined): Confidence | undefined {
  if (value === undefined) return undefined;
  if (!(CONFIDENCES as readonly string[]).includes(value)) {
    throw new UsageError(`--min-confidence: expected one of ${CONFIDENCES.join(', ')}, got ${value}`);
  }
  return value as Confidence;
}

/**
 * The scan root: where the search for `.sprawlguard.yaml` starts, and what reported paths (and so
 * `allowlist.paths`) are relative to. A single directory argument; otherwise the current directory.
 */
export async function configRoot(paths: readonly string[]): Promise<string> {
  if (paths.length === 1 && paths[0] !== undefined) {
    const info = await stat(paths[0]).catch(() => undefined);
    if (info?.isDirectory()) return path.resolve(paths[0]);
  }
  return process.cwd();
}

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

/** The directory whose `.sprawlguard.yaml` applies: the first directory argument, else the cwd. */
export async function configRoot(paths: readonly string[]): Promise<string> {
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) return path.resolve(p);
  }
  return process.cwd();
}

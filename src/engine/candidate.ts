/**
 * What the engine's stages hand each other: a Candidate is a secret a rule matched and its checks
 * kept, with its offsets in the scanned text; a Match is a candidate that survived overlap
 * resolution, located by line and column.
 */
import type { CompiledRule } from './compile.js';
import type { Confidence, Lifetime, Rule } from '../rules/schema.js';

export interface Candidate {
  compiled: CompiledRule;
  secret: string;
  start: number;
  end: number;
  /** Length of the whole regex match: a rule that needed more context around the secret is more specific. */
  context: number;
  confidence: Confidence;
  lifetime: Lifetime;
  expiresAt?: string;
  expired?: boolean;
  facts?: Record<string, string>;
}

export interface Match {
  readonly rule: Rule;
  readonly secret: string;
  /** Offsets of the secret in the scanned text (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** 1-based position of the secret's first and last character. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly confidence: Confidence;
  readonly lifetime: Lifetime;
  readonly expiresAt?: string;
  readonly expired?: boolean;
  readonly facts?: Readonly<Record<string, string>>;
}

/**
 * Credentials out of configuration messages. A message about a config file quotes what the user
 * wrote (a regex source, the YAML line that failed to parse, an unknown key, a rule id), and what
 * they wrote can be a live token: an allowlist regex copied from a leaked key, a token pasted on the
 * wrong line. Every such message goes through here before it is printed or thrown.
 *
 * Two passes: the scanner's own rules (the built-in pack, when its packed form is at hand) find
 * the credentials they know, with their exact extent; then a shape heuristic catches any other long
 * run of token characters that mixes letters and digits or cases with high entropy. Each is replaced
 * by the same redacted preview findings use, so the user can still tell which value is meant.
 */
import { Detector } from '../engine/detector.js';
import { shannonEntropy } from '../engine/entropy.js';
import { redact } from '../findings/redact.js';
import { readPackedRules } from './rule-pack.js';

/** Runs of characters tokens are made of (base64, base64url, hex, `_`-separated prefixes). */
const TOKEN_RUN = /[A-Za-z0-9_+/=-]{16,}/g;
/** What splits a run into pieces: path, word and prefix separators, base64's `+`, `/` and `=`. */
const SEPARATORS = /[/_+=-]+/;
/** A piece this long that mixes character classes with this entropy (bits per character) is a credential. */
const MIN_PIECE = 10;
const MIN_ENTROPY = 3;

let detector: Detector | null | undefined;

function ruleDetector(): Detector | undefined {
  if (detector === undefined) {
    const rules = readPackedRules();
    detector = rules ? new Detector(rules, { inlineAllow: false, decodeDepth: 0 }) : null;
  }
  return detector ?? undefined;
}

/** `text` with every credential-looking value replaced by its redacted preview. */
export function redactCredentialText(text: string): string {
  if (text.length < 8) return text;
  let out = text;
  const found = ruleDetector()?.scan(text) ?? [];
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = [...new Set(found.map((m) => m.secret))].sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.split(secret).join(redact(secret));
  return out.replace(TOKEN_RUN, (run) => (looksLikeCredential(run) ? redact(run) : run));
}

/**
 * A run holding a long piece (between separators) that mixes at least two of lower case, upper
 * case and digits, with high entropy: tokens and keys, not words, kebab-case rule ids, paths such
 * as `test/fixtures/sample-2024` or regex fragments such as `A-Za-z0-9`.
 */
export function looksLikeCredential(run: string): boolean {
  return run.split(SEPARATORS).some((piece) => {
    if (piece.length < MIN_PIECE) return false;
    const classes = Number(/[a-z]/.test(piece)) + Number(/[A-Z]/.test(piece)) + Number(/[0-9]/.test(piece));
    return classes >= 2 && shannonEntropy(piece) >= MIN_ENTROPY;
  });
}

import { createHash, createHmac } from 'node:crypto';

/**
 * Fingerprint of a secret: `sha256:` + hex SHA-256 of the raw secret, or of HMAC-SHA256 under the
 * user's key (so a shared report cannot be brute-forced against a dictionary of known secrets).
 * The same secret has the same fingerprint wherever it appears: that is how sprawl is counted.
 */
export function fingerprintSecret(secret: string, key?: string): string {
  const input = canonicalSecret(secret);
  const hex =
    key !== undefined && key !== ''
      ? createHmac('sha256', key).update(input, 'utf8').digest('hex')
      : createHash('sha256').update(input, 'utf8').digest('hex');
  return `sha256:${hex}`;
}

/**
 * A PEM key pasted into a JSON file (`\n` escapes), a YAML block (indentation) and a `.pem` file is
 * one key: fingerprint its armoured body without whitespace and escapes. Other secrets are hashed as-is.
 */
export function canonicalSecret(secret: string): string {
  if (!secret.startsWith('-----BEGIN')) return secret;
  return secret.replace(/\\r|\\n|\s+/g, '');
}

import { isGuessable } from './strength.js';

/**
 * Redacted preview of a secret: enough to recognise it in a list, never enough to use it.
 * Long secrets keep 6 leading and 4 trailing characters (`ghp_Ab…9xYz`); medium ones 3 and 2.
 * A guessable secret (a PIN, a short password) shows no character at all: each one shown would cut
 * the search for the rest. A PEM block shows its header and the last 4 characters of its body.
 */
export function redact(secret: string): string {
  if (secret.startsWith('-----BEGIN')) return redactPem(secret);
  if (isGuessable(secret)) return '…';
  const chars = [...secret];
  const n = chars.length;
  if (n >= 24) return `${chars.slice(0, 6).join('')}…${chars.slice(-4).join('')}`;
  if (n >= 12) return `${chars.slice(0, 3).join('')}…${chars.slice(-2).join('')}`;
  if (n >= 2) return `${chars[0]}…`;
  return '…';
}

function redactPem(secret: string): string {
  const header = /-----BEGIN [A-Z0-9 ]+-----/.exec(secret)?.[0] ?? '-----BEGIN-----';
  const body = secret
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/\\[rn]|\s+/g, '');
  return `${header}…${body.slice(-4)}`;
}

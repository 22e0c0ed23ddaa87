import type { Refiner } from '../refine.js';
import { isSplitOverLiterals, keyBody } from './key-body.js';

/**
 * PEM and OpenSSH private keys: an encrypted key needs its passphrase too, so it is less urgent.
 * The body must be base64; a header with prose between the markers is documentation.
 */
export const privateKey: Refiner = (secret) => {
  const sshcom = secret.startsWith('---- BEGIN SSH2 ');
  const header = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY(?: BLOCK)?-----/.exec(secret);
  const kind = sshcom ? 'SSH.COM' : (header?.[1] ?? '').trim() || 'PKCS8';
  // Also when the block is split over concatenated string literals in code (key-body.ts).
  const body = keyBody(secret);
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return null;
  const encrypted =
    kind === 'ENCRYPTED' || /Proc-Type: 4,ENCRYPTED/.test(secret) || isEncryptedOpenSsh(kind, body) || (sshcom && isEncryptedSshCom(body));
  const facts: Record<string, string> = { keyType: kind };
  if (encrypted) facts.encrypted = 'true';
  if (isSplitOverLiterals(secret)) facts.written = 'split over string literals';
  return { lifetime: 'long-lived', facts, confidence: encrypted ? 'medium' : 'high' };
};

function isEncryptedOpenSsh(kind: string, body: string): boolean {
  if (kind !== 'OPENSSH') return false;
  const head = Buffer.from(body.slice(0, 64), 'base64').toString('latin1');
  // openssh-key-v1\0, then a length-prefixed cipher name; "none" means unencrypted.
  if (!head.startsWith('openssh-key-v1\0')) return false;
  return !head.slice(15, 23).includes('none');
}

/**
 * The ssh.com format's body starts with its magic number, the body's length, the key type and the
 * cipher name, each as a 32-bit length and the bytes; "none" means unencrypted. A body that does
 * not parse (redacted, damaged) is not said to be encrypted.
 */
function isEncryptedSshCom(body: string): boolean {
  const head = Buffer.from(body.slice(0, 1024), 'base64');
  if (head.length < 16 || head.readUInt32BE(0) !== 0x3f6ff9eb) return false;
  const typeEnd = 12 + head.readUInt32BE(8);
  if (typeEnd + 4 > head.length) return false;
  const cipherLength = head.readUInt32BE(typeEnd);
  if (typeEnd + 4 + cipherLength > head.length) return false;
  return head.toString('latin1', typeEnd + 4, typeEnd + 4 + cipherLength) !== 'none';
}

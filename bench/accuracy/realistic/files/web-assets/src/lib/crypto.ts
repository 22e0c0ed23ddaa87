import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_LENGTH = 32;
const SALT = 'northwind-cart-v1';

/** Derive the cart encryption key from the deployment secret. */
export function deriveKey(secret: string): Buffer {
  return scryptSync(secret, SALT, KEY_LENGTH);
}

export function encrypt(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(key: Buffer, token: string): string {
  const [iv, tag, data] = token.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv(ALGORITHM, key, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

// Known-answer value used by the unit test: encrypt('hello') with an all-zero key and IV.
export const KAT_CIPHERTEXT = 'AAAAAAAAAAAAAAAA.q2Tg3Tq8Xo1d6s9hM5WZ4A.P4hRJQs';

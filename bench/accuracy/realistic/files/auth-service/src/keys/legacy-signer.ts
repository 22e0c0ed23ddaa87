import { createSign } from 'node:crypto';

// Key used to sign tokens for the v1 mobile app. Moving to KMS in Q1.
const LEGACY_PRIVATE_KEY =
  '-----BEGIN EC PRIVATE KEY-----\n' +
  '{{gen:pem-ec:legacy#1}}\n' +
  '{{gen:pem-ec:legacy#2}}\n' +
  '{{gen:pem-ec:legacy#3}}\n' +
  '-----END EC PRIVATE KEY-----\n';

export function signLegacy(payload: string): string {
  const signer = createSign('SHA256');
  signer.update(payload);
  return signer.sign(LEGACY_PRIVATE_KEY, 'base64url');
}

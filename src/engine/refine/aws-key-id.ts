/** AWS access key ids: the key kind from the prefix, the account id from the body. */
import { base32Decode } from '../checksums.js';
import type { Refiner } from '../refine.js';

/** AWS access key ids: the prefix says the key kind, the body encodes the account id. */
export const awsAccessKeyId: Refiner = (secret) => {
  const prefix = secret.slice(0, 4);
  const facts: Record<string, string> = {};
  const account = decodeAwsAccountId(secret);
  if (account !== undefined) facts.awsAccount = account;
  switch (prefix) {
    case 'ASIA':
      return { lifetime: 'short-lived', facts: { ...facts, keyKind: 'sts-temporary' } };
    case 'ABIA':
      return { lifetime: 'short-lived', facts: { ...facts, keyKind: 'sts-service-bearer' } };
    case 'AKIA':
      return { lifetime: 'long-lived', facts: { ...facts, keyKind: 'iam-long-term' } };
    default:
      return { facts };
  }
};

/** Account id of an AWS key id (docs/credential-formats.md#checksums-and-structural-checks); undefined for old-style keys. */
export function decodeAwsAccountId(keyId: string): string | undefined {
  if (keyId.length !== 20) return undefined;
  const first = keyId[4];
  if (first === 'I' || first === 'J') return undefined;
  const bytes = base32Decode(keyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let z = 0;
  for (let i = 0; i < 6; i++) z = z * 256 + (bytes[i] as number);
  const account = Math.floor((z % 2 ** 47) / 128);
  // Account ids are 12 digits; a larger value means the body is not a real key id.
  if (account >= 1e12) return undefined;
  return String(account).padStart(12, '0');
}

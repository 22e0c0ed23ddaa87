import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../src/password';

describe('password hashing', () => {
  it('verifies what it hashed', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('Tr0ub4dor&3', stored)).toBe(false);
  });

  it('reads hashes written by 1.x', async () => {
    const legacy = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA==$Vb7Nq4Xz1Lm8Rt5Yc2Hs9Pf6Jd3Gw0Ua4Ke7Wb1Nn8=';
    expect(needsRehash(legacy)).toBe(true);
  });
});

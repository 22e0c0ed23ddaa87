import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../src/token';

const secret = 'unit-test-secret';

describe('tokens', () => {
  it('round-trips', () => {
    const token = signToken({ sub: 'u1', exp: 2_000_000_000 }, secret);
    expect(verifyToken(token, secret)?.sub).toBe('u1');
  });

  it('rejects a token signed with another secret', () => {
    const token = signToken({ sub: 'u1', exp: 2_000_000_000 }, 'other');
    expect(verifyToken(token, secret)).toBeNull();
  });

  it('rejects expired tokens', () => {
    expect(verifyToken(signToken({ sub: 'u1', exp: 1 }, secret), secret)).toBeNull();
  });
});

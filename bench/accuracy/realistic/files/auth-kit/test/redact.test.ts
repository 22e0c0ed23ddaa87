import { describe, expect, it } from 'vitest';
import { redact } from '../src/redact';

describe('redact', () => {
  it('hides nested secrets', () => {
    const input = { user: 'bob', password: 'hunter2', nested: { apiKey: 'k-123', list: [{ token: 't' }] } };
    expect(redact(input)).toEqual({ user: 'bob', password: '[REDACTED]', nested: { apiKey: '[REDACTED]', list: [{ token: '[REDACTED]' }] } });
  });
});

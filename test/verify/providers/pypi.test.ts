/**
 * PyPI's verification module: what it can and cannot check without sending the secret anywhere.
 */
import { describe, expect, it } from 'vitest';
import { json } from '../fake-server.js';
import { body, join } from '../helpers.js';
import { useFakeProvider } from './contract.js';

const { run } = useFakeProvider();

describe('provider-specific verdicts', () => {
  it('PyPI: unverifiable with the reason, without any request', async () => {
    const { result, requests } = await run({ provider: 'pypi', secret: join('pypi', '-AgEIcHlwaS5vcmc', body(141, 120, 'b64u')) }, () => json(200, {}));
    expect(result).toMatchObject({ status: 'unknown', unverifiable: true, reason: expect.stringContaining('upload') });
    expect(requests).toEqual([]);
  });
});

/**
 * The verification contract every provider module is held to, shared by the per-provider tests in
 * this folder: each module runs against a fake server that answers the way the provider does — a
 * valid credential (live, with identity), a rejected one (dead), and a provider error or an answer
 * it does not recognise (unknown). Each case also checks the request went to the provider's
 * documented path with the documented authentication, and that no verdict carries the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProvider } from '../../../src/verify/provider-registry.js';
import type { Companions, Credential, VerifyResult } from '../../../src/verify/provider-module.js';
import { json, startFakeServer, type FakeServer, type Handler, type RecordedRequest } from '../fake-server.js';
import { contextFor } from '../helpers.js';

export interface Case {
  name: string;
  provider: string;
  secret: string;
  companions?: Companions;
  ruleId?: string;
  /** The answer of the provider for a valid credential (only for the documented request). */
  live: Handler;
  dead: Handler;
  /** Checks on the request for the live case (path, method, authentication). */
  request: (req: RecordedRequest, secret: string) => void;
  identity?: Record<string, string>;
}

/** What a check is run with: the module, the secret and what was found next to it. */
export type Check = Pick<Case, 'provider' | 'secret' | 'companions' | 'ruleId'>;

export interface CheckOutcome {
  result: VerifyResult;
  requests: RecordedRequest[];
  notices: string[];
}

export const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Answer `reply` only for `method path` (query ignored); 404 otherwise, as a real API would. */
export function on(method: string, path: string, reply: ReturnType<typeof json>): Handler {
  return (req) => (req.method === method && req.path.split('?')[0] === path ? reply : json(404, { message: 'Not Found' }));
}

/** A fake provider for the test file (started before its tests, closed after); `run` checks one credential against it. */
export function useFakeProvider(): { run: (c: Check, handler: Handler, settings?: Parameters<typeof contextFor>[2]) => Promise<CheckOutcome> } {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(async () => {
    await server.close();
  });
  return {
    async run(c, handler, settings = {}) {
      server.requests.length = 0;
      server.handle(handler);
      const module = await loadProvider(c.provider);
      const { context, notices } = contextFor(c.provider, server, settings);
      const credential: Credential = { secret: c.secret, ruleId: c.ruleId ?? `${c.provider}-rule`, companions: c.companions ?? {} };
      const result = await module.verify(credential, context);
      return { result, requests: [...server.requests], notices };
    },
  };
}

export function expectNoSecret(result: VerifyResult, secret: string): void {
  expect(JSON.stringify(result)).not.toContain(secret);
}

/** The contract's tests for each of `cases`, all of them cases of the module `provider`. */
export function verifyContract(provider: string, cases: readonly Case[], run: ReturnType<typeof useFakeProvider>['run']): void {
  const strays = cases.filter((c) => c.provider !== provider).map((c) => c.name);
  if (cases.length === 0 || strays.length > 0) throw new Error(`verifyContract(${provider}): needs cases of this module only (${strays.join(', ') || 'none given'})`);

  describe.each(cases)('$name', (c) => {
    it('is live when the provider accepts it, with the identity the provider reports', async () => {
      const { result, requests, notices } = await run(c, c.live);
      expect(result.status, result.reason).toBe('live');
      expect(requests.length).toBeGreaterThan(0);
      c.request(requests[0] as RecordedRequest, c.secret);
      expect(requests[0]?.headers['user-agent']).toMatch(/^sprawlguard/);
      if (c.identity) expect(result.identity).toMatchObject(c.identity);
      expect(notices).toHaveLength(1);
      expectNoSecret(result, c.secret);
    });

    it('is dead when the provider rejects it', async () => {
      const { result } = await run(c, c.dead);
      expect(result.status, result.reason).toBe('dead');
      expect(result.reason).toBeTruthy();
      expectNoSecret(result, c.secret);
    });

    it('is unknown when the provider keeps failing (HTTP 500)', async () => {
      const { result } = await run(c, () => json(500, { message: 'internal error' }), { retries: 0 });
      expect(result.status).toBe('unknown');
      expect(result.reason).toMatch(/HTTP 500/);
      expectNoSecret(result, c.secret);
    });

    it('waits out a 429 with Retry-After and then gets the verdict', async () => {
      let first = true;
      const { result } = await run(c, (req) => {
        if (first) {
          first = false;
          return json(429, { error: { code: 'rate_limit_exceeded', message: 'slow down' } }, { 'Retry-After': '0' });
        }
        return c.live(req);
      });
      expect(result.status, result.reason).toBe('live');
    });

    it('is unknown when the provider does not answer in time', async () => {
      const { result } = await run(c, () => ({ status: 200, hang: true }), { retries: 0, timeoutMs: 150 });
      expect(result.status).toBe('unknown');
      expect(result.reason).toMatch(/no answer within/);
    });

    it('is not live when the endpoint is not found (HTTP 404)', async () => {
      const { result } = await run(c, () => json(404, { message: 'Not Found' }));
      expect(result.status).not.toBe('live');
      expectNoSecret(result, c.secret);
    });

    it('is unknown when the provider answers 200 with a malformed body', async () => {
      const { result } = await run(c, () => ({ status: 200, body: '{"truncated": ' }));
      // Slack's webhook probe is the one place a 2xx means "the webhook exists".
      expect(result.status).toBe(c.name === 'Slack incoming webhook' ? 'live' : 'unknown');
      expectNoSecret(result, c.secret);
    });
  });
}

/**
 * Shared by the provider tests: synthetic secrets built at run time (prefix and body kept apart in
 * source), and provider contexts pointed at a fake server through SPRAWLGUARD_API_BASE_<PROVIDER>.
 */
import { base62Body, seededRandom } from '../support/fake-secrets.js';
import { HttpSession, overrideVariable, type HttpSettings } from '../../src/verify/http.js';
import type { ProviderContext } from '../../src/verify/provider-module.js';
import type { FakeServer } from './fake-server.js';

const HEX = '0123456789abcdef';
const B64U = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `length` characters of `alphabet`, from a seed (same seed, same string). */
export function body(seed: number, length: number, alphabet: 'b62' | 'hex' | 'b64u' | 'lower36' | 'digits' = 'b62'): string {
  if (alphabet === 'b62') return base62Body(seed, length);
  const chars = alphabet === 'hex' ? HEX : alphabet === 'b64u' ? B64U : alphabet === 'digits' ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz0123456789';
  const next = seededRandom(seed);
  let out = '';
  while (out.length < length) out += chars[Math.floor(next() * chars.length)];
  return out;
}

/** Join parts at run time: no complete token is ever written in a test source. */
export const join = (...parts: string[]): string => parts.join('');

export interface TestContext {
  context: ProviderContext;
  session: HttpSession;
  notices: string[];
}

/** A provider context whose every request goes to `server`. Retries are quick; nothing waits long. */
export function contextFor(providerId: string, server: FakeServer, settings: Partial<HttpSettings> = {}): TestContext {
  const notices: string[] = [];
  const session = new HttpSession({
    env: { [overrideVariable(providerId)]: server.url },
    retries: 1,
    backoffMs: 5,
    maxRetryWaitMs: 2000,
    timeoutMs: 3000,
    notice: (message) => notices.push(message),
    ...settings,
  });
  return { context: { http: session.forProvider(providerId), now: () => new Date('2026-05-01T12:00:00Z'), settleMs: 0 }, session, notices };
}

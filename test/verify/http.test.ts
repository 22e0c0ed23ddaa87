/**
 * The shared HTTP layer: overrides, retries with back-off and Retry-After, timeouts, redirects that
 * are never followed, and answers that are not JSON. Everything runs against a fake server on
 * 127.0.0.1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpSession, overrideVariable, parseJson, retryAfterMs } from '../../src/verify/http.js';
import { json, startFakeServer, type FakeServer } from './fake-server.js';
import { contextFor } from './helpers.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('base URL override', () => {
  it('names the variable after the provider id, upper-cased, dashes as underscores', () => {
    expect(overrideVariable('github')).toBe('SPRAWLGUARD_API_BASE_GITHUB');
    expect(overrideVariable('docker-hub')).toBe('SPRAWLGUARD_API_BASE_DOCKER_HUB');
  });

  it('sends requests to the override, keeps the path, and says so once per provider', async () => {
    server = await startFakeServer(() => json(200, { ok: true }));
    const { context, notices } = contextFor('github', server);
    const url = context.http.url('https://api.github.com', '/user');
    expect(url).toBe(`${server.url}/user`);
    await context.http.request({ method: 'GET', url });
    await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/user') });
    expect(server.requests.map((r) => r.path)).toEqual(['/user', '/user']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('SPRAWLGUARD_API_BASE_GITHUB');
    expect(notices[0]).toContain(server.url);
  });

  it('uses the provider host and prints nothing when no override is set', () => {
    const notices: string[] = [];
    const http = new HttpSession({ env: {}, notice: (m) => notices.push(m) }).forProvider('github');
    expect(http.url('https://api.github.com', '/user')).toBe('https://api.github.com/user');
    expect(notices).toEqual([]);
  });

  it('refuses a plain-http override that is not on a loopback address, without sending anything', async () => {
    const http = new HttpSession({ env: { SPRAWLGUARD_API_BASE_GITHUB: 'http://203.0.113.9:8080' }, notice: () => undefined }).forProvider('github');
    const result = await http.request({ method: 'GET', url: http.url('https://api.github.com', '/user') });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('must be an https URL') });
  });

  it('keeps webhook paths but only for the provider’s own https hosts', async () => {
    server = await startFakeServer(() => json(200, {}));
    const { context } = contextFor('slack', server);
    expect(context.http.webhookUrl('https://hooks.slack.com/services/T1/B2/abc', ['hooks.slack.com'])).toBe(`${server.url}/services/T1/B2/abc`);
    expect(context.http.webhookUrl('https://hooks.slack.com.evil.test/services/T1/B2/abc', ['hooks.slack.com'])).toBeUndefined();
    expect(context.http.webhookUrl('http://hooks.slack.com/services/T1/B2/abc', ['hooks.slack.com'])).toBeUndefined();
  });
});

describe('requests', () => {
  it('sends a User-Agent', async () => {
    server = await startFakeServer(() => json(200, {}));
    const { context } = contextFor('github', server, { userAgent: 'sprawlguard/9.9.9' });
    await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(server.requests[0]?.headers['user-agent']).toBe('sprawlguard/9.9.9');
  });

  it('retries a 429 after the Retry-After the provider asks for, then returns the answer', async () => {
    let calls = 0;
    server = await startFakeServer(() => (++calls === 1 ? json(429, { message: 'slow down' }, { 'Retry-After': '1' }) : json(200, { fine: true })));
    const { context } = contextFor('github', server, { retries: 2 });
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result.ok && result.response.json).toEqual({ fine: true });
    expect(server.requests).toHaveLength(2);
  });

  it('gives up at once when Retry-After asks for longer than the run may wait', async () => {
    server = await startFakeServer(() => json(429, {}, { 'Retry-After': '3600' }));
    const { context } = contextFor('github', server, { retries: 3, maxRetryWaitMs: 1000 });
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result).toEqual({ ok: false, reason: 'rate limited (HTTP 429); the provider asks to wait 3600 s' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries 5xx with back-off and reports the last failure when retries run out', async () => {
    server = await startFakeServer(() => json(500, { message: 'boom' }));
    const { context } = contextFor('github', server, { retries: 2 });
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result).toEqual({ ok: false, reason: 'provider error (HTTP 500) after 3 attempts' });
    expect(server.requests).toHaveLength(3);
  });

  it('recovers when a 5xx is followed by a good answer', async () => {
    let calls = 0;
    server = await startFakeServer(() => (++calls === 1 ? json(503, {}) : json(200, { ok: 1 })));
    const { context } = contextFor('github', server);
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result.ok).toBe(true);
  });

  it('times out a provider that never answers', async () => {
    server = await startFakeServer(() => ({ status: 200, hang: true }));
    const { context } = contextFor('github', server, { timeoutMs: 200, retries: 0 });
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result).toEqual({ ok: false, reason: 'no answer within 0.2 s' });
  });

  it('never follows a redirect, and says the answer was a redirect', async () => {
    server = await startFakeServer((req) => (req.path === '/start' ? { status: 302, headers: { Location: '/elsewhere' } } : json(200, {})));
    const { context } = contextFor('github', server);
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/start') });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('redirect (HTTP 302)') });
    expect(server.requests.map((r) => r.path)).toEqual(['/start']);
  });

  it('reports a refused connection by its code, not its URL', async () => {
    server = await startFakeServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const http = new HttpSession({ env: { SPRAWLGUARD_API_BASE_SLACK: url }, retries: 0, notice: () => undefined }).forProvider('slack');
    const result = await http.request({ method: 'POST', url: http.webhookUrl('https://hooks.slack.com/services/T1/B2/s3cr3tpath', ['hooks.slack.com']) as string });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('network error (ECONNREFUSED)');
  });

  it('turns a malformed JSON body into undefined instead of throwing', async () => {
    server = await startFakeServer(() => ({ status: 200, body: '{"login": "half' }));
    const { context } = contextFor('github', server);
    const result = await context.http.request({ method: 'GET', url: context.http.url('https://api.github.com', '/') });
    expect(result.ok && result.response.json).toBeUndefined();
    expect(result.ok && result.response.body).toBe('{"login": "half');
  });
});

describe('helpers', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('parses JSON objects and arrays only', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('[1]')).toEqual([1]);
    expect(parseJson('Forbidden')).toBeUndefined();
    expect(parseJson('{"a":')).toBeUndefined();
  });
});

/**
 * The one HTTP layer every provider module uses, on Node's fetch.
 *
 * - Each provider's hosts are fixed in its module. The only way to point a provider elsewhere is the
 *   environment variable `SPRAWLGUARD_API_BASE_<PROVIDER>` (provider id upper-cased, dashes →
 *   underscores), meant for fake servers in tests; a run that uses one says so on stderr, once per
 *   provider. Plain http is accepted only for loopback addresses, so a secret never crosses a
 *   network in clear text.
 * - Redirects are never followed (a secret must not travel to a host the module did not choose): a
 *   3xx answer is reported as an unknown verdict.
 * - Every request has a timeout; 429 and 5xx answers are retried with exponential back-off that
 *   honours `Retry-After`, up to a bounded wait.
 * - Bodies are read up to a size cap; JSON that does not parse is `undefined`, never an exception.
 * - Failure reasons name the kind of failure (timeout, network error code), never the URL: for
 *   webhooks the URL is the secret.
 */
export interface HttpSettings {
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx answer. */
  retries: number;
  /** First back-off; doubles on each retry. */
  backoffMs: number;
  /** A `Retry-After` longer than this is not waited for: the verdict is unknown instead. */
  maxRetryWaitMs: number;
  userAgent: string;
  /** Where overrides are read from. */
  env: Readonly<Record<string, string | undefined>>;
  /** Receives the one-line stderr notices about overrides. */
  notice: (message: string) => void;
  signal?: AbortSignal;
}

export interface HttpRequestSpec {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH' | 'PUT';
  /** Absolute URL, built with ProviderHttp.url() or webhookUrl(). */
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * Whether an answer is worth another attempt. Default: 429 and 5xx. A provider whose 429 means
   * something definite (OpenAI's `insufficient_quota`) narrows this.
   */
  retryable?: (response: HttpResponse) => boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; reason: string };

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  timeoutMs: 10_000,
  retries: 2,
  backoffMs: 500,
  maxRetryWaitMs: 30_000,
  // The CLI passes `sprawlguard/<version>`; GitHub and others reject requests without a User-Agent.
  userAgent: 'sprawlguard',
  env: process.env,
  notice: (message) => process.stderr.write(`sprawlguard: notice: ${message}\n`),
};

/** `SPRAWLGUARD_API_BASE_<ID>` for a provider id. */
export function overrideVariable(providerId: string): string {
  return `SPRAWLGUARD_API_BASE_${providerId.toUpperCase().replace(/-/g, '_')}`;
}

type Override = { kind: 'none' } | { kind: 'base'; base: string } | { kind: 'invalid'; reason: string };

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(h);
}

function parseOverride(variable: string, value: string): Override {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid', reason: `${variable} is not a URL` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { kind: 'invalid', reason: `${variable} must be an https URL, or http on a loopback address` };
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return { kind: 'invalid', reason: `${variable} must be a plain base URL (no query, fragment or credentials)` };
  }
  return { kind: 'base', base: url.href.replace(/\/+$/, '') };
}

/** One per run: settings, and which override notices were already printed. */
export class HttpSession {
  readonly settings: HttpSettings;
  private readonly noticed = new Set<string>();
  private readonly providers = new Map<string, ProviderHttp>();

  constructor(settings: Partial<HttpSettings> = {}) {
    this.settings = { ...DEFAULT_HTTP_SETTINGS, ...settings };
  }

  forProvider(providerId: string): ProviderHttp {
    let http = this.providers.get(providerId);
    if (!http) {
      const variable = overrideVariable(providerId);
      const value = this.settings.env[variable];
      const override: Override = value === undefined || value === '' ? { kind: 'none' } : parseOverride(variable, value);
      http = new ProviderHttp(providerId, override, this);
      this.providers.set(providerId, http);
    }
    return http;
  }

  /** Print a notice at most once per key. */
  noticeOnce(key: string, message: string): void {
    if (this.noticed.has(key)) return;
    this.noticed.add(key);
    this.settings.notice(message);
  }
}

/** HTTP for one provider: URLs on its fixed hosts (or its override), and requests. */
export class ProviderHttp {
  constructor(
    readonly providerId: string,
    private readonly override: Override,
    private readonly session: HttpSession,
    /** Ends this handle's requests and back-off waits early (a run's verification deadline). */
    private readonly cancel?: AbortSignal,
  ) {}

  /** The same provider, with requests that also end when `signal` aborts. */
  withSignal(signal: AbortSignal): ProviderHttp {
    return new ProviderHttp(this.providerId, this.override, this.session, this.cancel ? AbortSignal.any([this.cancel, signal]) : signal);
  }

  /** The session's signal and this handle's, as one. */
  private signal(): AbortSignal | undefined {
    const session = this.session.settings.signal;
    if (session && this.cancel) return AbortSignal.any([session, this.cancel]);
    return session ?? this.cancel;
  }

  /**
   * The URL for `path` on one of the provider's fixed hosts (`defaultOrigin`, e.g.
   * `https://api.github.com`). With an override, every host of the provider maps to the override
   * base and the path is kept.
   */
  url(defaultOrigin: string, path: string): string {
    if (this.override.kind === 'base') {
      this.session.noticeOnce(
        this.providerId,
        `${this.providerId} API requests go to ${this.override.base} instead of the provider (${overrideVariable(this.providerId)} is set)`,
      );
      return `${this.override.base}${path}`;
    }
    return `${defaultOrigin}${path}`;
  }

  /**
   * For credentials that are URLs (Slack and Discord webhooks): the request URL, or undefined when the
   * URL is not https on one of `allowedHosts`. Only the path and query are taken from the secret.
   */
  webhookUrl(secretUrl: string, allowedHosts: readonly string[]): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(secretUrl);
    } catch {
      return undefined;
    }
    if (parsed.protocol !== 'https:' || !allowedHosts.includes(parsed.hostname.toLowerCase())) return undefined;
    if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return undefined;
    return this.url(`https://${parsed.hostname.toLowerCase()}`, `${parsed.pathname}${parsed.search}`);
  }

  async request(spec: HttpRequestSpec): Promise<HttpResult> {
    if (this.override.kind === 'invalid') return { ok: false, reason: this.override.reason };
    const settings = this.session.settings;
    const retryable = spec.retryable ?? defaultRetryable;
    const attempts = settings.retries + 1;
    const cancel = this.signal();
    let lastReason = 'no attempt made';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const result = await this.once(spec, cancel);
      if (!result.ok) {
        // Network errors and timeouts are retried like 5xx: they are usually transient.
        lastReason = result.reason;
        if (attempt < attempts && !cancel?.aborted) {
          await sleep(backoff(settings.backoffMs, attempt), cancel);
          continue;
        }
        return { ok: false, reason: attempts > 1 ? `${lastReason} (after ${attempts} attempts)` : lastReason };
      }
      const response = result.response;
      if (response.status >= 300 && response.status < 400) {
        return { ok: false, reason: `the provider answered with a redirect (HTTP ${response.status}); redirects are not followed` };
      }
      if (!retryable(response)) return result;
      lastReason = response.status === 429 ? 'rate limited (HTTP 429)' : `provider error (HTTP ${response.status})`;
      if (attempt === attempts) break;
      const retryAfter = retryAfterMs(response.headers.get('retry-after'));
      if (retryAfter !== undefined && retryAfter > settings.maxRetryWaitMs) {
        return { ok: false, reason: `${lastReason}; the provider asks to wait ${Math.ceil(retryAfter / 1000)} s` };
      }
      const wait = Math.min(settings.maxRetryWaitMs, Math.max(retryAfter ?? 0, backoff(settings.backoffMs, attempt)));
      await sleep(wait, cancel);
      if (cancel?.aborted) break;
    }
    return { ok: false, reason: `${lastReason} after ${attempts} attempts` };
  }

  private async once(spec: HttpRequestSpec, cancel: AbortSignal | undefined): Promise<HttpResult> {
    const settings = this.session.settings;
    if (cancel?.aborted) return { ok: false, reason: 'cancelled' };
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
    const headers: Record<string, string> = { 'User-Agent': settings.userAgent, ...spec.headers };
    try {
      const response = await fetch(spec.url, {
        method: spec.method,
        headers,
        body: spec.body,
        redirect: 'manual',
        signal,
      });
      const body = await readCapped(response);
      return { ok: true, response: { status: response.status, headers: response.headers, body, json: parseJson(body) } };
    } catch (error) {
      if (cancel?.aborted) return { ok: false, reason: 'cancelled' };
      if (timeout.aborted) return { ok: false, reason: `no answer within ${formatSeconds(settings.timeoutMs)}` };
      return { ok: false, reason: describeNetworkError(error) };
    }
  }
}

function defaultRetryable(response: HttpResponse): boolean {
  return response.status === 429 || response.status >= 500;
}

/** Exponential back-off with a little jitter so parallel workers do not retry in lock-step. */
function backoff(baseMs: number, attempt: number): number {
  const exact = baseMs * 2 ** (attempt - 1);
  return Math.round(exact * (0.8 + Math.random() * 0.4));
}

/** `Retry-After`: seconds, or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000;
  const when = Date.parse(trimmed);
  return Number.isNaN(when) ? undefined : Math.max(0, when - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      // A truncated body will not parse as JSON, which makes the verdict unknown.
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON that does not parse is `undefined`: a malformed answer is an unknown verdict, not a crash. */
export function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '' || (trimmed[0] !== '{' && trimmed[0] !== '[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

/** The kind of network failure, by code only: messages can carry the URL. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code =
    cause !== null && typeof cause === 'object' && 'code' in cause && typeof (cause as { code: unknown }).code === 'string'
      ? (cause as { code: string }).code
      : undefined;
  if (code) return `network error (${code})`;
  // A message of plain words ("bad port") carries no URL; anything else is named by its class only.
  const message = cause instanceof Error ? cause.message : '';
  if (/^[A-Za-z ]{1,60}$/.test(message)) return `network error (${message})`;
  const name = cause instanceof Error ? cause.name : error instanceof Error ? error.name : 'error';
  return `network error (${name})`;
}

// ---- small readers for provider JSON ------------------------------------------------------------

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `obj.a.b.c` when every step is an object; undefined otherwise. */
export function pick(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** A string or number field as a string (ids are sometimes numbers). */
export function text(value: unknown, ...path: string[]): string | undefined {
  const v = pick(value, ...path);
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** Build an identity record, dropping empty values. */
export function identityOf(entries: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

/** The reason for an answer the module does not recognise. */
export function unexpected(response: HttpResponse): string {
  if (response.status >= 200 && response.status < 300 && response.json === undefined && response.body.trim() !== '') {
    return `malformed answer (HTTP ${response.status}, body is not the expected JSON)`;
  }
  return `unexpected answer (HTTP ${response.status})`;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * List an organization's repositories through the GitHub REST API (`GET /orgs/{org}/repos`, 100 per
 * page, following `Link: rel="next"`), on github.com or GitHub Enterprise Server (`--api-url`).
 *
 * Rate limits are waited out, not fought: a 403 or 429 with `Retry-After` waits that long; one with
 * `X-RateLimit-Remaining: 0` waits until `X-RateLimit-Reset`; a secondary limit without either waits
 * a minute. A wait longer than `maxWaitMs` ends the listing with an error that says until when.
 * Server errors are retried with growing pauses. The token is sent only to the API's own origin.
 */
import type { RepoTarget } from './targets.js';

export interface GithubListOptions {
  org: string;
  /** `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  apiUrl: string;
  token?: string;
  includeForks?: boolean;
  includeArchived?: boolean;
  userAgent?: string;
  /** Longest single wait for a rate limit before giving up. Default 15 minutes. */
  maxWaitMs?: number;
  /** Attempts per page for rate limits and server errors. Default 6. */
  maxAttempts?: number;
  /** Injected in tests: the clock and the pause. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onWait?: (ms: number, reason: string) => void;
  signal?: AbortSignal;
}

export class GithubApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The fields of a repository object sprawlguard uses. */
interface ApiRepo {
  full_name: string;
  clone_url: string;
  default_branch?: string;
  fork?: boolean;
  archived?: boolean;
  disabled?: boolean;
  size?: number;
  pushed_at?: string | null;
}

export interface ListedRepos {
  targets: RepoTarget[];
  /** Left out by the fork/archived/disabled filters. */
  skipped: { name: string; reason: string }[];
  pages: number;
}

/** Hosts the token may be sent to when fetching: the API's web host (github.com for api.github.com). */
export function gitHostsFor(apiUrl: string): string[] {
  const host = new URL(apiUrl).hostname.toLowerCase();
  return host === 'api.github.com' ? ['github.com'] : [host];
}

export async function listOrgRepos(options: GithubListOptions): Promise<ListedRepos> {
  const api = new URL(options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/`);
  let next: URL | undefined = new URL(`orgs/${encodeURIComponent(options.org)}/repos?type=all&sort=full_name&per_page=100`, api);
  const targets: RepoTarget[] = [];
  const skipped: ListedRepos['skipped'] = [];
  let pages = 0;
  while (next) {
    const response = await getWithRetries(next, options);
    pages++;
    const body = (await response.json()) as unknown;
    if (!Array.isArray(body)) throw new GithubApiError(`${describe(next)}: expected a list of repositories, got ${typeof body}`);
    for (const raw of body as ApiRepo[]) {
      if (typeof raw?.full_name !== 'string' || typeof raw.clone_url !== 'string') continue;
      const reason = raw.disabled ? 'disabled' : raw.fork && !options.includeForks ? 'fork' : raw.archived && !options.includeArchived ? 'archived' : undefined;
      if (reason) {
        skipped.push({ name: raw.full_name, reason });
        continue;
      }
      targets.push({
        name: raw.full_name,
        location: raw.clone_url,
        kind: 'url',
        defaultBranch: raw.default_branch,
        pushedAt: raw.pushed_at ?? undefined,
        sizeKb: raw.size,
      });
    }
    const link = nextLink(response.headers.get('link'));
    // Never follow a link to another origin: the token would go with it.
    next = link && new URL(link, next).origin === api.origin ? new URL(link, next) : undefined;
  }
  targets.sort((a, b) => a.name.localeCompare(b.name));
  return { targets, skipped, pages };
}

async function getWithRetries(url: URL, options: GithubListOptions): Promise<Response> {
  const maxAttempts = options.maxAttempts ?? 6;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': options.userAgent ?? 'sprawlguard',
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: options.signal, redirect: 'error' });
    } catch (error) {
      if (options.signal?.aborted || attempt >= maxAttempts) {
        throw new GithubApiError(`${describe(url)}: ${(error as Error).message}`);
      }
      await pause(backoffMs(attempt), 'network error');
      continue;
    }
    if (response.ok) return response;

    const status = response.status;
    const text = await response.text().catch(() => '');
    const message = apiMessage(text);
    const wait = rateLimitWaitMs(response, now(), text);
    if ((status === 403 || status === 429) && wait !== undefined) {
      if (attempt >= maxAttempts) throw new GithubApiError(`${describe(url)}: still rate limited after ${attempt} attempts`, status);
      if (wait > maxWaitMs) {
        const until = new Date(now() + wait).toISOString();
        throw new GithubApiError(`${describe(url)}: rate limited until ${until}; run again then (finished repositories are kept)`, status);
      }
      await pause(wait, `rate limited (HTTP ${status})`);
      continue;
    }
    if (status >= 500 && attempt < maxAttempts) {
      await pause(backoffMs(attempt), `HTTP ${status}`);
      continue;
    }
    throw new GithubApiError(explain(status, url, options.org, message, Boolean(options.token)), status);
  }

  async function pause(ms: number, reason: string): Promise<void> {
    options.onWait?.(ms, reason);
    await sleep(ms);
  }
}

/**
 * How long GitHub asks us to wait, or undefined when the response is not a rate limit:
 * `Retry-After` first, then an exhausted primary limit's reset time, then (429, or a 403 that says
 * "rate limit") a minute, as GitHub's docs advise for secondary limits.
 */
export function rateLimitWaitMs(response: Pick<Response, 'status' | 'headers'>, nowMs: number, body = ''): number | undefined {
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) return Math.max(1000, reset * 1000 - nowMs + 1000);
  }
  if (response.status === 429 || /rate limit/i.test(body)) return 60_000;
  return undefined;
}

function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}

function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (m && /\brel="?next"?/.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

function apiMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // Not JSON: show the start of the text.
  }
  return text.slice(0, 200).trim();
}

/** The URL without its query, for messages. */
function describe(url: URL): string {
  return `GET ${url.origin}${url.pathname}`;
}

function explain(status: number, url: URL, org: string, message: string, hasToken: boolean): string {
  const detail = message ? ` (${message})` : '';
  switch (status) {
    case 401:
      return `${describe(url)}: HTTP 401${detail}: the token was rejected; check --token-env`;
    case 403:
      return `${describe(url)}: HTTP 403${detail}: the token may not list ${org}'s repositories (SSO authorization or missing scope?)`;
    case 404:
      return `${describe(url)}: HTTP 404${detail}: no organization "${org}" here${hasToken ? ', or the token cannot see it' : ' (private organizations need a token)'}`;
    default:
      return `${describe(url)}: HTTP ${status}${detail}`;
  }
}

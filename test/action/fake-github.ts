/**
 * A fake GitHub REST API on 127.0.0.1 for the sticky-comment flow: list (paginated with Link
 * headers, as GitHub does), create and update issue comments. Every request is recorded.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: { body?: string };
  authorization?: string;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeGithubOptions {
  /** Answer 403 "Resource not accessible by integration" to every write (a fork PR's read-only token). */
  readOnly?: boolean;
}

export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  /** Comments per issue number. */
  readonly comments = new Map<number, FakeComment[]>();
  private nextId = 1000;
  private server?: Server;
  url = '';

  constructor(private readonly options: FakeGithubOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Seed `count` comments by other people on an issue, optionally with the sticky one at `markerAt`. */
  seed(issue: number, count: number, sticky?: { at: number; body: string }): void {
    const list: FakeComment[] = [];
    for (let i = 0; i < count; i++) {
      list.push({ id: this.nextId++, body: `review comment ${i}`, user: { login: `reviewer${i % 3}`, type: 'User' } });
      if (sticky && i === sticky.at) list.push({ id: this.nextId++, body: sticky.body, user: { login: 'github-actions[bot]', type: 'Bot' } });
    }
    this.comments.set(issue, list);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: raw ? (JSON.parse(raw) as { body?: string }) : undefined,
      authorization: req.headers.authorization,
    };
    this.requests.push(recorded);

    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const single = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (recorded.method !== 'GET' && this.options.readOnly) {
      return { status: 403, body: { message: 'Resource not accessible by integration', status: '403' } };
    }
    if (list && recorded.method === 'GET') {
      const comments = this.comments.get(Number(list[1])) ?? [];
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = comments.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < comments.length) {
        const next = new URL(url.href);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return { status: 200, body: slice.map((c) => this.view(c)), headers };
    }
    if (list && recorded.method === 'POST') {
      const issue = Number(list[1]);
      const comment: FakeComment = { id: this.nextId++, body: recorded.body?.body ?? '', user: { login: 'github-actions[bot]', type: 'Bot' } };
      this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
      return { status: 201, body: this.view(comment) };
    }
    if (single && recorded.method === 'PATCH') {
      const id = Number(single[1]);
      for (const comments of this.comments.values()) {
        const comment = comments.find((c) => c.id === id);
        if (comment) {
          comment.body = recorded.body?.body ?? '';
          return { status: 200, body: this.view(comment) };
        }
      }
      return { status: 404, body: { message: 'Not Found' } };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  private view(c: FakeComment): Record<string, unknown> {
    return { ...c, html_url: `https://github.invalid/pr#issuecomment-${c.id}` };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => parts.push(d));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

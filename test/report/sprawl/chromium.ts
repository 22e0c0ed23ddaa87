/**
 * Open a page in headless Chromium and watch it through the DevTools protocol over a pipe
 * (`--remote-debugging-pipe`: commands on fd 3, replies and events on fd 4, each message JSON
 * followed by a NUL byte). No dependency and no network port: what the page logs, throws and
 * requests is collected, and expressions can be evaluated in it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Debian `chromium` package's binary (CI installs it), or CHROMIUM_PATH. */
export function findChromium(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export interface OpenedPage {
  /** Console errors, uncaught exceptions and browser log errors (CSP violations, failed loads). */
  errors: string[];
  /** Every URL the page asked for, the page itself included. */
  requests: string[];
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function openPage(binary: string, url: string, userDataDir: string, timeoutMs = 20_000): Promise<OpenedPage> {
  const child: ChildProcess = spawn(binary, [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 50) stderr.push(d.toString('utf8'));
  });
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;

  let nextId = 1;
  const pending = new Map<number, { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  const listeners: ((m: CdpMessage) => void)[] = [];
  let buffer = Buffer.alloc(0);
  fromBrowser.on('data', (data: Buffer) => {
    buffer = Buffer.concat([buffer, data]);
    for (let end = buffer.indexOf(0); end >= 0; end = buffer.indexOf(0)) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8')) as CdpMessage;
      buffer = buffer.subarray(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result ?? {});
      } else listeners.forEach((l) => l(message));
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('exit', () => {
    for (const w of pending.values()) w.reject(new Error(`chromium exited: ${stderr.join('').slice(-2000)}`));
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const within = <T>(promise: Promise<T>, what: string): Promise<T> =>
    Promise.race([
      promise,
      new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`chromium: ${what} took over ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);

  const errors: string[] = [];
  const requests: string[] = [];
  try {
    const { targetId } = (await within(send('Target.createTarget', { url: 'about:blank' }), 'opening a tab')) as { targetId: string };
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    listeners.push((m) => {
      if (m.sessionId !== sessionId || !m.params) return;
      const p = m.params;
      if (m.method === 'Runtime.consoleAPICalled') {
        const { type, args } = p as { type: string; args: { value?: unknown; description?: string }[] };
        if (type === 'error' || type === 'assert') errors.push(`console.${type}: ${args.map((a) => String(a.value ?? a.description)).join(' ')}`);
      } else if (m.method === 'Runtime.exceptionThrown') {
        const d = (p as { exceptionDetails: { text: string; exception?: { description?: string } } }).exceptionDetails;
        errors.push(`exception: ${d.exception?.description ?? d.text}`);
      } else if (m.method === 'Log.entryAdded') {
        const { entry } = p as { entry: { level: string; text: string; url?: string } };
        if (entry.level === 'error') errors.push(`log: ${entry.text}${entry.url ? ` (${entry.url})` : ''}`);
      } else if (m.method === 'Network.requestWillBeSent') {
        requests.push((p as { request: { url: string } }).request.url);
      }
    });
    for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await send(`${domain}.enable`, {}, sessionId);
    const loaded = new Promise<void>((resolve) => listeners.push((m) => m.sessionId === sessionId && m.method === 'Page.loadEventFired' && resolve()));
    await send('Page.navigate', { url }, sessionId);
    await within(loaded, `loading ${url}`);
    return {
      errors,
      requests,
      evaluate: async <T>(expression: string): Promise<T> => {
        const r = (await within(send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId), 'evaluating')) as {
          result: { value?: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
        return r.result.value as T;
      },
      close: async () => {
        await send('Browser.close').catch(() => undefined);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

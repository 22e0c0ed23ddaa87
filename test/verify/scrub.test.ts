/**
 * A provider that echoes the token back in another shape (split by a control character or a line
 * break, upper-cased, percent-encoded, JSON-escaped, with a zero-width space inside, as HTML
 * character references) must not get it into the report or the audit log. The scrubber finds it
 * in a normalised view of the text and removes the matching span of the original.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScrubber } from '../../src/verify/scrub.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../support/temp.js';
import { json, startFakeServer, type FakeServer, type RecordedRequest, type Reply } from './fake-server.js';

const hex = (c: string): string => c.charCodeAt(0).toString(16).padStart(2, '0');

const SHAPES: [string, (token: string) => string][] = [
  ['split by a control character', (t) => `${t.slice(0, 9)}\u0007${t.slice(9)}`],
  ['split by an escape sequence', (t) => `${t.slice(0, 9)}\u001b[0m${t.slice(9)}`],
  ['split by a line break', (t) => `${t.slice(0, 15)}\r\n${t.slice(15)}`],
  ['upper-cased', (t) => t.toUpperCase()],
  ['percent-encoded', (t) => [...t].map((c) => `%${hex(c)}`).join('')],
  ['JSON-escaped', (t) => [...t].map((c) => `\\u00${hex(c)}`).join('')],
  ['with a zero-width space', (t) => `${t.slice(0, 20)}\u200b${t.slice(20)}`],
  ['as HTML character references', (t) => [...t].map((c) => `&#${c.charCodeAt(0)};`).join('')],
  ['upper-cased and split by a tab', (t) => `${t.slice(0, 5).toUpperCase()}\t${t.slice(5)}`],
];
const TOKENS = SHAPES.map((_s, i) => fakeGithubPat(900 + i));

/** What a reader could still recognise: escapes decoded, invisible characters gone, case folded. */
function recognisable(text: string): string {
  return text
    .replace(/%([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_m, d: string) => String.fromCharCode(Number(d)))
    .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
    .toLowerCase();
}

function expectNoToken(text: string): void {
  const seen = recognisable(text);
  for (const [i, token] of TOKENS.entries()) expect(seen, `${SHAPES[i]![0]} leaked`).not.toContain(token.toLowerCase());
}

describe('makeScrubber', () => {
  it.each(SHAPES)('removes the token %s and keeps the text around it', (_name, shape) => {
    const token = TOKENS[0]!;
    const scrub = makeScrubber([token]);
    expect(scrub(`HTTP 403: token "${shape(token)}" is not allowed here`)).toBe('HTTP 403: token "[the token]" is not allowed here');
  });

  it('turns control and bidi characters of provider text into spaces', () => {
    const scrub = makeScrubber([TOKENS[0]]);
    expect(scrub('login=a\u009b2J\u202Eb\u2066c\u001b]8;;x')).toBe('login=a 2J b c ]8;;x');
  });

  it('leaves text without the token alone, and never hides a short common value', () => {
    const scrub = makeScrubber([TOKENS[0], 'abc', undefined]);
    expect(scrub('login=octo-synth, abc, ABC')).toBe('login=octo-synth, abc, ABC');
  });
});

describe('verification against a provider that echoes the token', () => {
  let server: FakeServer;
  let project: string;
  let report: string;
  let mode: 'identity' | 'reason' = 'identity';

  function echo(req: RecordedRequest): Reply {
    const token = String(req.headers.authorization ?? '').replace(/^token /, '');
    const index = TOKENS.indexOf(token);
    if (req.path !== '/user' || index === -1) return json(404, { message: 'Not Found' });
    const shaped = SHAPES[index]![1](token);
    return mode === 'identity' ? json(200, { login: 'octo-synth', id: 7, name: `owner of ${shaped}` }) : json(403, { message: `token ${shaped} is not allowed` });
  }

  beforeAll(async () => {
    server = await startFakeServer(echo);
    project = makeTree(Object.fromEntries(TOKENS.map((t, i) => [`app/${i}.env`, `GITHUB_TOKEN=${t}\n`])));
    report = path.join(makeTempDir(), 'report.json');
    const scan = await runCli(['scan', project, '--format', 'json', '--output', report]);
    expect(scan.code, scan.stderr).toBe(1);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['identity', 'reason'] as const)('keeps the token out of the report and the audit log when echoed in the %s', async (where) => {
    mode = where;
    const audit = path.join(makeTempDir(), 'audit.jsonl');
    const result = await runCli(['verify', report, '--root', project], { env: { SPRAWLGUARD_API_BASE_GITHUB: server.url, SPRAWLGUARD_AUDIT_LOG: audit } });
    const verdicts = parseJsonReport(result).findings.map((f) => f.verification as { status: string; identity?: string; reason?: string });
    expect(verdicts).toHaveLength(TOKENS.length);
    const auditText = readFileSync(audit, 'utf8');
    expect(auditText.trim().split('\n')).toHaveLength(TOKENS.length);
    for (const v of verdicts) {
      const shown = where === 'identity' ? v.identity : v.reason;
      expect(shown).toContain('[the token]');
      expectNoToken(JSON.stringify(v));
    }
    if (where === 'identity') expect(verdicts.every((v) => v.status === 'live' && v.identity?.startsWith('login=octo-synth, id=7'))).toBe(true);
    expectNoToken(result.stdout);
    expectNoToken(result.stderr);
    expectNoToken(auditText);
    // The audit log is JSON: read its values the way a reader would see them, too.
    for (const line of auditText.trim().split('\n')) expectNoToken(String((JSON.parse(line) as { detail: string }).detail));
  });
});

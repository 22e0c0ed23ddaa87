/**
 * The engine's work stays linear in its input on hostile text: every decoder reads each character
 * once, anchored rules are charged against a per-rule budget and coalesce their hits past it, and
 * keyword hits come in bounded batches. Asserted through the detector's own work counters and the
 * limits it reports (never through time), and against what a user notices: secrets are still
 * found, and every cut is reported with the rule and the offset.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { Detector, type ScanResult } from '../../src/engine/detector.js';
import { MAX_PERCENT_RUN } from '../../src/engine/decode/percent.js';
import { searchBudget } from '../../src/engine/search-budget.js';
import { base62Text, fakeGithubPat } from '../support/engine-fakes.js';

const rules = loadBuiltinRules();
const detector = new Detector(rules, { now: Date.parse('2026-11-27T00:00:00Z') });

function percentEncodeAll(text: string): string {
  return [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** A GitHub token in the text is reported, at `at` when given. */
function expectToken(result: ScanResult, token: string, at?: number): void {
  const found = result.matches.find((m) => m.secret === token);
  expect(found, `token ${token.slice(0, 8)}… reported`).toBeDefined();
  if (at !== undefined) expect(found?.start).toBe(at);
}

describe('decoding on hostile text', () => {
  it('decodes a run of percent escapes once, however long it is', () => {
    for (const count of [20_000, 80_000]) {
      const text = '%2F'.repeat(count);
      const { work, limits } = detector.scanWithWork(text);
      // Every character goes to the decoder once (before, every escape past the 8,192nd character
      // of the run decoded the run again from its start).
      expect(work.decoded).toBeLessThanOrEqual(text.length);
      expect(work.decoded).toBeGreaterThan(text.length * 0.9);
      expect(limits).toEqual([]);
    }
  });

  it('finds a secret hidden at the end of a long URL-encoded form body, at the piece of the body that holds it', () => {
    const token = fakeGithubPat(101);
    const viewState = encodeURIComponent(Buffer.from(base62Text(5, 150_000)).toString('base64'));
    const body = `__VIEWSTATE=${viewState}&user=alice&note=${percentEncodeAll(`token=${token}`)}&submit=Sign+in`;
    const text = `{"postData": {"text": "${body}"}}`;
    const result = detector.scanWithWork(text);
    const found = result.matches.find((m) => m.secret === token);
    expect(found?.facts?.encoding).toBe('percent');
    // Reported where its piece of the run starts: within the last MAX_PERCENT_RUN characters before it.
    const at = text.indexOf('&note=');
    expect(found?.start).toBeGreaterThan(at - MAX_PERCENT_RUN);
    expect(found?.start).toBeLessThanOrEqual(at + 1);
    expect(result.work.decoded).toBeLessThanOrEqual(text.length);
    expect(result.limits).toEqual([]);
  });

  it('stops decoding at its budget, reports where, and keeps what it found before', () => {
    const token = fakeGithubPat(102);
    const first = `token: ${Buffer.from(`login ${token}`).toString('base64')}`;
    // About 1.5 MB of base64 values after credential words: more than one scan may decode.
    const filler = Array.from({ length: 36_000 }, (_, i) => `secret: ${Buffer.from(`user=svc${i} host=db${i}.internal`).toString('base64')}`);
    const text = [first, ...filler].join('\n');
    const result = detector.scanWithWork(text);
    expectToken(result, token, text.indexOf(Buffer.from(`login ${token}`).toString('base64')));
    const cut = result.limits.find((l) => l.kind === 'decoding');
    expect(cut).toBeDefined();
    expect(cut?.offset).toBeGreaterThan(first.length);
    expect(cut?.count).toBeGreaterThan(1000);
  });
});

describe('anchored rules on keyword floods', () => {
  const flyToken = `fm2_${base62Text(9, 180)}`;

  it('charges each run its reach and coalesces hits past the rule budget, reporting the rule and offset', () => {
    for (const size of [250_000, 1_000_000]) {
      const flood = 'fm2_='.repeat(size / 5);
      const text = `FLY_API_TOKEN="${flyToken}"\n${flood}`;
      const result = detector.scanWithWork(text);
      expect(result.matches.some((m) => m.secret === flyToken), 'the token before the flood').toBe(true);
      // Linear: the budget plus one reach-spaced run per reach of text, whatever the hit density.
      expect(result.work.searched).toBeLessThanOrEqual(rules.length * text.length + searchBudget(text.length) * 2);
      const cut = result.limits.find((l) => l.kind === 'rule-search' && l.ruleId === 'flyio-access-token');
      expect(cut).toBeDefined();
      expect(cut?.offset).toBeGreaterThan(text.indexOf(flood));
      expect(result.work.coalesced).toBeGreaterThan(0);
    }
  });

  it('one rule alone: the work per character of a flood does not grow with its length', () => {
    const fly = rules.filter((r) => r.id === 'flyio-access-token');
    const single = new Detector(fly, { decodeDepth: 0 });
    const perChar = [200_000, 800_000].map((size) => single.scanWithWork('fm2_='.repeat(size / 5)).work.searched / size);
    // Without the budget a run at every hit reads ~27,000 characters: 5,000 per character of text.
    expect(perChar[0]).toBeLessThan(40);
    expect(perChar[1]).toBeLessThan(40);
  });

  it('never reaches a budget on ordinary text dense with credentials, and finds every one', () => {
    const lines: string[] = [];
    const tokens: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      if (i % 10 === 0) {
        const token = fakeGithubPat(1000 + i);
        tokens.push(token);
        lines.push(`GITHUB_TOKEN_${i}=${token}`);
      } else lines.push(`SERVICE_${i}_PASSWORD=${base62Text(i, 18)}  # rotated ${i % 28} days ago`);
    }
    const text = lines.join('\n');
    const result = detector.scanWithWork(text);
    expect(result.limits).toEqual([]);
    expect(result.work.coalesced).toBe(0);
    for (const token of tokens) expect(result.matches.some((m) => m.secret === token)).toBe(true);
    // Exactly what scanning each line on its own finds (where no budget can come into play).
    const lineByLine = lines.flatMap((line) => detector.scan(line).map((m) => `${m.rule.id}:${m.secret}`));
    expect(result.matches.map((m) => `${m.rule.id}:${m.secret}`)).toEqual(lineByLine);
    expect(lineByLine.length).toBeGreaterThan(19_000);
  });
});

describe('keyword hits in batches', () => {
  it('gives the same matches and the same work whatever the batch size', () => {
    const token = fakeGithubPat(103);
    const text = [
      'pwd '.repeat(3000),
      `const t = "${token}";`,
      'password=x '.repeat(500),
      `API_KEY=${base62Text(3, 32)}`,
      'fm2_='.repeat(2000),
      `secret: ${Buffer.from(`token ${fakeGithubPat(104)}`).toString('base64')}`,
    ].join('\n');
    const reference = detector.scanWithWork(text);
    expectToken(reference, token);
    for (const hitBatch of [16, 100, 4096]) {
      const batched = new Detector(rules, { now: Date.parse('2026-11-27T00:00:00Z'), hitBatch }).scanWithWork(text);
      expect(batched.matches.map((m) => `${m.rule.id}@${m.start}-${m.end}`)).toEqual(reference.matches.map((m) => `${m.rule.id}@${m.start}-${m.end}`));
      expect(batched.work).toEqual(reference.work);
    }
  });
});

/**
 * The audit log: entries chained by the hash of the previous line, and a check that finds any edit,
 * deletion, insertion or reordering (and, given the head hash, a change to the last line).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, checkAuditText, currentActor, GENESIS_HASH, hashLine, type AuditEntry } from '../../src/verify/audit-log.js';
import { makeTempDir } from '../support/temp.js';

const FP = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;

async function logWith(count: number): Promise<{ file: string; lines: string[] }> {
  const file = path.join(makeTempDir(), 'nested', 'audit.jsonl');
  const log = new AuditLog(file, { actor: { user: 'tester', host: 'box' }, now: () => new Date('2026-05-01T00:00:00Z') });
  for (let i = 1; i <= count; i++) {
    await log.append({ action: i % 2 ? 'verify' : 'revoke', provider: 'github', fingerprint: FP(i), outcome: i % 2 ? 'live' : 'revoked', detail: `entry ${i}` });
  }
  const text = readFileSync(file, 'utf8');
  return { file, lines: text.slice(0, -1).split('\n') };
}

describe('appending', () => {
  it('writes one JSON entry per line, chained from the genesis hash, numbered from 1', async () => {
    const { lines } = await logWith(3);
    const entries = lines.map((l) => JSON.parse(l) as AuditEntry);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prev).toBe(GENESIS_HASH);
    expect(entries[1]?.prev).toBe(hashLine(lines[0] as string));
    expect(entries[2]?.prev).toBe(hashLine(lines[1] as string));
    expect(entries[0]).toMatchObject({
      time: '2026-05-01T00:00:00.000Z',
      actor: { user: 'tester' },
      action: 'verify',
      provider: 'github',
      fingerprint: FP(1),
      outcome: 'live',
      detail: 'entry 1',
    });
  });

  it('keeps the chain when many appends race, in one process and from two writers', async () => {
    const file = path.join(makeTempDir(), 'audit.jsonl');
    const a = new AuditLog(file);
    const b = new AuditLog(file);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append({ action: 'verify', provider: 'slack', fingerprint: FP(i), outcome: 'dead' })),
    );
    const result = checkAuditText(readFileSync(file, 'utf8'));
    expect(result).toMatchObject({ ok: true, entries: 20 });
  });

  it('continues an existing log rather than starting a new chain', async () => {
    const { file } = await logWith(2);
    await new AuditLog(file).append({ action: 'verify', provider: 'npm', fingerprint: FP(9), outcome: 'dead' });
    expect(checkAuditText(readFileSync(file, 'utf8'))).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses to append after a damaged last line', async () => {
    const { file } = await logWith(2);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"half":`);
    await expect(new AuditLog(file).append({ action: 'verify', provider: 'npm', fingerprint: FP(9), outcome: 'dead' })).rejects.toThrow(/incomplete/);
  });

  it('names the CI run as the actor in GitHub Actions', () => {
    const actor = currentActor({ GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW: 'secrets', GITHUB_RUN_ID: '123', GITHUB_REPOSITORY: 'o/r', GITHUB_ACTOR: 'dev' });
    expect(actor.ci).toEqual({ system: 'github-actions', workflow: 'secrets', runId: '123', repository: 'o/r', actor: 'dev' });
    expect(actor.user).toBeTruthy();
  });
});

describe('checking', () => {
  it('proves an intact chain and gives its head hash', async () => {
    const { file, lines } = await logWith(4);
    expect(checkAuditText(readFileSync(file, 'utf8'))).toEqual({ ok: true, entries: 4, head: hashLine(lines[3] as string) });
    expect(checkAuditText('')).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
  });

  it('finds an edited line (reported at the line after it)', async () => {
    const { lines } = await logWith(4);
    const edited = [...lines];
    edited[1] = (edited[1] as string).replace('"outcome":"revoked"', '"outcome":"failed"');
    expect(edited[1]).not.toBe(lines[1]);
    const result = checkAuditText(`${edited.join('\n')}\n`);
    // Line 2 may be the changed one: only line 1 is proven (by line 2's prev).
    expect(result).toMatchObject({ ok: false, line: 3, entries: 1, reason: expect.stringContaining('line 2 was changed') });
  });

  it('counts as intact only the entries a later entry\'s hash proves, wherever the break is', async () => {
    const { lines } = await logWith(7);
    const editLine = (n: number): string => {
      const edited = [...lines];
      edited[n - 1] = (edited[n - 1] as string).replace(`"detail":"entry ${n}"`, `"detail":"entry ${n}, edited"`);
      return `${edited.join('\n')}\n`;
    };
    const head = hashLine(lines[6] as string);
    // First, middle and last entries edited; the last is only visible against the head hash.
    expect(checkAuditText(editLine(1), head)).toMatchObject({ ok: false, line: 2, entries: 0 });
    expect(checkAuditText(editLine(5), head)).toMatchObject({ ok: false, line: 6, entries: 4 });
    expect(checkAuditText(editLine(6), head)).toMatchObject({ ok: false, line: 7, entries: 5 });
    expect(checkAuditText(editLine(7), head)).toMatchObject({ ok: false, line: 7, entries: 6, reason: expect.stringContaining('expected head') });
    // A line that is not an entry: nothing proves the entry before it.
    expect(checkAuditText(`${[lines[0], lines[1], lines[2], 'garbage', lines[3]].join('\n')}\n`)).toMatchObject({ ok: false, line: 4, entries: 2 });
    // A wrong sequence number under a matching prev hash: the entry before it is proven.
    const renumbered = JSON.stringify({ ...(JSON.parse(lines[3] as string) as AuditEntry), seq: 9 });
    expect(checkAuditText(`${[lines[0], lines[1], lines[2], renumbered].join('\n')}\n`)).toMatchObject({ ok: false, line: 4, entries: 3 });
  });

  it('finds a deleted line', async () => {
    const { lines } = await logWith(4);
    const result = checkAuditText(`${[lines[0], lines[1], lines[3]].join('\n')}\n`);
    expect(result).toMatchObject({ ok: false, line: 3 });
  });

  it('finds a deleted first line', async () => {
    const { lines } = await logWith(3);
    expect(checkAuditText(`${lines.slice(1).join('\n')}\n`)).toMatchObject({ ok: false, line: 1, reason: expect.stringContaining('genesis') });
  });

  it('finds reordered lines', async () => {
    const { lines } = await logWith(4);
    const result = checkAuditText(`${[lines[0], lines[2], lines[1], lines[3]].join('\n')}\n`);
    expect(result).toMatchObject({ ok: false, line: 2 });
  });

  it('finds an inserted line even when its prev hash was forged to fit', async () => {
    const { lines } = await logWith(3);
    const forged = JSON.stringify({ seq: 3, time: 'x', actor: { user: 'm' }, action: 'verify', provider: 'p', fingerprint: FP(5), outcome: 'dead', prev: hashLine(lines[1] as string) });
    const result = checkAuditText(`${[lines[0], lines[1], forged, lines[2]].join('\n')}\n`);
    expect(result).toMatchObject({ ok: false, line: 4 });
  });

  it('finds lines that are not entries', async () => {
    const { lines } = await logWith(2);
    expect(checkAuditText(`${lines[0]}\nnot json\n`)).toMatchObject({ ok: false, line: 2, reason: 'not valid JSON' });
    expect(checkAuditText(`${lines[0]}\n\n${lines[1]}\n`)).toMatchObject({ ok: false, line: 2, reason: 'empty line' });
  });

  it('with the expected head, also finds a changed last line and a truncated end', async () => {
    const { lines } = await logWith(3);
    const head = hashLine(lines[2] as string);
    const lastEdited = [...lines];
    lastEdited[2] = (lastEdited[2] as string).replace('"outcome":"live"', '"outcome":"dead"');
    expect(checkAuditText(`${lastEdited.join('\n')}\n`)).toMatchObject({ ok: true });
    expect(checkAuditText(`${lastEdited.join('\n')}\n`, head)).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('expected head') });
    expect(checkAuditText(`${lines.slice(0, 2).join('\n')}\n`, head)).toMatchObject({ ok: false });
    expect(checkAuditText(`${lines.join('\n')}\n`, head)).toMatchObject({ ok: true, head });
  });
});

/**
 * Reading a secret back from where a report says it was: exact spans, shifted text found again by
 * the rule's pattern, fingerprints that must match, and commits read with `git show`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/findings/finding.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { linesAround, locateSecret, SourceReader, textAt } from '../../src/verify/reread.js';
import { loadRuleFiles } from '../../src/rules/load.js';
import type { Rule } from '../../src/rules/schema.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTree } from '../support/temp.js';

const PAT = fakeGithubPat(701);
const RULE = (() => {
  const { rules } = loadRuleFiles([{ path: 'rules/github.yaml', text: readFileSync(new URL('../../rules/github.yaml', import.meta.url), 'utf8') }]);
  return rules.find((r) => r.id === 'github-classic-pat') as Rule;
})();

const at = (line: number, column: number, endLine: number, endColumn: number, extra: Partial<Location> = {}): Location => ({
  source: 'file',
  path: 'a.env',
  line,
  column,
  endLine,
  endColumn,
  ...extra,
});

describe('locating a secret in text', () => {
  const text = `# header\nTOKEN=${PAT}\n`;

  it('takes the exact recorded span', () => {
    expect(textAt(text, at(2, 7, 2, 6 + PAT.length))).toBe(PAT);
    expect(locateSecret(text, at(2, 7, 2, 6 + PAT.length), fingerprintSecret(PAT), RULE)).toEqual({ secret: PAT });
  });

  it('finds the secret again with the rule when the line moved or was re-indented', () => {
    const moved = `# header\n# new line\n    TOKEN=${PAT}\n`;
    expect(locateSecret(moved, at(2, 7, 2, 6 + PAT.length), fingerprintSecret(PAT), RULE)).toEqual({ secret: PAT });
  });

  it('refuses text whose fingerprint differs, and honours the fingerprint key', () => {
    const other = fakeGithubPat(702);
    const changed = `# header\nTOKEN=${other}\n`;
    expect(locateSecret(changed, at(2, 7, 2, 6 + PAT.length), fingerprintSecret(PAT), RULE)).toEqual({ reason: expect.stringContaining('no longer matches') });
    expect(locateSecret(text, at(2, 7, 2, 6 + PAT.length), fingerprintSecret(PAT, 'k'), RULE)).toMatchObject({ reason: expect.any(String) });
    expect(locateSecret(text, at(2, 7, 2, 6 + PAT.length), fingerprintSecret(PAT, 'k'), RULE, 'k')).toEqual({ secret: PAT });
  });

  it('handles spans past the end of the file', () => {
    expect(textAt(text, at(9, 1, 9, 5))).toBeUndefined();
    expect(linesAround('a\nb\nc\n', 0, 2)).toEqual({ text: 'a\nb\n', firstLine: 1 });
  });
});

describe('reading sources', () => {
  it('reads files under the root; standard input and tickets are not re-readable', async () => {
    const dir = makeTree({ 'a.env': `TOKEN=${PAT}\n` });
    const reader = new SourceReader(dir);
    expect(await reader.read(at(1, 7, 1, 46))).toEqual({ ok: true, text: `TOKEN=${PAT}\n` });
    expect(await reader.read(at(1, 1, 1, 1, { path: 'missing.env' }))).toEqual({ ok: false, reason: 'cannot read missing.env (ENOENT)' });
    expect((await reader.read(at(1, 1, 1, 1, { path: '-' }))).ok).toBe(false);
    expect((await reader.read(at(1, 1, 1, 1, { source: 'ticket' }))).ok).toBe(false);
  });

  it('reads a file as it was in a commit', async () => {
    const repo = new TestRepo();
    const commit = repo.commit('add', { 'conf/a.env': `TOKEN=${PAT}\n` }).trim();
    repo.commit('remove', { 'conf/a.env': null });
    const reader = new SourceReader(repo.dir);
    expect(await reader.read(at(1, 7, 1, 46, { source: 'history', path: 'conf/a.env', commit }))).toEqual({ ok: true, text: `TOKEN=${PAT}\n` });
    expect(await reader.read(at(1, 7, 1, 46, { source: 'history', path: 'conf/a.env', commit: 'not-a-sha' }))).toEqual({ ok: false, reason: 'not a commit id' });
  });
});

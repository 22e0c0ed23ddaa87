/**
 * The accuracy harness itself: the corpus is the same for a seed, planted checksummed tokens are
 * valid (so a miss is a real miss), decoys with a broken checksum are not, and the scorer counts
 * precision and recall the way the report says.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, type Label } from '../../bench/accuracy/corpus.js';
import { atlassian, breakLast, crc62, githubFineGrained, gitlabRoutable } from '../../bench/accuracy/gen.js';
import { f1, precision, recall, type RuleInfo, score, type ScoredFinding } from '../../bench/accuracy/score.js';
import { Random } from '../../bench/lib/random.js';
import { checksumValidator } from '../../src/engine/checksums.js';
import { makeTempDir } from '../support/temp.js';

function treeDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('labelled corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateCorpus({ seed: 'unit', files: 60, dir: makeTempDir() });
    const b = generateCorpus({ seed: 'unit', files: 60, dir: makeTempDir() });
    const c = generateCorpus({ seed: 'other', files: 60, dir: makeTempDir() });
    expect(b.labels).toEqual(a.labels);
    expect(treeDigest(b.dir)).toBe(treeDigest(a.dir));
    expect(treeDigest(c.dir)).not.toBe(treeDigest(a.dir));
    expect(a.labels.some((l) => l.positive)).toBe(true);
    expect(a.labels.some((l) => !l.positive)).toBe(true);
  });

  it('labels point at lines that exist in their files', () => {
    const corpus = generateCorpus({ seed: 'lines', files: 40, dir: makeTempDir() });
    for (const label of corpus.labels) {
      const lines = readFileSync(path.join(corpus.dir, label.file), 'utf8').split('\n');
      expect(label.line).toBeGreaterThanOrEqual(1);
      expect(label.endLine).toBeLessThanOrEqual(lines.length);
      expect((lines[label.line - 1] ?? '').trim().length, `${label.file}:${label.line}`).toBeGreaterThan(0);
    }
  });

  it('plants checksummed tokens with valid checksums and decoys with broken ones', () => {
    const rng = new Random('checksums');
    const cases: [string, () => string][] = [
      ['github-crc32', () => crc62(['gh', 'p_'].join(''))(rng)],
      ['npm-crc32', () => crc62(['np', 'm_'].join(''))(rng)],
      ['github-fine-grained', () => githubFineGrained(rng)],
      ['gitlab-routable', () => gitlabRoutable(['gl', 'pat-'].join(''))(rng)],
      ['atlassian-crc32', () => atlassian(['ATATT3', 'xFfGF0'].join(''))(rng)],
    ];
    for (const [name, make] of cases) {
      const validator = checksumValidator(name)!;
      for (let i = 0; i < 20; i++) {
        const token = make();
        expect(validator.check(token), `${name} ${i}`).toBe(true);
        // The last 8 characters of a fine-grained PAT are outside its checksum (docs/credential-formats.md#checksums-and-structural-checks).
        if (name !== 'github-fine-grained') expect(validator.check(breakLast(token)), `${name} broken ${i}`).toBe(false);
      }
    }
  });
});

describe('scoring', () => {
  const rules = new Map<string, RuleInfo>([
    ['github-classic-pat', { id: 'github-classic-pat', tags: ['vcs'], generic: false }],
    ['generic-secret-assignment', { id: 'generic-secret-assignment', tags: ['generic'], generic: true }],
  ]);
  const label = (file: string, line: number, positive: boolean, kind: string): Label => ({ file, line, endLine: line, positive, kind, also: [], form: 'env:assign' });
  const finding = (path: string, line: number, ruleId: string): ScoredFinding => ({ ruleId, path, line, endLine: line, confidence: 'high', redacted: 'x…y' });

  it('counts found secrets once, false positives by the negative they hit, and misses', () => {
    const labels = [label('a', 1, true, 'github-classic-pat'), label('a', 2, true, 'generic'), label('b', 1, true, 'github-classic-pat'), label('a', 3, false, 'placeholder')];
    const findings = [
      finding('a', 1, 'github-classic-pat'),
      finding('a', 1, 'generic-secret-assignment'), // a second report of a found secret: a duplicate, not a hit
      finding('a', 2, 'github-classic-pat'), // found, under another rule than expected
      finding('a', 3, 'generic-secret-assignment'), // a placeholder
      finding('c', 9, 'generic-secret-assignment'), // nothing labelled there
    ];
    const result = score(labels, findings, rules);
    expect(result.overall).toMatchObject({ positives: 3, found: 2, foundRightKind: 1, hits: 2, falsePositives: 2 });
    expect(precision(result.overall)).toBe(0.5);
    expect(recall(result.overall)).toBeCloseTo(2 / 3);
    expect(f1(result.overall)).toBeCloseTo(0.5714, 3);
    expect(result.duplicates).toBe(1);
    expect(result.misses.map((m) => `${m.label.file}:${m.label.line}`)).toEqual(['b:1']);
    expect(result.falsePositives.map((f) => f.category).sort()).toEqual(['placeholder', 'unlabelled']);
    expect(result.wrongKind.map((w) => w.ruleIds)).toEqual([['github-classic-pat']]);
    expect(result.byFamily.get('vcs')).toMatchObject({ positives: 2, found: 1, falsePositives: 0 });
    expect(result.byFamily.get('generic')).toMatchObject({ positives: 1, found: 1, falsePositives: 2 });
  });
});

/**
 * The realistic accuracy corpus and its harness: every file is labelled and every label still
 * points at its line; materialising fills every slot with a format-valid value and moves labels
 * with multi-line values; scoring counts by line the way the report says; the report redacts
 * secrets and never lists held-out files.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialiseRealistic, type PlacedLabel } from '../../bench/accuracy/realistic-corpus.js';
import { contextOf, loadLabels, splitOf } from '../../bench/accuracy/realistic-labels.js';
import { runRealistic } from '../../bench/accuracy/realistic-report.js';
import { f1, precision, recall, scoreRealistic } from '../../bench/accuracy/realistic-score.js';
import { fillSlots, SlotError } from '../../bench/accuracy/realistic-values.js';
import { checksumValidator } from '../../src/engine/checksums.js';
import { makeTempDir, makeTree } from '../support/temp.js';

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

const fill = (text: string, group = 'g', seed = 's'): string => fillSlots(text, seed, group).text;

describe('the realistic corpus as committed', () => {
  const set = loadLabels();

  it('lists every file in a labels file, and every label matches its line', () => {
    expect(set.problems).toEqual([]);
    expect(set.files.length).toBeGreaterThan(300);
    expect(set.labels.filter((l) => l.expected === 'secret').length).toBeGreaterThan(300);
    expect(set.labels.filter((l) => l.expected === 'not-secret').length).toBeGreaterThan(300);
  });

  it('materialises the same bytes for a seed, with every slot filled', () => {
    const a = materialiseRealistic({ seed: 'unit', dir: makeTempDir(), labels: set });
    const b = materialiseRealistic({ seed: 'unit', dir: makeTempDir(), labels: set });
    expect(a.problems).toEqual([]);
    expect(treeDigest(b.dir)).toBe(treeDigest(a.dir));
    expect(b.labels).toEqual(a.labels);
    for (const file of a.files) expect(readFileSync(path.join(a.dir, file.path), 'utf8'), file.path).not.toContain('{{gen:');
    // A label's anchor is on the line it moved to (slots before it may have added lines).
    for (const label of a.labels.filter((l) => !l.at.startsWith('{{gen:'))) {
      const lines = readFileSync(path.join(a.dir, label.path), 'utf8').split('\n');
      expect(lines.slice(label.outLine - 1, label.outEndLine).join('\n'), `${label.path}:${label.line}`).toContain(label.at);
    }
  });

  it('holds out about 30% of the files by a fixed hash of the path', () => {
    const files = set.files;
    const held = files.filter((f) => splitOf(f) === 'holdout').length / files.length;
    expect(held).toBeGreaterThan(0.25);
    expect(held).toBeLessThan(0.36);
    expect(files.map(splitOf)).toEqual(files.map(splitOf));
  });
});

describe('contexts by path', () => {
  it.each([
    ['shop/src/app.py', 'source'],
    ['shop/config/.env', 'source'],
    ['shop/tests/conftest.py', 'test'],
    ['go/internal/db/db_test.go', 'test'],
    ['web/src/client.test.ts', 'test'],
    ['shop/docs/deploy.md', 'docs'],
    ['shop/README.md', 'docs'],
    ['api/examples/curl/run.sh', 'example'],
    ['shop/.env.example', 'example'],
    ['wp/wp-config-sample.php', 'example'],
    ['lib/node_modules/jsonwebtoken/test/priv.pem', 'vendor'],
    ['go/vendor/github.com/x/y.go', 'vendor'],
    ['web/public/vendor/analytics.min.js', 'vendor'],
    ['lib/dist/index.min.js', 'generated'],
    ['web/package-lock.json', 'generated'],
    ['go/api/payments.pb.go', 'generated'],
  ])('%s is %s', (file, context) => {
    expect(contextOf(file)).toBe(context);
  });
});

describe('slot values', () => {
  it('gives one value per kind and id in a group, another in another group, one everywhere for @ids', () => {
    expect(fill('{{gen:github-pat:a}}')).toBe(fill('x {{gen:github-pat:a}}').slice(2));
    expect(fill('{{gen:github-pat:a}}')).not.toBe(fill('{{gen:github-pat:b}}'));
    expect(fill('{{gen:github-pat:a}}', 'g1')).not.toBe(fill('{{gen:github-pat:a}}', 'g2'));
    expect(fill('{{gen:github-pat:@a}}', 'g1')).toBe(fill('{{gen:github-pat:@a}}', 'g2'));
    expect(fill('{{gen:github-pat:a}}', 'g', 's1')).not.toBe(fill('{{gen:github-pat:a}}', 'g', 's2'));
  });

  it('makes checksummed tokens with valid checksums', () => {
    for (let i = 0; i < 20; i++) {
      expect(checksumValidator('github-crc32')!.check(fill(`{{gen:github-pat:${i}}}`))).toBe(true);
      expect(checksumValidator('npm-crc32')!.check(fill(`{{gen:npm-token:${i}}}`))).toBe(true);
      expect(checksumValidator('atlassian-crc32')!.check(fill(`{{gen:atlassian:${i}}}`))).toBe(true);
    }
  });

  it('makes NATS seeds with the user-seed prefix and a valid CRC-16', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    for (let i = 0; i < 10; i++) {
      const seed = fill(`{{gen:nkey-seed:${i}}}`);
      expect(seed).toMatch(/^SU[A-Z2-7]{56}$/);
      let bits = '';
      for (const ch of seed) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
      const bytes = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
      const data = bytes.subarray(0, 34);
      let crc = 0;
      for (const byte of data) {
        crc ^= byte << 8;
        for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
      expect(bytes.readUInt16LE(34)).toBe(crc);
    }
  });

  it('makes private keys that parse, JWTs with three parts, and base32 OTP seeds', () => {
    const key = createPrivateKey(fill('{{gen:pem-pkcs8-ec:k}}'));
    expect(key.asymmetricKeyType).toBe('ec');
    expect(fill('{{gen:pem-rsa:k}}').split('\n')[0]).toBe(['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' '));
    const jwt = fill('{{gen:jwt:t}}').split('.');
    expect(jwt).toHaveLength(3);
    expect(JSON.parse(Buffer.from(jwt[0]!, 'base64url').toString())).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    expect(fill('{{gen:b32-32:otp}}')).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('applies line picks and modifiers', () => {
    const pem = fill('{{gen:pem-ec:k}}');
    expect(fill('{{gen:pem-ec:k#2}}')).toBe(pem.split('\n')[2]);
    expect(fill('{{gen:pem-ec:k|json}}')).toBe(pem.replaceAll('\n', '\\n'));
    expect(Buffer.from(fill('{{gen:pem-ec:k|b64}}'), 'base64').toString()).toBe(pem);
    expect(fill('{{gen:pem-ec:k|indent4}}')).toBe(pem.replaceAll('\n', '\n    '));
    expect(() => fill('{{gen:no-such-kind:k}}')).toThrow(SlotError);
    expect(() => fill('{{gen:pem-ec:k#99}}')).toThrow(SlotError);
    expect(fill('${{ secrets.TOKEN }} {{ .Values.password }}')).toBe('${{ secrets.TOKEN }} {{ .Values.password }}');
  });
});

describe('labels on a small corpus', () => {
  const labelsFor = (yaml: string, files: Record<string, string>): string =>
    makeTree({ 'labels/g.yaml': yaml, ...Object.fromEntries(Object.entries(files).map(([p, t]) => [`files/g/${p}`, t])) });

  it('reports unlisted files, drifted anchors, lines out of range, unknown tags and double labels', () => {
    const root = labelsFor(
      [
        'g/a.env:',
        '  - { line: 1, expected: secret, kind: password, shape: plain-assignment, at: DB_PASSWORD }',
        '  - { line: 2, expected: secret, kind: password, shape: plain-assignment, at: DB_PASSWORD }',
        '  - { line: 9, expected: secret, kind: password, shape: plain-assignment, at: X }',
        '  - { line: 3, expected: maybe, kind: pasword, shape: nice, at: X }',
        '  - { line: 1, expected: not-secret, kind: password, shape: placeholder, at: DB }',
        'g/missing.env: []',
      ].join('\n'),
      { 'a.env': 'DB_PASSWORD=hunter22\nAPI_KEY=x\nX=1', 'b.env': '' },
    );
    const problems = loadLabels(root).problems.join('\n');
    expect(problems).toContain('g/a.env:2: "DB_PASSWORD" is not on the labelled line(s)');
    expect(problems).toContain('g/a.env:9: line must be 1..3');
    expect(problems).toContain('expected must be secret or not-secret');
    expect(problems).toContain('unknown kind "pasword"');
    expect(problems).toContain('unknown shape "nice"');
    expect(problems).toContain('g/a.env:1: more than one label covers this line');
    expect(problems).toContain('g/missing.env does not exist under files/');
    expect(problems).toContain('g/b.env: not listed in any labels/*.yaml');
  });

  it('moves labels below a multi-line value and pins a slot label to its columns', () => {
    const root = labelsFor(
      [
        'g/k.ts:',
        '  - { line: 1, expected: secret, kind: private-key, shape: pem-block, at: KEY }',
        '  - { line: 2, expected: secret, kind: aws-secret-key, shape: aws-pair-no-keyword, at: "{{gen:aws-secret:p}}" }',
      ].join('\n'),
      { 'k.ts': 'const KEY = `{{gen:pem-ec:k}}`;\ncreds("{{gen:aws-key-id:p}}", "{{gen:aws-secret:p}}");' },
    );
    const corpus = materialiseRealistic({ seed: 's', dir: makeTempDir(), root });
    expect(corpus.problems).toEqual([]);
    const [pem, pair] = corpus.labels;
    expect([pem!.outLine, pem!.outEndLine]).toEqual([1, 5]);
    expect(pair!.outLine).toBe(6);
    const line = readFileSync(path.join(corpus.dir, 'g/k.ts'), 'utf8').split('\n')[5]!;
    expect(line.slice(pair!.outColumn! - 1, pair!.outEndColumn)).toBe(fill('{{gen:aws-secret:p}}', 'g'));
  });
});

describe('scoring by line', () => {
  const label = (over: Partial<PlacedLabel>): PlacedLabel => ({
    path: 'a',
    line: 1,
    endLine: 1,
    outLine: 1,
    outEndLine: 1,
    expected: 'secret',
    kind: 'password',
    shape: 'plain-assignment',
    fixture: false,
    at: 'x',
    context: 'source',
    split: 'dev',
    ...over,
  });
  const files = [
    { path: 'a', context: 'source' as const, split: 'dev' as const },
    { path: 'b', context: 'test' as const, split: 'holdout' as const },
  ];

  it('finds secrets by overlap, pins column labels, and counts each false line once', () => {
    const labels = [
      label({ line: 1, outLine: 1, outEndLine: 1 }),
      label({ line: 2, outLine: 2, outEndLine: 6, kind: 'private-key', shape: 'pem-block' }),
      label({ line: 8, outLine: 8, outEndLine: 8, outColumn: 30, outEndColumn: 69, kind: 'aws-secret-key', shape: 'aws-pair-no-keyword' }),
      label({ line: 9, outLine: 9, outEndLine: 9, expected: 'not-secret', shape: 'placeholder' }),
      label({ path: 'b', line: 1, outLine: 1, outEndLine: 1, split: 'holdout', context: 'test' }),
    ];
    const findings = [
      { ruleId: 'r1', path: 'a', line: 1, endLine: 1 },
      { ruleId: 'r2', path: 'a', line: 1, endLine: 1 }, // the same secret again: neither found twice nor false
      { ruleId: 'pem', path: 'a', line: 3, endLine: 6 }, // inside the key's lines
      { ruleId: 'akia', path: 'a', line: 8, endLine: 8, column: 8, endColumn: 27 }, // the key id beside the secret
      { ruleId: 'r1', path: 'a', line: 9, endLine: 9 }, // a placeholder
      { ruleId: 'r1', path: 'a', line: 20, endLine: 20 },
      { ruleId: 'r2', path: 'a', line: 20, endLine: 20 }, // one false line, two findings
    ];
    const score = scoreRealistic(files, labels, findings);
    expect(score.outcomes.map((o) => [o.label.line, o.label.path, o.found])).toEqual([
      [1, 'a', true],
      [2, 'a', true],
      [8, 'a', false],
      [1, 'b', false],
    ]);
    expect(score.falseLines.map((f) => [f.line, f.negative?.shape ?? 'unlabelled', f.ruleIds])).toEqual([
      [9, 'placeholder', ['r1']],
      [20, 'unlabelled', ['r1', 'r2']],
    ]);
    const counts = { positives: 4, found: 2, falsePositives: 2 };
    expect(precision(counts)).toBe(0.5);
    expect(recall(counts)).toBe(0.5);
    expect(f1(counts)).toBe(0.5);
    // Over the secret's own columns, the pinned label is found.
    const over = scoreRealistic(files, labels, [{ ruleId: 'aws', path: 'a', line: 8, endLine: 8, column: 30, endColumn: 69 }]);
    expect(over.outcomes.find((o) => o.label.line === 8)?.found).toBe(true);
  });
});

describe('the realistic report', () => {
  it('prints figures per split, redacts false positives and lists nothing from held-out files', async () => {
    const names = (split: string): string[] => ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => `g/${n}.env`).filter((p) => splitOf(p) === split);
    const dev = names('dev');
    const held = names('holdout');
    const yaml = [
      `${dev[0]}:`,
      '  - { line: 1, expected: secret, kind: token, shape: provider-token, at: "{{gen:github-pat:found}}" }',
      '  - { line: 2, expected: secret, kind: password, shape: prose, at: the }',
      `${dev[1]}: []`,
      `${held[0]}:`,
      '  - { line: 1, expected: secret, kind: password, shape: prose, at: the }',
    ].join('\n');
    const root = makeTree({
      'labels/g.yaml': yaml,
      [`files/${dev[0]}`]: 'GITHUB_TOKEN={{gen:github-pat:found}}\nthe answer is forty-two',
      [`files/${dev[1]}`]: 'ignored line\nEXTRA={{gen:github-pat:unlabelled}}',
      [`files/${held[0]}`]: 'the answer is forty-three\nHELD={{gen:github-pat:held}}',
    });
    const lines: string[] = [];
    const { json } = await runRealistic({ seed: 's', workDir: makeTempDir(), top: 10, secretlint: false, root }, (line = '') => lines.push(line));
    const output = lines.join('\n');
    expect(json.dev).toMatchObject({ secrets: 2, found: 1, falsePositives: 1 });
    expect(json.holdout).toMatchObject({ secrets: 1, found: 0, falsePositives: 1 });
    expect(output).toContain(`${dev[0]}:2 (password) "the"`);
    expect(output).toContain(`${dev[1]}:2`);
    expect(output).not.toContain(held[0]);
    for (const id of ['found', 'unlabelled', 'held']) expect(output).not.toContain(fill(`{{gen:github-pat:${id}}}`, 'g', 's'));
  });
});

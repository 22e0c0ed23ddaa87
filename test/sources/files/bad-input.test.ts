/**
 * Bad input never crashes a scan: binary, invalid UTF-8, byte-order marks, UTF-16, huge single lines,
 * files over the size cap, 10,000 files, unreadable files and symlink loops are each handled, and
 * whatever is skipped is named in a warning and in stats.skipped. Also: the worker pool gives the
 * same report as a single thread.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBuiltinRules } from '../../../src/config/builtin-rules.js';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import { scanStdin } from '../../../src/sources/stdin.js';
import { createStreamDecoder, decodeForScan } from '../../../src/sources/text-decode.js';
import { parseJsonReport, runCli, type CliResult, type JsonReport } from '../../support/cli.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../../support/temp.js';

// Each test starts real CLI processes; on a machine shared with other jobs that can take a while.
// The limit only catches hangs: no test asserts a duration.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const MiB = 1024 * 1024;
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const where = (report: JsonReport): string[] => report.findings.map((f) => `${f.location.path}:${f.location.line}:${f.location.column}`);
const skippedOf = (report: JsonReport): Record<string, string> => Object.fromEntries(report.stats.skipped.map((s) => [s.path, s.reason]));

describe('decoding', () => {
  it('treats a NUL in the first 8,000 bytes as binary, and not one after', () => {
    expect(decodeForScan(Buffer.from('text\0more'))).toEqual({ kind: 'binary' });
    const late = Buffer.concat([Buffer.alloc(8000, 'a'), Buffer.from('\0tail')]);
    expect(decodeForScan(late).kind).toBe('text');
  });

  it('drops a UTF-8 byte-order mark and decodes UTF-16 by its mark', () => {
    expect(decodeForScan(Buffer.from('\ufeffk=v', 'utf8'))).toMatchObject({ text: 'k=v', encoding: 'utf-8' });
    expect(decodeForScan(utf16le('k=v\n'))).toMatchObject({ text: 'k=v\n', encoding: 'utf-16le' });
    expect(decodeForScan(utf16be('k=v\n'))).toMatchObject({ text: 'k=v\n', encoding: 'utf-16be' });
  });

  it('decodes bytes after a UTF-16 mark as UTF-8 when they are not UTF-16', () => {
    // A UTF-8 file that starts with FF FE or FE FF: read as UTF-16, its secret would be CJK characters.
    const secret = fakeGithubPat(63);
    for (const mark of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const bytes = Buffer.concat([Buffer.from(mark), Buffer.from(`k=${secret}\n`)]);
      expect(decodeForScan(bytes)).toMatchObject({ text: `k=${secret}\n`, encoding: 'utf-8' });
      const decoder = createStreamDecoder(bytes);
      expect(decoder && decoder.write(bytes) + decoder.end()).toBe(`k=${secret}\n`);
    }
    // With NUL bytes where UTF-16 has them, the mark is believed.
    expect(decodeForScan(utf16le(`k=${secret}`))).toMatchObject({ text: `k=${secret}`, encoding: 'utf-16le' });
    expect(decodeForScan(utf16be(`k=${secret}`))).toMatchObject({ text: `k=${secret}`, encoding: 'utf-16be' });
  });

  it('replaces invalid UTF-8 and keeps going', () => {
    expect(decodeForScan(Buffer.from([0x61, 0xc3, 0x28, 0x62, 0xff]))).toMatchObject({ text: 'a\ufffd(b\ufffd' });
  });

  it('decodes a stream cut anywhere exactly as the whole file', () => {
    const encodings = [
      (t: string) => Buffer.from(t, 'utf8'),
      (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
      utf16le,
      utf16be,
      // A UTF-16 mark in front of UTF-8 text.
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf8')]),
    ];
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: encodings.length - 1 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }),
        (text, which, cuts) => {
          const bytes = encodings[which]!(text.replaceAll('\0', ' '));
          const whole = decodeForScan(bytes);
          const blocks: Buffer[] = [];
          let at = 0;
          for (const size of cuts) {
            if (at >= bytes.length) break;
            blocks.push(bytes.subarray(at, at + size));
            at += size;
          }
          if (at < bytes.length) blocks.push(bytes.subarray(at));
          // The first block decides the encoding, as for a file read in 1 MiB blocks.
          const decoder = createStreamDecoder(bytes);
          const streamed = decoder ? blocks.map((b) => decoder.write(b)).join('') + decoder.end() : undefined;
          expect(streamed).toBe(whole.kind === 'text' ? whole.text : undefined);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('standard input', () => {
  const config = { rules: loadBuiltinRules(), allowSecretRegexes: [], stopwords: [] };
  async function* oneByteAtATime(bytes: Buffer): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
  }

  it('recognises UTF-16 even when the pipe delivers one byte at a time', async () => {
    const secret = fakeGithubPat(61);
    const { findings, stats } = await scanStdin('-', config, oneByteAtATime(utf16le(`x\nk=${secret}\n`)));
    expect(findings.map((f) => [f.location.line, f.location.column])).toEqual([[2, 3]]);
    expect(stats.skipped).toEqual([]);
  });

  it('skips binary input even when the NUL arrives in a later block', async () => {
    const { findings, stats } = await scanStdin('in', config, oneByteAtATime(Buffer.from(`abc\0${fakeGithubPat(62)}`)));
    expect(findings).toEqual([]);
    expect(stats.skipped).toEqual([{ path: 'in', reason: 'binary input' }]);
  });

  it('scans empty input', async () => {
    const { findings, stats } = await scanStdin('-', config, oneByteAtATime(Buffer.alloc(0)));
    expect(findings).toEqual([]);
    expect(stats).toMatchObject({ sources: 1, bytes: 0, skipped: [] });
  });
});

describe('a directory of awkward files', () => {
  const secrets = Array.from({ length: 10 }, (_, i) => fakeGithubPat(70 + i));
  const MINIFIED_OFFSET = 5_000_000;
  let dir: string;
  let result: CliResult;
  let report: JsonReport;

  beforeAll(async () => {
    const outside = makeTree({ 'outside.env': `T=${secrets[9]}\n`, 'outside-dir/inner.env': `T=${secrets[9]}\n` });
    const filler = 'function f(a){return a+1};';
    const minified = `${filler.repeat(Math.ceil(MINIFIED_OFFSET / filler.length)).slice(0, MINIFIED_OFFSET)}"${secrets[5]}"${filler.repeat(
      Math.ceil((10_000_000 - MINIFIED_OFFSET) / filler.length),
    )}`.slice(0, 10_000_000);
    dir = makeTree({
      'binary.dat': Buffer.concat([Buffer.from('PNG\0\x01\x02'), Buffer.from(`token ${secrets[0]}`)]),
      'invalid-utf8.txt': Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0x20]), Buffer.from(`k=${secrets[1]} `), Buffer.from([0xfe, 0x80, 0x0a])]),
      'empty.txt': '',
      'bom-utf8.env': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`k=${secrets[2]}\n`)]),
      'utf16-le.txt': utf16le(`first line\nk=${secrets[3]}\n`),
      'utf16-be.txt': utf16be(`first line\nk=${secrets[4]}\n`),
      'false-mark.env': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`k=${secrets[7]}\n`)]),
      'app.min.js': minified,
      'loop/inside.env': `T=${secrets[6]}\n`,
    });
    symlinkSync('..', path.join(dir, 'loop', 'link'));
    symlinkSync(path.join(outside, 'outside.env'), path.join(dir, 'to-outside.env'));
    symlinkSync(path.join(outside, 'outside-dir'), path.join(dir, 'to-outside-dir'));
    symlinkSync(path.join(dir, 'missing-target'), path.join(dir, 'broken-link'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    result = await runCli(['scan', dir, '--format', 'json']);
    report = parseJsonReport(result);
  });

  it('finishes with exit code 1 and no crash', () => {
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toContain('internal error');
  });

  it('skips the binary file and lists it in stats.skipped', () => {
    expect(skippedOf(report)['binary.dat']).toBe('binary file');
    expect(where(report).some((w) => w.startsWith('binary.dat'))).toBe(false);
  });

  it('finds a secret surrounded by invalid UTF-8', () => {
    // Each invalid byte becomes one replacement character: the secret starts at column 7.
    expect(where(report)).toContain('invalid-utf8.txt:1:7');
  });

  it('scans an empty file without complaint', () => {
    // Eight text files scanned (the binary one is skipped), the empty one among them.
    expect(report.stats.sources).toBe(8);
    expect(result.stderr).not.toContain('empty.txt');
  });

  it('ignores a UTF-8 byte-order mark when counting columns', () => {
    expect(where(report)).toContain('bom-utf8.env:1:3');
  });

  it('decodes UTF-16 files with a byte-order mark', () => {
    expect(where(report)).toContain('utf16-le.txt:2:3');
    expect(where(report)).toContain('utf16-be.txt:2:3');
  });

  it('decodes a file whose UTF-16 mark is not borne out by its bytes as UTF-8', () => {
    expect(where(report)).toContain('false-mark.env:1:3');
  });

  it('lists a FIFO as skipped instead of opening it', () => {
    expect(skippedOf(report)['pipe']).toBe('not a regular file (FIFO)');
    expect(result.stderr).toContain('warning: pipe: not a regular file (FIFO)');
  });

  it('finds a secret in the middle of a 10 MB single-line file at the right column', () => {
    const finding = report.findings.find((f) => f.location.path === 'app.min.js');
    expect(finding?.location).toMatchObject({ line: 1, column: MINIFIED_OFFSET + 2 });
  });

  it('does not follow a symlink loop, and says so', () => {
    expect(where(report).filter((w) => w.includes('inside.env'))).toEqual(['loop/inside.env:1:3']);
    expect(skippedOf(report)['loop/link']).toMatch(/symlink loop/);
    expect(result.stderr).toMatch(/warning: loop\/link: symlink loop/);
  });

  it('does not follow symlinks out of the root, and says so', () => {
    expect(report.findings.map((f) => f.fingerprint)).not.toContain(report.findings.find((f) => f.secret === secrets[9])?.fingerprint ?? 'none');
    expect(where(report).some((w) => w.startsWith('to-outside'))).toBe(false);
    for (const link of ['to-outside.env', 'to-outside-dir']) {
      expect(skippedOf(report)[link]).toMatch(/outside the scan root/);
      expect(result.stderr).toContain(`warning: ${link}: symlink points outside the scan root`);
    }
  });

  it('warns about a broken symlink', () => {
    expect(skippedOf(report)['broken-link']).toMatch(/broken symlink/);
    expect(result.stderr).toContain('warning: broken-link: broken symlink');
  });

  it('reports exactly the secrets it can read', () => {
    expect(where(report)).toHaveLength(7);
  });
});

describe('special files named on the command line', () => {
  it('lists a FIFO and a dangling symlink as skipped, with what they are, and scans the rest', async () => {
    const dir = makeTree({ 'real.env': `T=${fakeGithubPat(64)}\n` });
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    const result = await runCli(['scan', 'pipe', 'dangling', 'real.env', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    expect(skippedOf(report)).toEqual({ pipe: 'not a regular file or directory (FIFO)', dangling: 'broken symlink (ENOENT)' });
    expect(where(report)).toEqual(['real.env:1:3']);
  });
});

describe('files over the size cap', () => {
  const secret = fakeGithubPat(81);
  const LINE = 64; // bytes per filler line, newline included
  const LINES_PER_MiB = MiB / LINE;
  /** Offset of the long line's secret within that line: it starts 4 MiB - 18 bytes into the file. */
  const LONG_LINE_SECRET = 3 * MiB - 18;
  let dir: string;

  beforeAll(() => {
    // 100 MiB in 1 MiB blocks: filler lines, one secret in block 50, and a 4 MiB minified line
    // (blocks 1-4) with no line break for the chunker to cut at: it cuts between tokens near 4 MiB,
    // which is exactly where this line's secret starts.
    dir = makeTempDir();
    const filler = Buffer.alloc(MiB, `${'x = 1; // filler '.repeat(4).slice(0, LINE - 1)}\n`);
    const withSecret = Buffer.from(filler);
    withSecret.write(`k=${secret}`.padEnd(LINE - 1, ' '), 100 * LINE);
    const longLine = Buffer.alloc(4 * MiB, 'var a=1;');
    longLine.write(` "${secret}" `, LONG_LINE_SECRET - 2);
    longLine[longLine.length - 1] = 0x0a;
    const fd = openSync(path.join(dir, 'huge.log'), 'w');
    try {
      for (let block = 0; block < 100; block++) {
        if (block === 1) writeSync(fd, longLine);
        else if (block > 1 && block <= 4) continue; // inside the long line
        else writeSync(fd, block === 50 ? withSecret : filler);
      }
    } finally {
      closeSync(fd);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips a 100 MB file by default, naming it in stats and on stderr', async () => {
    const result = await runCli(['scan', dir, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = parseJsonReport(result);
    expect(report.stats.skipped).toEqual([{ path: 'huge.log', reason: `larger than the size cap (${100 * MiB} > ${10 * MiB} bytes)` }]);
    expect(result.stderr).toContain('warning: huge.log: larger than the size cap');
  });

  it('streams it with --max-file-size 200MiB and finds its secrets where they are', async () => {
    const result = await runCli(['scan', dir, '--format', 'json', '--max-file-size', '200MiB']);
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    expect(report.stats).toMatchObject({ sources: 1, bytes: 100 * MiB, skipped: [] });
    expect(report.stats.chunks).toBeGreaterThan(20);
    expect(where(report)).toEqual([
      // The long line follows block 0's lines.
      `huge.log:${LINES_PER_MiB + 1}:${LONG_LINE_SECRET + 1}`,
      // Block 50's line 100, after 46 blocks of filler lines and the long line.
      `huge.log:${46 * LINES_PER_MiB + 1 + 100 + 1}:3`,
    ]);
  });

  it('streams a UTF-16 file above the streaming threshold like a small one', async () => {
    const utf16Dir = makeTempDir();
    const text = `${'// filler line of text\n'.repeat(400_000)}k=${secret}\n`;
    writeFileSync(path.join(utf16Dir, 'wide.txt'), utf16le(text));
    const result = await runCli(['scan', utf16Dir, '--format', 'json', '--max-file-size', '64MiB']);
    const report = parseJsonReport(result);
    expect(report.stats.skipped).toEqual([]);
    expect(where(report)).toEqual(['wide.txt:400001:3']);
    rmSync(utf16Dir, { recursive: true, force: true });
  });
});

describe('a directory with 10,000 small files', () => {
  it('scans them all and reports the few secrets', async () => {
    const dir = makeTempDir();
    for (let d = 0; d < 100; d++) mkdirSync(path.join(dir, `pkg-${d}`));
    for (let i = 0; i < 10_000; i++) writeFileSync(path.join(dir, `pkg-${i % 100}`, `file-${i}.js`), `export const n${i} = ${i};\n`);
    const secret = fakeGithubPat(91);
    writeFileSync(path.join(dir, 'pkg-7', 'file-7.js'), `export const token = "${secret}";\n`);
    writeFileSync(path.join(dir, 'pkg-42', 'file-9942.js'), `// ${secret}\n`);
    writeFileSync(path.join(dir, 'pkg-99', 'file-99.js'), `const other = "${fakeGithubPat(92)}";\n`);
    const result = await runCli(['scan', dir, '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    expect(report.stats).toMatchObject({ sources: 10_000, skipped: [] });
    expect(where(report)).toEqual(['pkg-42/file-9942.js:1:4', 'pkg-7/file-7.js:1:23', 'pkg-99/file-99.js:1:16']);
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(2);
  });
});

describe('unreadable files', () => {
  const isRoot = process.getuid?.() === 0;
  const NOBODY = 65534;

  it('warns about each and scans the rest', async (context) => {
    const dir = makeTree({
      'readable.env': `T=${fakeGithubPat(101)}\n`,
      'locked.env': `T=${fakeGithubPat(102)}\n`,
      'locked-dir/inner.env': `T=${fakeGithubPat(103)}\n`,
    });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'locked.env'), 0o000);
    chmodSync(path.join(dir, 'locked-dir'), 0o000);
    try {
      let canRead = false;
      try {
        readFileSync(path.join(dir, 'locked.env'));
        canRead = true;
      } catch {
        // expected for an unprivileged user
      }
      if (canRead && !isRoot) {
        context.skip('file permissions do not stop reads for this user, and it cannot switch to an unprivileged one');
      }
      // Root reads everything: run the CLI as an unprivileged user instead.
      const result = await runCli(['scan', dir, '--format', 'json'], isRoot ? { uid: NOBODY, gid: NOBODY, cwd: dir } : { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      const report = parseJsonReport(result);
      expect(where(report)).toEqual(['readable.env:1:3']);
      expect(skippedOf(report)).toEqual({ 'locked.env': 'unreadable: permission denied', 'locked-dir': 'permission denied' });
      expect(result.stderr).toContain('warning: locked.env: unreadable: permission denied');
      expect(result.stderr).toContain('warning: locked-dir: permission denied');
    } finally {
      chmodSync(path.join(dir, 'locked-dir'), 0o755);
      chmodSync(path.join(dir, 'locked.env'), 0o644);
    }
  });
});

describe('worker threads', () => {
  it('give the same report as a single thread', async () => {
    // Over 4 MB in total so the pool starts; files of different sizes spread over batches.
    const tree: Record<string, string | Buffer> = {};
    for (let i = 0; i < 24; i++) {
      const size = 150_000 + i * 5_000;
      const body = `// module ${i}\n${'const value = compute(input) + 1;\n'.repeat(Math.ceil(size / 34))}`;
      tree[`src/module-${String(i).padStart(2, '0')}.js`] = i % 5 === 0 ? `${body}const token = "${fakeGithubPat(110 + (i % 10))}";\n` : body;
    }
    tree['assets/a.bin'] = Buffer.from('\0\x01binary');
    tree['assets/b.bin'] = Buffer.concat([Buffer.from('\0'), Buffer.alloc(300_000, 1)]);
    const dir = makeTree(tree);
    const normalise = (r: CliResult): unknown => {
      const report = parseJsonReport(r);
      return { ...report, stats: { ...report.stats, durationMs: 0 } };
    };
    const [pooled, single] = await Promise.all([
      runCli(['scan', dir, '--format', 'json', '--jobs', '2']),
      runCli(['scan', dir, '--format', 'json', '--jobs', '1']),
    ]);
    expect(pooled.code, pooled.stderr).toBe(1);
    expect(normalise(pooled)).toEqual(normalise(single));
    expect(parseJsonReport(pooled).findings).toHaveLength(5);
    expect(parseJsonReport(pooled).stats.bytes).toBeGreaterThan(4 * MiB);
  });
});

describe('guessable secrets found by worker threads', () => {
  it('carry their real fingerprint, the same as a single thread gives', async () => {
    // Workers derive these on the thread pool and must settle them before they post their results.
    const chosen = ['tulip', 'walrus', 'ember'].map((w, i) => `${w}${i + 7}`);
    const tree: Record<string, string> = {};
    for (let i = 0; i < 24; i++) {
      const body = 'const value = compute(input) + 1;\n'.repeat(7_000);
      tree[`src/db-${String(i).padStart(2, '0')}.py`] = `${body}DB_PASSWORD = "${chosen[i % chosen.length]}"\n`;
    }
    const dir = makeTree(tree);
    const [pooled, single] = await Promise.all([
      runCli(['scan', dir, '--format', 'json', '--jobs', '2', '--no-git']),
      runCli(['scan', dir, '--format', 'json', '--jobs', '1', '--no-git']),
    ]);
    const prints = (r: CliResult): string[] => parseJsonReport<{ findings: { fingerprint: string }[] }>(r).findings.map((f) => f.fingerprint).sort();
    expect(parseJsonReport(pooled).stats.bytes).toBeGreaterThan(4 * MiB);
    expect(prints(pooled)).toHaveLength(24);
    expect(prints(pooled)).toEqual(prints(single));
    expect(new Set(prints(pooled))).toEqual(new Set(chosen.map((p) => fingerprintSecret(p))));
  });
});

describe('files walked without a stat call', () => {
  it('applies the size cap when the size is learnt from reading, small or large', async () => {
    const dir = makeTree({
      'small-over.txt': 'x'.repeat(2048),
      'large-over.txt': 'y'.repeat(400_000),
      'under.env': `T=${fakeGithubPat(90)}\n`,
    });
    for (const [cap, shown] of [['1KiB', 'small-over.txt'], ['300KiB', 'large-over.txt']] as const) {
      const result = await runCli(['scan', dir, '--format', 'json', '--no-git', '--max-file-size', cap]);
      const report = parseJsonReport(result);
      const bytes = shown === 'small-over.txt' ? 2048 : 400_000;
      expect(skippedOf(report)[shown]).toBe(`larger than the size cap (${bytes} > ${cap === '1KiB' ? 1024 : 300 * 1024} bytes)`);
      expect(report.findings.map((f) => f.location.path)).toEqual(['under.env']);
    }
  });

  it('scans a file reached through an in-root symlink once, at its own path', async () => {
    const dir = makeTree({ 'config/real.env': `T=${fakeGithubPat(91)}\n` });
    symlinkSync(path.join(dir, 'config', 'real.env'), path.join(dir, 'a-link.env'));
    const report = parseJsonReport(await runCli(['scan', dir, '--format', 'json', '--no-git']));
    expect(report.findings.map((f) => f.location.path)).toEqual(['config/real.env']);
    expect(report.stats.skipped).toEqual([]);
  });
});

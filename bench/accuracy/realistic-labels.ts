/**
 * The realistic corpus's labels: one YAML sidecar per corpus group in
 * bench/accuracy/realistic/labels/, listing every file of the group and, for each labelled line,
 * whether it holds a secret, what kind, in what shape, and a non-secret piece of the line (`at`)
 * that keeps the label honest when the file is edited. See bench/accuracy/realistic/README.md.
 *
 * This module only reads and checks the labels; materialise.ts writes the corpus.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { benchDir } from '../lib/paths.js';

export const REALISTIC_DIR = path.join(benchDir, 'accuracy', 'realistic');

/** What a labelled value is (or, for a negative, what it could be mistaken for). */
export const KINDS = [
  'password',
  'password-hash',
  'api-key',
  'token',
  'bearer',
  'basic-auth',
  'ntlm',
  'url-credential',
  'connection-string',
  'private-key',
  'signing-key',
  'encryption-key',
  'aws-secret-key',
  'access-key-id',
  'otp-seed',
  'nkey-seed',
  'webhook-url',
  // Values that are not secrets by nature.
  'identifier',
  'public-key',
  'digest',
  'ciphertext',
] as const;

/** How the value is written. The README describes each tag. */
export const SHAPES = [
  // Secrets, by the way they are written.
  'plain-assignment',
  'weak-password-literal',
  'column-aligned',
  'line-continuation',
  'env-default',
  'function-argument',
  'cli-argument',
  'credential-array',
  'name-value-pair',
  'bare-key-name',
  'xml-value',
  'escaped-json',
  'base64-encoded',
  'url-credential',
  'connection-string',
  'auth-header',
  'bearer-anywhere',
  'basic-anywhere',
  'ntlm-anywhere',
  'credential-file',
  'password-hash',
  'dump-row',
  'sql-statement',
  'provider-token',
  'discord-bot',
  'nkey-seed',
  'otp-seed',
  'jwk-private',
  'pem-block',
  'pem-concatenated',
  'pem-escaped',
  'aws-pair-no-keyword',
  'prose',
  // Look-alikes, by what makes them harmless.
  'code-expression',
  'template-marker',
  'env-reference',
  'placeholder',
  'empty-value',
  'redacted',
  'example-domain',
  'word-inside-word',
  'word-list',
  'config-key-name',
  'type-annotation',
  'i18n-string',
  'identifier',
  'uuid',
  'digest',
  'public-key',
  'encrypted-value',
  'passwordless',
  'auth-challenge',
] as const;

export type Kind = (typeof KINDS)[number];
export type Shape = (typeof SHAPES)[number];
export type Expected = 'secret' | 'not-secret';

/** Where a file sits, decided by its path (the next step of detection work weighs context). */
export const CONTEXTS = ['source', 'test', 'docs', 'example', 'vendor', 'generated'] as const;
export type Context = (typeof CONTEXTS)[number];
export type Split = 'dev' | 'holdout';

export interface Label {
  /** Relative to realistic/files/, starting with the group. */
  path: string;
  /** 1-based, in the template file (before slots are filled). */
  line: number;
  endLine: number;
  expected: Expected;
  kind: Kind;
  shape: Shape;
  /** A test or documentation fixture (still a positive when it looks real). */
  fixture: boolean;
  /** A non-secret piece of the labelled line(s). */
  at: string;
}

export interface LabelSet {
  labels: Label[];
  /** Every file of the corpus, relative to realistic/files/. */
  files: string[];
  problems: string[];
}

const SEGMENT = (p: string): string[] => p.toLowerCase().split('/');

/**
 * The context of a file from its path: vendored or generated code first (whatever it contains;
 * a minified file is vendored unless it sits in a build output folder), then tests, examples and
 * documentation; everything else is source (code, configuration, CI,
 * dotfiles, dumps, logs).
 */
export function contextOf(file: string): Context {
  const segments = SEGMENT(file);
  const name = segments[segments.length - 1] ?? '';
  const dirs = segments.slice(0, -1);
  const inDir = (...names: string[]): boolean => dirs.some((d) => names.includes(d));
  if (inDir('vendor', 'node_modules', 'third_party', 'bower_components')) return 'vendor';
  if (
    inDir('generated', '__generated__', 'gen', 'dist') ||
    /^(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|gemfile\.lock|composer\.lock|go\.sum|poetry\.lock|cargo\.lock)$/.test(name) ||
    /(\.pb\.go|_pb2\.py|\.designer\.cs|\.generated\.\w+)$/.test(name)
  )
    return 'generated';
  if (/\.min\.(js|css)$/.test(name)) return 'vendor';
  if (
    inDir('test', 'tests', 'spec', '__tests__', '__mocks__', 'testdata', 'fixtures', 'cypress', 'e2e') ||
    /(_test\.go|\.test\.\w+|\.spec\.\w+|_spec\.rb|_test\.rb|tests?\.cs|test\.java|it\.java|^test_.*\.py|^conftest\.py)$/.test(name)
  )
    return 'test';
  if (inDir('examples', 'example', 'samples', 'sample', 'demo') || /(\.example|\.sample|-sample\.\w+|\.dist)$/.test(name)) return 'example';
  if (inDir('docs', 'doc', 'documentation', 'guides', 'tutorials', 'snippets', 'wiki') || /\.(md|rst|adoc)$/.test(name) || name === 'readme.html') return 'docs';
  return 'source';
}

/** About 30% of files, chosen by a fixed hash of the path, are held out from tuning. */
export function splitOf(file: string): Split {
  return createHash('sha256').update(file).digest().readUInt32BE(0) / 2 ** 32 < 0.3 ? 'holdout' : 'dev';
}

export function listCorpusFiles(root = path.join(REALISTIC_DIR, 'files')): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const FIELDS = new Set(['line', 'endLine', 'expected', 'kind', 'shape', 'fixture', 'at']);

/** Reads every labels/*.yaml and checks it against the files: problems are returned, not thrown. */
export function loadLabels(root = REALISTIC_DIR): LabelSet {
  const filesDir = path.join(root, 'files');
  const files = listCorpusFiles(filesDir);
  const known = new Set(files);
  const problems: string[] = [];
  const labels: Label[] = [];
  const listed = new Set<string>();
  const labelsDir = path.join(root, 'labels');
  for (const sidecar of readdirSync(labelsDir).filter((n) => n.endsWith('.yaml')).sort()) {
    const where = `labels/${sidecar}`;
    const doc = parse(readFileSync(path.join(labelsDir, sidecar), 'utf8')) as unknown;
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push(`${where}: expected a mapping of file paths`);
      continue;
    }
    for (const [file, entries] of Object.entries(doc as Record<string, unknown>)) {
      if (listed.has(file)) problems.push(`${where}: ${file} is listed twice`);
      listed.add(file);
      if (!known.has(file)) {
        problems.push(`${where}: ${file} does not exist under files/`);
        continue;
      }
      if (!Array.isArray(entries)) {
        problems.push(`${where}: ${file}: expected a list of labels ([] when there is none)`);
        continue;
      }
      const lines = readFileSync(path.join(filesDir, file), 'utf8').split('\n');
      const taken = new Set<number>();
      for (const raw of entries as Record<string, unknown>[]) {
        const label = checkLabel(file, raw, lines, (p) => problems.push(`${where}: ${file}:${String(raw?.line)}: ${p}`));
        if (!label) continue;
        for (let l = label.line; l <= label.endLine; l++) {
          if (taken.has(l)) problems.push(`${where}: ${file}:${l}: more than one label covers this line`);
          taken.add(l);
        }
        labels.push(label);
      }
    }
  }
  for (const file of files) if (!listed.has(file)) problems.push(`${file}: not listed in any labels/*.yaml (list it, with [] when it holds nothing to label)`);
  return { labels, files, problems };
}

function checkLabel(file: string, raw: Record<string, unknown>, lines: readonly string[], problem: (text: string) => void): Label | undefined {
  if (raw === null || typeof raw !== 'object') {
    problem('a label must be a mapping');
    return undefined;
  }
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) problem(`unknown field "${key}"`);
  const { line, expected, kind, shape, fixture, at } = raw;
  const endLine = raw.endLine ?? line;
  let ok = true;
  const fail = (text: string): void => {
    problem(text);
    ok = false;
  };
  if (!Number.isInteger(line) || (line as number) < 1 || (line as number) > lines.length) fail(`line must be 1..${lines.length}`);
  if (!Number.isInteger(endLine) || (endLine as number) < (line as number) || (endLine as number) > lines.length) fail('endLine must be at or after line, inside the file');
  if (expected !== 'secret' && expected !== 'not-secret') fail('expected must be secret or not-secret');
  if (!(KINDS as readonly unknown[]).includes(kind)) fail(`unknown kind "${String(kind)}" (see KINDS)`);
  if (!(SHAPES as readonly unknown[]).includes(shape)) fail(`unknown shape "${String(shape)}" (see SHAPES)`);
  if (fixture !== undefined && typeof fixture !== 'boolean') fail('fixture must be true or false');
  if (typeof at !== 'string' || at.trim() === '') fail('at must be a non-empty piece of the line');
  if (!ok) return undefined;
  const text = lines.slice((line as number) - 1, endLine as number).join('\n');
  if (!text.includes(at as string)) problem(`"${String(at)}" is not on the labelled line(s): the file changed or the line number is wrong`);
  return { path: file, line: line as number, endLine: endLine as number, expected: expected as Expected, kind: kind as Kind, shape: shape as Shape, fixture: fixture === true, at: at as string };
}

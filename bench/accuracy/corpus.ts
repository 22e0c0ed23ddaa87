/**
 * The labelled corpus: files of many languages and config formats, generated from a seed, with
 * format-valid synthetic credentials in realistic places and many more lines that hold none.
 * Every planted credential and every hard negative is labelled with its file, line span and kind.
 *
 * The generator knows formats and file syntaxes, not the detector: it never reads rule patterns,
 * so the score measures the rules against independently written text.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Random } from '../lib/random.js';
import { CREDENTIALS, type CredentialKind } from './credentials.js';
import { CONNECTION_STRINGS, GENERIC, GENERIC_ASSIGNMENTS, GENERIC_LINES, SPECIAL_FILES } from './generic.js';
import { NEGATIVE_ASSIGNMENTS, NEGATIVE_FILES, negativeLine } from './negatives.js';
import { commentPrefix, FILE_KINDS, type FileKind, type Rendered } from './render.js';

export interface Label {
  file: string;
  /** 1-based, inclusive. */
  line: number;
  endLine: number;
  positive: boolean;
  /** Expected rule id (`generic` for any rule of the generic family), or the negative's category. */
  kind: string;
  /** Other rule ids that name a positive correctly. */
  also: readonly string[];
  /** How it was written: the file kind and the form (`assign`, `nested`, `line`, `block`, `file`). */
  form: string;
}

export interface Corpus {
  dir: string;
  files: number;
  bytes: number;
  lines: number;
  labels: Label[];
}

export interface CorpusOptions {
  seed: string;
  files: number;
  dir: string;
}

interface Weighted<T> {
  item: T;
  weight: number;
}

/** Positives pool: provider formats, generic secrets, connection strings and command lines. */
function positivePool(): Weighted<CredentialKind>[] {
  const pool: Weighted<CredentialKind>[] = [];
  for (const c of CREDENTIALS) pool.push({ item: c, weight: c.weight ?? 1 });
  for (const c of GENERIC_ASSIGNMENTS) pool.push({ item: c, weight: (c.weight ?? 1) * 3 });
  for (const c of CONNECTION_STRINGS) pool.push({ item: c, weight: (c.weight ?? 1) * 3 });
  for (const c of GENERIC_LINES) pool.push({ item: c, weight: (c.weight ?? 1) * 3 });
  return pool;
}

function weighted<T>(rng: Random, items: readonly Weighted<T>[]): T {
  return rng.weighted(items.map((w) => [w.item, w.weight] as const));
}

const GENERIC_NAMES = ['TOKEN', 'API_KEY', 'SECRET', 'KEY', 'CREDENTIAL', 'AUTH', 'ACCESS_TOKEN', 'PASSWORD'];

/** Shell-like lines that carry a prefixed token without naming it. */
const TOKEN_LINES: readonly ((v: string, rng: Random) => string)[] = [
  (v, rng) => `curl -sS -H "Authorization: Bearer ${v}" https://api.${rng.pick(['acmecorp.io', 'globex.net'])}/v1/${rng.pick(['jobs', 'users', 'deploys'])}`,
  (v) => `echo "${v}" | docker login --password-stdin -u ci registry.acmecorp.io`,
  (v, rng) => `${rng.pick(['deployctl', 'release-tool'])} --api-key ${v} --env production`,
];

interface Slot {
  rendered: Rendered;
  label?: Omit<Label, 'file' | 'line' | 'endLine'>;
}

function positiveSlot(rng: Random, file: FileKind, pool: readonly Weighted<CredentialKind>[]): Slot | undefined {
  for (let attempt = 0; attempt < 12; attempt++) {
    const kind = weighted(rng, pool);
    const label = (form: string): Omit<Label, 'file' | 'line' | 'endLine'> => ({ positive: true, kind: kind.rule, also: kind.also ?? [], form: `${file.id}:${form}` });
    if (kind.line) {
      if (!file.lineHost || !(kind.lineFiles ?? []).includes(file.lineHost)) continue;
      return { rendered: { lines: [kind.line(kind.make(rng), rng)], at: 0, end: 0 }, label: label('line') };
    }
    const value = kind.make(rng);
    if (kind.multiline) {
      const name = rng.pick(kind.names);
      const rendered = file.block?.(name, value, rng);
      if (!rendered) continue;
      return { rendered, label: label('block') };
    }
    if (kind.names.length === 0) continue;
    const shellish = file.lineHost === 'shell' || file.lineHost === 'markdown' || file.lineHost === 'workflow';
    if (!kind.context && kind.rule !== GENERIC && shellish && rng.chance(0.2)) {
      return { rendered: { lines: [rng.pick(TOKEN_LINES)(value, rng)], at: 0, end: 0 }, label: label('line') };
    }
    const name = !kind.context && kind.rule !== GENERIC && rng.chance(0.15) ? rng.pick(GENERIC_NAMES) : rng.pick(kind.names);
    const nested = name.split('_').length >= 3 && rng.chance(0.08);
    const rendered = file.assign(name, value, rng, nested);
    if (!rendered) continue;
    // Now and then a credential is commented out: still a leak.
    const comment = commentPrefix(file.id);
    if (comment && !nested && rendered.lines.length === 1 && rng.chance(0.05)) {
      rendered.lines[0] = comment + (rendered.lines[0] as string).trimStart();
    }
    return { rendered, label: label(nested ? 'nested' : 'assign') };
  }
  return undefined;
}

function negativeSlot(rng: Random, file: FileKind): Slot | undefined {
  if (rng.chance(0.3)) {
    const line = negativeLine(rng, file.id);
    if (line) {
      return { rendered: { lines: line.lines, at: 0, end: line.lines.length - 1 }, label: { positive: false, kind: line.category, also: [], form: `${file.id}:line` } };
    }
  }
  const make = rng.weighted(NEGATIVE_ASSIGNMENTS);
  const negative = make(rng);
  const rendered = file.assign(negative.name, negative.value, rng, false);
  if (!rendered) return undefined;
  return { rendered, label: { positive: false, kind: negative.category, also: [], form: `${file.id}:assign` } };
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const root = new Random(options.seed);
  const pool = positivePool();
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const labels: Label[] = [];
  const written = new Set<string>();
  let bytes = 0;
  let lineCount = 0;

  const write = (relPath: string, lines: readonly string[]): string => {
    let p = relPath.replace(/^\.\//, '').replace(/\/\.\//g, '/');
    while (written.has(p)) p = p.replace(/(\.[^./]*)?$/, (ext) => `_${written.size}${ext}`);
    written.add(p);
    const full = path.join(options.dir, p);
    mkdirSync(path.dirname(full), { recursive: true });
    const text = lines.join('\n');
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
    lineCount += lines.length;
    return p;
  };

  for (let n = 0; n < options.files; n++) {
    const rng = root.fork(`file-${n}`);
    const r = rng.float();
    if (r < 0.14) {
      const make = rng.weighted(SPECIAL_FILES);
      const special = make(rng, n);
      const file = write(special.path, special.lines);
      for (const p of special.positives) {
        labels.push({ file, line: p.at + 1, endLine: p.end + 1, positive: true, kind: p.rule, also: p.also ?? [], form: `file:${special.path.split('/').pop()?.replace(/[-_]?\d+/g, '') ?? ''}` });
      }
      for (const neg of special.negatives) labels.push({ file, line: neg.at + 1, endLine: neg.at + 1, positive: false, kind: neg.category, also: [], form: 'file' });
      continue;
    }
    if (r < 0.22) {
      const make = rng.weighted(NEGATIVE_FILES);
      const negative = make(rng, n);
      const file = write(negative.path, negative.lines);
      labels.push({ file, line: 1, endLine: negative.lines.length, positive: false, kind: negative.category, also: [], form: 'file' });
      continue;
    }
    const kind = rng.weighted(FILE_KINDS.map((k) => [k, k.weight] as const));
    const lines = [...kind.header(rng)];
    const fileLabels: Omit<Label, 'file'>[] = [];
    for (let slots = rng.int(8, 40); slots > 0; slots--) {
      const s = rng.float();
      let slot: Slot | undefined;
      if (s < 0.2) slot = positiveSlot(rng, kind, pool);
      else if (s < 0.45) slot = negativeSlot(rng, kind);
      if (!slot) slot = { rendered: { lines: kind.filler(rng), at: -1, end: -1 } };
      const base = lines.length;
      lines.push(...slot.rendered.lines);
      if (slot.label) fileLabels.push({ ...slot.label, line: base + slot.rendered.at + 1, endLine: base + slot.rendered.end + 1 });
    }
    lines.push(...kind.footer(rng));
    const file = write(kind.path(rng, n), lines);
    for (const l of fileLabels) labels.push({ ...l, file });
  }
  return { dir: options.dir, files: written.size, bytes, lines: lineCount, labels };
}

/**
 * Materialise the realistic corpus: copy bench/accuracy/realistic/files/ to a scratch directory,
 * filling every `{{gen:…}}` slot with a generated value, and move the labels to the lines they
 * land on (a private key slot becomes many lines, so later lines shift).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type FilledSpan, fillSlots, SlotError } from './realistic-values.js';
import { type Context, contextOf, type Label, type LabelSet, loadLabels, REALISTIC_DIR, type Split, splitOf } from './realistic-labels.js';

export interface PlacedLabel extends Label {
  context: Context;
  split: Split;
  /** Lines in the materialised file (1-based, inclusive). */
  outLine: number;
  outEndLine: number;
  /**
   * When `at` is a whole `{{gen:…}}` slot that fills one line, the columns of its value (1-based,
   * inclusive): the secret is that value, not another credential on the same line.
   */
  outColumn?: number;
  outEndColumn?: number;
}

export interface CorpusFile {
  path: string;
  context: Context;
  split: Split;
}

export interface RealisticCorpus {
  dir: string;
  files: CorpusFile[];
  labels: PlacedLabel[];
  bytes: number;
  lines: number;
  /** Label or slot problems; the corpus must not be scored while there are any. */
  problems: string[];
}

export interface MaterialiseOptions {
  seed: string;
  dir: string;
  /** A corpus laid out like bench/accuracy/realistic/ (default: that one). */
  root?: string | undefined;
  /** The labels of `root`, when the caller has read them already. */
  labels?: LabelSet;
}

export function materialiseRealistic(options: MaterialiseOptions): RealisticCorpus {
  const root = options.root ?? REALISTIC_DIR;
  const set = options.labels ?? loadLabels(root);
  const problems = [...set.problems];
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const byFile = new Map<string, Label[]>();
  for (const label of set.labels) byFile.set(label.path, [...(byFile.get(label.path) ?? []), label]);

  const labels: PlacedLabel[] = [];
  const files: CorpusFile[] = [];
  let bytes = 0;
  let lineCount = 0;
  for (const file of set.files) {
    const group = file.split('/')[0] ?? '';
    const template = readFileSync(path.join(root, 'files', file), 'utf8').split('\n');
    const out: string[] = [];
    /** Template line i (0-based) → its first and last output line (1-based). */
    const placed: [number, number][] = [];
    const spans: FilledSpan[][] = [];
    template.forEach((line, i) => {
      let filled = { text: line, spans: [] as FilledSpan[] };
      try {
        filled = fillSlots(line, options.seed, group);
      } catch (error) {
        if (!(error instanceof SlotError)) throw error;
        problems.push(`${file}:${i + 1}: ${error.message}`);
      }
      const parts = filled.text.split('\n');
      placed.push([out.length + 1, out.length + parts.length]);
      spans.push(parts.length === 1 ? filled.spans : []);
      out.push(...parts);
    });
    const text = out.join('\n');
    const dest = path.join(options.dir, file);
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, text);
    bytes += Buffer.byteLength(text);
    lineCount += out.length;
    const context = contextOf(file);
    const split = splitOf(file);
    files.push({ path: file, context, split });
    for (const label of byFile.get(file) ?? []) {
      const start = placed[label.line - 1];
      const end = placed[label.endLine - 1];
      if (!start || !end) continue;
      const value = label.line === label.endLine ? spans[label.line - 1]?.find((s) => s.slot === label.at) : undefined;
      const columns = value ? { outColumn: value.start + 1, outEndColumn: value.end } : {};
      labels.push({ ...label, context, split, outLine: start[0], outEndLine: end[1], ...columns });
    }
  }
  return { dir: options.dir, files, labels, bytes, lines: lineCount, problems };
}

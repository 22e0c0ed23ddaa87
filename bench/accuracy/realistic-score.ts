/**
 * Score a scanner's findings against the realistic corpus's line labels, the way CredData-style
 * benchmarks count: a positive label is found when any finding in its file overlaps its lines;
 * every other line that carries a finding is one false positive (explained by the negative label
 * on it, or `unlabelled`). Several findings on one line count once either way. When a label knows
 * the columns of its secret (a generated value), only a finding over those columns finds it; other
 * findings on that line (an AWS key id next to its secret) are neither found nor false.
 */
import type { Context, Split } from './realistic-labels.js';
import type { CorpusFile, PlacedLabel } from './realistic-corpus.js';

export interface LineFinding {
  ruleId: string;
  path: string;
  /** 1-based, inclusive, in the materialised file. */
  line: number;
  endLine: number;
  /** 1-based, inclusive, when the scanner reports them. */
  column?: number;
  endColumn?: number;
}

export interface FalseLine {
  path: string;
  line: number;
  context: Context;
  split: Split;
  ruleIds: string[];
  /** The negative label on that line, if any. */
  negative: PlacedLabel | undefined;
  findings: LineFinding[];
}

export interface LabelOutcome {
  label: PlacedLabel;
  found: boolean;
  ruleIds: string[];
}

export interface RealisticScore {
  outcomes: LabelOutcome[];
  falseLines: FalseLine[];
}

export interface Counts {
  positives: number;
  found: number;
  falsePositives: number;
}

export function scoreRealistic(files: readonly CorpusFile[], labels: readonly PlacedLabel[], findings: readonly LineFinding[]): RealisticScore {
  const fileInfo = new Map(files.map((f) => [f.path, f]));
  const byFile = new Map<string, LineFinding[]>();
  for (const f of findings) byFile.set(f.path, [...(byFile.get(f.path) ?? []), f]);
  const labelsByFile = new Map<string, PlacedLabel[]>();
  for (const l of labels) labelsByFile.set(l.path, [...(labelsByFile.get(l.path) ?? []), l]);
  const overlaps = (f: LineFinding, l: PlacedLabel): boolean => f.line <= l.outEndLine && f.endLine >= l.outLine;
  const coversValue = (f: LineFinding, l: PlacedLabel): boolean => {
    if (l.outColumn === undefined || l.outEndColumn === undefined || f.column === undefined || f.endColumn === undefined) return true;
    const start = f.line < l.outLine ? 0 : f.column;
    const end = f.endLine > l.outLine ? Number.POSITIVE_INFINITY : f.endColumn;
    return start <= l.outEndColumn && end >= l.outColumn;
  };

  const explained = new Set<LineFinding>();
  const outcomes: LabelOutcome[] = [];
  for (const label of labels) {
    if (label.expected !== 'secret') continue;
    const onLines = (byFile.get(label.path) ?? []).filter((f) => overlaps(f, label));
    for (const h of onLines) explained.add(h);
    const hits = onLines.filter((f) => coversValue(f, label));
    outcomes.push({ label, found: hits.length > 0, ruleIds: [...new Set(hits.map((h) => h.ruleId))] });
  }

  const falseByLine = new Map<string, FalseLine>();
  for (const f of findings) {
    if (explained.has(f)) continue;
    const key = `${f.path}\0${f.line}`;
    let entry = falseByLine.get(key);
    if (!entry) {
      const info = fileInfo.get(f.path);
      const negative = (labelsByFile.get(f.path) ?? []).find((l) => l.expected === 'not-secret' && overlaps(f, l));
      entry = { path: f.path, line: f.line, context: info?.context ?? 'source', split: info?.split ?? 'dev', ruleIds: [], negative, findings: [] };
      falseByLine.set(key, entry);
    }
    entry.findings.push(f);
    if (!entry.ruleIds.includes(f.ruleId)) entry.ruleIds.push(f.ruleId);
  }
  const falseLines = [...falseByLine.values()].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
  return { outcomes, falseLines };
}

/** Counts for the labels and false lines a filter keeps. */
export function countWhere(score: RealisticScore, keepLabel: (l: PlacedLabel) => boolean, keepFalse: (f: FalseLine) => boolean): Counts {
  const kept = score.outcomes.filter((o) => keepLabel(o.label));
  return { positives: kept.length, found: kept.filter((o) => o.found).length, falsePositives: score.falseLines.filter(keepFalse).length };
}

/** Counts per value of a key: positives by the label's key, false lines by the file's or the negative label's key. */
export function countBy(score: RealisticScore, labelKey: (l: PlacedLabel) => string, falseKey: (f: FalseLine) => string): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const get = (k: string): Counts => {
    let c = out.get(k);
    if (!c) {
      c = { positives: 0, found: 0, falsePositives: 0 };
      out.set(k, c);
    }
    return c;
  };
  for (const o of score.outcomes) {
    const c = get(labelKey(o.label));
    c.positives++;
    if (o.found) c.found++;
  }
  for (const f of score.falseLines) get(falseKey(f)).falsePositives++;
  return out;
}

export function precision(c: Counts): number {
  return c.found + c.falsePositives === 0 ? Number.NaN : c.found / (c.found + c.falsePositives);
}

export function recall(c: Counts): number {
  return c.positives === 0 ? Number.NaN : c.found / c.positives;
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return Number.isNaN(p) || Number.isNaN(r) || p + r === 0 ? Number.NaN : (2 * p * r) / (p + r);
}

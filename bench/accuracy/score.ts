/**
 * Score a scan against the corpus labels. A finding belongs to a label when it is in the same file
 * and its lines overlap the label's lines. A positive label with at least one finding is found;
 * findings on no positive label are false positives (explained by the negative label they hit, if
 * any). Precision counts each found label once, so a secret reported twice is not counted twice
 * in its favour; the extra reports are listed as duplicates.
 *
 * Families: a rule's family is its first tag (`generic` for generic rules); a label's family is its
 * expected rule's. Recall per family is over labels, precision per family over the findings of
 * that family's rules.
 */
import type { Label } from './corpus.js';

export interface ScoredFinding {
  ruleId: string;
  path: string;
  line: number;
  endLine: number;
  confidence: string;
  redacted: string;
}

export interface RuleInfo {
  id: string;
  tags: readonly string[];
  generic: boolean;
}

export const FAMILIES = ['cloud', 'vcs', 'ci-cd', 'payment', 'messaging', 'ai', 'observability', 'database', 'identity', 'package-registry', 'saas', 'crypto-key', 'generic'] as const;

export interface Counts {
  /** Positive labels. */
  positives: number;
  /** Positive labels found by any rule. */
  found: number;
  /** Found by a rule that names them correctly. */
  foundRightKind: number;
  /** Labels hit by this family's findings (precision numerator). */
  hits: number;
  falsePositives: number;
}

export interface Miss {
  label: Label;
}

export interface FalsePositive {
  finding: ScoredFinding;
  /** The negative category it hit, or `unlabelled`. */
  category: string;
}

export interface WrongKind {
  label: Label;
  ruleIds: string[];
}

export interface Score {
  overall: Counts;
  byFamily: Map<string, Counts>;
  byConfidence: Map<string, { tp: number; fp: number }>;
  byForm: Map<string, Counts>;
  misses: Miss[];
  falsePositives: FalsePositive[];
  wrongKind: WrongKind[];
  duplicates: number;
  negativesTotal: number;
  negativesHit: Map<string, { total: number; hit: number }>;
}

const emptyCounts = (): Counts => ({ positives: 0, found: 0, foundRightKind: 0, hits: 0, falsePositives: 0 });

export function ruleFamily(rule: RuleInfo | undefined): string {
  if (!rule) return 'unknown';
  if (rule.generic || rule.tags.includes('generic')) return 'generic';
  return rule.tags[0] ?? 'unknown';
}

export function labelFamily(label: Label, rules: ReadonlyMap<string, RuleInfo>): string {
  if (label.kind === 'generic') return 'generic';
  return ruleFamily(rules.get(label.kind));
}

function rightKind(label: Label, ruleId: string, rules: ReadonlyMap<string, RuleInfo>): boolean {
  if (ruleId === label.kind || label.also.includes(ruleId)) return true;
  return (label.kind === 'generic' || label.also.includes('generic')) && ruleFamily(rules.get(ruleId)) === 'generic';
}

export function score(labels: readonly Label[], findings: readonly ScoredFinding[], rules: ReadonlyMap<string, RuleInfo>): Score {
  const byFile = new Map<string, ScoredFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  const overlapping = (label: Label): ScoredFinding[] =>
    (byFile.get(label.file) ?? []).filter((f) => f.line <= label.endLine && f.endLine >= label.line);

  const result: Score = {
    overall: emptyCounts(),
    byFamily: new Map(FAMILIES.map((f) => [f, emptyCounts()])),
    byConfidence: new Map(['high', 'medium', 'low'].map((c) => [c, { tp: 0, fp: 0 }])),
    byForm: new Map(),
    misses: [],
    falsePositives: [],
    wrongKind: [],
    duplicates: 0,
    negativesTotal: 0,
    negativesHit: new Map(),
  };
  const family = (name: string): Counts => {
    let c = result.byFamily.get(name);
    if (!c) {
      c = emptyCounts();
      result.byFamily.set(name, c);
    }
    return c;
  };
  const explained = new Set<ScoredFinding>();

  for (const label of labels) {
    if (!label.positive) continue;
    const lf = family(labelFamily(label, rules));
    const formKey = label.form;
    let form = result.byForm.get(formKey);
    if (!form) {
      form = emptyCounts();
      result.byForm.set(formKey, form);
    }
    for (const c of [result.overall, lf, form]) c.positives++;
    const hits = overlapping(label);
    if (hits.length === 0) {
      result.misses.push({ label });
      continue;
    }
    for (const c of [result.overall, lf, form]) c.found++;
    if (hits.some((h) => rightKind(label, h.ruleId, rules))) {
      for (const c of [result.overall, lf, form]) c.foundRightKind++;
    } else {
      result.wrongKind.push({ label, ruleIds: [...new Set(hits.map((h) => h.ruleId))] });
    }
    result.overall.hits++;
    form.hits++;
    // Precision per family: the label counts once for each family whose rules found it.
    const families = new Set(hits.map((h) => ruleFamily(rules.get(h.ruleId))));
    for (const fam of families) family(fam).hits++;
    result.duplicates += hits.length - 1;
    const best = hits.reduce((a, b) => (rank(b.confidence) > rank(a.confidence) ? b : a));
    const conf = result.byConfidence.get(best.confidence);
    if (conf) conf.tp++;
    for (const h of hits) explained.add(h);
  }

  // Negatives: which categories were reported.
  for (const label of labels) {
    if (label.positive) continue;
    result.negativesTotal++;
    const entry = result.negativesHit.get(label.kind) ?? { total: 0, hit: 0 };
    entry.total++;
    const hits = overlapping(label).filter((f) => !explained.has(f));
    if (hits.length > 0) entry.hit++;
    result.negativesHit.set(label.kind, entry);
  }

  const negativesByFile = new Map<string, Label[]>();
  for (const l of labels) {
    if (l.positive) continue;
    const list = negativesByFile.get(l.file);
    if (list) list.push(l);
    else negativesByFile.set(l.file, [l]);
  }
  for (const f of findings) {
    if (explained.has(f)) continue;
    const neg = (negativesByFile.get(f.path) ?? []).find((l) => f.line <= l.endLine && f.endLine >= l.line);
    result.falsePositives.push({ finding: f, category: neg ? neg.kind : 'unlabelled' });
    result.overall.falsePositives++;
    family(ruleFamily(rules.get(f.ruleId))).falsePositives++;
    const conf = result.byConfidence.get(f.confidence);
    if (conf) conf.fp++;
  }
  return result;
}

function rank(confidence: string): number {
  return confidence === 'high' ? 3 : confidence === 'medium' ? 2 : 1;
}

export function precision(c: Counts): number {
  return c.hits + c.falsePositives === 0 ? Number.NaN : c.hits / (c.hits + c.falsePositives);
}

export function recall(c: Counts): number {
  return c.positives === 0 ? Number.NaN : c.found / c.positives;
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return Number.isNaN(p) || Number.isNaN(r) || p + r === 0 ? Number.NaN : (2 * p * r) / (p + r);
}

/**
 * Compare what a scanner reported with what the corpus generator planted: which plants were found
 * (a reported location overlapping the plant), which of those carry the same secret (same
 * fingerprint), which decoys were wrongly reported, and what was reported that nobody planted.
 */
import type { PlantRecord } from './corpus.js';
import type { ReportedLocation } from './scanners.js';

export interface KindRecall {
  kind: string;
  planted: number;
  found: number;
  /** Found with exactly the planted secret (fingerprints equal). Only for scanners that report fingerprints. */
  exact: number;
}

export interface RecallResult {
  planted: number;
  found: number;
  exact: number;
  byKind: KindRecall[];
  missed: PlantRecord[];
  /** Decoys (look-alikes that must not be reported) that were reported, with the rules that did it. */
  decoysReported: { decoy: PlantRecord; ruleIds: string[] }[];
  decoysTotal: number;
  /** Findings that overlap neither a plant nor a decoy. */
  unplanted: ReportedLocation[];
}

type Position = readonly [line: number, column: number];

const before = (a: Position, b: Position): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

function overlaps(f: ReportedLocation, p: PlantRecord): boolean {
  // Two closed ranges overlap unless one ends before the other starts.
  return !before([f.endLine, f.endColumn], [p.line, p.column]) && !before([p.endLine, p.endColumn], [f.line, f.column]);
}

/**
 * `toScanPath` maps a plant's corpus path to the path the scanner reports (or undefined when the
 * plant is outside what was scanned, e.g. not in the slice).
 */
export function checkRecall(
  plants: readonly PlantRecord[],
  decoys: readonly PlantRecord[],
  findings: readonly ReportedLocation[],
  toScanPath: (corpusPath: string) => string | undefined,
): RecallResult {
  const byPath = new Map<string, ReportedLocation[]>();
  for (const f of findings) {
    const list = byPath.get(f.path);
    if (list) list.push(f);
    else byPath.set(f.path, [f]);
  }
  const explained = new Set<ReportedLocation>();
  const kinds = new Map<string, KindRecall>();
  const result: RecallResult = { planted: 0, found: 0, exact: 0, byKind: [], missed: [], decoysReported: [], decoysTotal: 0, unplanted: [] };

  for (const plant of plants) {
    const scanPath = toScanPath(plant.path);
    if (scanPath === undefined) continue;
    const kind = kinds.get(plant.kind) ?? { kind: plant.kind, planted: 0, found: 0, exact: 0 };
    kinds.set(plant.kind, kind);
    kind.planted++;
    result.planted++;
    const hits = (byPath.get(scanPath) ?? []).filter((f) => overlaps(f, plant));
    for (const hit of hits) explained.add(hit);
    if (hits.length === 0) {
      result.missed.push(plant);
      continue;
    }
    kind.found++;
    result.found++;
    if (hits.some((h) => h.fingerprint === plant.fingerprint)) {
      kind.exact++;
      result.exact++;
    }
  }
  for (const decoy of decoys) {
    const scanPath = toScanPath(decoy.path);
    if (scanPath === undefined) continue;
    result.decoysTotal++;
    const hits = (byPath.get(scanPath) ?? []).filter((f) => overlaps(f, decoy));
    for (const hit of hits) explained.add(hit);
    if (hits.length > 0) result.decoysReported.push({ decoy, ruleIds: [...new Set(hits.map((h) => h.ruleId))] });
  }
  for (const f of findings) {
    if (!explained.has(f)) result.unplanted.push(f);
  }
  result.byKind = [...kinds.values()].sort((a, b) => a.kind.localeCompare(b.kind));
  return result;
}

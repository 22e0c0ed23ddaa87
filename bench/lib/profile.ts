/**
 * Read a V8 CPU profile (`node --cpu-prof`) and list where the time went: self time per function,
 * summed over every node of the call tree that is that function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionTime {
  /** `name (file:line)`, paths relative to the repository. */
  where: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per function, largest first. */
  functions: FunctionTime[];
  /** Self time per script (file), largest first: which module the time goes to. */
  files: FunctionTime[];
}

/** Self time per function and per file in one profile. */
export function summarizeCpuProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const perFile = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMicros = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = nodes.get(samples[i] as number);
    // A sample's time is the gap to the next sample.
    const micros = deltas[i + 1] ?? 0;
    totalMicros += micros;
    if (!node) continue;
    const key = describe(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + micros);
    const script = scriptOf(node.callFrame);
    perFile.set(script, (perFile.get(script) ?? 0) + micros);
  }
  const rank = (times: Map<string, number>): FunctionTime[] =>
    [...times.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, micros]) => ({ where, selfMs: micros / 1000, share: totalMicros > 0 ? micros / totalMicros : 0 }));
  return { totalMs: totalMicros / 1000, functions: rank(self), files: rank(perFile) };
}

function scriptOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  let file = frame.url.startsWith('file://') ? new URL(frame.url).pathname : frame.url;
  if (file.startsWith(repoRoot)) file = path.relative(repoRoot, file);
  return file;
}

/** Long names (regex sources appear as `RegExp: …`) are cut so the table stays readable. */
const MAX_NAME = 100;

function describe(frame: CallFrame): string {
  const full = frame.functionName || '(anonymous)';
  const name = full.length > MAX_NAME ? `${full.slice(0, MAX_NAME)}…` : full;
  if (!frame.url) return name;
  return `${name} (${scriptOf(frame)}:${frame.lineNumber + 1})`;
}

/** The `.cpuprofile` files in a directory (one per thread when workers ran). */
export function profilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
}

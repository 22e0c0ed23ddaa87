/**
 * Where the time of a single-threaded scan goes, stage by stage, with file I/O taken out: run as
 * its own process (`node --import tsx bench/lib/engine-stages.ts <dir>`), it reads every file under
 * `dir` into memory, then times on one thread
 *   1. the keyword automaton alone (every rule keyword, the prefilter pass),
 *   2. the whole engine plus finding building (`ChunkScanner.scan`, what each file goes through),
 * using the compiled `lib/` and the same rule settings as `sprawlguard scan`. Prints one JSON line.
 * Timings are taken inside the process, so the loader used to start it does not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as ConfigLoad from '../../src/config/load.js';
import type * as Keywords from '../../src/engine/keywords.js';
import type * as ChunkScannerModule from '../../src/scan/chunk-scanner.js';
import type * as Fingerprint from '../../src/findings/fingerprint.js';
import type * as TextDecode from '../../src/sources/text-decode.js';
import { fileURLToPath } from 'node:url';
import { measureNodeCli } from './measure.js';
import { importCompiled } from './paths.js';

export interface EngineStages {
  files: number;
  bytes: number;
  keywords: number;
  keywordHits: number;
  /** The keywords that hit most often, with their hit counts. */
  topKeywords: [string, number][];
  findings: number;
  /** Wall time and CPU time (user + system, this process) of each stage. */
  read: StageTime;
  automaton: StageTime;
  engine: StageTime;
}

export interface StageTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * Time a stage by the wall clock and by this process's CPU time (which other processes' load does
 * not inflate; every thread of the process counts, the thread pool's KDF included).
 */
async function timed<T>(work: () => T | Promise<T>): Promise<[T, StageTime]> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }];
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(abs, out);
    else if (entry.isFile()) out.push(abs);
  }
  return out;
}

async function measureStages(dir: string): Promise<EngineStages> {
  const { loadConfigFile, resolveSettings } = await importCompiled<typeof ConfigLoad>('config/load.js');
  const { KeywordAutomaton } = await importCompiled<typeof Keywords>('engine/keywords.js');
  const { ChunkScanner } = await importCompiled<typeof ChunkScannerModule>('scan/chunk-scanner.js');
  const { decodeForScan } = await importCompiled<typeof TextDecode>('sources/text-decode.js');
  const { settleFingerprints } = await importCompiled<typeof Fingerprint>('findings/fingerprint.js');

  const settings = resolveSettings(await loadConfigFile(dir));
  // As the CLI does: guessable secrets' fingerprints are derived on the thread pool and settled at the end.
  const scanner = new ChunkScanner({
    rules: settings.rules,
    allowSecretRegexes: settings.allowSecretRegexes.map((r) => r.source),
    stopwords: settings.stopwords,
    deferSlowFingerprints: true,
  });
  const keywords = [...new Set(settings.rules.flatMap((r) => r.keywords).map((k) => k.toLowerCase()))];
  const automaton = new KeywordAutomaton(keywords);

  const [texts, read] = await timed(() => {
    const out: { path: string; text: string; ascii?: Uint8Array; bytes: number }[] = [];
    for (const file of listFiles(dir)) {
      const raw = readFileSync(file);
      const decoded = decodeForScan(raw);
      if (decoded.kind !== 'binary') out.push({ path: path.relative(dir, file), text: decoded.text, ascii: decoded.ascii, bytes: raw.length });
    }
    return out;
  });
  const bytes = texts.reduce((n, t) => n + t.bytes, 0);
  // As the CLI does: ASCII files go to the keyword pass with their bytes.
  const keywordPass = (t: { text: string; ascii?: Uint8Array }): ReturnType<typeof automaton.scan> => automaton.scan(t.text, undefined, t.ascii);
  const [keywordHits, automatonTime] = await timed(() => texts.reduce((n, t) => n + keywordPass(t).count, 0));
  const perKeyword = new Map<number, number>();
  for (const t of texts) {
    const { hits, count } = keywordPass(t);
    for (let i = 0; i < count; i++) perKeyword.set(hits[i * 2] as number, (perKeyword.get(hits[i * 2] as number) ?? 0) + 1);
  }
  const topKeywords = [...perKeyword.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, n]): [string, number] => [automaton.keywords[k] ?? String(k), n]);
  const [findings, engine] = await timed(async () => {
    const found = texts.flatMap(({ path: shown, text, ascii }) => scanner.scan({ text, ascii, origin: { source: 'file', path: shown } }));
    await settleFingerprints(found);
    return found.length;
  });

  return { files: texts.length, bytes, keywords: keywords.length, keywordHits, topKeywords, findings, read, automaton: automatonTime, engine };
}

const thisFile = fileURLToPath(import.meta.url);

/** Measure the stages for `dir` in a fresh process. */
export async function runEngineStages(dir: string): Promise<EngineStages> {
  const run = await measureNodeCli(thisFile, [dir], { nodeArgs: ['--import', 'tsx'] });
  if (run.exitCode !== 0) throw new Error(`engine stages exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 2000)}`);
  return JSON.parse(run.stdout) as EngineStages;
}

// Run as a script: measure the directory given and print the result.
if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node --import tsx bench/lib/engine-stages.ts <dir>\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measureStages(dir))}\n`);
}

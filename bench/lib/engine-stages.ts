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
import type * as TextDecode from '../../src/sources/text-decode.js';
import { fileURLToPath } from 'node:url';
import { measureNodeCli } from './measure.js';
import { importCompiled } from './paths.js';

export interface EngineStages {
  files: number;
  bytes: number;
  readMs: number;
  keywords: number;
  keywordHits: number;
  automatonMs: number;
  engineMs: number;
  findings: number;
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

  const settings = resolveSettings(loadConfigFile(dir));
  const scanner = new ChunkScanner({
    rules: settings.rules,
    allowSecretRegexes: settings.allowSecretRegexes.map((r) => r.source),
    stopwords: settings.stopwords,
  });
  const keywords = [...new Set(settings.rules.flatMap((r) => r.keywords).map((k) => k.toLowerCase()))];
  const automaton = new KeywordAutomaton(keywords);

  let started = performance.now();
  const texts: { path: string; text: string }[] = [];
  let bytes = 0;
  for (const file of listFiles(dir)) {
    const raw = readFileSync(file);
    const decoded = decodeForScan(raw);
    if (decoded.kind === 'binary') continue;
    bytes += raw.length;
    texts.push({ path: path.relative(dir, file), text: decoded.text });
  }
  const readMs = performance.now() - started;

  started = performance.now();
  let keywordHits = 0;
  for (const { text } of texts) keywordHits += automaton.scan(text).count;
  const automatonMs = performance.now() - started;

  started = performance.now();
  let findings = 0;
  for (const { path: shown, text } of texts) findings += scanner.scan({ text, origin: { source: 'file', path: shown } }).length;
  const engineMs = performance.now() - started;

  return { files: texts.length, bytes, readMs, keywords: keywords.length, keywordHits, automatonMs, engineMs, findings };
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

/**
 * `sprawlguard tickets` on large exports: a Jira REST v3 search export (ADF documents, ~500 MB;
 * 50 MB with --quick) and a Zendesk JSON-lines export (~200 MB; 20 MB with --quick), generated
 * with planted GitHub tokens — some split across ADF text nodes, the same token pasted in many
 * tickets — and look-alikes with broken checksums. Reports wall time, MB/s, the peak RSS of the CLI
 * process, and findings against plants. Target: peak RSS under 300 MB for a 500 MB export.
 */
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as ChecksumsModule from '../../src/engine/checksums.js';
import type { BenchContext } from '../run.js';
import { cpuMs, measureNodeCli, type ChildMeasurement } from '../lib/measure.js';
import { importCompiled, sprawlguardBin } from '../lib/paths.js';
import { ALPHABETS, Random } from '../lib/random.js';
import { formatMB, formatRate, formatSeconds, formatTable, mbPerSecond, printTable } from '../lib/table.js';

const GENERATOR_VERSION = 1;
const TARGET_RSS_BYTES = 300_000_000;

interface Manifest {
  generatorVersion: number;
  bytes: number;
  records: number;
  /** Fingerprint-free plant list: token → how many fields it was pasted into. */
  plants: Record<string, number>;
  decoys: number;
}

interface ExportSpec {
  name: string;
  file: string;
  targetBytes: number;
  write: (out: Writer, rng: Random, tokens: TokenMaker, targetBytes: number) => Promise<Omit<Manifest, 'generatorVersion' | 'bytes'>>;
}

/** Buffered writer with back-pressure, so generating 500 MB keeps the bench's own memory flat. */
class Writer {
  private readonly stream;
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    this.bytes += Buffer.byteLength(text);
    if (this.pendingLength < 1 << 20) return;
    await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

interface TokenMaker {
  /** A checksum-valid classic GitHub token. */
  valid(rng: Random): string;
  /** The same shape with a broken checksum: must not be reported. */
  decoy(rng: Random): string;
}

async function tokenMaker(): Promise<TokenMaker> {
  const { crc32, encodeUnsigned } = await importCompiled<typeof ChecksumsModule>('engine/checksums.js');
  const prefix = ['gh', 'p_'].join('');
  // Bodies drawn until they hold no run a placeholder filter would take for a filler.
  const body = (rng: Random): string => {
    for (;;) {
      const text = rng.chars(30, ALPHABETS.base62);
      if (!/(.)\1\1\1/.test(text) && !/x{3}|abc|123/i.test(text)) return text;
    }
  };
  return {
    valid: (rng) => {
      const entropy = body(rng);
      return prefix + entropy + encodeUnsigned(crc32(entropy), ALPHABETS.base62, 6);
    },
    decoy: (rng) => {
      const entropy = body(rng);
      const good = encodeUnsigned(crc32(entropy), ALPHABETS.base62, 6);
      const last = good.at(-1) === 'A' ? 'B' : 'A';
      return prefix + entropy + good.slice(0, -1) + last;
    },
  };
}

const WORDS = (
  'the deploy failed again after the rollout of service gateway because config values were stale ' +
  'please check logs on staging cluster node pool and restart the worker queue when backlog grows ' +
  'customer reports timeout during checkout payment step retry succeeded after cache flush ' +
  'we need to rotate credentials for integration user and update pipeline variables accordingly'
).split(' ');

function prose(rng: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[rng.int(0, WORDS.length - 1)] as string);
  return out.join(' ');
}

/** Where plants go: a pool of tokens reused across tickets (sprawl), each paste counted. */
class Plants {
  readonly counts = new Map<string, number>();
  decoys = 0;
  private readonly pool: string[] = [];

  constructor(
    private readonly tokens: TokenMaker,
    private readonly rng: Random,
  ) {
    for (let i = 0; i < 200; i++) this.pool.push(tokens.valid(rng));
  }

  take(): string {
    const token = this.pool[this.rng.int(0, this.pool.length - 1)] as string;
    this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    return token;
  }

  decoy(): string {
    this.decoys++;
    return this.tokens.decoy(this.rng);
  }
}

function adfParagraph(texts: { text: string; code?: boolean }[]): unknown {
  return { type: 'paragraph', content: texts.filter((t) => t.text !== '').map((t) => (t.code ? { type: 'text', text: t.text, marks: [{ type: 'code' }] } : { type: 'text', text: t.text })) };
}

/** An ADF body: paragraphs of prose, sometimes a code block; a plant or decoy in some of them. */
function adfBody(rng: Random, plants: Plants, plantChance: number): unknown {
  const content: unknown[] = [];
  const paragraphs = rng.int(2, 6);
  for (let p = 0; p < paragraphs; p++) content.push(adfParagraph([{ text: prose(rng, rng.int(20, 80)) }]));
  if (rng.chance(plantChance)) {
    const token = plants.take();
    if (rng.chance(0.5)) {
      // Marks split the token across text nodes.
      const cut = rng.int(5, 35);
      content.push(adfParagraph([{ text: 'use this token for now: ' }, { text: token.slice(0, cut), code: true }, { text: token.slice(cut) }, { text: ' and rotate it later' }]));
    } else {
      content.push({ type: 'codeBlock', attrs: { language: 'bash' }, content: [{ type: 'text', text: `export GITHUB_TOKEN=${token}\n./deploy.sh` }] });
    }
  } else if (rng.chance(0.05)) {
    content.push(adfParagraph([{ text: `old value ${plants.decoy()} (revoked)` }]));
  }
  return { type: 'doc', version: 1, content };
}

const JIRA: ExportSpec = {
  name: 'Jira REST v3 search (ADF)',
  file: 'jira-search-v3.json',
  targetBytes: 500 * 1024 * 1024,
  async write(out, rng, tokens, targetBytes) {
    const plants = new Plants(tokens, rng.fork('plants'));
    await out.write('{"expand":"schema,names","startAt":0,"maxResults":100000,"issues":[');
    let records = 0;
    while (out.bytes < targetBytes) {
      const key = `BENCH-${records + 1}`;
      const comments = Array.from({ length: rng.int(0, 6) }, (_, k) => ({
        id: String(100000 + records * 10 + k),
        author: { accountId: `000000:${rng.chars(8, ALPHABETS.hex)}`, displayName: `Bench User ${rng.int(1, 50)}` },
        body: adfBody(rng, plants, 0.01),
        created: '2000-01-01T09:05:00.000+0000',
      }));
      const issue = {
        id: String(10000 + records),
        key,
        self: `https://bench.atlassian.invalid/rest/api/3/issue/${10000 + records}`,
        fields: {
          summary: prose(rng, rng.int(4, 12)),
          created: '2000-01-01T09:00:00.000+0000',
          reporter: { accountId: '000000:bench', displayName: 'Bench Reporter' },
          status: { name: 'Done', statusCategory: { key: 'done' } },
          labels: ['bench', 'generated'],
          description: adfBody(rng, plants, 0.02),
          customfield_10042: rng.chance(0.1) ? prose(rng, 10) : null,
          comment: { comments, maxResults: comments.length, total: comments.length, startAt: 0 },
        },
      };
      await out.write((records > 0 ? ',' : '') + JSON.stringify(issue));
      records++;
    }
    await out.write('],"total":' + records + '}');
    return { records, plants: Object.fromEntries(plants.counts), decoys: plants.decoys };
  },
};

const ZENDESK: ExportSpec = {
  name: 'Zendesk JSON lines',
  file: 'zendesk-tickets.jsonl',
  targetBytes: 200 * 1024 * 1024,
  async write(out, rng, tokens, targetBytes) {
    const plants = new Plants(tokens, rng.fork('plants'));
    let records = 0;
    while (out.bytes < targetBytes) {
      const id = records + 1;
      const comments = Array.from({ length: rng.int(1, 6) }, (_, k) => {
        let text = prose(rng, rng.int(20, 120));
        if (rng.chance(0.02)) text += `\ninternal: the key is ${plants.take()}`;
        else if (rng.chance(0.01)) text += ` old ${plants.decoy()}`;
        return {
          id: id * 100 + k,
          type: 'Comment',
          author_id: rng.int(1000, 2000),
          body: text,
          html_body: `<div class="zd-comment"><p>${text.replace(/\n/g, '<br>')}</p></div>`,
          plain_body: text,
          public: rng.chance(0.7),
          attachments: [],
          created_at: '2000-01-01T09:05:00Z',
        };
      });
      const ticket = {
        url: `https://bench.zendesk.invalid/api/v2/tickets/${id}.json`,
        id,
        subject: prose(rng, rng.int(3, 10)),
        raw_subject: prose(rng, 3),
        description: comments[0]?.body ?? '',
        status: 'solved',
        requester_id: rng.int(1000, 2000),
        submitter_id: rng.int(1000, 2000),
        tags: ['bench'],
        via: { channel: 'email' },
        created_at: '2000-01-01T09:00:00Z',
        comments,
      };
      await out.write(JSON.stringify(ticket) + '\n');
      records++;
    }
    // The description repeats the first comment: count a plant there once, as the scanner should.
    return { records, plants: Object.fromEntries(plants.counts), decoys: plants.decoys };
  },
};

async function ensureExport(spec: ExportSpec, dir: string, targetBytes: number, log: (line: string) => void): Promise<{ file: string; manifest: Manifest }> {
  const file = path.join(dir, spec.file);
  const manifestFile = `${file}.manifest.json`;
  if (existsSync(file) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.generatorVersion === GENERATOR_VERSION && manifest.bytes >= targetBytes && statSync(file).size === manifest.bytes) {
      log(`${spec.name}: reusing ${path.basename(file)} (${formatMB(manifest.bytes)})`);
      return { file, manifest };
    }
  }
  const started = performance.now();
  const out = new Writer(file);
  const result = await spec.write(out, new Random(`tickets:${spec.file}:${targetBytes}`), await tokenMaker(), targetBytes);
  await out.close();
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, bytes: statSync(file).size, ...result };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  log(`${spec.name}: generated ${path.basename(file)}, ${formatMB(manifest.bytes)}, ${manifest.records} records, in ${formatSeconds(performance.now() - started)}`);
  return { file, manifest };
}

interface Outcome {
  spec: ExportSpec;
  manifest: Manifest;
  /** Its maxRssBytes is the CLI process's own peak (VmHWM; see child-runner.mjs). */
  run: ChildMeasurement;
  found: number;
  planted: number;
  missed: number;
  falsePositives: number;
}

/** Read a file through one small buffer: warms the page cache without growing this process. */
function warmFile(file: string): number {
  const started = performance.now();
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(fd);
  }
  return performance.now() - started;
}

async function measure(spec: ExportSpec, file: string, manifest: Manifest): Promise<Outcome> {
  const run = await measureNodeCli(sprawlguardBin, ['tickets', file, '--format', 'json', '--show-secrets', '-q'], { cwd: path.dirname(file) });
  if (run.exitCode !== 1 && run.exitCode !== 0) throw new Error(`${spec.name}: sprawlguard exited ${run.exitCode}: ${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; secret?: string }[] };
  const counts = new Map<string, number>();
  let falsePositives = 0;
  for (const f of report.findings) {
    if (f.ruleId !== 'github-classic-pat' || f.secret === undefined) continue;
    if (manifest.plants[f.secret] === undefined) falsePositives++;
    else counts.set(f.secret, (counts.get(f.secret) ?? 0) + 1);
  }
  let planted = 0;
  let missed = 0;
  let found = 0;
  for (const [token, times] of Object.entries(manifest.plants)) {
    planted += times;
    const got = counts.get(token) ?? 0;
    found += Math.min(got, times);
    missed += Math.max(0, times - got);
    falsePositives += Math.max(0, got - times);
  }
  return { spec, manifest, run, found, planted, missed, falsePositives };
}

export default async function ticketsBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const specs: [ExportSpec, number][] = [
    [JIRA, ctx.quick ? 50 * 1024 * 1024 : JIRA.targetBytes],
    [ZENDESK, ctx.quick ? 20 * 1024 * 1024 : ZENDESK.targetBytes],
  ];
  const outcomes: Outcome[] = [];
  for (const [spec, bytes] of specs) {
    const { file, manifest } = await ensureExport(spec, ctx.workDir, bytes, log);
    // Read once so the timed run reads from the page cache, like the other cases.
    log(`${spec.name}: page cache warmed in ${formatSeconds(warmFile(file))}`);
    outcomes.push(await measure(spec, file, manifest));
  }
  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['export', 'size', 'records', 'wall', 'rate', 'CPU', 'rate per CPU s', 'peak RSS', 'found / planted', 'decoys', 'false pos.', 'RSS target'],
      outcomes.map((o) => [
        o.spec.name,
        formatMB(o.manifest.bytes),
        String(o.manifest.records),
        formatSeconds(o.run.wallMs),
        formatRate(mbPerSecond(o.manifest.bytes, o.run.wallMs)),
        formatSeconds(cpuMs(o.run)),
        formatRate(mbPerSecond(o.manifest.bytes, cpuMs(o.run))),
        formatMB(o.run.maxRssBytes),
        `${o.found} / ${o.planted}`,
        String(o.manifest.decoys),
        String(o.falsePositives),
        o.run.maxRssBytes < TARGET_RSS_BYTES ? `ok (< ${formatMB(TARGET_RSS_BYTES, 0)})` : `OVER ${formatMB(TARGET_RSS_BYTES, 0)}`,
      ]),
    ),
  );
  log('  (peak RSS: VmHWM of the CLI process; wall and CPU time include start-up; on a loaded machine the rate');
  log('  per CPU second is the steadier figure; MB = 10^6 bytes)');
  for (const o of outcomes) {
    if (o.missed > 0) log(`  ${o.spec.name}: ${o.missed} planted pastes not reported`);
  }
}

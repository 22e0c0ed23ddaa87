/**
 * `sprawlguard tickets` on exports as they arrive, not as they should be: a Slack export read from
 * its folder and from its ZIP archive (same findings, and what reading in place costs), a Jira CSV
 * damaged row after row (undoubled quotes, CRLF rows among LF ones, NUL bytes, shifted cells, a
 * quote left open at the end), and a zip bomb beside a real export. Reports wall time, rate per CPU
 * second, peak RSS of the CLI process, planted secrets found, how many of them name the ticket they
 * were planted in, and the warnings the run gave.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildZip, type ZipEntrySpec } from '../../test/support/zip-writer.js';
import type { BenchContext } from '../run.js';
import { cpuMs, measureNodeCli, type ChildMeasurement } from '../lib/measure.js';
import { sprawlguardBin } from '../lib/paths.js';
import { Random } from '../lib/random.js';
import { createSecretFactory, type SecretFactory } from '../lib/secrets.js';
import { formatMB, formatRate, formatSeconds, formatTable, mbPerSecond, printTable } from '../lib/table.js';

const GENERATOR_VERSION = 1;

/** Token → the ticket or channel it was planted in, once per paste. */
type Plants = [token: string, ticket: string][];

interface Input {
  name: string;
  /** Path given to the CLI, relative to the work directory. */
  arg: string;
  bytes: number;
  plants: Plants;
}

const WORDS = 'deploy failed again after rollout config values stale check logs staging cluster restart worker queue backlog timeout retry cache'.split(' ');
const prose = (rng: Random, words: number): string => Array.from({ length: words }, () => rng.pick(WORDS)).join(' ');
const csvCell = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A Slack export as a file tree: channels × days, a token in about one message in fifty. */
function slackTree(rng: Random, secrets: SecretFactory, targetBytes: number): { tree: Record<string, string>; plants: Plants } {
  const users = Array.from({ length: 40 }, (_, i) => ({ id: `U${String(i).padStart(8, '0')}`, name: `bench.user.${i}`, real_name: `Bench User ${i}` }));
  const channels = Array.from({ length: 20 }, (_, i) => ({ id: `C${String(i).padStart(8, '0')}`, name: `channel-${i}` }));
  const tree: Record<string, string> = { 'users.json': JSON.stringify(users), 'channels.json': JSON.stringify(channels) };
  const plants: Plants = [];
  let bytes = 0;
  for (let day = 0; bytes < targetBytes; day++) {
    const date = new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10);
    for (const channel of channels) {
      const messages = Array.from({ length: rng.int(5, 40) }, (_, k) => {
        let text = prose(rng, rng.int(5, 60));
        if (rng.chance(0.02)) {
          const token = secrets.githubClassicPat(rng);
          plants.push([token, `#${channel.name}`]);
          text += ` use ${token} for now`;
        }
        return { type: 'message', user: rng.pick(users).id, text, ts: `${946684800 + day * 86400 + k}.000100` };
      });
      const json = JSON.stringify(messages, null, 1);
      tree[`${channel.name}/${date}.json`] = json;
      bytes += json.length;
    }
  }
  return { tree, plants };
}

/** A Jira CSV whose rows are damaged in turn, each kind of damage a reader must survive. */
function damagedCsv(rng: Random, secrets: SecretFactory, targetBytes: number): { csv: string; plants: Plants } {
  const header = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Created', 'Description', 'Comment'];
  const rows: string[] = [header.join(',')];
  const plants: Plants = [];
  let bytes = 0;
  for (let i = 1; bytes < targetBytes; i++) {
    const key = `BENCH-${i}`;
    const token = rng.chance(0.1) ? secrets.githubClassicPat(rng) : undefined;
    if (token) plants.push([token, key]);
    const description = `${prose(rng, rng.int(10, 60))}\n${token ? `export GITHUB_TOKEN=${token}\n` : ''}${prose(rng, 10)}`;
    const cells = [prose(rng, 4), key, String(10000 + i), 'Bug', 'Done', '2000-01-01 09:00', description, `2000-01-01 09:05;bench;${prose(rng, 20)}`].map(csvCell);
    let row = cells.join(',');
    switch (i % 6) {
      case 1: // a quote nobody doubled
        row = row.replace(/ (\w+) /, ' "$1" ');
        break;
      case 2: // a CRLF row among LF ones
        row = row.replaceAll('\n', '\r\n') + '\r';
        break;
      case 3: // a NUL byte in the comment
        row = row.replace(/;bench;/, ';bench;\0');
        break;
      case 4: // a cell split by a quote before a comma: the row is one cell longer
        row = row.replace(/^"([^"]*)"/, '"$1", later"');
        break;
    }
    rows.push(row);
    bytes += row.length + 1;
  }
  // The last row's quote is left open: the file was cut.
  const csv = rows.join('\n');
  return { csv: csv.slice(0, csv.lastIndexOf('"')), plants };
}

async function ensureInputs(dir: string, quick: boolean, log: (line: string) => void): Promise<Input[]> {
  const target = quick ? 20_000_000 : 200_000_000;
  const manifestFile = path.join(dir, 'hostile.manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: number; target: number; inputs: Input[] };
    if (manifest.version === GENERATOR_VERSION && manifest.target === target && manifest.inputs.every((i) => existsSync(path.join(dir, i.arg)))) {
      log(`reusing the generated exports in ${dir}`);
      return manifest.inputs;
    }
  }
  const started = performance.now();
  const secrets = await createSecretFactory();
  const rng = new Random(`tickets-hostile:${target}`);

  const slack = slackTree(rng.fork('slack'), secrets, target);
  let slackBytes = 0;
  for (const [rel, text] of Object.entries(slack.tree)) {
    const file = path.join(dir, 'slack-export', ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    slackBytes += Buffer.byteLength(text);
  }
  const zip = buildZip(Object.entries(slack.tree).map(([name, data]): ZipEntrySpec => ({ name, data })));
  writeFileSync(path.join(dir, 'slack-export.zip'), zip);

  const damaged = damagedCsv(rng.fork('csv'), secrets, target / 2);
  writeFileSync(path.join(dir, 'damaged.csv'), damaged.csv);

  // A gigabyte of zeros deflates to about a megabyte; beside it, the damaged export.
  const bomb = buildZip([
    { name: 'logs/huge.log', data: Buffer.alloc(quick ? 256 * 1024 * 1024 : 1024 * 1024 * 1024) },
    { name: 'jira/damaged.csv', data: damaged.csv },
  ]);
  writeFileSync(path.join(dir, 'bomb.zip'), bomb);

  const inputs: Input[] = [
    { name: 'Slack export, folder', arg: 'slack-export', bytes: slackBytes, plants: slack.plants },
    { name: 'Slack export, ZIP', arg: 'slack-export.zip', bytes: slackBytes, plants: slack.plants },
    { name: 'Jira CSV, damaged rows', arg: 'damaged.csv', bytes: statSync(path.join(dir, 'damaged.csv')).size, plants: damaged.plants },
    { name: 'zip bomb + damaged CSV', arg: 'bomb.zip', bytes: statSync(path.join(dir, 'damaged.csv')).size, plants: damaged.plants },
  ];
  writeFileSync(manifestFile, JSON.stringify({ version: GENERATOR_VERSION, target, inputs }));
  log(`generated the exports in ${formatSeconds(performance.now() - started)}`);
  return inputs;
}

interface Outcome {
  input: Input;
  run: ChildMeasurement;
  found: number;
  rightTicket: number;
  warnings: number;
}

async function measure(input: Input, dir: string): Promise<Outcome> {
  const run = await measureNodeCli(sprawlguardBin, ['tickets', input.arg, '--format', 'json', '--show-secrets', '-q'], { cwd: dir });
  if (run.exitCode !== 1 && run.exitCode !== 0) throw new Error(`${input.name}: sprawlguard exited ${run.exitCode}: ${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; secret?: string; location: { ticket?: string } }[]; stats: { skipped?: unknown[] } };
  const wanted = new Map<string, string[]>();
  for (const [token, ticket] of input.plants) wanted.set(token, [...(wanted.get(token) ?? []), ticket]);
  let found = 0;
  let rightTicket = 0;
  for (const f of report.findings) {
    if (f.ruleId !== 'github-classic-pat' || f.secret === undefined) continue;
    const tickets = wanted.get(f.secret);
    if (!tickets || tickets.length === 0) continue;
    found++;
    const at = tickets.indexOf(f.location.ticket ?? '');
    if (at >= 0) rightTicket++;
    tickets.splice(at >= 0 ? at : 0, 1);
  }
  return { input, run, found, rightTicket, warnings: report.stats.skipped?.length ?? 0 };
}

export default async function ticketsHostileBenchmark(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  const inputs = await ensureInputs(ctx.workDir, ctx.quick, log);
  const outcomes: Outcome[] = [];
  for (const input of inputs) outcomes.push(await measure(input, ctx.workDir));
  log('');
  printTable(
    log,
    '  ',
    formatTable(
      ['input', 'export size', 'wall', 'rate per CPU s', 'peak RSS', 'found / planted', 'right ticket', 'warnings'],
      outcomes.map((o) => [
        o.input.name,
        formatMB(o.input.bytes),
        formatSeconds(o.run.wallMs),
        formatRate(mbPerSecond(o.input.bytes, cpuMs(o.run))),
        formatMB(o.run.maxRssBytes),
        `${o.found} / ${o.input.plants.length}`,
        String(o.rightTicket),
        String(o.warnings),
      ]),
    ),
  );
  log('  (export size: uncompressed text; the zip bomb row reads only the damaged CSV beside the bomb)');
}

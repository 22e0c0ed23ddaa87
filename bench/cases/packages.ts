/**
 * False findings on real, published code: Debian's packages of libraries in Go, Python, Node.js,
 * PHP, Ruby and Perl that handle credentials (auth, OAuth, JWT, LDAP, SQL, cloud SDKs, mail),
 * fetched with `apt-get download` and unpacked with `dpkg-deb -x` (the packages are kept in the
 * case's work directory between runs). Nobody here wrote this code; its credentials are test data,
 * documentation examples and the odd shipped default, so what a scan reports as an incident in
 * `source` context is where a user would be alerted for nothing.
 *
 * Python packages install under `dist-packages/`, which sprawlguard reads as vendored code; the
 * case renames those directories so the code is judged as a project's own, as it would be in the
 * project's repository.
 *
 * Reports: bytes scanned, findings by disposition and context, the source-context incidents split
 * into generic and provider-specific rules (per 100 MB), and the rules behind them. Needs `apt-get`
 * and `dpkg-deb` (a Debian or Ubuntu machine) and network access to the package archive.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext } from '../run.js';
import type * as BuiltinRules from '../../src/config/builtin-rules.js';
import { importCompiled, sprawlguardBin } from '../lib/paths.js';
import { formatMB, formatTable, MB, printTable } from '../lib/table.js';

/** Package-name patterns (`apt-cache search --names-only`), and how many of each set to take. */
const SETS: readonly { name: string; pattern: string; limit: number; quickLimit: number }[] = [
  {
    name: 'go-node-php-ruby-perl',
    pattern:
      '^(golang-.*(oauth|auth|jwt|vault|consul|ldap|sql|redis|mongo|minio|ssh|smtp|mail|s3|docker|kube|azure|google-api|slack|github|gitlab)|node-.*(auth|jwt|oauth|passport|session|mysql|pg|redis|aws|smtp|mail)|php-.*(oauth|jwt|ldap|mail|aws|guzzle|doctrine-dbal)|ruby-.*(auth|oauth|jwt|ldap|aws|mail|fog|devise|rack)|lib(net|mail|auth|dbd|crypt).*-perl)',
    limit: 2500,
    quickLimit: 60,
  },
  {
    name: 'python',
    pattern:
      '^python3-.*(auth|oauth|jwt|ldap|sql|redis|mongo|boto|aws|azure|google|openstack|keystone|nova|swift|glance|neutron|heat|celery|kombu|django|flask|requests|paramiko|ssh|mail|smtp|imap|ftp|crypt|vault|consul|docker|kube|ansible|salt|twilio|slack|stripe)',
    limit: 400,
    quickLimit: 40,
  },
];

interface Finding {
  ruleId: string;
  disposition: 'incident' | 'fixture';
  location: { path: string; context: string };
}

export default async function packages(ctx: BenchContext): Promise<void> {
  for (const tool of ['apt-cache', 'apt-get', 'dpkg-deb']) {
    if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0) throw new Error(`${tool} is not available: this case needs a Debian or Ubuntu machine`);
  }
  const debs = path.join(ctx.workDir, 'debs');
  const tree = path.join(ctx.workDir, ctx.quick ? 'tree-quick' : 'tree');
  mkdirSync(debs, { recursive: true });
  mkdirSync(tree, { recursive: true });

  let packageCount = 0;
  for (const set of SETS) {
    const names = execFileSync('apt-cache', ['search', '--names-only', set.pattern], { encoding: 'utf8', maxBuffer: 64 * MB })
      .split('\n')
      .map((line) => line.split(' ')[0] ?? '')
      .filter((name) => name !== '' && !name.endsWith('-doc'))
      .sort()
      .slice(0, ctx.quick ? set.quickLimit : set.limit);
    const wanted = new Set(names);
    const have = new Set(readdirSync(debs).map((file) => file.split('_')[0]));
    const missing = names.filter((name) => !have.has(name));
    for (let i = 0; i < missing.length; i += 25) {
      // A package that is gone from the archive fails on its own; the rest of the batch still downloads.
      spawnSync('apt-get', ['download', ...missing.slice(i, i + 25)], { cwd: debs, stdio: 'ignore' });
    }
    for (const file of readdirSync(debs)) {
      const name = file.split('_')[0] as string;
      if (!wanted.has(name) || existsSync(path.join(tree, name))) continue;
      mkdirSync(path.join(tree, name));
      spawnSync('dpkg-deb', ['-x', path.join(debs, file), path.join(tree, name)], { stdio: 'ignore' });
    }
    packageCount += names.filter((name) => existsSync(path.join(tree, name))).length;
    ctx.log(`${set.name}: ${names.length} packages matched, ${missing.length} downloaded now`);
  }
  renameVendorDirs(tree);

  const started = performance.now();
  const run = spawnSync(process.execPath, [sprawlguardBin, 'scan', tree, '--no-git', '--show-fixtures', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1024 * MB });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`scan exited ${String(run.status)}: ${run.stderr.slice(0, 500)}`);
  const report = JSON.parse(run.stdout) as { findings: Finding[]; stats?: { bytes?: number } };
  const bytes = report.stats?.bytes ?? 0;
  ctx.log(`${packageCount} packages unpacked; scanned ${formatMB(bytes)} in ${seconds.toFixed(1)} s; ${report.findings.length} findings`);

  const byContext = new Map<string, { incident: number; fixture: number }>();
  for (const finding of report.findings) {
    const row = byContext.get(finding.location.context) ?? { incident: 0, fixture: 0 };
    row[finding.disposition]++;
    byContext.set(finding.location.context, row);
  }
  printTable(ctx.log, '  ', formatTable(['context', 'incidents', 'fixtures'], [...byContext].sort().map(([context, row]) => [context, String(row.incident), String(row.fixture)])));

  // Generic rules are the ones the rule pack marks `generic: true`, as the fixture policy reads them.
  const { loadBuiltinRules } = await importCompiled<typeof BuiltinRules>('config/builtin-rules.js');
  const genericRules = new Set(loadBuiltinRules().filter((rule) => rule.generic).map((rule) => rule.id));
  const alerts = report.findings.filter((f) => f.disposition === 'incident' && f.location.context === 'source');
  const generic = alerts.filter((f) => genericRules.has(f.ruleId)).length;
  const per100 = (n: number): string => (bytes > 0 ? ((n * 100 * MB) / bytes).toFixed(2) : 'n/a');
  ctx.log(`incidents in source context: ${alerts.length} (${per100(alerts.length)} per 100 MB): ${generic} from generic rules (${per100(generic)} per 100 MB), ${alerts.length - generic} from provider-specific rules`);
  const byRule = new Map<string, number>();
  for (const finding of alerts) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 15);
  printTable(ctx.log, '  ', formatTable(['rule', 'source incidents'], top.map(([rule, count]) => [rule, String(count)])));
}

/** Rename every `dist-packages`/`site-packages` directory under `dir` to `pkgs` (see the header). */
function renameVendorDirs(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    if (entry === 'dist-packages' || entry === 'site-packages') {
      const renamed = path.join(dir, 'pkgs');
      renameSync(full, renamed);
      renameVendorDirs(renamed);
    } else renameVendorDirs(full);
  }
}

// Release check, run by .ci/run: the npm package installs and works the way a user gets it.
//   1. `npm pack` (of the current build in lib/) into a temporary directory;
//   2. `npm install -g --prefix <fresh> <tarball> --ignore-scripts --omit=optional`: no build step,
//      no install script, no optional native add-on;
//   3. the installed `sprawlguard` prints its version, finds a generated fake token in a file
//      (exit 1, redacted), and passes a clean file (exit 0).
// Prints the tarball's size and the installed size (the package and its runtime dependencies).
// Needs the npm registry (or a warm npm cache) for the dependencies; nothing else.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const work = mkdtempSync(path.join(tmpdir(), 'sprawlguard-package-'));
const fail = (message) => {
  console.error(`check-package: ${message}`);
  process.exit(1);
};

function duBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) total += duBytes(abs);
    else if (entry.isFile()) total += statSync(abs).size;
  }
  return total;
}

try {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }))[0];
  const tarball = path.join(work, packed.filename);
  const maps = packed.files.filter((f) => f.path.endsWith('.map'));
  if (maps.length > 0) fail(`the package ships source maps for sources it does not include: ${maps[0].path}`);
  const prefix = path.join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--ignore-scripts', '--omit=optional', '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const bin = path.join(prefix, 'bin', 'sprawlguard');

  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || version.stdout.trim() !== packed.version) fail(`--version printed ${JSON.stringify(version.stdout)} (exit ${version.status})`);

  const tree = path.join(work, 'tree');
  mkdirSync(tree);
  // A GitHub token shape with a valid checksum, made up here so that no file holds one.
  const { crc32, encodeUnsigned } = await import(path.join(root, 'lib', 'engine', 'checksums.js'));
  const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const body = Array.from({ length: 30 }, (_, i) => B62[(i * 37 + 11) % 62]).join('');
  const key = ['ghp', '_', body, encodeUnsigned(crc32(body), B62, 6)].join('');
  writeFileSync(path.join(tree, 'settings.env'), `GITHUB_TOKEN=${key}\n`);
  const found = spawnSync(bin, ['scan', tree, '--format', 'json'], { encoding: 'utf8' });
  if (found.status !== 1) fail(`scan of a file with a key exited ${found.status}: ${found.stderr}`);
  const report = JSON.parse(found.stdout);
  if (!report.findings.some((f) => f.location.path.endsWith('settings.env'))) fail('the installed CLI did not report the planted key');
  if (found.stdout.includes(key)) fail('the installed CLI printed a raw secret');
  rmSync(path.join(tree, 'settings.env'));
  writeFileSync(path.join(tree, 'README.md'), 'nothing to see\n');
  const clean = spawnSync(bin, ['scan', tree, '--quiet'], { encoding: 'utf8' });
  if (clean.status !== 0) fail(`scan of a clean tree exited ${clean.status}: ${clean.stderr}`);

  const installed = duBytes(path.join(prefix, 'lib', 'node_modules', 'sprawlguard'));
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`check-package: ${packed.filename}: packed ${kb(packed.size)} (${packed.entryCount} files, ${kb(packed.unpackedSize)} unpacked); installed with runtime dependencies, without optional ones: ${kb(installed)}; version, finding and clean scan OK`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

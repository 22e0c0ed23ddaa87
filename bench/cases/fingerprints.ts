/**
 * What it costs to reverse a fingerprint by guessing: CPU time of one guess against a `scrypt:`
 * fingerprint (the compiled tool's own fingerprint function, on distinct inputs so its cache never
 * answers) and against a plain `sha256:` one, and from those the single-core time to try every
 * 6-digit PIN and every 8-letter lowercase password. docs/fingerprints.md quotes these figures.
 */
import { createHash } from 'node:crypto';
import type * as FingerprintModule from '../../src/findings/fingerprint.js';
import type { BenchContext } from '../run.js';
import { importCompiled } from '../lib/paths.js';
import { formatTable, printTable } from '../lib/table.js';

/** CPU milliseconds (user + system) per call of `fn` over `n` calls. */
function cpuMsPerCall(n: number, fn: (i: number) => void): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

function duration(ms: number): string {
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 2 * 86400) return `${(s / 3600).toFixed(1)} h`;
  if (s < 2 * 365 * 86400) return `${(s / 86400).toFixed(0)} days`;
  return `${(s / (365 * 86400)).toFixed(0)} years`;
}

export default async function fingerprints(ctx: BenchContext): Promise<void> {
  const { fingerprintSecret, SCRYPT_PARAMETERS } = await importCompiled<typeof FingerprintModule>('findings/fingerprint.js');
  const { N, r, p } = SCRYPT_PARAMETERS;
  const slowRuns = ctx.quick ? 5 : 40;
  // Six-digit strings from a range no other run uses: each call derives afresh.
  const offset = 100_000 + Math.floor(Math.random() * 800_000);
  fingerprintSecret(String(offset - 1));
  const slow = cpuMsPerCall(slowRuns, (i) => {
    if (!fingerprintSecret(String(offset + i)).startsWith('scrypt:')) throw new Error('a 6-digit PIN did not get a scrypt fingerprint');
  });
  const fast = cpuMsPerCall(ctx.quick ? 100_000 : 1_000_000, (i) => createHash('sha256').update(String(i)).digest('hex'));
  const spaces: [string, number][] = [
    ['6-digit PIN', 10 ** 6],
    ['8 lowercase letters', 26 ** 8],
  ];
  ctx.log(`  scrypt N=${N} r=${r} p=${p} (${(128 * N * r) / 2 ** 20} MiB): ${slow.toFixed(1)} ms CPU per guess (${slowRuns} guesses)`);
  ctx.log(`  SHA-256: ${(fast * 1000).toFixed(2)} µs CPU per guess`);
  printTable(
    ctx.log,
    '  ',
    formatTable(
      ['secret space', 'guesses', 'scrypt, one core', 'SHA-256, one core'],
      spaces.map(([name, size]) => [name, size.toExponential(2), duration(size * slow), duration(size * fast)]),
    ),
  );
}

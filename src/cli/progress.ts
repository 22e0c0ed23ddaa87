/** A one-line progress display on standard error, only when it is a terminal. */
import type { ScanProgress } from '../sources/source.js';

export function gitProgressPrinter(stream: NodeJS.WriteStream = process.stderr): ((p: ScanProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 100 && p.commitsDone < p.commitsTotal) return;
    last = now;
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? p.commitsDone / seconds : 0;
    const eta = rate > 0 ? (p.commitsTotal - p.commitsDone) / rate : 0;
    const line = `commits ${p.commitsDone}/${p.commitsTotal} · ${(p.bytes / 1e6).toFixed(1)} MB · ${rate.toFixed(0)} commits/s · ETA ${formatSeconds(eta)}`;
    stream.write(`\r\x1b[2K${line}${p.commitsDone >= p.commitsTotal ? '\n' : ''}`);
  };
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

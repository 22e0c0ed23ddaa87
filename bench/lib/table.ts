/** Plain-text tables and number formats for benchmark output (MB = 10^6 bytes throughout). */

export const MB = 1_000_000;

export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / MB / (ms / 1000);
}

export function formatMB(bytes: number, digits = 1): string {
  return `${(bytes / MB).toFixed(digits)} MB`;
}

export function formatRate(mbps: number): string {
  if (!Number.isFinite(mbps)) return 'n/a';
  return mbps >= 100 ? `${mbps.toFixed(0)} MB/s` : mbps >= 1 ? `${mbps.toFixed(1)} MB/s` : `${mbps.toFixed(3)} MB/s`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= 10 ? `${ratio.toFixed(0)}×` : `${ratio.toFixed(1)}×`;
}

/**
 * Columns padded to their widest cell; a column whose cells all start with a digit (or are `n/a`)
 * is right-aligned so numbers line up.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_h, i) => rows.length > 0 && rows.every((r) => /^([-+]?[0-9.]|n\/a$)/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export function printTable(log: (line: string) => void, indent: string, lines: readonly string[]): void {
  for (const line of lines) log(indent + line);
}

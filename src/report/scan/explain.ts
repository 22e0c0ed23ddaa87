/**
 * The `--explain` section in text: one line per candidate that was not reported, with where it is,
 * the rule, the reason and which check or entry decided, and the redacted preview (the raw value
 * only with --show-secrets). Shown after the text report, or on standard error for the formats
 * that have no place for it (JSON carries it as `explain`).
 */
import pc from 'picocolors';
import type { Explanation, Rejection } from '../../findings/rejection.js';
import { printable } from './text.js';

type Colors = ReturnType<typeof pc.createColors>;

function where(r: Rejection): string {
  const loc = r.location;
  let at = `${loc.path}:${loc.line}:${loc.column}`;
  if (loc.repo) at = `${loc.repo}:${at}`;
  if (loc.ticket) at += ` (${[loc.system, loc.ticket, loc.field].filter(Boolean).join(' ')})`;
  if (loc.commit) at += ` @ ${loc.commit.slice(0, 12)}`;
  return at;
}

export function explanationLines(explanation: Explanation, c: Colors): string[] {
  const { rejected, notListed } = explanation;
  const total = rejected.length + notListed;
  if (total === 0) return [c.bold('Not reported (--explain): nothing. No rule matched a candidate that was then dropped.')];
  const lines = [c.bold(`Not reported (--explain): ${total} candidate${total === 1 ? '' : 's'}`)];
  for (const r of rejected) {
    const value = r.secret !== undefined ? printable(r.secret) : r.redacted;
    lines.push(`  ${printable(where(r))} ${c.dim(`[${r.ruleId}]`)} ${c.yellow(r.reason)}: ${printable(r.detail)}`);
    lines.push(`      ${c.dim(`value ${value} · fingerprint ${r.fingerprint}`)}`);
  }
  if (notListed > 0) lines.push(`  … and ${notListed} more not listed`);
  return lines;
}

export function explanationText(explanation: Explanation, color: boolean): string {
  return `${explanationLines(explanation, pc.createColors(color)).join('\n')}\n`;
}

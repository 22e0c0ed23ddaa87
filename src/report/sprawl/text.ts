/**
 * The sprawl report as text, for terminals: the secrets to fix first, headline figures, then
 * aligned tables of the most sprawled secrets, repositories and ticket systems, then every secret
 * in queue order with its next step and locations.
 */
import { visible } from '../visible.js';
import { day, fixFirst, headline, locationLabel } from './figures.js';
import type { LocationSummary, SprawlReport } from './model.js';
import { ownerNames } from './owners.js';

function locationNotes(l: LocationSummary): string {
  const notes: string[] = [];
  if (l.branches && l.branches.length > 0) notes.push(`branches: ${l.branches.join(', ')}`);
  if (l.presence === 'removed-from-head') notes.push('removed from HEAD, still in history');
  return notes.length > 0 ? ` [${notes.join('; ')}]` : '';
}

function pad(cells: readonly string[][]): string[] {
  const widths = (cells[0] ?? []).map((_c, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((row) =>
    row
      .map((c, i) => (/^\d/.test(c) && i > 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function formatSprawlText(report: SprawlReport): string {
  const out: string[] = [];
  out.push(`sprawlguard sprawl report, ${report.generatedAt.slice(0, 19).replace('T', ' ')} UTC`);
  out.push(`inventory: ${report.inventory.runs} run${report.inventory.runs === 1 ? '' : 's'}${report.inventory.lastRunAt ? `, last ${day(report.inventory.lastRunAt)}` : ''}`);
  const first = fixFirst(report);
  if (first.length > 0) {
    out.push('', 'Fix first');
    for (const x of first) {
      out.push(`  #${x.priority}  ${x.redacted}  ${x.title}, ${x.severity}, ${x.status}, ${x.places} place${x.places === 1 ? '' : 's'}, risk ${x.risk.score}`);
      out.push(`      ${x.remediation.next}`);
      const replace = x.remediation.replaceWith[0];
      if (replace) out.push(`      then: ${replace.advice}`);
      out.push(`      why: ${x.risk.factors.map((f) => f.reason).join('; ')}`);
      const owners = ownerNames(x.owners);
      if (owners.length > 0) out.push(`      ask: ${owners.slice(0, 6).join(', ')}${owners.length > 6 ? ` and ${owners.length - 6} more` : ''}`);
    }
  }
  out.push('');
  const width = Math.max(...headline(report).map(([label]) => label.length));
  for (const [label, value] of headline(report)) out.push(`  ${label.padEnd(width)}  ${value}`);

  if (report.topSprawled.length > 0) {
    out.push('', 'Top sprawled secrets');
    out.push(
      ...pad([
        ['secret', 'provider', 'lifetime', 'status', 'places', 'repos', 'tickets', 'occurrences'],
        ...report.topSprawled.map((t) => [t.redacted, t.provider, t.lifetime, t.status, String(t.places), String(t.repos), String(t.tickets), String(t.occurrences)]),
      ]).map((l) => `  ${l}`),
    );
  }
  if (report.repos.length > 0) {
    out.push('', 'Repositories');
    out.push(
      ...pad([
        ['repository', 'secrets', 'shared', 'long-lived', 'occurrences', 'removed', 'state'],
        ...report.repos.map((r) => [r.name, String(r.secrets), String(r.sharedSecrets), String(r.longLived), String(r.occurrences), String(r.removedFromHead), r.state ?? '-']),
      ]).map((l) => `  ${l}`),
    );
    const failed = report.repos.filter((r) => r.state === 'failed');
    for (const r of failed) out.push(`  ! ${r.name}: ${r.error ?? 'failed'}`);
  }
  if (report.ticketSystems.length > 0) {
    out.push('', 'Ticket systems');
    out.push(
      ...pad([
        ['system', 'tickets', 'secrets', 'shared', 'occurrences'],
        ...report.ticketSystems.map((t) => [t.system, String(t.tickets), String(t.secrets), String(t.sharedSecrets), String(t.occurrences)]),
      ]).map((l) => `  ${l}`),
    );
  }
  if (report.secrets.length > 0) {
    out.push('', 'Secrets, in the order to fix them');
    for (const s of report.secrets) {
      out.push(
        `  #${s.priority}  ${s.redacted}  ${s.title} (${s.ruleId}), ${s.severity}, ${s.lifetime}, ${s.status}: ${s.places} place${s.places === 1 ? '' : 's'}, ` +
          `${s.occurrences} occurrence${s.occurrences === 1 ? '' : 's'}, first ${day(s.firstCommitted ?? s.firstSeen)}, last seen ${day(s.lastSeen)}, age ${s.ageDays} d`,
      );
      out.push(`    next: ${s.remediation.next}`);
      out.push(`    ${s.fingerprint}`);
      for (const l of s.locations) out.push(`    - ${locationLabel(l)}${locationNotes(l)}`);
    }
  } else {
    out.push('', 'No secrets in the inventory.');
  }
  // Every line is one line by construction: a repository, path or ticket field that holds a line
  // break, an escape sequence or a bidi control shows it escaped instead of acting on the terminal.
  return `${out.map((line) => visible(line)).join('\n')}\n`;
}

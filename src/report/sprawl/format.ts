/**
 * The sprawl report as text (terminals), Markdown (job summaries, issues) and JSON (other tools;
 * the shape is `SprawlReport` in model.ts and is documented in the README). HTML is in html.ts.
 */
import { mdCell, mdCode } from '../scan/markdown.js';
import { visible } from '../visible.js';
import type { LocationSummary, SprawlReport } from './model.js';

export const SPRAWL_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type SprawlFormat = (typeof SPRAWL_FORMATS)[number];

export async function formatSprawlReport(report: SprawlReport, format: SprawlFormat): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return formatSprawlText(report);
    case 'markdown':
      return formatSprawlMarkdown(report);
    case 'html':
      return (await import('./html.js')).formatSprawlHtml(report);
  }
}

export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** The headline figures as label/value pairs, shared by every format. */
export function headline(report: SprawlReport): [string, string][] {
  const s = report.summary;
  const v = s.verification;
  return [
    ['Secrets', String(s.secrets)],
    ['Occurrences', String(s.occurrences)],
    ['Secrets in more than one repository', `${s.secretsInMultipleRepos}${s.secrets > 0 ? ` (${percent(s.secretsInMultipleRepos / s.secrets)})` : ''}`],
    ['Secrets in repositories and tickets', String(s.secretsInReposAndTickets)],
    ['Long-lived share', `${percent(s.longLivedShare)}${s.secrets > 0 ? ` (${s.longLived} of ${s.secrets})` : ''}`],
    ['Median age', s.medianAgeDays === null ? 'n/a' : `${s.medianAgeDays} days`],
    ['Verified live', v.known > 0 ? `${percent(v.liveShare)} (${v.live} of ${v.known} checked)` : 'not verified'],
    ['Removed from HEAD, still in history', `${s.removedFromHead} occurrence${s.removedFromHead === 1 ? '' : 's'}`],
    ['Repositories', `${s.repos} (${s.reposWithSecrets} with secrets${s.reposFailed > 0 ? `, ${s.reposFailed} failed` : ''})`],
    ['Ticket systems', `${s.ticketSystems} (${s.tickets} ticket${s.tickets === 1 ? '' : 's'})`],
  ];
}

export function locationLabel(l: LocationSummary): string {
  if (l.ticket || l.system) return `${l.system ?? 'tickets'} ${l.ticket ?? ''}${l.field ? ` (${l.field})` : ''}`.trim();
  let where = `${l.repo ? `${l.repo}: ` : ''}${l.path}${l.line !== undefined ? `:${l.line}` : ''}`;
  if (l.commit) where += ` @ ${l.commit.slice(0, 12)}`;
  return where;
}

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

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '-');

export function formatSprawlText(report: SprawlReport): string {
  const out: string[] = [];
  out.push(`sprawlguard sprawl report, ${report.generatedAt.slice(0, 19).replace('T', ' ')} UTC`);
  out.push(`inventory: ${report.inventory.runs} run${report.inventory.runs === 1 ? '' : 's'}${report.inventory.lastRunAt ? `, last ${day(report.inventory.lastRunAt)}` : ''}`);
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
    out.push('', 'Secrets');
    for (const s of report.secrets) {
      out.push(
        `  ${s.redacted}  ${s.title} (${s.ruleId}), ${s.lifetime}, ${s.status}: ${s.places} place${s.places === 1 ? '' : 's'}, ` +
          `${s.occurrences} occurrence${s.occurrences === 1 ? '' : 's'}, first ${day(s.firstCommitted ?? s.firstSeen)}, last seen ${day(s.lastSeen)}, age ${s.ageDays} d`,
      );
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

export function formatSprawlMarkdown(report: SprawlReport): string {
  const out: string[] = ['## sprawlguard sprawl report', ''];
  out.push(`Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC from ${report.inventory.runs} recorded run${report.inventory.runs === 1 ? '' : 's'}.`, '');
  out.push('| Figure | Value |', '| --- | --- |');
  for (const [label, value] of headline(report)) out.push(`| ${mdCell(label)} | ${mdCell(value)} |`);

  if (report.topSprawled.length > 0) {
    out.push('', '### Top sprawled secrets', '', '| Secret | Provider | Lifetime | Status | Places | Repos | Tickets | Occurrences |', '| --- | --- | --- | --- | ---: | ---: | ---: | ---: |');
    for (const t of report.topSprawled) {
      out.push(`| ${mdCode(t.redacted)} | ${mdCell(t.provider)} | ${t.lifetime} | ${t.status} | ${t.places} | ${t.repos} | ${t.tickets} | ${t.occurrences} |`);
    }
  }
  if (report.repos.length > 0) {
    out.push('', '### Repositories', '', '| Repository | Secrets | Shared | Long-lived | Occurrences | Removed from HEAD | State |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const r of report.repos) {
      const state = r.state === 'failed' ? `failed: ${r.error ?? ''}` : (r.state ?? '');
      out.push(`| ${mdCode(r.name)} | ${r.secrets} | ${r.sharedSecrets} | ${r.longLived} | ${r.occurrences} | ${r.removedFromHead} | ${mdCell(state)} |`);
    }
  }
  if (report.ticketSystems.length > 0) {
    out.push('', '### Ticket systems', '', '| System | Tickets | Secrets | Shared | Occurrences |', '| --- | ---: | ---: | ---: | ---: |');
    for (const t of report.ticketSystems) out.push(`| ${mdCell(t.system)} | ${t.tickets} | ${t.secrets} | ${t.sharedSecrets} | ${t.occurrences} |`);
  }
  if (report.secrets.length > 0) {
    out.push('', '### Secrets', '', '| Secret | Kind | Lifetime | Status | Places | Where | First | Last seen |', '| --- | --- | --- | --- | ---: | --- | --- | --- |');
    for (const s of report.secrets) {
      const where = s.locations
        .slice(0, 5)
        .map((l) => mdCode(locationLabel(l) + (l.presence === 'removed-from-head' ? ' (history only)' : '')))
        .join('<br>');
      const more = s.locations.length > 5 ? `<br>… ${s.locations.length - 5} more` : '';
      out.push(
        `| ${mdCode(s.redacted)} | ${mdCell(s.title)} | ${s.lifetime} | ${s.status} | ${s.places} | ${where}${more} | ${day(s.firstCommitted ?? s.firstSeen)} | ${day(s.lastSeen)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

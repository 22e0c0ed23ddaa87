/** The sprawl report as Markdown, for job summaries and issues: what to fix first, a table of figures, then one table per view. */
import { mdCell, mdCode } from '../markdown-escape.js';
import { day, fixFirst, headline, locationLabel } from './figures.js';
import type { SprawlReport } from './model.js';
import { ownerNames } from './owners.js';

export function formatSprawlMarkdown(report: SprawlReport): string {
  const out: string[] = ['## sprawlguard sprawl report', ''];
  out.push(`Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC from ${report.inventory.runs} recorded run${report.inventory.runs === 1 ? '' : 's'}.`, '');
  const first = fixFirst(report);
  if (first.length > 0) {
    out.push('### Fix first', '');
    for (const x of first) {
      const owners = ownerNames(x.owners);
      out.push(
        `${x.priority}. ${mdCode(x.redacted)} ${mdCell(x.title)} · **${x.severity}** · ${x.status} · ${x.places} place${x.places === 1 ? '' : 's'} · risk ${x.risk.score}<br>` +
          `**${mdCell(x.remediation.next)}**${x.remediation.replaceWith[0] ? `<br>Then: ${mdCell(x.remediation.replaceWith[0].advice)}` : ''}` +
          `${owners.length > 0 ? `<br>Ask: ${mdCell(owners.slice(0, 6).join(', '))}` : ''}`,
      );
    }
    out.push('');
  }
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
    out.push('', '### Secrets', '', '| Priority | Secret | Kind | Severity | Lifetime | Status | Places | Where | First | Last seen | Next step |', '| ---: | --- | --- | --- | --- | --- | ---: | --- | --- | --- | --- |');
    for (const s of report.secrets) {
      const where = s.locations
        .slice(0, 5)
        .map((l) => mdCode(locationLabel(l) + (l.presence === 'removed-from-head' ? ' (history only)' : '')))
        .join('<br>');
      const more = s.locations.length > 5 ? `<br>… ${s.locations.length - 5} more` : '';
      out.push(
        `| ${s.priority} | ${mdCode(s.redacted)} | ${mdCell(s.title)} | ${mdCell(s.severity)} | ${mdCell(s.lifetime)} | ${s.status} | ${s.places} | ${where}${more} | ${day(s.firstCommitted ?? s.firstSeen)} | ${day(s.lastSeen)} | ${mdCell(s.remediation.next)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

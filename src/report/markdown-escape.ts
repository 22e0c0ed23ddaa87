/**
 * Escaping for Markdown that GitHub, GitLab and other renderers show as written: table cells and
 * code spans. Scan reports and the sprawl report both use it.
 */
import { visible } from './visible.js';

/**
 * Text for a table cell, shown as it is: every character Markdown or HTML would act on (code,
 * emphasis, links, tags, entities, strike-through, the cell's pipes) gets a backslash escape, line
 * breaks become spaces, and control and bidi characters visible escapes.
 */
export function mdCell(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`);
}

/**
 * A code span that shows `text` as it is (paths, secrets). Inside code, Markdown undoes no backslash
 * escapes, so only what a table needs is escaped (`|`); backticks stay literal because the fence is
 * longer than any run of backticks inside. Control and bidi characters become visible escapes.
 */
export function mdCode(text: string): string {
  const flat = visible(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Which export is this? Decided from the content (the first 64 KiB of text), not the file name:
 * exports are renamed, and `.json` alone says nothing. The header row of a CSV, the root element
 * of XML, and the keys of the first JSON record are distinctive enough for every supported format.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { TicketFormat } from './types.js';

export interface Detection {
  format?: TicketFormat;
  /** What the content looked like, for messages when no format fits. */
  looksLike: string;
}

/** A quoted JSON key outside a string (a key inside a string would have its quotes escaped). */
function hasKey(head: string, key: string, then = ''): boolean {
  return new RegExp(`(?<!\\\\)"${key}"\\s*:\\s*${then}`).test(head);
}

export function detectFormat(head: string, fileName = ''): Detection {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text === '') return { looksLike: 'an empty file' };
  const first = text[0];
  if (first === '<') return detectXml(text);
  if (first === '{' || first === '[') return detectJson(text, fileName);
  return detectCsv(text);
}

function detectXml(text: string): Detection {
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
  if (root === 'rss' && (/<item[\s>]/.test(text) || /jira/i.test(text) || /<issue\s/.test(text) || /<channel[\s>]/.test(text))) return { format: 'jira-xml', looksLike: 'Jira XML' };
  if (root === 'unload') return { format: 'servicenow-xml', looksLike: 'ServiceNow XML' };
  return { looksLike: `XML with root element <${root ?? '?'}>` };
}

function detectJson(text: string, fileName: string): Detection {
  // JSON lines: a complete object on the first line, another object on the next.
  const firstLineEnd = text.indexOf('\n');
  if (text[0] === '{' && firstLineEnd > 0) {
    const rest = text.slice(firstLineEnd + 1).trimStart();
    if (rest.startsWith('{') && isCompleteJson(text.slice(0, firstLineEnd))) {
      if (hasKey(text, 'subject') || hasKey(text, 'requester_id') || hasKey(text, 'via')) return { format: 'zendesk-jsonl', looksLike: 'Zendesk JSON lines' };
      // Otherwise documents one after another (API pages appended to a file): judged by their keys.
    }
  }
  if (text[0] === '{') {
    if (hasKey(text, 'issues', '\\[') && (hasKey(text, 'fields') || hasKey(text, 'key') || /"issues"\s*:\s*\[\s*\]/.test(text))) return { format: 'jira-json', looksLike: 'Jira JSON' };
    if (hasKey(text, 'key') && hasKey(text, 'fields', '\\{')) return { format: 'jira-json', looksLike: 'a Jira issue' };
    if ((hasKey(text, 'result', '[\\[{]') || hasKey(text, 'records', '\\[')) && (hasKey(text, 'sys_id') || hasKey(text, 'number') || hasKey(text, 'sys_created_on'))) {
      return { format: 'servicenow-json', looksLike: 'ServiceNow JSON' };
    }
    if (hasKey(text, 'tickets', '\\[') || hasKey(text, 'ticket_events', '\\[') || hasKey(text, 'ticket', '\\{')) return { format: 'zendesk-json', looksLike: 'Zendesk JSON' };
    if (hasKey(text, 'comments', '\\[') && (hasKey(text, 'author_id') || hasKey(text, 'html_body') || hasKey(text, 'plain_body'))) return { format: 'zendesk-json', looksLike: 'Zendesk comments' };
    if (hasKey(text, 'subject') && (hasKey(text, 'requester_id') || hasKey(text, 'via'))) return { format: 'zendesk-jsonl', looksLike: 'a Zendesk ticket' };
    if (hasKey(text, 'number') && hasKey(text, 'title') && (/github\.com\//.test(text) || hasKey(text, 'author') || hasKey(text, 'user'))) return { format: 'github-issues', looksLike: 'a GitHub issue' };
    return { looksLike: 'JSON of an unknown kind' };
  }
  // A top-level array: GitHub issues or comments, a Slack day, ServiceNow or Jira records.
  if (hasKey(text, 'type', '"message"') && hasKey(text, 'ts')) return { format: 'slack', looksLike: 'a Slack day file' };
  if (/^\d{4}-\d{2}-\d{2}\.json$/.test(fileName) && (/^\[\s*\]/.test(text) || hasKey(text, 'ts'))) return { format: 'slack', looksLike: 'a Slack day file' };
  if (hasKey(text, 'number') && hasKey(text, 'title')) return { format: 'github-issues', looksLike: 'GitHub issues' };
  if (hasKey(text, 'issue_url') && hasKey(text, 'body')) return { format: 'github-issues', looksLike: 'GitHub issue comments' };
  if (hasKey(text, 'sys_id')) return { format: 'servicenow-json', looksLike: 'ServiceNow JSON' };
  if (hasKey(text, 'key') && hasKey(text, 'fields', '\\{')) return { format: 'jira-json', looksLike: 'Jira issues' };
  return { looksLike: 'a JSON array of an unknown kind' };
}

function isCompleteJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** Parse the header row of a CSV (its first record, which may span lines only in odd files). */
export function csvHeader(text: string): string[] | undefined {
  const end = text.indexOf('\n');
  const line = end >= 0 ? text.slice(0, end) : text;
  try {
    const rows = parseCsv(line.replace(/\r$/, ''), { relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0]?.map((cell) => cell.trim().toLowerCase());
  } catch {
    return undefined;
  }
}

function detectCsv(text: string): Detection {
  const header = csvHeader(text);
  if (!header || header.length < 2) return { looksLike: 'plain text (no delimiter-separated header)' };
  const has = (name: string): boolean => header.includes(name);
  if (has('issue key') && has('summary')) return { format: 'jira-csv', looksLike: 'Jira CSV' };
  if (has('id') && has('title') && (has('team') || has('uuid') || has('description'))) return { format: 'linear-csv', looksLike: 'Linear CSV' };
  if ((has('number') || has('sys_id')) && (has('short_description') || has('short description') || has('work_notes') || has('work notes') || has('sys_id'))) {
    return { format: 'servicenow-csv', looksLike: 'ServiceNow CSV' };
  }
  return { looksLike: `CSV with columns ${header.slice(0, 6).join(', ')}${header.length > 6 ? ', …' : ''}` };
}

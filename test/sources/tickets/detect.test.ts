/**
 * Format detection reads the content, not the file name, and says what an unknown file looks like.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/sources/tickets/detect.js';
import type { TicketFormat } from '../../../src/sources/tickets/types.js';
import {
  githubGh,
  githubRest,
  jiraCsv,
  jiraJson,
  jiraXml,
  linearCsv,
  servicenowCsv,
  servicenowJson,
  servicenowXml,
  slackExport,
  zendeskCommentsJson,
  zendeskJsonl,
  zendeskTicketsJson,
  type FakeTicket,
} from './exports.js';

const T: FakeTicket[] = [
  { key: 'FIX-1', summary: 'a', description: 'b', reporter: 'r', created: '2000-01-01 09:00:00', comments: [{ author: 'x', date: '2000-01-01 09:05:00', body: 'c' }] },
  { key: 'FIX-2', summary: 'd', description: 'e', reporter: 'r', created: '2000-01-01 09:00:00', comments: [] },
];

describe('detectFormat', () => {
  it.each<[string, string, TicketFormat]>([
    ['Jira CSV', jiraCsv(T), 'jira-csv'],
    ['Jira XML', jiraXml(T), 'jira-xml'],
    ['Jira JSON v2', jiraJson(T, 2), 'jira-json'],
    ['Jira JSON v3', jiraJson(T, 3), 'jira-json'],
    ['Jira server search (startAt first)', JSON.stringify({ expand: 'schema,names', startAt: 0, maxResults: 50, total: 1, issues: [{ key: 'FIX-1', fields: {} }] }), 'jira-json'],
    ['one Jira issue', JSON.stringify({ id: '1', key: 'FIX-1', fields: { summary: 'a' } }), 'jira-json'],
    ['ServiceNow JSON', servicenowJson(T), 'servicenow-json'],
    ['ServiceNow JSONv2', JSON.stringify({ records: [{ number: 'INC1', sys_id: '1' }] }), 'servicenow-json'],
    ['ServiceNow CSV (field names)', servicenowCsv(T), 'servicenow-csv'],
    ['ServiceNow CSV (labels)', servicenowCsv(T, true), 'servicenow-csv'],
    ['ServiceNow XML', servicenowXml(T), 'servicenow-xml'],
    ['Zendesk incremental export', zendeskTicketsJson(T), 'zendesk-json'],
    ['Zendesk comments page', zendeskCommentsJson(T[0] as FakeTicket), 'zendesk-json'],
    ['one Zendesk ticket', JSON.stringify({ ticket: { id: 1, subject: 'a' } }), 'zendesk-json'],
    ['Zendesk JSON lines', zendeskJsonl(T), 'zendesk-jsonl'],
    ['gh issue list --json', githubGh(T), 'github-issues'],
    ['GitHub REST issues', githubRest(T), 'github-issues'],
    ['GitHub REST comments', JSON.stringify([{ id: 1, issue_url: 'https://api.github.com/repos/o/r/issues/1', body: 'x', user: { login: 'u' } }]), 'github-issues'],
    ['Linear CSV', linearCsv(T), 'linear-csv'],
    ['Slack day file', slackExport([{ id: 'C1', name: 'general', days: { '2000-01-01': [{ user: 'U1', text: 'hi', ts: '1.1' }] } }], {})['general/2000-01-01.json'] as string, 'slack'],
  ])('%s', (_name, text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });

  it('an empty Slack day is recognised by its file name', () => {
    expect(detectFormat('[]', '2000-01-01.json').format).toBe('slack');
    expect(detectFormat('[]', 'data.json').format).toBeUndefined();
  });

  it('a key inside a string does not fool it', () => {
    const issue = githubGh([{ ...(T[0] as FakeTicket), description: 'paste: {"issues": [{"key": "X-1", "fields": {}}]}' }]);
    expect(detectFormat(issue).format).toBe('github-issues');
  });

  it.each([
    ['', 'an empty file'],
    ['just some notes\n', 'plain text (no delimiter-separated header)'],
    ['name,email\nx,y\n', 'CSV with columns name, email'],
    ['<html><body>hi</body></html>', 'XML with root element <html>'],
    ['{"items":[]}', 'JSON of an unknown kind'],
    ['[{"a":1}]', 'a JSON array of an unknown kind'],
  ])('says what an unknown file looks like: %j', (text, looksLike) => {
    expect(detectFormat(text)).toEqual({ looksLike });
  });
});

/**
 * Builders for ticket and chat exports, in the shapes docs/tickets.md lists. Tests write their
 * fixtures with these at run time, with generated secrets, so no credential-shaped string sits in
 * the repository. Builders apply each format's own escaping (CSV quoting, XML and HTML escaping,
 * JSON, Slack's `& < >`); the text they are given is the field's content (wiki, Markdown, …).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRuleFiles } from '../../../src/rules/parse.js';
import type { Rule } from '../../../src/rules/schema.js';
import { ChunkScanner } from '../../../src/scan/chunk-scanner.js';

export interface FakeComment {
  author: string;
  date: string;
  body: string;
  internal?: boolean;
}

export interface FakeTicket {
  key: string;
  summary: string;
  description: string;
  reporter: string;
  created: string;
  comments: FakeComment[];
}

/** The GitHub rules only: other rule files change while this suite is written against them. */
export function githubRules(): Rule[] {
  const file = fileURLToPath(new URL('../../../rules/github.yaml', import.meta.url));
  const { rules, problems } = loadRuleFiles([{ path: 'rules/github.yaml', text: readFileSync(file, 'utf8') }]);
  if (problems.length > 0) throw new Error(`rules/github.yaml: ${problems.map((p) => p.message).join('; ')}`);
  return rules;
}

export function githubScanner(options: { includeSecrets?: boolean } = {}): ChunkScanner {
  return new ChunkScanner({ rules: githubRules(), allowSecretRegexes: [], stopwords: [], includeSecrets: options.includeSecrets });
}

export const csvCell = (s: string): string => `"${s.replace(/"/g, '""')}"`;
export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const htmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const slackEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---- Jira ----

export function jiraCsv(tickets: readonly FakeTicket[]): string {
  const commentColumns = Math.max(1, ...tickets.map((t) => t.comments.length));
  const header = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Reporter', 'Created', 'Labels', 'Labels', 'Description', ...Array(commentColumns).fill('Comment')];
  const rows = tickets.map((t, i) => {
    const comments = t.comments.map((c) => `${c.date};${c.author};${c.body}`);
    while (comments.length < commentColumns) comments.push('');
    return [t.summary, t.key, String(10001 + i), 'Bug', 'Done', t.reporter, t.created, 'fixture', 'generated', t.description, ...comments].map(csvCell).join(',');
  });
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

/** Jira XML: descriptions and comments are HTML (one paragraph per line of text), escaped inside XML. */
export function jiraXml(tickets: readonly FakeTicket[], site = 'https://jira.fixture.invalid'): string {
  const html = (text: string): string => text.split('\n').map((line) => `<p>${htmlEscape(line)}</p>`).join('\n');
  const items = tickets.map(
    (t, i) => `    <item>
      <title>[${t.key}] ${xmlEscape(t.summary)}</title>
      <link>${site}/browse/${t.key}</link>
      <project id="10000" key="FIX">Fixture Project</project>
      <key id="${10001 + i}">${t.key}</key>
      <summary>${xmlEscape(t.summary)}</summary>
      <reporter accountid="000000:fixture">${xmlEscape(t.reporter)}</reporter>
      <created>${t.created}</created>
      <description>${xmlEscape(html(t.description))}</description>
      <comments>
${t.comments.map((c, k) => `        <comment id="${20001 + k}" author="${xmlEscape(c.author)}" created="${c.date}">${xmlEscape(html(c.body))}</comment>`).join('\n')}
      </comments>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="0.92">
  <channel>
    <title>Fixture Jira</title>
    <link>${site}</link>
    <issue start="0" end="${tickets.length}" total="${tickets.length}"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** Split points for ADF text nodes: where marks would cut a run of text. */
export type AdfSplitter = (text: string) => number[];

export function adfDocument(text: string, split: AdfSplitter = () => []): unknown {
  return {
    type: 'doc',
    version: 1,
    content: text.split('\n').map((line) => {
      const cuts = [...new Set(split(line).filter((c) => c > 0 && c < line.length))].sort((a, b) => a - b);
      const pieces: string[] = [];
      let last = 0;
      for (const cut of cuts) {
        pieces.push(line.slice(last, cut));
        last = cut;
      }
      pieces.push(line.slice(last));
      return {
        type: 'paragraph',
        content: pieces.filter((p) => p !== '').map((p, k) => (k % 2 === 1 ? { type: 'text', text: p, marks: [{ type: 'code' }] } : { type: 'text', text: p })),
      };
    }),
  };
}

export function jiraJson(tickets: readonly FakeTicket[], version: 2 | 3, options: { split?: AdfSplitter; site?: string; pretty?: boolean } = {}): string {
  const site = options.site ?? 'https://jira.fixture.invalid';
  const body = (text: string): unknown => (version === 2 ? text : adfDocument(text, options.split));
  const issues = tickets.map((t, i) => ({
    id: String(10001 + i),
    key: t.key,
    self: `${site}/rest/api/${version}/issue/${10001 + i}`,
    fields: {
      summary: t.summary,
      created: t.created,
      reporter: { accountId: '000000:fixture', displayName: t.reporter },
      description: body(t.description),
      comment: {
        comments: t.comments.map((c, k) => ({ id: String(20001 + k), author: { accountId: `000000:${k}`, displayName: c.author }, body: body(c.body), created: c.date })),
        maxResults: t.comments.length,
        total: t.comments.length,
        startAt: 0,
      },
    },
  }));
  return JSON.stringify({ issues, isLast: true }, null, options.pretty === false ? undefined : 2);
}

// ---- ServiceNow ----

/** A journal: entries newest first, each under its header line. */
export function journal(comments: readonly FakeComment[], label = 'Work notes'): string {
  return [...comments]
    .reverse()
    .map((c) => `${c.date} - ${c.author} (${label})\n${c.body}\n\n`)
    .join('');
}

export function servicenowJson(tickets: readonly FakeTicket[], options: { displayValueAll?: boolean } = {}): string {
  const field = (value: string): unknown => (options.displayValueAll ? { value, display_value: value } : value);
  const result = tickets.map((t, i) => ({
    number: t.key,
    sys_id: String(i + 1).padStart(32, '0'),
    sys_class_name: field('incident'),
    short_description: field(t.summary),
    description: field(t.description),
    opened_by: options.displayValueAll ? { value: '0'.repeat(32), display_value: t.reporter, link: 'https://fixture.service-now.invalid/api/now/table/sys_user/0' } : t.reporter,
    opened_at: t.created,
    work_notes: field(journal(t.comments.filter((c) => c.internal))),
    comments: field(journal(t.comments.filter((c) => !c.internal), 'Additional comments')),
  }));
  return JSON.stringify({ result }, null, 2);
}

export function servicenowCsv(tickets: readonly FakeTicket[], labels = false): string {
  const header = labels ? ['Number', 'Short description', 'Description', 'Opened by', 'Opened', 'Work notes', 'Additional comments'] : ['number', 'short_description', 'description', 'opened_by', 'opened_at', 'work_notes', 'comments'];
  const rows = tickets.map((t) =>
    [t.key, t.summary, t.description, t.reporter, t.created, journal(t.comments.filter((c) => c.internal)), journal(t.comments.filter((c) => !c.internal), 'Additional comments')]
      .map(csvCell)
      .join(','),
  );
  return `${header.join(',')}\n${rows.join('\n')}\n`;
}

export function servicenowXml(tickets: readonly FakeTicket[]): string {
  const records = tickets.map(
    (t, i) => `  <incident action="INSERT_OR_UPDATE">
    <number>${t.key}</number>
    <short_description>${xmlEscape(t.summary)}</short_description>
    <description>${xmlEscape(t.description)}</description>
    <opened_by display_value="${xmlEscape(t.reporter)}">${'0'.repeat(32)}</opened_by>
    <opened_at>${t.created}</opened_at>
    <work_notes>${xmlEscape(journal(t.comments.filter((c) => c.internal)))}</work_notes>
    <comments>${xmlEscape(journal(t.comments.filter((c) => !c.internal), 'Additional comments'))}</comments>
    <sys_id>${String(i + 1).padStart(32, '0')}</sys_id>
  </incident>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<unload unload_date="2000-01-01 10:00:00">\n${records.join('\n')}\n</unload>\n`;
}

// ---- Zendesk ----

function zendeskComment(c: FakeComment, id: number): Record<string, unknown> {
  return {
    id,
    type: 'Comment',
    author_id: c.author,
    body: c.body,
    html_body: `<div class="zd-comment"><p>${htmlEscape(c.body).replace(/\n/g, '<br>')}</p></div>`,
    plain_body: c.body,
    public: !c.internal,
    attachments: [],
    created_at: c.date,
  };
}

function zendeskTicket(t: FakeTicket, withComments: boolean, site: string): Record<string, unknown> {
  const id = Number(t.key.replace(/\D/g, '')) || 1;
  return {
    url: `${site}/api/v2/tickets/${id}.json`,
    id,
    subject: t.summary,
    raw_subject: t.summary,
    description: t.comments[0]?.body ?? t.description,
    status: 'solved',
    requester_id: t.reporter,
    submitter_id: t.reporter,
    tags: ['fixture'],
    custom_fields: [{ id: 1000, value: null }],
    created_at: t.created,
    ...(withComments ? { comments: t.comments.map((c, k) => zendeskComment(c, 100 + k)) } : {}),
  };
}

export function zendeskTicketsJson(tickets: readonly FakeTicket[], site = 'https://fixture.zendesk.invalid'): string {
  return JSON.stringify({ tickets: tickets.map((t) => zendeskTicket(t, false, site)), after_cursor: 'FIXTURECURSOR', end_of_stream: true });
}

export function zendeskCommentsJson(ticket: FakeTicket): string {
  return JSON.stringify({ comments: ticket.comments.map((c, k) => zendeskComment(c, 100 + k)), meta: { has_more: false, after_cursor: null } });
}

/** The admin JSON export: one ticket per line, comments embedded. */
export function zendeskJsonl(tickets: readonly FakeTicket[], site = 'https://fixture.zendesk.invalid'): string {
  return tickets.map((t) => JSON.stringify(zendeskTicket(t, true, site))).join('\n') + '\n';
}

// ---- GitHub ----

export function githubGh(tickets: readonly FakeTicket[], repo = 'fixture-org/fixture-repo'): string {
  return JSON.stringify(
    tickets.map((t, i) => ({
      number: i + 1,
      title: t.summary,
      body: t.description,
      state: 'CLOSED',
      author: { login: t.reporter },
      labels: [{ name: 'fixture' }],
      createdAt: t.created,
      url: `https://github.com/${repo}/issues/${i + 1}`,
      comments: t.comments.map((c, k) => ({
        id: `IC_fixture${k}`,
        author: { login: c.author },
        authorAssociation: 'MEMBER',
        body: c.body,
        createdAt: c.date,
        url: `https://github.com/${repo}/issues/${i + 1}#issuecomment-${k + 1}`,
      })),
    })),
  );
}

export function githubRest(tickets: readonly FakeTicket[], repo = 'fixture-org/fixture-repo'): string {
  return JSON.stringify(
    tickets.map((t, i) => ({
      url: `https://api.github.com/repos/${repo}/issues/${i + 1}`,
      html_url: `https://github.com/${repo}/issues/${i + 1}`,
      number: i + 1,
      title: t.summary,
      body: t.description,
      user: { login: t.reporter, id: 1 },
      state: 'closed',
      comments: t.comments.length,
      created_at: t.created,
    })),
    null,
    2,
  );
}

// ---- Linear ----

export function linearCsv(tickets: readonly FakeTicket[]): string {
  const header = ['ID', 'Team', 'Title', 'Description', 'Status', 'Priority', 'Creator', 'Labels', 'Created', 'UUID'];
  const rows = tickets.map((t, i) =>
    [t.key, 'Fixture', t.summary, t.description, 'Done', 'High', t.reporter, 'fixture', t.created, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`].map(csvCell).join(','),
  );
  return `${header.map(csvCell).join(',')}\n${rows.join('\n')}\n`;
}

// ---- Slack ----

export interface FakeMessage {
  user: string;
  /** Raw text as a person typed it; the builder escapes it the way Slack does. */
  text: string;
  ts: string;
  threadTs?: string;
  /** Extra Slack markup inserted verbatim after escaping (links, mentions). */
  markup?: string;
  /** Where rich-text blocks split the text into elements. */
  blockCuts?: number[];
}

export interface FakeChannel {
  id: string;
  name: string;
  days: Record<string, FakeMessage[]>;
}

export function slackMessage(m: FakeMessage): Record<string, unknown> {
  const cuts = [...(m.blockCuts ?? [])].filter((c) => c > 0 && c < m.text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const cut of cuts) {
    pieces.push(m.text.slice(last, cut));
    last = cut;
  }
  pieces.push(m.text.slice(last));
  return {
    type: 'message',
    user: m.user,
    text: slackEscape(m.text) + (m.markup ?? ''),
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    client_msg_id: '00000000-0000-4000-8000-000000000002',
    blocks: [
      {
        type: 'rich_text',
        elements: [{ type: 'rich_text_section', elements: pieces.filter((p) => p !== '').map((p, k) => (k % 2 ? { type: 'text', text: p, style: { code: true } } : { type: 'text', text: p })) }],
      },
    ],
  };
}

/** An unzipped Slack export as a file tree. */
export function slackExport(channels: readonly FakeChannel[], users: Record<string, string>): Record<string, string> {
  const tree: Record<string, string> = {
    'users.json': JSON.stringify(
      Object.entries(users).map(([id, name]) => ({ id, name: name.toLowerCase().replace(/\s+/g, '.'), real_name: name, profile: { display_name: name, real_name: name } })),
      null,
      4,
    ),
    'channels.json': JSON.stringify(channels.map((c) => ({ id: c.id, name: c.name, created: 946684800, members: Object.keys(users) })), null, 4),
    'integration_logs.json': '[]',
  };
  for (const channel of channels) {
    for (const [day, messages] of Object.entries(channel.days)) {
      tree[`${channel.name}/${day}.json`] = JSON.stringify(messages.map(slackMessage), null, 4);
    }
  }
  return tree;
}

/**
 * Property: random text with planted secrets, wrapped in each format's markup and escaping, gives
 * the same findings (rule id and fingerprint, as a multiset) as the plain text does. Markup around
 * a secret, markup inside it (a tag, an ADF mark, a rich-text element boundary), HTML entities,
 * double escaping, CSV quoting and JSON escapes must neither hide a secret nor report it twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanTickets } from '../../../src/sources/tickets/source.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { makeTree } from '../../support/temp.js';
import { csvCell, githubScanner, htmlEscape, slackEscape, xmlEscape } from './exports.js';

type Markup = 'wiki' | 'html' | 'adf' | 'servicenow' | 'markdown' | 'slack' | 'plain';
type Wrap = (secret: string, cut: number) => string;

const LINK = 'https://ci.fixture.invalid/run?t=';

/** Ways each markup wraps or splits a pasted token (`cut` is a position inside the token). */
const WRAPS: Record<Exclude<Markup, 'adf'>, Wrap[]> = {
  plain: [(s) => s],
  wiki: [
    (s) => s,
    (s) => `{code:bash}\n${s}\n{code}`,
    (s) => `{{${s}}}`,
    (s) => `*${s}*`,
    (s) => `_${s}_`,
    (s) => `{noformat}${s}{noformat}`,
    (s) => `[the run|${LINK}${s}]`,
    (s) => `{color:red}${s}{color}`,
    (s, k) => `${s.slice(0, k)}{color:red}${s.slice(k)}{color}`,
  ],
  html: [
    (s) => s,
    (s) => `<code>${s}</code>`,
    (s) => `<p>${s}</p>`,
    (s, k) => `<b>${s.slice(0, k)}</b>${s.slice(k)}`,
    (s, k) => `${s.slice(0, k)}<span class="hl">${s.slice(k)}</span>`,
    (s) => `<a href="${LINK}${s}">the run</a>`,
    (s, k) => `${s.slice(0, k)}&#${s.charCodeAt(k)};${s.slice(k + 1)}`,
    (s, k) => `${s.slice(0, k)}&#x${s.charCodeAt(k).toString(16)};${s.slice(k + 1)}`,
    (s) => `&nbsp;${s}&nbsp;`,
  ],
  servicenow: [(s) => s, (s) => `[code]<p>${s}</p>[/code]`, (s, k) => `[code]<p>${s.slice(0, k)}<b>${s.slice(k)}</b></p>[/code]`, (s) => `[code]<pre>${s}</pre>[/code]`],
  markdown: [
    (s) => s,
    (s) => `\`\`\`\n${s}\n\`\`\``,
    (s) => `\`${s}\``,
    (s) => `**${s}**`,
    (s) => `_${s}_`,
    (s) => `~~${s}~~`,
    (s) => s.replace('_', '\\_'),
    (s) => `[the run](${LINK}${s})`,
    (s) => `<code>${s}</code>`,
  ],
  slack: [
    (s) => s,
    (s) => `\`\`\`${s}\`\`\``,
    (s) => `\`${s}\``,
    (s) => `*${s}*`,
    (s) => `_${s}_`,
    (s) => `~${s}~`,
    (s) => `<${LINK}${s}|the run>`,
    (s) => `<${LINK}${s}>`,
    (s) => `&lt;${s}&gt;`,
  ],
};

/** Random prose: words of letters, digits and punctuation, including characters every format escapes. */
const word = fc.stringMatching(/^[a-z0-9.,:;!?()<>&"'=/#%@-]{1,8}$/);
const prose = fc.array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.constant('\n') }), { maxLength: 10 }).map((ws) => ws.join(' '));

interface Plant {
  seed: number;
  wrap: number;
  cut: number;
}

const plants = fc.array(fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), wrap: fc.nat(), cut: fc.integer({ min: 1, max: 39 }) }), { minLength: 1, maxLength: 3 });

interface Composed {
  plain: string;
  /** The field's content in its markup, random prose escaped as that markup requires. */
  marked: string;
  /** ADF: the secrets' cut points, as offsets in `plain`. */
  cuts: number[];
}

function compose(markup: Markup, texts: string[], planted: Plant[]): Composed {
  const escape = markup === 'html' ? htmlEscape : markup === 'slack' ? slackEscape : (s: string): string => s;
  const wraps = markup === 'adf' ? WRAPS.plain : WRAPS[markup];
  let plain = texts[0] ?? '';
  let marked = escape(plain);
  const cuts: number[] = [];
  planted.forEach((p, i) => {
    const secret = fakeGithubPat(p.seed);
    const wrap = wraps[p.wrap % wraps.length] as Wrap;
    cuts.push(plain.length + 1 + p.cut, plain.length + 1 + Math.min(39, p.cut + 11));
    plain += ` ${secret} `;
    marked += ` ${wrap(secret, p.cut)} `;
    const next = texts[i + 1] ?? '';
    plain += next;
    marked += escape(next);
  });
  return { plain, marked, cuts };
}

function adf(text: string, cuts: number[]): unknown {
  const sorted = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const cut of sorted) {
    pieces.push(text.slice(last, cut));
    last = cut;
  }
  pieces.push(text.slice(last));
  const content = pieces.filter((p) => p !== '').map((p, k) => (k % 2 ? { type: 'text', text: p, marks: [{ type: k % 4 === 1 ? 'code' : 'strong' }] } : { type: 'text', text: p }));
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content }] };
}

const ENTRY = '2000-01-01 09:05:00 - Test User (Work notes)\n';

/** Each format puts the field's content where that export keeps it, with the export's escaping. */
const FORMATS: { name: string; markup: Markup; file: string; build(c: Composed): string }[] = [
  { name: 'jira-csv', markup: 'wiki', file: 'jira.csv', build: (c) => `Summary,Issue key,Description,Comment\n"s",FIX-1,"d",${csvCell(`01/Jan/00 9:05 AM;000000:fixture;${c.marked}`)}\n` },
  { name: 'jira-csv description', markup: 'wiki', file: 'jira.csv', build: (c) => `Summary,Issue key,Description\n"s",FIX-1,${csvCell(c.marked)}\n` },
  {
    name: 'jira-xml',
    markup: 'html',
    file: 'jira.xml',
    build: (c) => `<rss version="0.92"><channel><item><key id="1">FIX-1</key><summary>s</summary>\n<description>${xmlEscape(c.marked)}</description></item></channel></rss>`,
  },
  { name: 'jira-json v2', markup: 'wiki', file: 'v2.json', build: (c) => JSON.stringify({ issues: [{ key: 'FIX-1', fields: { summary: 's', description: c.marked } }] }) },
  { name: 'jira-json v3', markup: 'adf', file: 'v3.json', build: (c) => JSON.stringify({ issues: [{ key: 'FIX-1', fields: { summary: 's', description: adf(c.plain, c.cuts) } }] }, null, 1) },
  { name: 'servicenow-json', markup: 'servicenow', file: 'sn.json', build: (c) => JSON.stringify({ result: [{ number: 'INC0000001', sys_id: '1', work_notes: `${ENTRY}${c.marked}\n\n` }] }) },
  { name: 'servicenow-csv', markup: 'servicenow', file: 'sn.csv', build: (c) => `number,short_description,work_notes\nINC0000001,s,${csvCell(`${ENTRY}${c.marked}\n\n`)}\n` },
  {
    name: 'servicenow-xml',
    markup: 'servicenow',
    file: 'sn.xml',
    build: (c) => `<?xml version="1.0"?>\n<unload><incident><number>INC0000001</number><work_notes>${xmlEscape(`${ENTRY}${c.marked}`)}</work_notes></incident></unload>`,
  },
  {
    name: 'zendesk-jsonl (body, plain_body and html_body copies)',
    markup: 'html',
    file: 'zd.jsonl',
    build: (c) =>
      `${JSON.stringify({ id: 1, subject: 's', via: {}, comments: [{ id: 2, author_id: 3, public: false, body: c.plain, plain_body: c.plain, html_body: `<div><p>${c.marked}</p></div>` }] })}\n${JSON.stringify({ id: 2, subject: 'x', via: {} })}\n`,
  },
  { name: 'github-issues', markup: 'markdown', file: 'gh.json', build: (c) => JSON.stringify([{ number: 1, title: 's', author: { login: 'u' }, body: 'b', comments: [{ author: { login: 'u' }, body: c.marked }] }]) },
  { name: 'linear-csv', markup: 'markdown', file: 'linear.csv', build: (c) => `"ID","Team","Title","Description"\n"FIX-1","Fixture","s",${csvCell(c.marked)}\n` },
  {
    name: 'slack (text and blocks copies)',
    markup: 'slack',
    file: 'general/2000-01-01.json',
    build: (c) =>
      JSON.stringify(
        [{ type: 'message', user: 'U1', ts: '946717200.000100', text: c.marked, blocks: [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: (adf(c.plain, c.cuts) as { content: [{ content: unknown[] }] }).content[0].content }] }] }],
        null,
        4,
      ),
  },
];

const scanner = githubScanner();
const multiset = (findings: { ruleId: string; fingerprint: string }[]): string[] => findings.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();

describe('markup and escaping never change what is found', () => {
  it.each(FORMATS)('$name', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.array(prose, { minLength: 4, maxLength: 4 }), plants, async (texts, planted) => {
        const composed = compose(format.markup, texts, planted);
        const expected = multiset(scanner.scan({ text: composed.plain, origin: { source: 'ticket', path: 'plain' } }));
        const dir = makeTree({ [format.file]: format.build(composed) }, 'sprawlguard-prop-');
        const result = await scanTickets({ paths: [`${dir}/${format.file}`], scanner, cwd: dir });
        expect(result.failures).toEqual([]);
        expect(result.stats.skipped).toEqual([]);
        expect(multiset(result.findings)).toEqual(expected);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });

  it('plants really are found in the plain text (the property is not vacuous)', () => {
    const composed = compose('plain', ['a', 'b', 'c', 'd'], [{ seed: 7, wrap: 0, cut: 5 }, { seed: 8, wrap: 0, cut: 9 }]);
    expect(scanner.scan({ text: composed.plain, origin: { source: 'ticket', path: 'plain' } })).toHaveLength(2);
  });
});

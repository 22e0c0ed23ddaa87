/**
 * Markup → text the engine can match. Secrets in tickets sit inside HTML (often escaped twice),
 * Jira wiki markup, Markdown, Slack's link syntax and ServiceNow's `[code]` blocks, and markup can
 * sit inside a secret as well as around it (`ghp_ab<b>cd</b>`). No single rewrite serves both, so
 * each field is read two ways:
 *
 * - separated: markup becomes a space, so a secret wrapped in markup stands alone;
 * - joined: markup is removed outright, so a secret split by markup is whole again.
 *
 * The scanner counts a secret as often as the reading that holds it most often, so reading twice
 * never doubles a finding. When markup removal changes nothing, there is one reading.
 *
 * Replacements never add line breaks when `keepLines` is set (CSV and XML text, whose line breaks
 * are the file's), so line numbers stay right; columns shift by the markup removed.
 */
import type { PositionMap, Rendering } from './types.js';

export type Markup = 'plain' | 'html' | 'wiki' | 'markdown' | 'slack' | 'servicenow';

export interface NormalizeOptions {
  /** Keep the text's line structure (its line breaks are the file's). */
  keepLines?: boolean;
  /** Slack: user id → display name, for `<@U…>` mentions. */
  userName?: (id: string) => string | undefined;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  zwsp: '',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  divide: '÷',
  equals: '=',
  plus: '+',
  colon: ':',
  semi: ';',
  sol: '/',
  bsol: '\\',
  lowbar: '_',
  hyphen: '-',
  dash: '-',
  period: '.',
  comma: ',',
  num: '#',
  percnt: '%',
  dollar: '$',
  commat: '@',
  excl: '!',
  quest: '?',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  grave: '`',
  tilde: '~',
  Hat: '^',
  ast: '*',
  NewLine: '\n',
  Tab: '\t',
};

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/** Decode HTML character references; unknown names are left as they are. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 0x23) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Tags that start a new block of text: they always separate. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'img',
]);
/** A well-formed start or end tag: a name, then attributes (`name`, `name=value`, quoted or not). */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,40})((?:\s+[^\s"'>/=<&]{1,100}(?:\s*=\s*(?:"[^"]{0,2000}"|'[^']{0,2000}'|[^\s"'=<>`]{1,2000}))?){0,50})\s*\/?>/g;
const HREF = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/**
 * HTML → text: block tags separate, inline tags separate or join (see the module comment), link
 * targets are kept after the link text (tokens hide in URLs), then entities are decoded.
 */
export function htmlToText(html: string, join: boolean, keepLines: boolean): string {
  if (html.indexOf('<') < 0) return decodeEntities(html);
  const blockBreak = keepLines ? ' ' : '\n';
  const text = html.replace(TAG, (_whole, _close: string, name: string, attrs: string) => {
    const lower = name.toLowerCase();
    let out = BLOCK_TAGS.has(lower) ? blockBreak : join ? '' : ' ';
    if (attrs.length > 0 && (lower === 'a' || lower === 'img')) {
      const m = HREF.exec(attrs);
      const target = m?.[1] ?? m?.[2] ?? m?.[3];
      if (target) out = ` ${decodeEntities(target)} ${out}`;
    }
    return out;
  });
  return decodeEntities(text);
}

const WIKI_MACRO = /\{(?:code|noformat|quote|panel|color|anchor|html|sql|xml|java|javascript|json|bash|sh)(?::[^{}\n]{0,200})?\}/gi;
const WIKI_MONO = /\{\{|\}\}/g;
const WIKI_LINK = /\[([^[\]|\n]{0,500})\|([^[\]\n]{1,2000})\]/g;
const WIKI_BARE_LINK = /\[((?:https?|ftp|file|mailto):[^[\]\s]{1,2000})\]/g;
/** Emphasis pairs: `*bold*`, `_italic_`, `+ins+`, `-del-`, `^sup^`, `~sub~`, `??cite??`, bounded in length. */
const WIKI_EMPHASIS = /(^|[^A-Za-z0-9])([*_+^~-]|\?\?)(?=[^\s*_+^~?-])([^\n]{0,300}?[^\s])\2(?![A-Za-z0-9])/gm;
const MD_EMPHASIS = /(^|[^A-Za-z0-9])(\*\*|__|~~|[*_~])(?=[^\s*_~])([^\n]{0,300}?[^\s])\2(?![A-Za-z0-9])/gm;
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const SN_CODE = /\[\/?code\]/gi;
/** Escaped punctuation is hidden in the private use area while emphasis is read, so `\_` never pairs. */
const PRIVATE_BASE = 0xe000;
const HIDDEN = /[\ue021-\ue07e]/g;

/** Remove emphasis marker pairs; again for pairs nested inside (`*_x_*`) or inside a wider pair. */
function stripEmphasis(text: string, pattern: RegExp): string {
  let out = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = out.replace(pattern, '$1$3');
    if (next === out) break;
    out = next;
  }
  return out;
}

function hideEscapes(text: string): string {
  return text.indexOf('\\') < 0 ? text : text.replace(MD_ESCAPE, (_w, ch: string) => String.fromCharCode(PRIVATE_BASE + ch.charCodeAt(0)));
}

function unescapePunctuation(text: string): string {
  return text.replace(HIDDEN, (ch) => String.fromCharCode(ch.charCodeAt(0) - PRIVATE_BASE));
}

/** Jira wiki markup: macros, monospace and links always; emphasis markers only when joining. */
function wikiText(text: string, join: boolean): string {
  const gap = join ? '' : ' ';
  let out = text.replace(WIKI_MACRO, gap).replace(WIKI_MONO, gap);
  out = out.replace(WIKI_LINK, (_w, label: string, target: string) => `${label} ${target}`).replace(WIKI_BARE_LINK, '$1');
  if (join) out = unescapePunctuation(stripEmphasis(hideEscapes(out), WIKI_EMPHASIS));
  return decodeEntities(out);
}

/** Markdown with emphasis markers and backslash escapes removed (inline HTML is a third reading, see `renderings`). */
function markdownText(text: string, join: boolean): string {
  if (!join) return text;
  return unescapePunctuation(stripEmphasis(hideEscapes(text), MD_EMPHASIS));
}

const SLACK_ANGLE = /<([^<>\n]{1,3000})>/g;

/** Slack's message text: `<url|label>` links, `<@U…>` mentions, `&amp; &lt; &gt;` escapes, mrkdwn emphasis. */
export function slackText(text: string, join: boolean, userName?: (id: string) => string | undefined): string {
  let out = text.replace(SLACK_ANGLE, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : '';
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return `@${label || userName?.(id) || id}`;
    }
    if (target.startsWith('#')) return `#${label || target.slice(1)}`;
    if (target.startsWith('!')) return `@${label || target.slice(1).split('^')[0]}`;
    // A link: keep the target (tokens hide in URLs) and a label that differs from it.
    const bare = target.replace(/^(?:https?:\/\/|mailto:)/, '');
    return label === '' || label === target || label === bare ? target : `${target} ${label}`;
  });
  if (join) out = stripEmphasis(out, MD_EMPHASIS);
  return decodeEntities(out);
}

/**
 * ServiceNow journal and description text: plain text, except `[code]…[/code]` blocks, which hold
 * HTML. Text outside the blocks is left alone (a literal `<` there is just a character).
 */
function servicenowText(text: string, join: boolean, keepLines: boolean): string {
  if (text.search(SN_CODE) < 0) return text;
  const parts = text.split(SN_CODE);
  const gap = join ? '' : ' ';
  // split() alternates outside / inside blocks, starting outside.
  return parts.map((part, i) => (i % 2 === 1 ? htmlToText(part, join, keepLines) : part)).join(gap);
}

export function normalize(text: string, markup: Markup, join: boolean, options: NormalizeOptions = {}): string {
  const keepLines = options.keepLines ?? false;
  switch (markup) {
    case 'plain':
      return text;
    case 'html':
      return htmlToText(text, join, keepLines);
    case 'wiki':
      return wikiText(text, join);
    case 'markdown':
      return markdownText(text, join);
    case 'slack':
      return slackText(text, join, options.userName);
    case 'servicenow':
      return servicenowText(text, join, keepLines);
  }
}

/** The readings of one field (see the module comment): one, or two when markup removal matters. */
export function renderings(text: string, markup: Markup, map: PositionMap | undefined, options: NormalizeOptions = {}): Rendering[] {
  const separated = normalize(text, markup, false, options);
  const joined = normalize(text, markup, true, options);
  const out: Rendering[] = [{ text: separated, map }];
  if (joined !== separated) out.push({ text: joined, map });
  // Markdown (GitHub, Linear) may hold inline HTML: read it with tags removed as well. Kept apart
  // from the joined reading, since a `<` in prose could otherwise pair with a later `>` as a tag.
  if (markup === 'markdown' && text.indexOf('<') >= 0) {
    const html = htmlToText(joined, true, options.keepLines ?? false);
    if (html !== joined && html !== separated) out.push({ text: html, map });
  }
  return out;
}

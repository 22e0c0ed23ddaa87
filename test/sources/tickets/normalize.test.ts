/**
 * Markup → text: what each reading of a field looks like, in the cases users paste.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, normalize, renderings, slackText } from '../../../src/sources/tickets/normalize.js';

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references, and leaves unknown ones', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#103;&#x68;p &nbsp;&bogus; &#0;')).toBe('a & b <c> ghp  &bogus; &#0;');
  });
});

describe('htmlToText', () => {
  it('separates blocks, keeps link targets, decodes entities after removing tags', () => {
    expect(htmlToText('<p>use <a href="https://x.invalid/?t=1&amp;u=2">this</a></p><p>&lt;b&gt; is text</p>', true, false)).toBe(
      '\nuse  https://x.invalid/?t=1&u=2 this\n\n<b> is text\n',
    );
  });

  it('joins inline tags when joining, separates them otherwise', () => {
    expect(htmlToText('ab<b>cd</b>ef', true, false)).toBe('abcdef');
    expect(htmlToText('ab<b>cd</b>ef', false, false)).toBe('ab cd ef');
  });

  it('never adds line breaks when the text keeps the file lines', () => {
    expect(htmlToText('<p>a</p>\n<p>b<br/>c</p>', true, true).split('\n')).toHaveLength(2);
  });

  it('leaves a lone < that starts no tag', () => {
    expect(htmlToText('a < b && c > d', true, false)).toBe('a < b && c > d');
  });
});

describe('Jira wiki markup', () => {
  it('removes macros and monospace, unwraps links', () => {
    expect(normalize('{code:bash}\nexport A=1\n{code} {{mono}} [label|https://x.invalid]', 'wiki', false)).toBe(' \nexport A=1\n   mono  label https://x.invalid');
  });

  it('drops emphasis markers around a token only when joining', () => {
    expect(normalize('see _tok_en_ and *bold*', 'wiki', true)).toBe('see tok_en and bold');
    expect(normalize('see _tok_en_ and *bold*', 'wiki', false)).toBe('see _tok_en_ and *bold*');
  });
});

describe('Markdown', () => {
  it('a backslash-escaped underscore never pairs with a later one', () => {
    expect(normalize('a\\_b and _c_', 'markdown', true)).toBe('a_b and c');
  });

  it('reads inline HTML as a third rendering', () => {
    expect(renderings('x<b>y</b>z', 'markdown', undefined).map((r) => r.text)).toEqual(['x<b>y</b>z', 'xyz']);
  });
});

describe('Slack', () => {
  it('unwraps links, resolves mentions, decodes its three escapes', () => {
    const names = (id: string): string | undefined => ({ U1: 'Test User' })[id];
    expect(slackText('<https://x.invalid/a|the run> <https://x.invalid/b> <mailto:a@b.invalid|a@b.invalid> <@U1> <@U2> <#C1|ops> <!here> &lt;tok&gt; &amp;', false, names)).toBe(
      'https://x.invalid/a the run https://x.invalid/b mailto:a@b.invalid @Test User @U2 #ops @here <tok> &',
    );
  });
});

describe('ServiceNow', () => {
  it('reads HTML only inside [code] blocks', () => {
    expect(normalize('a < b [code]<p>x&amp;y</p>[/code] c > d', 'servicenow', true)).toBe('a < b \nx&y\n c > d');
  });
});

describe('renderings', () => {
  it('reads a field once when markup removal changes nothing', () => {
    expect(renderings('plain text', 'wiki', undefined)).toHaveLength(1);
    expect(renderings('a *b* c', 'wiki', undefined).map((r) => r.text)).toEqual(['a *b* c', 'a b c']);
  });
});

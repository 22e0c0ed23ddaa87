/**
 * The README is short and points into docs/: a link that leads nowhere is a dead end for a reader.
 * Every relative link in README.md, docs/*.md and bench/README.md must name a file or directory
 * that exists, and an anchor must name a heading of the target page (GitHub's heading ids).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

const PAGES = ['README.md', 'bench/README.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Text outside fenced code blocks and inline code spans, where a `[x](y)` is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

export function markdownLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
}

/** GitHub's heading id: lower case, punctuation dropped, spaces to hyphens, `-N` for repeats. */
export function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const plain = (m[1] as string).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

function brokenLinks(page: string): string[] {
  const markdown = readFileSync(path.join(REPO_ROOT, page), 'utf8');
  const broken: string[] = [];
  for (const link of markdownLinks(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: — not ours to check here
    const [target = '', anchor] = link.split('#', 2);
    const file = target === '' ? path.join(REPO_ROOT, page) : path.resolve(path.dirname(path.join(REPO_ROOT, page)), decodeURIComponent(target));
    if (!file.startsWith(REPO_ROOT + path.sep) || !existsSync(file)) {
      broken.push(`${link} (no such file)`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && file.endsWith('.md') && statSync(file).isFile()) {
      if (!headingIds(readFileSync(file, 'utf8')).has(anchor)) broken.push(`${link} (no heading #${anchor})`);
    }
  }
  return broken;
}

describe('documentation links', () => {
  it('finds links and heading ids the way GitHub renders them', () => {
    const sample = '# Why was it not reported? `scan --explain`\n## Baselines\n## Baselines\n[a](docs/x.md#y) `[b](c)`\n```\n[d](e)\n```\n';
    expect(markdownLinks(sample)).toEqual(['docs/x.md#y']);
    expect([...headingIds(sample)]).toEqual(['why-was-it-not-reported-scan---explain', 'baselines', 'baselines-1']);
  });

  it.each(PAGES)('every relative link in %s resolves', (page) => {
    expect(brokenLinks(page)).toEqual([]);
  });

  it('the README stays short and links every page in docs/', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    const linked = new Set(markdownLinks(readme).map((l) => l.split('#')[0]));
    for (const page of PAGES.filter((p) => p.startsWith('docs/'))) expect(linked, page).toContain(page);
  });
});

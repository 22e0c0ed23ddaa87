/**
 * Every document a comment, rule or page cites must be in the repository, where a reader (and a
 * user of the npm package) can open it. Planning notes kept outside the repository were cited by
 * path for a while; what they held that matters now lives under docs/. No tracked file may cite
 * them again.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

// Spelled in pieces so this file does not cite what it forbids.
const OUTSIDE = new RegExp(['\\.\\./' + 'shared/', '\\b' + 'DESIGN\\.md', '\\b' + 'STYLE\\.md', '(?<![\\w-])fac' + 'ts/', 'fact[ -]' + 'sheet'].join('|'), 'i');

export function outsideCitations(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => OUTSIDE.test(line))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

describe('citations', () => {
  it('recognises a citation of a document outside the repository, and not ordinary words', () => {
    expect(outsideCitations(['# Formats: ../' + 'shared/x.md §2', 'see ' + 'DESIGN' + '.md', 'ok', '(facts' + '/integrations.md)'].join('\n'))).toHaveLength(3);
    expect(outsideCitations('upload-artifacts/ and `facts` (AWS account id)\nDESIGNS.md.bak')).toEqual([]);
  });

  it('no tracked file cites a document outside the repository', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && !f.startsWith('dist/') && !/\.(png|jpe?g|gif|ico|wasm|zip|gz)$/.test(f));
    const found: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      } catch {
        continue; // deleted in the work tree but not yet staged
      }
      for (const hit of outsideCitations(text)) found.push(`${file}:${hit}`);
    }
    expect(found).toEqual([]);
  });
});

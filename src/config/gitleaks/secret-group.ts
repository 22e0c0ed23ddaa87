/**
 * A sprawlguard rule has exactly one capture group: the secret. gitleaks picks it with
 * `secretGroup`; without one it takes the only group when there is exactly one, else the whole
 * match. This keeps the chosen group, turns every other one into `(?:…)`, and wraps the whole
 * pattern when the match itself is the secret.
 */
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { CapturingGroup } from '@eslint-community/regexpp/ast';

export type SecretGroupChoice = { ok: true; pattern: string; note?: string } | { ok: false; reason: string };

export function selectSecretGroup(pattern: string, secretGroup: number): SecretGroupChoice {
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: false });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const groups: CapturingGroup[] = [];
  let backreference = false;
  visitRegExpAST(ast, {
    onCapturingGroupEnter: (node) => void groups.push(node),
    onBackreferenceEnter: () => void (backreference = true),
  });
  groups.sort((a, b) => a.start - b.start);
  if (backreference) return { ok: false, reason: 'uses a back-reference' };
  if (secretGroup > groups.length) return { ok: false, reason: `secretGroup ${secretGroup} but the regex has ${groups.length} capture group${groups.length === 1 ? '' : 's'}` };
  const keep = secretGroup > 0 ? groups[secretGroup - 1] : groups.length === 1 ? groups[0] : undefined;
  let out = '';
  let last = 0;
  for (const group of groups) {
    if (group === keep) continue;
    // `(` or `(?<name>`: everything from the group's start up to its first alternative.
    const opening = group.alternatives[0]?.start ?? group.start + 1;
    out += `${pattern.slice(last, group.start)}(?:`;
    last = opening;
  }
  out += pattern.slice(last);
  if (keep) return { ok: true, pattern: out };
  return {
    ok: true,
    pattern: `(${out})`,
    ...(groups.length > 1 ? { note: 'has several capture groups and no secretGroup: the whole match is taken as the secret, as gitleaks does; set secretGroup to choose one' } : {}),
  };
}

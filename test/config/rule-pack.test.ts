/**
 * The one rule-pack loader: what the builds write (lib/rules.json for the CLI, dist/rules.json for
 * the Action) is what it reads back, rules validated and each rule's `anchored` already learnt.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRulePack, loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { builtinRulesDir, packText, readRuleDir, type PackedRules } from '../../src/config/rule-pack.js';

describe('the rule pack', () => {
  const dir = builtinRulesDir();
  const { rules, problems } = buildRulePack(readRuleDir(dir));

  it('packs the built-in YAML without problems, learning which rules start at their keywords', () => {
    expect(problems).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual(loadBuiltinRules().map((r) => r.id));
    expect(rules.every((r) => typeof r.anchored === 'boolean')).toBe(true);
    expect(rules.some((r) => r.anchored)).toBe(true);
  });

  it("records each rule file's modification time for a checkout, none for a bundle", () => {
    const checkout = JSON.parse(packText(rules, dir)) as PackedRules;
    const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
    expect(Object.keys(checkout.sources ?? {}).sort()).toEqual(names.sort());
    for (const name of names) expect(checkout.sources?.[name]).toBe(statSync(path.join(dir, name)).mtimeMs);
    const bundle = JSON.parse(packText(rules)) as PackedRules;
    expect(bundle.sources).toBeUndefined();
    expect(bundle.rules).toHaveLength(rules.length);
  });

  it('reports problems instead of packing a broken rule file', () => {
    const broken = buildRulePack([{ path: 'rules/broken.yaml', text: '- id: no-pattern\n  name: x\n' }]);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]?.file).toBe('rules/broken.yaml');
  });
});

/**
 * The JSON Schema of `.sprawlguard.yaml` that editors use: committed, current, and in agreement
 * with the loader on the files users write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configJsonSchemaText } from '../../src/config/json-schema.js';
import { parseConfig } from '../../src/config/load.js';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { REPO_ROOT } from '../support/cli.js';

const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'sprawlguard.schema.json');
const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+sprawlguard\.schema\.json$/m;

function validator(): (data: unknown) => string[] {
  // ajv is CommonJS; its class is both the module and its `default`.
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`));
}

/** The YAML blocks of docs/configuration.md that hold configuration keys (not a lone comment line). */
function docsConfigs(): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'docs', 'configuration.md'), 'utf8');
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((block) => /^[a-z_]+:/m.test(block));
}

describe('schema/sprawlguard.schema.json', () => {
  it('is what `npm run schema` generates from the current zod schema', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run `npm run schema` and commit the result').toBe(configJsonSchemaText());
  });

  it('accepts the repository\'s own config and every example config in the docs', async () => {
    const validate = validator();
    const own = readFileSync(path.join(REPO_ROOT, '.sprawlguard.yaml'), 'utf8');
    expect(own).toMatch(SCHEMA_LINE);
    expect(validate(parseYaml(own))).toEqual([]);
    const examples = docsConfigs();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples[0]).toMatch(SCHEMA_LINE);
    const builtinRuleIds = new Set(loadBuiltinRules().map((r) => r.id));
    for (const example of examples) {
      expect(validate(parseYaml(example))).toEqual([]);
      // The loader agrees: the documented examples load as they are.
      await expect(parseConfig(parseYaml(example), 'docs/configuration.md', { builtinRuleIds })).resolves.toBeDefined();
    }
  });

  it('flags what the loader refuses: unknown keys, bad fingerprints, rules missing fields', () => {
    const validate = validator();
    expect(validate({ allowlist: { pahts: ['x'] } })).not.toEqual([]);
    expect(validate({ allowlist: { fingerprints: ['sha1:00'] } })).not.toEqual([]);
    expect(validate({ rules: [{ id: 'x', pattern: '(a)' }] })).not.toEqual([]);
    expect(validate({ min_confidence: 'extreme' })).not.toEqual([]);
    expect(validate({ max_file_size: '10MiB', allowlist: { warn_share: 0.9, commits: ['abcdef1'] } })).toEqual([]);
  });
});

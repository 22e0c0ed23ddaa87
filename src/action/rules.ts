/**
 * The rule pack the Action scans with. The bundle ships it as `dist/rules.json` next to
 * `dist/index.js` (validated and compiled at build time, examples stripped), because the bundle has
 * no `rules/*.yaml` beside it to read. Run from source (tests), the YAML pack is loaded as usual.
 */
import { readFileSync } from 'node:fs';
import { loadBuiltinRules } from '../config/load.js';
import type { Rule } from '../rules/schema.js';

/** The file name `scripts/build-action.mjs` writes next to the bundle. */
export const BUNDLED_RULES_FILE = 'rules.json';

export interface BundledRules {
  version: 1;
  rules: Rule[];
}

export function actionRules(): Rule[] {
  const bundled = readBundledRules(new URL(`./${BUNDLED_RULES_FILE}`, import.meta.url));
  return bundled ?? loadBuiltinRules();
}

function readBundledRules(file: URL): Rule[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as BundledRules;
  if (parsed.version !== 1 || !Array.isArray(parsed.rules)) {
    throw new Error(`${file.pathname}: not a sprawlguard rule pack (rebuild with \`npm run build:action\`)`);
  }
  return parsed.rules;
}

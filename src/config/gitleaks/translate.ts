/**
 * A gitleaks configuration (`.gitleaks.toml`) as a sprawlguard one: what translates exactly, what
 * translates with a caveat (a note), and what does not (with the reason). Nothing is dropped
 * silently, and nothing is translated into something that would allowlist more than gitleaks did,
 * except where a note says so.
 *
 *   [extend] useDefault       sprawlguard's built-in rules (always on); disabledRules by id when a
 *                             built-in rule has the same id
 *   [[rules]]                 custom rules: regex (RE2 → JavaScript, linear-time checked),
 *                             secretGroup, entropy, keywords, tags; per-rule stopwords
 *   [allowlist], [[allowlists]]  paths (regex → glob), regexes on the secret, stopwords, commits
 */
import { RegExpParser } from '@eslint-community/regexpp';
import { pathRegexToGlobs } from './path-glob.js';
import { translateRe2 } from './re2.js';
import { selectSecretGroup } from './secret-group.js';

/** Something that did not translate, or did with a caveat, and where it was in the TOML file. */
export interface ImportNote {
  /** TOML path, e.g. `rules[2].regex` or `allowlist.paths[0]`. */
  at: string;
  message: string;
}

export interface TranslatedConfig {
  /** The sprawlguard configuration, as plain data ready to be written as YAML. */
  config: {
    disable_rules?: string[];
    rules?: Record<string, unknown>[];
    allowlist?: { paths?: string[]; regexes?: string[]; stopwords?: string[]; commits?: string[] };
  };
  /** Translated with a caveat the user should read. */
  notes: ImportNote[];
  /** Not translated. */
  skipped: ImportNote[];
}

export interface TranslateOptions {
  /** Ids of sprawlguard's built-in rules (for `disabledRules` and id clashes). */
  builtinRuleIds: ReadonlySet<string>;
  /** Why a pattern would not run in linear time (the check `rules check` uses). */
  linearTimeRisks: (pattern: string, ignoreCase: boolean) => string[];
}

type Table = Record<string, unknown>;

export function translateGitleaks(toml: Table, options: TranslateOptions): TranslatedConfig {
  const notes: ImportNote[] = [];
  const skipped: ImportNote[] = [];
  const out: TranslatedConfig['config'] = {};
  const allow = { paths: [] as string[], regexes: [] as string[], stopwords: [] as string[], commits: [] as string[] };

  const extend = table(toml.extend);
  if (extend) {
    if (extend.useDefault === true) {
      notes.push({ at: 'extend.useDefault', message: "gitleaks' default rules are not copied: sprawlguard's built-in rules cover the same kinds of credentials and are always on" });
    }
    if (typeof extend.path === 'string') {
      skipped.push({ at: 'extend.path', message: `extends another file (${extend.path}): import that file on its own and merge the result` });
    }
    strings(extend.disabledRules).forEach((id, i) => {
      if (options.builtinRuleIds.has(id)) (out.disable_rules ??= []).push(id);
      else skipped.push({ at: `extend.disabledRules[${i}]`, message: `"${id}" is a gitleaks rule id with no sprawlguard rule of that id; find the equivalent in \`sprawlguard rules list\` and add it to disable_rules` });
    });
  }

  const rules = Array.isArray(toml.rules) ? toml.rules : [];
  const ids = new Set<string>();
  rules.forEach((raw, index) => {
    const rule = translateRule(table(raw) ?? {}, `rules[${index}]`, options, notes, skipped);
    if (!rule) return;
    if (ids.has(rule.id as string)) {
      skipped.push({ at: `rules[${index}].id`, message: `duplicate rule id "${String(rule.id)}"` });
      return;
    }
    ids.add(rule.id as string);
    (out.rules ??= []).push(rule);
  });

  // The single [allowlist] table (gitleaks before 8.25) and the [[allowlists]] list (8.25 on).
  const globalLists: [string, Table][] = [];
  const single = table(toml.allowlist);
  if (single) globalLists.push(['allowlist', single]);
  (Array.isArray(toml.allowlists) ? toml.allowlists : []).forEach((raw, i) => {
    const entry = table(raw);
    if (entry) globalLists.push([`allowlists[${i}]`, entry]);
  });
  for (const [at, entry] of globalLists) translateAllowlist(entry, at, allow, options, notes, skipped);

  const allowlist = Object.fromEntries(Object.entries(allow).filter(([, list]) => list.length > 0).map(([key, list]) => [key, [...new Set(list)]]));
  if (Object.keys(allowlist).length > 0) out.allowlist = allowlist;
  return { config: out, notes, skipped };
}

function translateRule(raw: Table, at: string, options: TranslateOptions, notes: ImportNote[], skipped: ImportNote[]): Record<string, unknown> | undefined {
  const sourceId = typeof raw.id === 'string' ? raw.id : '';
  const label = `${at} (${sourceId || 'no id'})`;
  const skip = (message: string): undefined => {
    skipped.push({ at: label, message });
    return undefined;
  };
  const note = (message: string): void => {
    notes.push({ at: label, message });
  };
  const id = kebab(sourceId);
  if (id === '') return skip('has no id');
  if (typeof raw.regex !== 'string' || raw.regex === '') {
    return skip(raw.path !== undefined ? 'matches file paths only (a path rule): sprawlguard rules match content' : 'has no regex');
  }
  if (raw.required !== undefined) return skip('is a composite rule ([[rules.required]]): sprawlguard has no equivalent');
  if (raw.skipReport === true) return skip('only serves composite rules (skipReport)');

  const js = translateRe2(raw.regex, { ignoreCaseFlag: true });
  if (!js.ok) return skip(`regex: ${js.reason}`);
  const secretGroup = typeof raw.secretGroup === 'number' ? raw.secretGroup : 0;
  const selected = selectSecretGroup(js.pattern, secretGroup);
  if (!selected.ok) return skip(`regex: ${selected.reason}`);
  if (selected.note) note(selected.note);
  const risks = options.linearTimeRisks(selected.pattern, js.ignoreCase);
  if (risks.length > 0) return skip(`regex is not linear-time in JavaScript (RE2 never backtracks): ${risks[0] ?? ''}`);

  const rule: Record<string, unknown> = {
    id,
    name: typeof raw.description === 'string' && raw.description.trim().length >= 3 ? raw.description.trim() : id,
    provider: id.split('-')[0] || 'custom',
    // gitleaks rules carry no severity or lifetime: the safe assumptions for an unknown credential.
    severity: 'high',
    lifetime: 'unknown',
    confidence: 'medium',
    pattern: selected.pattern,
  };
  if (id !== sourceId) note(`id "${sourceId}" became "${id}" (rule ids are kebab-case)`);
  if (options.builtinRuleIds.has(id)) note(`replaces sprawlguard's built-in rule "${id}" (same id)`);
  if (js.ignoreCase) rule.ignore_case = true;
  if (typeof raw.entropy === 'number') rule.entropy = Math.min(8, Math.max(0, raw.entropy));

  const keywords = strings(raw.keywords).map((k) => k.toLowerCase());
  const usable = keywords.filter((k) => k.length >= 2 && k.length <= 64 && /^[\x20-\x7e]+$/.test(k));
  if (usable.length < keywords.length) note(`keywords shorter than 2 characters, longer than 64 or not ASCII were left out: ${keywords.filter((k) => !usable.includes(k)).join(', ')}`);
  if (usable.length > 0) {
    rule.keywords = [...new Set(usable)];
    note('keywords gate the regex near each keyword hit (its line), where gitleaks runs it on the whole file when a keyword occurs anywhere in it');
  } else {
    rule.no_keywords_reason = 'imported from gitleaks without keywords';
    note('has no keywords: it runs on every file');
  }
  const tags = strings(raw.tags);
  if (tags.length > 0) rule.tags = tags;
  if (typeof raw.path === 'string') note('its path condition was dropped: the rule applies to every file (reports more, never less)');

  const perRule: [string, Table][] = [];
  const single = table(raw.allowlist);
  if (single) perRule.push([`${at}.allowlist`, single]);
  (Array.isArray(raw.allowlists) ? raw.allowlists : []).forEach((entry, i) => {
    const t = table(entry);
    if (t) perRule.push([`${at}.allowlists[${i}]`, t]);
  });
  const stopwords: string[] = [];
  for (const [where, entry] of perRule) {
    stopwords.push(...strings(entry.stopwords));
    for (const key of ['regexes', 'paths', 'commits'] as const) {
      if (strings(entry[key]).length > 0) skipped.push({ at: `${where}.${key}`, message: `per-rule ${key} have no sprawlguard equivalent (allowlists apply to every rule); add them to the global allowlist if that is acceptable` });
    }
  }
  if (stopwords.length > 0) rule.stopwords = [...new Set(stopwords)];
  return rule;
}

function translateAllowlist(
  entry: Table,
  at: string,
  allow: { paths: string[]; regexes: string[]; stopwords: string[]; commits: string[] },
  options: TranslateOptions,
  notes: ImportNote[],
  skipped: ImportNote[],
): void {
  const targets = strings(entry.targetRules);
  if (targets.length > 0) {
    skipped.push({ at, message: `applies only to rules ${targets.join(', ')} (targetRules): sprawlguard's allowlist applies to every rule` });
    return;
  }
  const kinds = (['paths', 'regexes', 'stopwords', 'commits'] as const).filter((key) => strings(entry[key]).length > 0);
  if (entry.condition === 'AND' && kinds.length > 1) {
    skipped.push({ at, message: `condition AND over ${kinds.join(' and ')}: sprawlguard's allowlist entries each apply on their own, which would allow more` });
    return;
  }
  const target = typeof entry.regexTarget === 'string' ? entry.regexTarget : 'secret';
  strings(entry.regexes).forEach((source, i) => {
    const where = `${at}.regexes[${i}]`;
    if (target !== 'secret') {
      skipped.push({ at: where, message: `matches the ${target} (regexTarget = "${target}"), and sprawlguard's allowlist regexes match the secret only` });
      return;
    }
    const js = translateRe2(source, { ignoreCaseFlag: false });
    if (!js.ok) {
      skipped.push({ at: where, message: js.reason });
      return;
    }
    const pattern = withoutOuterWildcards(js.pattern);
    if (pattern !== js.pattern) notes.push({ at: where, message: 'a leading or trailing ".*" was dropped: the regex is searched for anywhere in the secret, so it matches the same secrets' });
    const risks = options.linearTimeRisks(pattern, false);
    if (risks.length > 0) {
      skipped.push({ at: where, message: `not linear-time in JavaScript (RE2 never backtracks): ${risks[0] ?? ''}` });
      return;
    }
    allow.regexes.push(pattern);
  });
  strings(entry.paths).forEach((source, i) => {
    const where = `${at}.paths[${i}]`;
    const globs = pathRegexToGlobs(source);
    if (!globs.ok) {
      skipped.push({ at: where, message: `path regex: ${globs.reason}` });
      return;
    }
    allow.paths.push(...globs.globs);
    for (const message of globs.notes) notes.push({ at: where, message: `${message} (globs: ${globs.globs.join(', ')})` });
  });
  allow.stopwords.push(...strings(entry.stopwords));
  strings(entry.commits).forEach((commit, i) => {
    if (/^[0-9a-fA-F]{7,64}$/.test(commit)) allow.commits.push(commit.toLowerCase());
    else skipped.push({ at: `${at}.commits[${i}]`, message: 'not a commit id' });
  });
}

/**
 * `.*X.*` searched for in a string matches exactly where `X` does (the wildcards may match
 * nothing), and without them the pattern does not re-scan from every position.
 */
function withoutOuterWildcards(pattern: string): string {
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: false });
  } catch {
    return pattern;
  }
  const only = ast.alternatives.length === 1 ? ast.alternatives[0] : undefined;
  if (!only || only.elements.length < 2) return pattern;
  const wildcard = (e: (typeof only.elements)[number] | undefined): boolean =>
    e?.type === 'Quantifier' && e.min === 0 && e.max === Infinity && e.element.type === 'CharacterSet' && e.element.kind === 'any';
  const first = only.elements[0];
  const last = only.elements[only.elements.length - 1];
  const start = wildcard(first) ? (first?.end ?? 0) : 0;
  const end = wildcard(last) && last !== first ? (last?.start ?? pattern.length) : pattern.length;
  return pattern.slice(start, end);
}

function table(value: unknown): Table | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Table) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A rule id in sprawlguard's form: lower-case kebab-case. */
function kebab(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

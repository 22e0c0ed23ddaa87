/**
 * A precheck must never reject a position where its rule's pattern matches: it only spares the
 * regex engine the positions where the pattern cannot. Checked on generated text made of the
 * characters the patterns care about, at every position where a keyword of the rule starts.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, readRuleDir } from '../src/config/rule-pack.js';
import { compileRule } from '../src/engine/compile.js';
import { PRECHECK_NAMES, precheck } from '../src/engine/prechecks.js';
import { checkRule } from '../src/rules/check.js';
import { loadRuleFiles } from '../src/rules/parse.js';
import { ruleSchema } from '../src/rules/schema.js';

const { rules } = loadRuleFiles(readRuleDir(builtinRulesDir()));
const withPrecheck = rules.filter((r) => r.precheck !== undefined);

describe('prechecks', () => {
  it('are used by the rule pack, each by name', () => {
    expect(new Set(withPrecheck.map((r) => r.precheck))).toEqual(new Set(PRECHECK_NAMES));
  });

  it('an unknown precheck is a rule error', () => {
    const rule = ruleSchema.parse({
      id: 'x-precheck',
      name: 'test rule',
      provider: 'test',
      severity: 'low',
      lifetime: 'unknown',
      keywords: ['tok'],
      pattern: '(tok[0-9]+)',
      precheck: 'no-such-check',
      remediation: 'Rotate it and use short-lived credentials.',
      examples: ['tok123'],
      negative_examples: ['tik'],
    });
    expect(() => compileRule(rule)).toThrow(/unknown precheck "no-such-check"/);
  });

  it('the rule linter refuses a precheck on a rule that is not anchored at its keywords', () => {
    const rule = ruleSchema.parse({
      id: 'x-window-precheck',
      name: 'test rule',
      provider: 'test',
      severity: 'low',
      lifetime: 'unknown',
      keywords: ['password'],
      // Matches start at `db_`, before the keyword: a window rule, where prechecks do not run.
      pattern: 'db_password=([A-Za-z0-9]{8,})',
      precheck: 'name-then-assignment',
      remediation: 'Rotate it and use short-lived credentials.',
      examples: ['db_password=Zq9x7mK2vLp4'],
      negative_examples: ['db_password='],
    });
    expect(checkRule(rule).map((p) => p.path)).toContain('precheck');
  });

  for (const rule of withPrecheck) {
    it(`${rule.precheck} never rejects a match of ${rule.id}`, async () => {
      const fc = await import('fast-check');
      const compiled = compileRule(rule);
      const check = precheck(rule.precheck as string)!;
      const sticky = compiled.sticky;
      const pieces = fc.constantFrom(
        'password', 'db_password', 'Secret', 'token', 'API_KEY', 'api-key', '.key', 'x', 'Zq9', 'value1',
        '"', "'", '`', '\\', ']', '[', ' ', '  ', '\t', '=', '==', ':', ':=', '=>', '?', '??', '??=', '||', ',',
        '{ get; } =', '(', ')', '\n', 'Hq4#Lm9pWz2x', 'os.environ.get(', '$VAR', 'getenv(',
        '("', "('", '", "', "', '", '", ', ' ?? "', ' || \'',
      );
      // Shapes close to what the patterns look for (a name, quotes, blanks, an operator or a comma,
      // a value), each part drawn from near misses too, mixed with free runs of the same pieces.
      const part = (...options: string[]) => fc.constantFrom(...options);
      const assignments = fc
        .tuple(
          part('', '(', 'f(', '( ', 'get(', 'x = '),
          part('', '"', "'", '`', '\\"'),
          part('password', 'DB_PASSWORD', 'client_secret', 'api_key', 'token', 'api_key_id', 'passenger', 'secret.key'),
          part('', '"', "'", '`', '\\"', '"]', ']'),
          part('', ' ', '\t', '     ', '      '),
          part('=', ':', ':=', '=>', '??=', '{ get; } =', ',', '??', '||', '|', '?', '==', '.', '', 'string =', 'String=', ': string =', ': &str =', '[]byte =', 'str', '===', '!=', '!==', '.equals(', '.equalsIgnoreCase(', '.equal('),
          part('', ' ', '\t', '   '),
          part('', '"', "'", '`', '\\"'),
          part('Hq4#Lm9pWz2x', 'f9K2mQ8vX3pL7zR4tN6w', 'abc', '${VAR}', 'Xk9#mQ2vL7pZ'),
          part('', '"', "'", '`', '")', '";'),
        )
        .map((parts) => parts.join(''));
      // `.netrc` entries: a keyword as a whole word or inside one, then a blank, a line break or
      // punctuation, the rest of an entry or of minified code.
      const entries = fc
        .tuple(
          part('', ' ', '\n', 'x.', 'export '),
          part('machine', 'default', 'Machine', 'DEFAULT', 'defaults', 'machines'),
          part(' ', '\t', '\n', '  \n ', '\u00a0', ':', '.', '', '('),
          part('api.x.net', 'login', '', 'case'),
          part('', ' login ci', '\n  login ci', ' account a', ' port 21'),
          part(' password ', '\npassword ', ' password\t', ' pass '),
          part('Zq9x7mK2vLp4', 'hunter2x', '$x'),
        )
        .map((parts) => parts.join(''));
      const structured = rule.precheck === 'word-then-blank' ? entries : assignments;
      const text = fc.oneof(structured, fc.array(pieces, { maxLength: 24 }).map((a) => a.join('')));
      let matched = 0;
      fc.assert(
        fc.property(text, (sample) => {
          const lower = sample.toLowerCase();
          for (const keyword of rule.keywords) {
            for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
              sticky.lastIndex = at;
              if (sticky.exec(sample) === null) continue;
              matched++;
              expect(check(sample, at), `${JSON.stringify(sample)} at ${at}`).toBe(true);
            }
          }
        }),
        { numRuns: 20000 },
      );
      for (const example of rule.examples) {
        const lower = example.toLowerCase();
        for (const keyword of rule.keywords) {
          for (let at = lower.indexOf(keyword); at >= 0; at = lower.indexOf(keyword, at + 1)) {
            sticky.lastIndex = at;
            if (sticky.exec(example) !== null) expect(check(example, at), `${example} at ${at}`).toBe(true);
          }
        }
      }
      // The generator must reach the pattern often enough for the property to mean something.
      expect(matched).toBeGreaterThan(50);
    });
  }
});

/**
 * Placeholder and stop-word filter, applied to the secret group of every match. Values that are
 * documentation examples, masks, template expressions or variable references are not secrets.
 */

/** Case-insensitive substrings that mark a value as an example or a mask. */
const STOP_SUBSTRINGS = [
  'example',
  'sample',
  'placeholder',
  'dummy',
  'changeme',
  'change_me',
  'change-me',
  'replace_me',
  'replace-me',
  'replaceme',
  'insert_',
  'insert-',
  'your_',
  'your-',
  'yourkey',
  'yoursecret',
  'yourtoken',
  'redacted',
  'obfuscated',
  'removed',
  'xxxx',
  '****',
  '••••',
  '...',
  '…',
  '<your',
  '[filtered]',
  'not_a_real',
  'not-a-real',
  'notarealkey',
  'fake_',
  'fakekey',
  'faketoken',
  'fakesecret',
  'qwerty',
  'asdfgh',
];

/**
 * The stop substrings as one expression: every generic candidate is checked, and one compiled
 * alternation tests a value in a single pass where a loop of `includes` walks it once per word.
 */
const STOP_SUBSTRING = new RegExp(STOP_SUBSTRINGS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Whole values (case-insensitive) that are words, not secrets. */
const STOP_VALUES = new Set([
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'api-key',
  'key',
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'empty',
  'required',
  'optional',
  'string',
  'test',
  'testing',
  'admin',
  'root',
  'user',
  'username',
  'todo',
  'tbd',
  'fixme',
  'secret123',
  'password123',
  'hunter2',
]);

/**
 * Values published in standards and vendor documentation as examples, copied into countless
 * READMEs, tests and library docstrings (RFC 6749 and 6750 OAuth 2.0, RFC 5849 OAuth 1.0).
 * Exact, case-sensitive matches.
 */
const DOCUMENTED_EXAMPLES = new Set([
  's6BhdRkqt3',
  'gX1fBat3bV',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  'mF_9.B5f-4.1JqM',
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  'dpf43f3p2l4k3l03',
  'kd94hf93k423kf44',
  'nnch734d00sl2jdk',
  'pfkkdhi9sl3r4s00',
  'hh5s93j4hdidpola',
  'hdk48Djdsa',
  'hdhd0244k9j7ao03',
  'xyz4992k83j47x0b',
  'kkk9d7dh3k39sjv7',
]);

/**
 * Template and variable-reference syntaxes: `${VAR}`, `$(cmd)`, `{{ x }}`, `<x>`, `%(x)s`,
 * (a `$(` or `${` that is not a complete substitution is part of a random value, not a reference),
 * `%VAR%`, `$VAR`, `process.env.X`, `os.environ[…]`, `ENV[…]`, `getenv(…)`, `secrets.X`.
 */
const TEMPLATE = new RegExp(
  [
    String.raw`\$\{\{?\s*[A-Za-z_][^}]*\}`,
    String.raw`\$\(\s*[A-Za-z_][\w.-]*(?:\s[^)]*)?\)`,
    String.raw`\{\{.*\}\}`,
    String.raw`\{%.*%\}`,
    String.raw`^<[^>]*>$`,
    String.raw`^\{[A-Za-z_][\w.]*\}["']?$`,
    String.raw`^<[a-z][a-z0-9 _-]{2,}(?:>|$)`,
    String.raw`%\([a-z_]+\)[sd]`,
    String.raw`^%[a-z_][a-z0-9_]*%$`,
    String.raw`^\$[a-z_][a-z0-9_]*$`,
    String.raw`process\.env`,
    String.raw`os\.environ`,
    String.raw`\benv\[`,
    String.raw`getenv\(`,
    String.raw`^secrets\.[a-z_]`,
  ].join('|'),
  'i',
);

const ASCENDING = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Whole values that stand in for most things but are also passwords people really set (`admin`,
 * `root`): placeholders, except where a password is expected.
 */
const WEAK_PASSWORDS = new Set(['admin', 'root']);

export interface PlaceholderOptions {
  /** The value may be a password a person chose: common weak passwords are not placeholders. */
  readonly weakPasswords?: boolean;
}

export function isPlaceholder(secret: string, extraStopwords: readonly string[] = [], options: PlaceholderOptions = {}): boolean {
  const lower = secret.toLowerCase();
  if ((STOP_VALUES.has(lower) && !(options.weakPasswords === true && WEAK_PASSWORDS.has(lower))) || DOCUMENTED_EXAMPLES.has(secret)) return true;
  if (STOP_SUBSTRING.test(lower)) return true;
  for (const word of extraStopwords) if (lower.includes(word)) return true;
  if (TEMPLATE.test(secret)) return true;
  return isLowVariety(lower);
}

/**
 * Values made of one repeated character, or one short unit repeated, or a plain ascending run
 * (`0123456789`, `abcdef…`) are fillers: `0000000000`, `abababab`, `123456789abc`. So are values
 * stitched together from ascending runs (`abc123xyz456`) and values padded at the end with one
 * character (`…Token00000000`): people type those, generators never produce them.
 */
function isLowVariety(lower: string): boolean {
  const n = lower.length;
  if (n < 4) return false;
  // One short unit (one to four characters) repeated: compared in place, without building strings.
  for (let unit = 1; unit <= 4 && unit * 2 <= n; unit++) {
    let i = unit;
    while (i < n && lower.charCodeAt(i) === lower.charCodeAt(i - unit)) i++;
    if (i === n) return true;
  }
  if (n >= 8 && ASCENDING.includes(lower)) return true;
  if (n >= 6 && isAscendingRuns(lower)) return true;
  if (n >= LONG_ASCENDING_RUN && hasLongAscendingRun(lower)) return true;
  // Padding: six or more of one character at the end (base64 `=` padding aside). Compared in place:
  // as a regex (`([^=])\1{5}$`) the test was tried at every position of the value.
  const last = lower.charCodeAt(n - 1);
  if (n < 6 || last === 61 /* = */) return false;
  for (let i = n - 2; i >= n - 6; i--) if (lower.charCodeAt(i) !== last) return false;
  return true;
}

/**
 * A run of this many ascending characters inside a value (`…abcdefghijklmnopqrstuvwxyz0123…`)
 * marks a made-up one, as in a documented token shape whose random part was typed as the alphabet;
 * in random text of any alphabet such a run does not occur. Longer than the ten digits, so only a
 * run of letters counts: numeric ids inside real tokens (a Slack team or app id) may hold `0123456789`.
 */
const LONG_ASCENDING_RUN = 12;

function hasLongAscendingRun(lower: string): boolean {
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    const prev = lower.charCodeAt(i - 1);
    // 0–8 and a–y have a successor in ASCENDING.
    if (lower.charCodeAt(i) === prev + 1 && ((prev >= 48 && prev <= 56) || (prev >= 97 && prev <= 121))) {
      if (++run >= LONG_ASCENDING_RUN) return true;
    } else run = 1;
  }
  return false;
}

/** True when the value splits into ascending runs (`abc`, `123`, `xyz`) of three or more characters. */
function isAscendingRuns(lower: string): boolean {
  let run = 1;
  for (let i = 1; i <= lower.length; i++) {
    const prev = lower.charCodeAt(i - 1);
    const cur = i < lower.length ? lower.charCodeAt(i) : -1;
    const continues = cur === prev + 1 && ASCENDING.includes(lower.slice(i - 1, i + 1));
    if (continues) {
      run++;
      continue;
    }
    if (run < 3) return false;
    run = 1;
  }
  return true;
}

/**
 * The refiners of the generic rules: a value given to a credential-like name, on a command line or in
 * a header is judged here. Code, references and markers are never secrets (generic/code.ts). Then
 * the name decides: a password may be a word a person chose (`welcome1`), a key or token must look
 * generated, and a value under nothing more than `key` must look strongly random.
 */
import { charTable } from '../char-class.js';
import { shannonEntropy } from '../entropy.js';
import { notALiteral, decodePercent } from '../generic/code.js';
import { fileKind, nameKind, siteBefore, type NameKind, type Site } from '../generic/names.js';
import { isCamelWords, isRandomLetters, isTestValue, isWordCompound, isWordLike, looksGenerated, wordShare } from '../generic/words.js';
import { isPlaceholder } from '../placeholders.js';
import type { RefineContext, Refinement, Refiner } from '../refine.js';

/**
 * Values assigned to credential-like names (generic rules). Confidence stays low (medium for
 * strong-looking values).
 */
export const genericSecretValue: Refiner = (secret, context) => judgeGenericValue(secret, context);

/**
 * Values that must look generated whatever their name says (`PASSWORD_SALT = "…"` holds a salt, not a
 * password a person chose): judged as a secret, so words and names are not values.
 */
export const genericGeneratedValue: Refiner = (secret, context) => judgeGenericValue(secret, context, 'secret');

/** Values the rule's own context says are passwords (`--password …`, `login("user", "…")`, `-u user:…`). */
export const genericPasswordValue: Refiner = (secret, context) => judgeGenericValue(secret, context, 'password');

export function judgeGenericValue(secret: string, context: RefineContext, given?: NameKind): Refinement | null {
  const before = context.before ?? '';
  const after = context.after ?? '';
  // XML and HTML attributes escape what they hold; judge the value itself.
  const entities = secret.includes('&');
  const unescaped = entities && /&(?:lt|gt|quot|apos|amp);/.test(secret) ? unescapeXml(secret) : secret;
  // Other HTML entities (`&ldquo;`, `&nbsp;`) mean the value is prose from a web page.
  if (entities && /&[a-z]{2,8};|&(?:[lr][ds]quo|nbsp|[mn]dash|hellip|laquo|raquo)$/.test(unescaped)) return null;
  // Percent-encoding too, for URL query values.
  const query = isQueryValue(before);
  const v = query ? decodePercent(unescaped) : unescaped;
  if (/\s/.test(v)) return null;
  const site = siteBefore(before);
  // `name="db.password" value="…"`, `Name: DB_PASSWORD, Value: …`: the pair's name says what the value is.
  const paired = /^value$/i.test(site.name) ? PAIRED_NAME.exec(before)?.[1] : undefined;
  const kind = given ?? nameKind(paired ?? site.name);
  if (v.length < (kind === 'password' ? 4 : 8)) return null;
  // Code and references are the most common values here and the cheaper to rule out: first.
  if (notALiteral(v, site, before, after, context.path)) return null;
  if (isPlaceholder(v, [], { weakPasswords: kind === 'password' })) return null;
  if (encodesPlaceholder(v)) return null;
  if (given === undefined && !site.flag && !query && site.quote === '' && !unquotedValueEnds(site, after)) return null;
  if (site.operator === ' ' && DEFINE.test(before) && macroNotAValue(v, site, context.path)) return null;
  // `::` in code is scope resolution (`stop_token::_Stop_cb`), not the `name:: value` of LDIF.
  if (site.quote === '' && before.endsWith('::') && /^[A-Za-z_]/.test(v)) return null;
  // In code an unquoted name after `=` or a blank is a variable, a constant or a type (`e.Key = KeyCtrl8`,
  // `Password OptString`, Perl's `qw(password simple)`): no code language writes a string bare there.
  // An XML element or a query string written inside a code string still holds a literal.
  if (site.quote === '' && given === undefined && !query && !site.flag && (site.operator === '=' || site.operator === ':=' || (site.operator === ' ' && site.lineStart)) && /^[A-Za-z_$][\w$]*$/.test(v) && fileKind(context.path) === 'code') return null;
  // Python: a bare parameter name, `:` and a capitalised name in a string is an annotation, a forward
  // reference to a type in a signature; dictionary keys are quoted.
  if (site.operator === ':' && site.quote !== '' && /^[A-Z][\w.]*(?:\[[\w., []*\]?\])?$/.test(v) && /\.pyi?$/.test(context.path ?? '') && /(?<![\w"'`\]])[A-Za-z_]\w*[ \t]*:[ \t]*["']$/.test(before.slice(-80))) return null;
  // A phrase as the key (`"GUI Authentication Password": "GUI-wachtwoord"`) is a translation's source text.
  if (site.operator === ':' && phraseKey(before) && !looksGenerated(v)) return null;
  if (kind === 'password') return passwordValue(v, site, context, given === undefined);
  return generatedValue(v, kind, before);
}

/**
 * The quoted key before `:` (and the value's opening quote) holds words separated by blanks
 * (`"GUI Authentication Password": `). Read from the end, so linear in `before`.
 */
function phraseKey(before: string): boolean {
  const end = before.slice(-24);
  const tail = /(["'])[ \t]*:[ \t]*["']?$/.exec(end);
  if (tail === null) return false;
  const close = before.length - end.length + tail.index;
  const open = before.lastIndexOf(tail[1] as string, close - 1);
  if (open < 0) return false;
  const key = before.slice(open + 1, close);
  return !key.includes('\n') && /[A-Za-z][ \t]+[A-Za-z]/.test(key);
}

/** A C preprocessor definition up to its value: `#define NAME `. */
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+[\w]+[ \t]+\\?["']?$/;

/**
 * `#define NAME VALUE` in code: an unquoted value is an expression (`-330`, `0xBA`, `OBJ_X509,35L`),
 * and a name ending in a part that describes the credential names a constant about it
 * (`…_PASSWORD_ERROR`, `…_PASSPHRASE_PARAM_INFO`).
 */
function macroNotAValue(v: string, site: Site, path: string | undefined): boolean {
  if (/[_-](?:param|info|error|check|const|string|len|length|size|max|min|type|flag|mask|id|oid|nid|tag|attr|mode|state|status)$/i.test(site.name)) return true;
  return site.quote === '' && fileKind(path) === 'code' && !looksGenerated(v);
}

const QUERY_NAME = charTable('\\w.-');

/** `before` ends in a URL query parameter's name and `=` (`[?&][\w.-]*=$`), read from its end. */
function isQueryValue(before: string): boolean {
  let i = before.length - 1;
  if (before.charCodeAt(i) !== 61 /* = */) return false;
  for (i--; i >= 0; i--) {
    const c = before.charCodeAt(i);
    if (c < 128 && QUERY_NAME[c] === 1) continue;
    return c === 63 /* ? */ || c === 38 /* & */;
  }
  return false;
}

/** The name of a name/value pair written on one line (XML attributes, YAML flow maps, CloudFormation). */
const PAIRED_NAME = /\b(?:name|key)["']?\s{0,3}[:=]\s{0,3}["']?([\w.:-]{1,80})["']?\s{0,3}[,;]?\s{0,3}["']?value["']?\s{0,3}[:=]\s{0,3}["']?$/i;

/**
 * An unquoted value runs to the end of its line, a statement end, a comment or a `\` continuation.
 * Followed by more words it is prose (`token: Short-lived access token …`), unless a flag follows
 * (a command line) or it is an environment variable set for a command (`PGPASSWORD=postgres pg_restore`, `-e DB_PASSWORD=… image`).
 */
function unquotedValueEnds(site: Site, after: string): boolean {
  // A flag after the value (`--set db.password=… --set image.tag=…`) continues a command line, not prose.
  if (!/^[ \t]+\S/.test(after) || /^[ \t]+(?:\\\s*$|#|\/\/|;|--?[A-Za-z])/.test(after)) return true;
  return site.operator === '=' && /^[A-Z][A-Z0-9_]*$/.test(site.name);
}

/** A value that stands in for a password rather than being one: notAPassword, or a placeholder (weak words included). */
export function notAChosenPassword(v: string): boolean {
  return notAPassword(v) || isPlaceholder(v, [], { weakPasswords: true });
}

/**
 * True when a value given as a password is not one a person set: a number, a word that describes the
 * field (`required`, `current-password`), the word itself (`dbpassword`, `p@ssw0rd`), an identifier
 * about passwords, a value that says it is fake or a placeholder, a command-line flag, byte escapes.
 */
export function notAPassword(v: string): boolean {
  const lower = v.toLowerCase();
  // Numbers, hexadecimal ones included (`const LPASS8 = 0x0800;`).
  if (/^(?:[0-9]+|0x[0-9a-f]+)$/i.test(v)) return true;
  const plain = lower.replace(/[-_ ]/g, '').replace(/^[^a-z0-9]+|[=:]+$/g, '');
  if (NOT_A_PASSWORD.has(plain) || NOT_A_PASSWORD.has(unleet(plain))) return true;
  // The word itself with a prefix (`dbpassword`, `mysecretpassword`, `v2password`): a stand-in, not a choice.
  if (/^[a-z0-9]*(?:passw(?:or)?d|passphrase)[a-z]*[0-9]*$/.test(lower) || /^[a-z]*(?:passw(?:or)?d|passphrase)[a-z]*$/.test(unleet(lower))) return true;
  // lowerCamelCase words (`overEvery`, `nextStep`): a function or a field, not something typed at a prompt.
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) && isWordCompound(v)) return true;
  if (/fake|dummy|mock|stub|sample|example|placeholder|redacted|replaced|hidden|masked|secret_?here|password_?here|(?:^|[-_])(?:my|your)[-_]?(?:super)?[-_]?(?:secret|pass)/.test(lower)) return true;
  // Identifiers and i18n keys about passwords (`currentPassword`, `password_confirmation`,
  // `auth.password.label`, `PROXY_PASSWORD_value`), and a field's description (`user-password`).
  if (/pass|pwd/.test(lower) && (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) || /^[A-Za-z]+(?:[_.][A-Za-z]+)+$/.test(v))) return true;
  if (/^(?:user|your|my|the|db|database|admin|root|some|secret|strong|new|old|current|default|service|app|account|login|example)[-_ ]?pass(?:word|wd)?$/.test(lower)) return true;
  if (/^your\W|^--?[a-z][a-z-]*$|\\x[0-9a-f]{2}/i.test(v)) return true;
  // Anonymous FTP's convention: an address, or a marker standing for one, in place of a password.
  if (/^-?anon(?:ymous)?@?$/i.test(v)) return true;
  // Made up and saying so: `test-password-42`, `local_pass7`, `dev-secret`.
  if (/^(?:test|fake|mock|dummy|demo|local|dev|stub|sample|example)[-_](?:password|passwd|pass|pwd|secret|token|key)[-_]?[0-9]*$/.test(lower)) return true;
  return false;
}

/**
 * The password of `scheme://user:password@host` (`generic-url-credentials`). On the local machine
 * (`localhost`, `127.0.0.1`) a default (`admin:admin`, `postgres:postgres`, a word) is the service's
 * out-of-the-box login rather than a credential someone set; elsewhere any password counts.
 */
export const urlPassword: Refiner = (secret, context) => {
  const password = decodePercent(secret);
  if (notAPassword(password)) return null;
  const user = /([^\s:/?#@"'<>`]{1,128}):$/.exec(context.before ?? '')?.[1] ?? '';
  // Go's MySQL DSN names the network before the host: `@tcp(127.0.0.1:3306)`, `@unix(/run/mysqld.sock)`.
  const after = context.after ?? '';
  const goDsn = /^@(?:tcp6?|unix)\(/.test(after);
  const host = /^@unix\(/.test(after) ? 'localhost' : /^@(?:tcp6?\()?(\[[0-9a-f:]*\]|[\w.-]*)/i.exec(after)?.[1] ?? '';
  if (/^(?:localhost|127\.[0-9.]+|0\.0\.0\.0|\[::1?\])$/i.test(host)) {
    if (isPlaceholder(password) || password === user) return null;
    // A URL's out-of-the-box login is a word; a DSN in code names the password someone chose for
    // it (a word in `user:…@tcp(127.0.0.1)`), so only the usual weak ones are defaults there.
    if (goDsn ? isPlaceholder(password, [], { weakPasswords: true }) : /^[a-z]+$/.test(password)) return null;
  }
  return {};
};

/**
 * A password is whatever a person typed, words included (`postgres`, `welcome1`, `ci-only-pass`),
 * unless it is a word that describes a field rather than fills it (`required`, `current-password`),
 * says it is fake, restates the name, or is an unquoted word in code (a variable).
 */
function passwordValue(v: string, site: Site, context: RefineContext, byName: boolean): Refinement | null {
  if (notAPassword(v)) return null;
  // A word after a flag in prose (`the --password option`), an unquoted word ending a sentence
  // (`password combination.`).
  if (site.flag && site.operator === ' ' && /^[a-z]+$/.test(v) && !isRandomLetters(v)) return null;
  if (site.quote === '' && /[.,;:]$/.test(v)) return null;
  // A call that is not a lookup or a setting (`Colorizer('PASS', 'green')`, `MovedAttribute("HTTPPasswordMgr", …)`)
  // takes the name as a label, not as the key of the value that follows; a flag in an argument list
  // (`["--password", "…"]`) is followed by its value.
  if (byName && site.operator === ',' && !site.flag && !LOOKUP_CALL.test(context.before ?? '') && !strongLooking(v)) return null;
  // A name that says the value is not real (`fake_password`, `example_pwd`), a program that asks for
  // one (`GIT_ASKPASS`, `SSH_ASKPASS`), or a class or package (`Test2::Event::Pass`).
  if (/(?:fake|dummy|mock|example|sample|placeholder)[_.-]?[A-Za-z]*$|askpass$/i.test(site.name) || /::[A-Z]\w*$/.test(site.name)) return null;
  // A name for a condition about passwords (`ERRCODE_INVALID_PASSWORD`, `ErrWrongPassword`,
  // `MSG_PASSWORD_EXPIRED`): its value is a code or a message.
  if (NAME_WORD_HINT.test(site.name)) {
    const parts = site.name.split(/[_.-]|(?<=[a-z0-9])(?=[A-Z])/).map((part) => part.toLowerCase());
    if (parts.some((part) => CONDITION_WORDS.has(part))) return null;
    // A name for an attribute of the password (`…_PASSWORD_CHARSET`, `…_PASSWORD_CHECK`, `PASS_FOLDER`),
    // or passing through (`SOAP_PASS_THROUGH`, `pass-through`).
    if (ATTRIBUTE_WORDS.has(parts[parts.length - 1] as string) || /pass[_.-]?thr(?:ough|u)/i.test(site.name)) return null;
  }
  // One of several strings in a list or tuple (`PASS_BOOLS = ('check_mode', 'debug', …)`): names of
  // words are the list's entries, not a password; a word list of passwords is test data (generated
  // values in a list are still judged as values).
  if (site.quote !== '' && /[([][ \t]*\\?["'`]$/.test(context.before ?? '') && /^\\?["'`][ \t]*,[ \t]*\\?["'`]/.test(context.after ?? '') && /^[a-z]+(?:[_-][a-z]+)*$/.test(v) && !isRandomLetters(v)) return null;
  // Django marks an account without a usable password with `!` and random characters (40 today).
  if (/^![A-Za-z0-9]{20,}$/.test(v)) return null;
  // An unquoted value after `=` or `:` may be a literal or a variable (a command-line flag's value is always a literal).
  if (byName && site.quote === '' && /^(?:=|:|:=|=>)$/.test(site.operator)) {
    const file = fileKind(context.path);
    // In code an unquoted word is a variable or a constant; in configuration it is the value.
    if (file === 'code' && !looksGenerated(v)) return null;
    if (file === 'unknown' && !site.lineStart) return null;
    // Where the kind of file is not known: `password: Password1` in a YAML mapping and
    // `PASSWORD=hunter42` in a file of settings, not `password = password_input` (between names).
    if (file === 'unknown' && /^[a-z]+_[a-z_]+$/.test(v)) return null;
  }
  return { confidence: strongLooking(v) ? 'medium' : 'low' };
}

/** Last parts of a name that make it an attribute of the credential, not the credential. */
const ATTRIBUTE_WORDS = new Set(['check', 'checker', 'charset', 'encoding', 'algorithm', 'algo', 'scheme', 'method', 'folder', 'directory', 'column', 'attribute', 'attr', 'widget', 'sent']);

/** Parts of a name that make it a condition about the credential, not the credential. */
const CONDITION_WORDS = new Set(['err', 'errcode', 'error', 'invalid', 'incorrect', 'wrong', 'bad', 'missing', 'mismatch', 'mismatched', 'expired', 'msg']);

/** A cheap first look in a name for any of those words or a pass-through, before it is split into parts. */
const NAME_WORD_HINT = new RegExp(`${[...CONDITION_WORDS, ...ATTRIBUTE_WORDS].join('|')}|thr`, 'i');

/**
 * Decimal digits only, at least 24 of them, spread like random ones: longer than ids and timestamps,
 * and not a pattern (`0123456789012…`, `00001111…`): in random digits about one step in ten goes up
 * by one, one stays, one goes down.
 */
function isRandomNumber(v: string): boolean {
  if (v.length < 24 || !/^[0-9]+$/.test(v) || shannonEntropy(v) < 2.7) return false;
  let same = 0;
  let up = 0;
  let down = 0;
  for (let i = 1; i < v.length; i++) {
    const step = (v.charCodeAt(i) - v.charCodeAt(i - 1) + 10) % 10;
    if (step === 0) same++;
    else if (step === 1) up++;
    else if (step === 9) down++;
  }
  const most = (v.length - 1) * 0.3;
  return same < most && up < most && down < most;
}

/** Three character classes, ten characters and some entropy: what a generator or a careful person produces. */
function strongLooking(v: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return classes >= 3 && v.length >= 10 && shannonEntropy(v) >= 3.2;
}

/** Calls that take a setting's name and then its value or default: environment lookups, property setters, headers. */
const LOOKUP_CALL = /(?:env|getenv|environ(?:\.get)?|fetch|get|getProperty|setProperty|getOrDefault|getString|put|set|add|setdefault|SetDefault|setDefault|set_default|config|option|setting|param|header|define|getValue|setValue|Set|Get|Add|Put|fill|type)\s*\(\s*\\?["'`][\w.:#-]+\\?["'`]\s*,\s*\\?["'`]$/;

/** The characters unleet replaces. */
const LEET = /[@4310!|$57]/;

/** Letters for the digits and symbols people substitute in words (`p@ssw0rd`, `pa$$word`). */
function unleet(v: string): string {
  if (!LEET.test(v)) return v;
  return v.replace(/[@4]/g, 'a').replace(/3/g, 'e').replace(/[1!|]/g, 'i').replace(/0/g, 'o').replace(/[$5]/g, 's').replace(/7/g, 't');
}

/**
 * Words that name a state, a setting or a label of a password field rather than a password:
 * form and validation vocabulary, input types and autocomplete tokens, hashing schemes, sources.
 */
const NOT_A_PASSWORD = new Set([
  'password', 'passwd', 'passwort', 'passphrase', 'pass', 'pwd', 'motdepasse', 'contrasena', 'wachtwoord', 'kennwort', 'parola', 'senha',
  'required', 'optional', 'hidden', 'visible', 'masked', 'plain', 'plaintext', 'cleartext', 'text', 'string', 'secret', 'secrets',
  'invalid', 'valid', 'blank', 'empty', 'missing', 'incorrect', 'mismatch', 'mismatched', 'unknown', 'weak', 'strong', 'medium', 'short', 'long',
  'tooshort', 'toolong', 'toosimple', 'tooweak', 'reset', 'forgot', 'forgotten', 'change', 'changed', 'update', 'updated', 'new', 'old',
  'current', 'confirm', 'confirmed', 'confirmation', 'show', 'hide', 'toggle', 'input', 'field', 'label', 'hint', 'error', 'errors',
  'success', 'login', 'logout', 'signin', 'signup', 'register', 'submit', 'cancel', 'save', 'default', 'auto', 'manual', 'prompt',
  'ask', 'env', 'environment', 'file', 'stdin', 'vault', 'keychain', 'keyring', 'secretsmanager', 'ssm', 'kms', 'bcrypt', 'argon2',
  'argon2id', 'argon2i', 'scrypt', 'pbkdf2', 'sha256', 'sha512', 'sha1', 'md5', 'hash', 'hashed', 'digest', 'encrypted', 'encrypt', 'decrypt',
  'newpassword', 'currentpassword', 'oldpassword', 'confirmpassword', 'onetimecode', 'off', 'none', 'disabled', 'enabled', 'set',
  'unset', 'notset', 'nopassword', 'nopass', 'nopasswd', 'expired', 'locked', 'unlock', 'random', 'generated', 'generate', 'auto',
  'inherit', 'anonymous', 'guestaccess', 'sensitive', 'secure', 'insecure', 'value', 'values', 'true', 'false', 'null', 'nil',
  'salt', 'pepper', 'nonce', 'key', 'iv', 'passed', 'failed', 'skipped', 'pending', 'failure', 'fail', 'different', 'other',
  'another', 'same', 'match', 'nomatch', 'asdf', 'qwer', 'zxcv', 'asdfasdf', 'qwerqwer', 'qwerty', 'undefined', 'mypassword',
  'notasecret', 'notsecret', 'nosecret', 'unsafe', 'name', 'username', 'user', 'login', 'email', 'flags', 'flag', 'with', 'changeit',
]);

/**
 * A key, token or secret is generated: mixed character classes, entropy, not words or names.
 * Under a bare `key` only strongly random values count (long hex, long high-entropy base64).
 */
function generatedValue(v: string, kind: NameKind, before: string): Refinement | null {
  // A value that spells out what it stands for (a digit prefix and `password`, `secret` in mixed case, `newtoken123`)
  // was made up for a document or a test; generated secrets do not contain these words.
  if (/passw(?:or)?d|p[a@4]ssw[o0]rd|secret|token/i.test(v)) return null;
  if (isTestValue(v)) return null;
  // Numeric literals are not keys, unless the number is a long random one (a 128-bit value written
  // in decimal, as `secrets.randbits(128)` prints it).
  if (/^(?:0x[0-9a-f]+|[0-9]+(?:\.[0-9]+)?)$/i.test(v) && !isRandomNumber(v)) return null;
  // A name that says the value is not real (`invalid_key`, `fake_token`, `test_password`).
  if (/(?:^|[^A-Za-z])(?:invalid|fake|dummy|mock|test|example|sample|wrong|bad|bogus|expired|revoked)[_.-]?[A-Za-z]*["'`\]]?\s*(?:=|:=|:|=>)\s*["'`]?$/i.test(before)) return null;
  // Words: all digits, lower-case words with separators, camelCase identifiers without digits —
  // also when decorated with punctuation (`?InterpolationInTemplate`, `-EncodedCommand`).
  const core = v.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (/^[0-9]+$/.test(core)) return isRandomNumber(core) ? { confidence: 'low' } : null;
  // Lower-case letters are words and names, unless they are one run of random letters.
  if (/^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(core)) return kind !== 'weak-key' && isRandomLetters(v) ? { confidence: 'low' } : null;
  // Names made of lower-case words and numbers: `scram-sha-256`, `_pep_440_key`, `crc32c_hash`.
  // A part must be a word (letters beyond hex, in pairs words use), so UUIDs and hex keys are not
  // names, nor is a value with a long random part after a word (`key-1dg2uynn81ee6x…`).
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(core)) {
    const parts = core.split(/[-_.]/);
    if (parts.some((part) => /^[a-z]{3,}$/.test(part) && /[g-z]/.test(part) && isWordLike(part)) && !parts.some(randomPart)) return null;
  }
  // Word compounds; digits inside them are part of the name (`oauth2ClientSecret`, `Ipv6Pools`).
  if (isWordCompound(core.replace(/(?<=[A-Za-z])[0-9]+(?=[A-Za-z])/g, ''))) return null;
  // Names of words and initialisms (`OptOutLists`, `AWSAccessKeyId`).
  if (/^[A-Za-z]+$/.test(core) && isCamelWords(core)) return null;
  // Type names (`token: Credential`).
  if (/^[A-Z]?[a-z]+$/.test(core)) return null;
  // Mostly words: prose, paths, URLs, identifiers (`Short-lived`, `field.@InputOnly`, `value1=value2`).
  if (wordShare(v) >= 0.6) return null;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  const bits = shannonEntropy(v);
  if (classes < 2 || bits < 2.5) return null;
  if (v.length < 10 && classes < 3) return null;
  if (kind === 'weak-key' && (!stronglyRandom(v) || PUBLIC_KEY_WORDS.test(before))) return null;
  const strong = (classes >= 3 && v.length >= 10 && bits >= 3.2) || (v.length >= 24 && bits >= 4);
  return { confidence: strong ? 'medium' : 'low' };
}

/** A part of a name no one would write: sixteen or more letters and digits mixed, or a run of random letters. */
function randomPart(part: string): boolean {
  return (part.length >= 16 && /[0-9]/.test(part) && /[a-z]/.test(part)) || isRandomLetters(part);
}

/** `GPG key: <fingerprint>`, `public key = …`, `host key …`: under a bare `key`, an identifier of a public key. */
const PUBLIC_KEY_WORDS = /(?:gpg|pgp|gnupg|public|pub|host|ssh|release|fingerprint|verify|verification)[\s_.-]*key\b[^=:]*[=:]?\s*["'`]?$/i;

/** Long hex (32+), or long base64 (24+) with high entropy and mixed case and digits. */
function stronglyRandom(v: string): boolean {
  if (/^(?:[0-9a-f]{32,}|[0-9A-F]{32,})$/.test(v)) return shannonEntropy(v) >= 3;
  const body = v.replace(/^base64:/, '').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]{24,}$/.test(body)) return false;
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) && shannonEntropy(body) >= 4;
}

function unescapeXml(v: string): string {
  return v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Base64 of a placeholder (a Kubernetes Secret holding `changeme`) is still a placeholder. */
function encodesPlaceholder(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v) || v.replace(/=+$/, '').length % 4 === 1) return false;
  // `user:` (an empty password) counts as its words.
  const decoded = Buffer.from(v, 'base64').toString('utf8').replace(/[:=]+$/, '');
  // eslint-disable-next-line no-control-regex -- only readable text can be a placeholder
  if (decoded.length < 4 || /[\x00-\x1f\x7f\ufffd]/.test(decoded)) return false;
  // A placeholder, a name, or a phrase (`not my real password`, `Hello from Google Cloud Platform`).
  return isPlaceholder(decoded) || /^[a-z]+(?:[_.-][a-z]+)*$/.test(decoded) || /^[A-Za-z][a-z]*(?: [A-Za-z][a-z]*){2,11}[.!]?$/.test(decoded);
}

/**
 * What a generic value was given as: the name it is assigned to, the operator, the quote around it,
 * and the kind of file it sits in. A password may be a word; a key or token must look generated;
 * an unquoted word is a literal in configuration but a variable in code.
 */

import { charTable } from '../char-class.js';

/** How the value is written: `NAME = "value"`, `name: value`, `<name>value`, `--name value`. */
export interface Site {
  /** The name the value is given to (the last identifier before the operator), or '' when none. */
  readonly name: string;
  /** `=`, `:`, `=>`, `,` (a name passed before its value), `>` (an XML element), ` ` (a flag or a keyword) or ''. */
  readonly operator: string;
  /** The quote that opens the value (`"`, `'`, `` ` ``), or '' when it is unquoted. */
  readonly quote: string;
  /** The name starts its line (after indentation, `export`, a list dash or an opening brace/quote). */
  readonly lineStart: boolean;
  /** The name is a command-line flag (`--password`, `-p`). */
  readonly flag: boolean;
}

/** What a name says its value is. */
export type NameKind =
  /** A password or passphrase: chosen by a person, may be a word. */
  | 'password'
  /** A secret, token, credential or named key (`api_key`, `secret_key`): generated. */
  | 'secret'
  /** Only `key` (bare or in a compound such as `licenseKey`): a name used for everything, so only a strong value counts. */
  | 'weak-key'
  /** Bearer tokens, Basic credentials and other values that are secrets by their position. */
  | 'none';

const NAME_CHAR = charTable('\\w$.:@-');

function isNameChar(c: number): boolean {
  return c < 128 && NAME_CHAR[c] === 1;
}

/**
 * WRAPPER can only match when the text before position `end` ends in `[` or `(` (then blanks), or
 * in one of the string prefix letters: a test of the last characters spares the regex, which
 * otherwise runs for every value judged.
 */
function mayBeWrapped(before: string, end: number): boolean {
  let j = end;
  while (j > 0 && /\s/.test(before[j - 1] as string)) j--;
  const c = before[j - 1];
  return c === '[' || c === '(' || (j === end && c !== undefined && 'bBrRuU@'.includes(c));
}
const WRAPPER = /(?:(?<=[\s=:,([])(?:\[\]byte|bytes|bytearray|Buffer\.from|String::from|Secret(?:Str|String|::new)?|new\s+String|SecureString|str)?[[(]\s*|(?<=[\s=:,([])(?:[bBrRuU]{1,2}|@))$/;

/**
 * Reads `before` (the text on the value's line before it) backwards: the opening quote, the
 * operator, the name. Linear in the length of `before` (at most a few hundred characters).
 */
export function siteBefore(before: string): Site {
  let i = before.length;
  let quote = '';
  const q = before[i - 1];
  if (q === '"' || q === "'" || q === '`') {
    quote = q;
    i--;
    if (before[i - 1] === '\\') i--;
  }
  // A literal wrapped in a conversion or a list (`[]byte("…")`, `b"…"`, `["…"`, `("…"`): the name is before that.
  if (mayBeWrapped(before, i)) {
    const wrapper = WRAPPER.exec(before.slice(Math.max(0, i - 40), i));
    if (wrapper) i -= wrapper[0].length;
  }
  let blanks = 0;
  while (i > 0 && (before[i - 1] === ' ' || before[i - 1] === '\t')) {
    i--;
    blanks++;
  }
  let operator = '';
  const two = before.slice(Math.max(0, i - 2), i);
  if (two === '<-') {
    // R's assignment (`<-`, `<<-`) reads as `=`.
    operator = '=';
    i -= before[i - 3] === '<' ? 3 : 2;
  } else if (two === '=>' || two === ':=' || two === '??' || two === '||' || two === '?:') {
    // `?:` (PHP, Groovy) is a fallback like `??`.
    operator = two === '?:' ? '??' : two;
    i -= 2;
    if (two === '??' && before[i - 1] === '?') i--;
  } else if (i > 0 && '=:,>('.includes(before[i - 1] as string)) {
    operator = before[i - 1] as string;
    i--;
    // `??=` (C#, JS) and `?=` (make's assignment if unset).
    if (operator === '=' && before[i - 1] === '?') i -= before[i - 2] === '?' ? 2 : 1;
  } else if (blanks > 0) {
    // Python's fallback after a lookup (`os.getenv("X") or "…"`) reads as `||`; any other word is a blank operator.
    const fallback = two === 'or' && /[)\]][ \t]{0,3}$/.test(before.slice(Math.max(0, i - 6), i - 2));
    operator = fallback ? '||' : ' ';
    if (fallback) i -= 2;
  }
  while (i > 0 && (before[i - 1] === ' ' || before[i - 1] === '\t')) i--;
  // A closing quote or bracket around the name: `"password": `, `['password'] = `, `{ get; } =`,
  // and a lookup call closed on it before a fallback (`getenv("X") ||`).
  if (before[i - 1] === ']' || (before[i - 1] === ')' && (operator === '??' || operator === '||'))) i--;
  if (before[i - 1] === '"' || before[i - 1] === "'" || before[i - 1] === '`') {
    i--;
    if (before[i - 1] === '\\') i--;
  }
  if (before[i - 1] === '}') {
    // C# property initializer: `Name { get; } = "…"`.
    const open = before.lastIndexOf('{', i);
    if (open > 0 && /^\{\s*get;[^}]*\}$/.test(before.slice(open, i))) {
      i = open;
      while (i > 0 && before[i - 1] === ' ') i--;
    }
  }
  const end = i;
  if (operator === '>') {
    // `<ns:name>`: the element name after `<`.
    const open = before.lastIndexOf('<', end);
    const tag = open >= 0 ? before.slice(open + 1, end) : '';
    const element = /^[\w.:-]+$/.test(tag) ? tag.slice(tag.lastIndexOf(':') + 1) : '';
    return { name: element, operator, quote, lineStart: open >= 0 && /^\s*$/.test(before.slice(0, open)), flag: false };
  }
  while (i > 0 && isNameChar(before.charCodeAt(i - 1))) i--;
  let raw = before.slice(i, end);
  let head = before.slice(0, i);
  // A typed declaration (`apiKey: string = "…"`, `API_TOKEN: &str = …`, Go's `var key string = …`):
  // the name is the one before the type.
  if (operator === '=' && TYPE_NAME.test(raw)) {
    const typed = TYPED_NAME.exec(head);
    if (typed) {
      raw = typed[1] as string;
      head = head.slice(0, typed.index);
    }
  }
  const name = raw.replace(/^[-$@:.]+/, '');
  const lineStart = /^\s*(?:(?:export|set|setenv|declare|local|readonly|var|let|const|val|my|private|public|static|final|\$)\s+)*(?:-\s+)?[{(["'`]?\s*$/.test(head);
  return { name, operator, quote, lineStart, flag: /^-{1,2}[A-Za-z]/.test(raw) };
}

/** String types a literal is declared with. */
const TYPE_NAME = /^(?:string|String|str|Str|bytes|ByteArray|CharArray|SecretStr|SecretString|SecureString)$/;
/** A name, then `:` and an optional `&` (`NAME: &str`), or blanks (Go's `var name string`), at the end of the text. */
const TYPED_NAME = /([\w.$-]{1,80})(?:[ \t]*:[ \t]*&?(?:'static[ \t]+)?|[ \t]+)$/;

/** A password name: `password`, `DB_PASS`, `pwd`, `db_pw`, `passphrase`, `userPassword`, `keystore-pass`, a Wi-Fi or IPsec `psk`. */
const PASSWORD_NAME = /pass(?:w(?:or)?d|wort|phrase|code)?s?(?![a-z])|passw|pwd|(?<![a-z])(?:root)?pw(?![a-z])|passphrase|passcode|(?<![a-z])psk(?![a-z])|parola|(?<![a-z])parol(?![a-z])|senha|contrasena|motdepasse|kennwort|wachtwoord|haslo|sifre|salasana|l[oö]senord|adgangskode|heslo|jelsz[oó]|passord/;

/** Key names that say which key they are, for which a generated value is enough. */
const NAMED_KEY = /(?:api|access|auth|private|priv|encryption|decryption|enc|signing|sign|master|app|session|hmac|jwt|aes|cipher|crypto|data|secret|license|licence|consumer|client|account|service|shared|webhook|validation|machine|storage|admin|root|server|subscription|developer|partner|merchant|integration|write|read|management|mgmt|deploy|ssh|gpg|pgp|rsa|ecdsa|ed25519)[_.-]?key/;

export function nameKind(name: string): NameKind {
  const lower = name.toLowerCase();
  if (lower === '') return 'none';
  // The last part of a dotted or scoped name decides (`spring.datasource.password`, `Auth::KEY`),
  // with the part before it when the last is only `key` (`django.secret.key`).
  const parts = lower.split(/[.:]+/).filter(Boolean);
  const tail = parts[parts.length - 1] ?? lower;
  const last = tail === 'key' && parts.length > 1 ? `${parts[parts.length - 2]}_key` : tail;
  if (PASSWORD_NAME.test(last) && !/passport|passenger|passage|passive|bypass|compass|passthr/.test(last)) return 'password';
  if (/secret|token|credential|creds?(?![a-z])|auth/.test(last)) return 'secret';
  if (/licen[cs]e$/.test(last)) return 'weak-key';
  if (/key/.test(last)) {
    // `foo_key`, `foo-key`, `foo.key`: a named key; `apiKey`, `secretKey`: the same in camelCase.
    if (/[a-z0-9][_.-]keys?$/.test(last) || NAMED_KEY.test(last)) return 'secret';
    return 'weak-key';
  }
  return 'secret';
}

/** Extensions of source code, where an unquoted value is an expression and a quoted one a literal. */
const CODE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'vue', 'svelte', 'py', 'pyi', 'rb', 'php', 'java', 'kt', 'kts', 'scala', 'groovy', 'gradle',
  'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cxx', 'cs', 'fs', 'vb', 'swift', 'm', 'mm', 'dart', 'lua', 'pl', 'pm', 'r', 'jl', 'ex', 'exs', 'erl',
  'clj', 'elm', 'hs', 'ml', 'nim', 'zig', 'sol', 'coffee', 'ipynb',
]);

/** What kind of text a path holds, by its extension: code, or anything else (configuration, docs, data). */
export function fileKind(path: string | undefined): 'code' | 'other' | 'unknown' {
  if (path === undefined || path === '' || path === '-') return 'unknown';
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return 'other';
  return CODE_EXTENSIONS.has(base.slice(dot + 1)) ? 'code' : 'other';
}

/**
 * Values whose name is not written just before them as an assignment, so the generic judge cannot
 * read it there: the default of a reference (`${db.password:…}` in Spring, `${DB_PASSWORD:-…}` in
 * shells and Compose files), the text of an element keyed by an attribute (`<entry
 * key="smtp.password">…`, Android's `<string name="api_key">…`), and a literal a credential is
 * compared with (`if password == "…"`, `token.equals("…")`: a hard-coded check), and a literal a
 * statement or a layout names (RSpec's `let(:password) { "…" }`, `strcpy(cfg->passwd, "…")`, a
 * one-line getter, a CDATA section, a documentation table row or bold label). Each refiner finds the
 * name, then judges the value as if it were written `name = "value"`: a password may be a word, a
 * key or token must look generated.
 */
import { nameKind } from '../generic/names.js';
import type { RefineContext, Refinement, Refiner } from '../refine.js';
import { judgeGenericValue } from './generic-value.js';

/** `${NAME:` `${NAME:-` `${NAME-` `${NAME:=` at the end of the text before the value. */
const REFERENCE_NAME = /\$\{([\w.-]{1,120})(?::[-=]?|[-=])$/;

/** The opening tag that ends the text before the value: its element, and its `key` or `name` attribute. */
const KEYED_TAG = /<([\w:-]{1,40})\b[^<>]{0,300}?\b(?:key|name)[ \t]{0,3}=[ \t]{0,3}["']([^"'<>]{1,120})["'][^<>]{0,200}>$/;

/**
 * Names that describe a credential rather than hold it (`password_hint`, `token_expired_title`,
 * `api_key_label`): user-interface strings and settings about the value.
 */
const DESCRIBES = /(?:hint|label|title|error|message|msg|text|description|desc|prompt|placeholder|summary|caption|tooltip|help|header|heading|button|btn|link|toggle|field|input|length|min|max|policy|pattern|regex|format|type|kind|file|path|url|uri|id|name|enabled|required|expired?|expiry|ttl|timeout|size|count|invalid|wrong|incorrect|forgot|reset|changed?|mismatch|empty|missing|strength|score|level|mode|state|status|visible|visibility|shown|hidden|service|address|host|hostname|port|server|provider|manager|handler|store|storage|source|config|settings|options|version|prefix|suffix|params?|data|info|meta|rules?|validator|check|hash|salt)s?$/i;

function judgeAsNamed(secret: string, name: string | undefined, context: RefineContext, generatedOnly = false): Refinement | null {
  if (name === undefined || DESCRIBES.test(name)) return null;
  const password = nameKind(name) === 'password';
  if (password && !generatedOnly) return judgeGenericValue(secret, { ...context, before: `${name} = "`, after: '"' }, 'password');
  // A password name judged as a generated value: under it the judge would accept words.
  return judgeGenericValue(secret, { ...context, before: `${password ? 'secret' : name} = "`, after: '"' });
}

export const referenceDefault: Refiner = (secret, context) =>
  judgeAsNamed(secret, REFERENCE_NAME.exec(context.before ?? '')?.[1], context);

/**
 * Android `<string>` resources are mostly interface text, translated into every language, and a
 * word there (`Heslo`, `Salasana`) is the label of a password field: only a generated-looking value
 * counts in them, whatever the name.
 */
export const keyedElementValue: Refiner = (secret, context) => {
  // .NET settings hold the value in a `<value>` element on the line below `<setting name="…">`.
  const before = VALUE_LINE.test(context.before ?? '') ? (context.previous ?? '').trimEnd() : context.before ?? '';
  const tag = KEYED_TAG.exec(before);
  return judgeAsNamed(secret, tag?.[2], context, tag?.[1]?.toLowerCase() === 'string');
};

/** A line that opens a `<value>` element and nothing else. */
const VALUE_LINE = /^[ \t]*<value>$/;

/** The compared name at the end of the text before the literal: `NAME == "`, `x['NAME'] !== '`, `NAME.equals("`. */
const COMPARED_NAME = /([\w.$-]{1,120})(?:["'`]\])?(?:[ \t]{0,3}(?:===?|!==?)[ \t]{0,3}|\.equals(?:IgnoreCase)?\([ \t]{0,3})["'`]$/;

/**
 * A lower-case word compared with a credential's variable is usually a state or a sentinel
 * (`password != "only"`), not the credential: a compared literal needs a digit, a capital or a symbol.
 */
export const comparedValue: Refiner = (secret, context) => {
  if (/^[a-z]+$/.test(secret) || /^[;,()[\]{}]/.test(secret)) return null;
  const name = COMPARED_NAME.exec(context.before ?? '')?.[1];
  // The credential word must be a part of the name (`db_password`, `adminToken`), not letters
  // inside a random run whose `==` is base64 padding.
  return name !== undefined && NAME_PART.test(name) ? judgeAsNamed(secret, name, context) : null;
};

/** A credential word at the start of the name, after a separator, or as a camelCase part. */
const NAME_PART = /(?:^|[_.$-])(?:[Pp]ass|[Pp]wd|[Ss]ecret|[Tt]oken|[Aa]pi_?[Kk]ey|[Cc]redential|PASS|PWD|SECRET|TOKEN|API_?KEY|CREDENTIAL)|(?<=[a-z0-9])(?:Pass|Pwd|Secret|Token|ApiKey|Credential)/;

/**
 * The name a statement gives the literal that ends the text before it: RSpec's `let(:password) {
 * "`, C's `strcpy(cfg->passwd, "` (the last identifier of the destination), and a getter that
 * returns it on its own line (`getPassword() { return "`, `def get_token(self): return '`,
 * `fun getApiKey() = "`), a mock returns (`when(cfg.getPassword()).thenReturn("`), or React state starts
 * with (`const [password, setPassword] = useState("`).
 */
const STATEMENT_NAMES = [
  /\blet!?\([ \t]{0,3}:(\w{1,80})[ \t]{0,3}\)[ \t]{0,3}\{[ \t]{0,3}["']$/,
  /\b(?:strn?cpy|strlcpy|strn?cpy_s|wcsn?cpy)[ \t]{0,3}\([ \t]{0,3}[\w.>[\]-]{0,80}?(\w{1,80})\]?[ \t]{0,3},[ \t]{0,3}(?:[\w .()>-]{1,60},[ \t]{0,3})?L?"$/,
  /\bget_?(\w{1,80})[ \t]{0,3}\([ \t]{0,3}(?:self)?[ \t]{0,3}\)(?:[ \t]{0,3}\)[ \t]{0,3}\.thenReturn[ \t]{0,3}\([ \t]{0,3}|[^\n"'=]{0,40}?(?:(?:\{|:|=>)[ \t]{0,3}return[ \t]{1,3}|(?<![=!<>])=[ \t]{0,3}))["']$/,
  // React state and its first value: `const [password, setPassword] = useState("`.
  /\[[ \t]{0,3}(\w{1,80})[ \t]{0,3},[ \t]{0,3}set\w{1,60}[ \t]{0,3}\][ \t]{0,3}=[ \t]{0,3}(?:React\.)?useState(?:<\w{1,20}>)?\([ \t]{0,3}["'`]$/,
  // An XML element whose text is a CDATA section: `<password><![CDATA[`.
  /<(?:[\w-]{1,20}:)?([\w.-]{1,80})>[ \t]{0,3}<!\[CDATA\[$/,
];

/** Documentation layouts that name the value after them: a Markdown table row, an HTML row, a bold label, `Name: <code>`. */
const DOCUMENT_NAMES = [
  /\|[ \t]{0,3}[`*]{0,2}([\w .-]{1,60}?)[`*]{0,2}[ \t]{0,3}\|[ \t]{0,3}[`*]{0,2}$/,
  /<t[dh]\b[^<>]{0,60}>[ \t]{0,3}([\w .-]{1,60}?)[ \t]{0,3}<\/t[dh]>[ \t]{0,3}<td\b[^<>]{0,60}>[ \t]{0,3}(?:<code>)?$/,
  /(?:\*\*|__)([\w .-]{1,60}?):?(?:\*\*|__):?[ \t]{0,3}`?$/,
  /([\w.-]{1,60}):[ \t]{0,3}<code>$/,
];

export const givenName: Refiner = (secret, context) => {
  const before = context.before ?? '';
  for (const shape of STATEMENT_NAMES) {
    const name = shape.exec(before)?.[1];
    if (name !== undefined) return judgeAsNamed(secret, name, context);
  }
  for (const shape of DOCUMENT_NAMES) {
    const name = shape.exec(before)?.[1];
    if (name === undefined) continue;
    // In a table or a label, a snake_case word (`flow_stmt`) is another entry's name, not a value.
    if (/^[a-z]+(?:_[a-z]+)+$/.test(secret)) return null;
    // A label may be words (`API key`): judged as the name written with underscores.
    return judgeAsNamed(secret, name.trim().replace(/[ \t]+/g, '_'), context);
  }
  return null;
};

/**
 * Values that are not literals at all: code (member access, calls, constants, types), references to
 * other things (secret stores, environment variables, URLs, paths, files, e-mail addresses),
 * ciphertext, template markers. Whatever name they are given, these are never secrets.
 */
import { isPlaceholder } from '../placeholders.js';
import { fileKind, type Site } from './names.js';
import { isIdentifierLike, isKeyboardMash, isWordCompound, looksGenerated } from './words.js';

export const TYPE_NAMES = new Set([
  'string', 'str', 'int', 'integer', 'bool', 'boolean', 'number', 'float', 'double', 'any', 'object', 'char',
  'bytes', 'byte', 'buffer', 'secretstr', 'secretbytes', 'optional', 'unknown', 'void', 'text', 'varchar',
  'password', 'passwordfield', 'charfield', 'textfield', 'uuid', 'hidden', 'masked', 'sensitive', 'secure',
  'required', 'default', 'value', 'empty', 'blank', 'dummy', 'sample', 'mock', 'stub', 'bearer', 'basic',
]);

/** Objects code reads members of: `self.x`, `this.options.token`, `process.env.X`, `config.secret`. */
const RECEIVERS = new Set(['self', 'this', 'cls', 'ctx', 'context', 'config', 'conf', 'cfg', 'settings', 'options', 'opts', 'props', 'state', 'params', 'args', 'env', 'os', 'process', 'window', 'document', 'app', 'module', 'exports', 'request', 'req', 'response', 'res', 'vars', 'var', 'local', 'data', 'secrets']);

/**
 * Template and reference markers that isPlaceholder does not know: Maven and Gradle resource
 * filtering (`@db.password@`), token replacement (`#{Password}#`, `###PASSWORD###`,
 * `__DB_PASSWORD__`, `%%PASSWORD%%`), Ruby and CoffeeScript interpolation (`#{…}`), ERB
 * (`<%= … %>`), Go and Helm templates with a pipe, Terraform (`var.x`, `local.x`), Ansible lookups,
 * and an upper-case name after `@` (`@DB_PASSWORD`, `@DB_PASSWORD@`), which config templates substitute.
 */
const MARKER = /^@[\w.-]+@$|^#\{[^}]*\}#?$|#\{|^#{2,}[\w.-]+#{2,}$|^__[A-Z][\w]*__$|^%%[\w.-]+%%$|<%|^\[\[[\w.\s-]+\]\]$|^(?:var|local|module|data)\.[a-z_][\w.]*$|\blookup\(|^\$\$?[A-Za-z_{(]|^%\{[\w.]+\}$|^@[A-Z][A-Z0-9_]*@?$/;

/** A template or reference marker (MARKER): a build or deploy step puts the real value there. */
export function isMarker(v: string): boolean {
  return MARKER.test(v);
}

/**
 * True when the value is code, a reference or a marker, not a literal: never a secret, whatever the
 * name. `v` is the value as judged (unescaped); `site` is how it is written.
 */
export function notALiteral(v: string, site: Site, before: string, after: string, path?: string): boolean {
  // Every test below only ever says yes, so their order changes no answer, only the cost: code
  // (member access, calls) is by far the most common value of a credential-like name, so it goes first.
  if (isCode(v)) return true;
  if (isMarker(v)) return true;
  // A Ruby instance or class variable written bare (`reset_password_token: @token`), in code and in templates.
  if (site.quote === '' && v.charCodeAt(0) === 64 /* @ */ && /^@{1,2}[a-z_][a-z_]*$/.test(v)) return true;
  // A percent-encoded placeholder or phrase (`secret%3Dpassword`, `lock%26key`) is still one.
  const decoded = decodePercent(v);
  if (decoded !== v && /^[\x20-\x7e]+$/.test(decoded) && (isPlaceholder(decoded) || /^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(decoded))) return true;
  if (isKeyboardMash(v)) return true;
  // Type unions in docstrings (`int|float|str|Binary`) and printf templates (`%s/%s/aws4_request`).
  if (/^[A-Za-z_][\w.]*(?:\|[A-Za-z_][\w.]*)+$/.test(v) || (v.match(/%[sdr]/g) ?? []).length >= 2) return true;
  // E-mail addresses are identities, not secrets.
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(v)) return true;
  if (isCiphertext(v) || isReference(v) || isPublicKeyDer(v)) return true;
  // Text written as C escapes (`"\x6d\x61\x73…"`: the bytes of `master secret`).
  if (/^(?:\\x[0-9a-fA-F]{2}){4,}$/.test(v) && /^[\x20-\x7e]+$/.test(v.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))))) return true;
  // Publishable keys are public by design (Stripe `pk_`, Mapbox `pk.`, PostHog project keys `phc_`).
  if (/^(?:pk(?:_(?:live|test)_|\.eyJ)|phc_)/.test(v)) return true;
  // Natural-language text (any non-ASCII letter) is not a key.
  if (/[^\u0020-\u007e]/.test(v)) return true;
  if (/^(?:true|false|null|none|nil|undefined|yes|no|on|off|enabled|disabled)$/i.test(v)) return true;
  // Names of HTTP headers (`x-ms-continuation-NextRowKey`, `X-Api-Key`).
  if (v.charCodeAt(1) === 45 /* - */ && /^x-[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/i.test(v) && !looksGenerated(v.replace(/-/g, ''))) return true;
  // HTTP methods (`request_auth($s, 'POST', @_)`).
  if (v.length <= 7 && /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)$/.test(v)) return true;
  if (TYPE_NAMES.has(v.toLowerCase())) return true;
  // A field's type (`Password *string`, `Token []byte`, `Key *ecdsa.PrivateKey`, `Tokens map[string]Token`).
  const first = v.charCodeAt(0);
  if ((first === 42 /* * */ || first === 91 /* [ */ || v.startsWith('map[')) && /^(?:\*|\[[0-9]*\]\*?|map\[[\w.*]+\]\*?)+[A-Za-z_][\w]*(?:\.[A-Z]\w*)?$/.test(v)) return true;
  // A list of options (`zigzag64,1,opt,name=key,proto3`: a struct tag's value), each a word or a number.
  if (v.includes(',') && /^[\w.=-]+(?:,[\w.=-]*){2,}$/.test(v) && v.split(',').every((item) => item === '' || /^[a-z0-9_.=-]+$/.test(item))) return true;
  // Dates and times (`20060102T150405Z`, `2024-01-31T09:00:00Z`): formats and timestamps.
  if (first >= 48 && first <= 57 && /^[0-9]{4}-?[0-9]{2}-?[0-9]{2}(?:[T ][0-9]{2}:?[0-9]{2}(?::?[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/.test(v)) return true;
  // A type with a default (`bool=False`, `Optional[str]=None`): a Python annotation.
  const typed = /^([A-Za-z][\w[\], ]*)=/.exec(v)?.[1];
  if (typed !== undefined && (TYPE_NAMES.has(typed.toLowerCase()) || /^Optional\[/.test(typed))) return true;
  // Version numbers and catalogue ids (`1.2.3`, `T1552.001`).
  if (/^[A-Za-z]{0,2}[0-9]+(?:\.[0-9]+)+[A-Za-z]?$/.test(v.replace(/\.$/, ''))) return true;
  // Version ranges of package manifests and lockfiles (`^6.10.28`, `~1.2`, `>=2.0.0-rc.1`): a
  // dependency whose package name holds a credential word (`request-password`) is not a password.
  if (/^(?:[~^]|[<>]=?|=)[ \t]?v?[0-9]+(?:\.(?:[0-9]+|x|\*)){1,3}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v)) return true;
  if (isCodeReference(v, site, before, after, path)) return true;
  // References to other things: URLs without credentials, paths, files, env var names.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v) && isPath(v)) return true;
  if (/\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml|[cm]?js|jsx|ts|tsx|map|py|rb|go|sh|md|html|css|lock|sql|csv|log|php|phtml|java|kt|kts|cs|swift|scala|groovy|gradle|dart|rs|pl|pm|lua|ex|exs|vue|svelte|tf|hcl|ps1|bat)$/i.test(v)) return true;
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(v)) return true;
  // Resource names with placeholders: `projects/PROJECT_ID/locations/*/keyRings/KEYRING`.
  if (/^[\w.*-]+(?:\/[\w.*-]*)+$/.test(v) && /(?:^|\/)[a-z]{3,}(?:\/|$)/.test(v) && v.split('/').every((seg) => seg === '' || seg === '*' || /^[a-z0-9_.-]+$/.test(seg) || /^[A-Z][A-Z0-9_]*$/.test(seg) || isWordCompound(seg))) return true;
  // UPPER_CASE and UPPER-CASE names (`DELETE-KEY`, `_IMDSV2_SESSION_TTL`, `__DATASTORE_INIT__`), not
  // grouped random keys (`A3-C4ZJMN-PQTZTL`): a name's parts are letters, optionally then digits.
  const upper = v.replace(/^[-_]+|[-_]+$/g, '');
  if (/^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+$/.test(upper) && upper.split(/[-_]/).every((seg) => /^[A-Z]+[0-9]*$|^[0-9]+$/.test(seg))) return true;
  // CSS colours.
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v)) return true;
  // Generics and markup (`Pick<SecretRecord`), labels ending in a colon (`sha256:`), domains and host/paths.
  if (/[<>]/.test(v) || v.endsWith(':')) return true;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w./-]*)?$/.test(v) && /\.[a-z]{2,24}(?:\/|$)/.test(v)) return true;
  // Brackets mean code, unless the value is otherwise plainly random (generated keys use them).
  if (/[()[\]{}]/.test(v) && !looksGenerated(v)) return true;
  return false;
}

/** Letters and digits with no name punctuation, in a file that is not code: a value, not a variable. */
function textValue(bare: string, path: string | undefined): boolean {
  return /[0-9]/.test(bare) && /[A-Za-z]/.test(bare) && !/[._$]/.test(bare) && fileKind(path) === 'other';
}

/**
 * Code: member access (`Rails.env.test?`, `settings.SECRET_KEY`), constants and class paths
 * (`Rack::SESSION_OPTIONS`, `ActiveJob::Serializers::ObjectSerializer`), calls (`Foo.new(app)`,
 * `config.get("x")`), method calls and regular expressions.
 */
function isCode(v: string): boolean {
  // Scope resolution: Ruby, C++, PHP and Rust paths and constants.
  if (/^[A-Za-z_][\w]*(?:::[A-Za-z_][\w]*)+(?:[.#][A-Za-z_]\w*[?!]?)*(?:\(|$)/.test(v)) return true;
  const member = v.replace(/\.$/, '').replace(/[?!]$/, '');
  if (/^@{0,2}[A-Za-z_$][\w$]*(?:(?:\??\.|->)[A-Za-z_$][\w$]*)+$/.test(member)) {
    const segments = member.replace(/^@+/, '').split(/\??\.|->/);
    if (RECEIVERS.has(segments[0] as string) || segments.every(isIdentifierLike)) return true;
    // Constructors and conversions at the end of a chain: `Foo.new`, `bytes.decode`, `x.to_s`.
    if (/^(?:new|create|build|call|get|fetch|read|load|decode|encode|to_s|to_str|to_sym|strip|value|values|dig)$/.test(segments[segments.length - 1] as string) && isIdentifierLike(segments[0] as string)) return true;
  }
  if (/^[A-Za-z_$][\w$.?:]*[([{]/.test(v) && !looksGenerated(v)) return true;
  if (isObjectReference(v)) return true;
  // Method calls (`.exec(`, `.get(`) and regular expressions (`\/`, `\d`) are code.
  return /\.[A-Za-z_$][\w$]{2,}\(/.test(v) || /\\[/dwsbDWS.]/.test(v);
}

/**
 * A Python object reference, `package.module:attribute`: entry points (`pkg.plugins.v3:Password`)
 * and application specs for servers (`app.main:app`).
 */
export function isObjectReference(v: string): boolean {
  return /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(v);
}

/**
 * A path is made of names: every segment is a word, a lower-case name, a number or a file name.
 * Base64 that starts with `/` has segments of random mixed case instead.
 */
function isPath(v: string): boolean {
  return v.split(/[/\\]/).every((seg) => /^[A-Za-z]?[a-z0-9_.~-]*$/.test(seg) || /^[A-Z0-9_.-]+$/.test(seg));
}

export function decodePercent(v: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(v)) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Encrypted values are meant to be committed: SOPS, jasypt, Vault transit, AWS KMS blobs, Ansible Vault. */
export function isCiphertext(v: string): boolean {
  return /^(?:ENC\[|ENC\(|vault:v[0-9]{1,3}:|AQICA[EH][A-Za-z0-9+/]{40}|\$ANSIBLE_VAULT)/.test(v);
}

/**
 * Base64 of DER public material: a SubjectPublicKeyInfo or an X.509 certificate, whose outer
 * SEQUENCE opens with another SEQUENCE (`MFkwEwYH…`, `MIIBIjANBgkq…`, `MIIDdzCCAl+g…`). Code embeds
 * these to verify signatures (JWT verification keys, package signing keys); they are public. Private
 * keys (PKCS#1, PKCS#8, SEC1) open with an INTEGER version instead.
 */
export function isPublicKeyDer(v: string): boolean {
  if (v.length < 60 || !/^M[A-Z][A-Za-z0-9+/]{6}/.test(v)) return false;
  const head = Buffer.from(v.slice(0, 8), 'base64');
  if (head[0] !== 0x30) return false;
  const size = head[1] as number;
  // Short form: the content starts at byte 2; long form (0x81, 0x82): after the length bytes.
  const content = size < 0x80 ? 2 : 2 + (size & 0x7f);
  return size !== 0x80 && content < head.length && head[content] === 0x30;
}

/**
 * Identifiers of other things: ARNs and URNs, and `scheme:path` references to secret stores
 * (`vault:secret/data/app#password`, `ssm:/app/db`) written in lower case with no random part.
 */
export function isReference(v: string): boolean {
  if (/^(?:arn|urn):/i.test(v)) return true;
  return /^[a-z][a-z0-9+.-]{1,24}:[a-z0-9_./#@:-]*[/#][a-z0-9_./#@:-]*$/.test(v);
}

/**
 * In code, an unquoted value that ends its statement, argument or object entry (`token = next;`,
 * `f(apiKey, secretKey)`, `{ token: token2 }`) is a variable or an expression, not a literal; a
 * value spelled exactly like the name it is assigned to is a label (`TOKEN_TYPE = "TOKEN_TYPE"`).
 */
function isCodeReference(v: string, site: Site, before: string, after: string, path?: string): boolean {
  const quoted = site.quote !== '';
  // One piece of a string built in code (`"ab" + x`, `['ab', 'cd'].join('/')`, PHP `.`, Lua `..`):
  // the secret, if any, is the whole, which a scanner cannot see here.
  if (quoted && /^\\?["'`][ \t]*(?:\+|\.{1,2}[ \t]|,[^\n\]]{0,200}\][ \t]*\.join\()/.test(after)) return true;
  // An unquoted camelCase name (`charString1`): a variable, not a literal.
  if (!quoted && /^[a-z]+(?:[A-Z][a-z]+)+[0-9]{0,2}$/.test(v)) return true;
  // An unquoted name closing an argument list or a statement (`f(password: pw)`, `auth(pw);`) is a
  // variable, in code. Outside code, letters and digits with no name punctuation (`(pw: …)` after a
  // host in a wiki page) are the value itself.
  if (!quoted) {
    const bare = v.replace(/[)\]}]+$/, '');
    if (/^[ \t)\]}]*[;,)\]}]/.test(v.slice(bare.length) + after) && /^[*&!~-]*[A-Za-z_$][\w$.]*(?:[-+*/%][\w$.]+)*$/.test(bare) && !textValue(bare, path)) return true;
  }
  // Query parameters of image URLs are display tokens (coverage and CI badges), not credentials;
  // URLs on documentation domains (RFC 2606: example.com, .example, .test, .invalid) are examples.
  if (/\.(?:svg|png|gif|jpe?g|webp)\?(?:[^\s?#]*&)?[\w.-]*=$/i.test(before)) return true;
  if (/:\/\/(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))(?::[0-9]+)?(?:[/?][^\s"'`]*)?$/i.test(before)) return true;
  if (site.name === '') return false;
  const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const label = fold(site.name.slice(site.name.lastIndexOf('.') + 1));
  const value = fold(v);
  // The name's own words (`SN_id_it_revPassphrase "id-it-revPassphrase"`: an object's short name), and
  // an enum's value that ends its constant's name (`DataKeyPairSpecEccSecgP256k1 DataKeyPairSpec =
  // "ECC_SECG_P256K1"`, `ContactStatusPrepass = "PREPASS"`).
  if (label.length > 0 && (label === value || (value.length >= 8 && label.endsWith(value)))) return true;
  // The value's last letters must occur before it at all: a cheap test that rules out almost every value.
  if (value.length < 6 || site.operator === '' || !before.toLowerCase().includes(value.slice(-3)) || !/^[\w.-]+$/.test(v)) return false;
  // Only an ending counts: a weak password that begins its name (postgres for POSTGRES_PASSWORD) is still one.
  return before.split(/[^A-Za-z0-9_]+/).some((token) => { const name = fold(token); return name.length > value.length && name.endsWith(value); });
}

/**
 * The `generic-secret-value` refiner: values assigned to credential-like names (the generic rules)
 * are judged here. Code, references and words are not secrets; what is left must look like
 * something a person or a machine generated.
 */
import { shannonEntropy } from '../entropy.js';
import { isPlaceholder } from '../placeholders.js';
import type { Refiner } from '../refine.js';

const TYPE_NAMES = new Set([
  'string', 'str', 'int', 'integer', 'bool', 'boolean', 'number', 'float', 'double', 'any', 'object', 'char',
  'bytes', 'byte', 'buffer', 'secretstr', 'secretbytes', 'optional', 'unknown', 'void', 'text', 'varchar',
  'password', 'passwordfield', 'charfield', 'textfield', 'uuid', 'hidden', 'masked', 'sensitive', 'secure',
  'required', 'default', 'value', 'empty', 'blank', 'dummy', 'sample', 'mock', 'stub', 'bearer', 'basic',
]);

/**
 * Values assigned to credential-like names (generic rules): code, references and words are not
 * secrets. What is left must look like something a person or a machine generated: mixed character
 * classes, no whitespace, some entropy. Confidence stays low (medium for strong-looking values).
 */
export const genericSecretValue: Refiner = (secret, context) => {
  // XML and HTML attributes escape what they hold; judge the value itself.
  // Percent-encoding too, for URL query values.
  const unescaped = /&(?:lt|gt|quot|apos|amp);/.test(secret) ? unescapeXml(secret) : secret;
  // Other HTML entities (`&ldquo;`, `&nbsp;`) mean the value is prose from a web page.
  if (/&[a-z]{2,8};|&(?:[lr][ds]quo|nbsp|[mn]dash|hellip|laquo|raquo)$/.test(unescaped)) return null;
  const v = /[?&][\w.-]*=$/.test(context.before ?? '') ? decodePercent(unescaped) : unescaped;
  if (/\s/.test(v) || v.length < 6) return null;
  if (v !== secret && isPlaceholder(v)) return null;
  // A percent-encoded placeholder or phrase (`secret%3Dpassword`, `lock%26key`) is still one.
  const decoded = decodePercent(v);
  if (decoded !== v && /^[\x20-\x7e]+$/.test(decoded) && (isPlaceholder(decoded) || /^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(decoded))) return null;
  if (isKeyboardMash(v)) return null;
  // A value that spells out what it stands for (`123Abpassword`, `abc_ThIsIsAsEcReT`, `newtoken123`)
  // was made up for a document or a test; generated secrets do not contain these words.
  if (/passw(?:or)?d|p[a@4]ssw[o0]rd|secret|token/i.test(v)) return null;
  // Type unions in docstrings (`int|float|str|Binary`) and printf templates (`%s/%s/aws4_request`).
  if (/^[A-Za-z_][\w.]*(?:\|[A-Za-z_][\w.]*)+$/.test(v) || (v.match(/%[sdr]/g) ?? []).length >= 2) return null;
  // E-mail addresses are identities, not secrets.
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(v)) return null;
  if (isTestValue(v)) return null;
  if (isCiphertext(v) || isReference(v)) return null;
  // Publishable keys are public by design (Stripe `pk_`, Mapbox `pk.`, PostHog project keys `phc_`).
  if (/^(?:pk(?:_(?:live|test)_|\.eyJ)|phc_)/.test(v)) return null;
  // Code: member access, calls, indexing, casts, operators, interpolation leftovers.
  const member = v.replace(/\.$/, '');
  if (/^@?[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/.test(member)) {
    const segments = member.replace(/^@/, '').split(/\??\./);
    if (RECEIVERS.has(segments[0] as string) || segments.every(isIdentifierLike)) return null;
  }
  if (/^[A-Za-z_$][\w$.?]*[([{]/.test(v) && !looksGenerated(v)) return null;
  // Method calls (`.exec(`, `.get(`) and regular expressions (`\/`, `\d`) are code.
  if (/\.[A-Za-z_$][\w$]{2,}\(/.test(v) || /\\[/dwsbDWS.]/.test(v)) return null;
  // Natural-language text (any non-ASCII letter) and numeric literals are not keys.
  if (/[^\u0020-\u007e]/.test(v) || /^(?:0x[0-9a-f]+|[0-9]+(?:\.[0-9]+)?)$/i.test(v)) return null;
  if (/^(?:true|false|null|none|nil|undefined|yes|no|on|off|enabled|disabled)$/i.test(v)) return null;
  if (TYPE_NAMES.has(v.toLowerCase())) return null;
  // A type with a default (`bool=False`, `Optional[str]=None`): a Python annotation.
  const typed = /^([A-Za-z][\w[\], ]*)=/.exec(v)?.[1];
  if (typed !== undefined && (TYPE_NAMES.has(typed.toLowerCase()) || /^Optional\[/.test(typed))) return null;
  // Version numbers and catalogue ids (`1.2.3`, `T1552.001`).
  if (/^[A-Za-z]{0,2}[0-9]+(?:\.[0-9]+)+[A-Za-z]?$/.test(v.replace(/\.$/, ''))) return null;
  if (context.before !== undefined && isCodeReference(v, context.before, context.after ?? '')) return null;
  // A name that says the value is not real (`invalid_key`, `fake_token`, `test_password`).
  if (/(?:^|[^A-Za-z])(?:invalid|fake|dummy|mock|test|example|sample|wrong|bad|bogus|expired|revoked)[_.-]?[A-Za-z]*["'`\]]?\s*(?:=|:=|:|=>)\s*["'`]?$/i.test(context.before ?? '')) return null;
  // References to other things: URLs without credentials, paths, files, env var names.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return null;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v) && isPath(v)) return null;
  if (/\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml|[cm]?js|jsx|ts|tsx|map|py|rb|go|sh|md|html|css|lock|sql|csv|log)$/i.test(v)) return null;
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(v)) return null;
  // Resource names with placeholders: `projects/PROJECT_ID/locations/*/keyRings/KEYRING`.
  if (/^[\w.*-]+(?:\/[\w.*-]*)+$/.test(v) && /(?:^|\/)[a-z]{3,}(?:\/|$)/.test(v) && v.split('/').every((seg) => seg === '' || seg === '*' || /^[a-z0-9_.-]+$/.test(seg) || /^[A-Z][A-Z0-9_]*$/.test(seg) || isWordCompound(seg))) return null;
  // UPPER_CASE and UPPER-CASE names (`DELETE-KEY`, `_IMDSV2_SESSION_TTL`, `__DATASTORE_INIT__`), not
  // grouped random keys (`A3-C4ZJMN-PQTZTL`): a name's parts are letters, optionally then digits.
  const upper = v.replace(/^[-_]+|[-_]+$/g, '');
  if (/^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+$/.test(upper) && upper.split(/[-_]/).every((seg) => /^[A-Z]+[0-9]*$|^[0-9]+$/.test(seg))) return null;
  // CSS colours.
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v)) return null;
  // Words: all digits, lower-case words with separators, camelCase identifiers without digits —
  // also when decorated with punctuation (`?InterpolationInTemplate`, `-EncodedCommand`).
  const core = v.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (/^[0-9]+$/.test(core)) return null;
  if (/^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(core)) return null;
  // Names made of lower-case words and numbers: `scram-sha-256`, `_pep_440_key`, `crc32c_hash`.
  // (A part must be a word with a letter beyond hex, so UUIDs and hex keys are not names.)
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(core) && core.split(/[-_.]/).some((part) => /^[a-z]{3,}$/.test(part) && /[g-z]/.test(part))) return null;
  // Word compounds; digits inside them are part of the name (`oauth2ClientSecret`, `Ipv6Pools`).
  if (isWordCompound(core.replace(/(?<=[A-Za-z])[0-9]+(?=[A-Za-z])/g, ''))) return null;
  // Type names and generics (`token: Credential`, `Pick<SecretRecord`), domains and host/paths,
  // labels ending in a colon (`sha256:`).
  if (/^[A-Z]?[a-z]+$/.test(core) || /[<>]/.test(v) || v.endsWith(':')) return null;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w./-]*)?$/.test(v) && /\.[a-z]{2,24}(?:\/|$)/.test(v)) return null;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  const bits = shannonEntropy(v);
  if (classes < 2 || bits < 2.5) return null;
  if (v.length < 10 && classes < 3) return null;
  const strong = (classes >= 3 && v.length >= 10 && bits >= 3.2) || (v.length >= 24 && bits >= 4);
  // Brackets mean code, unless the value is otherwise plainly random (generated keys use them).
  if (/[()[\]{}]/.test(v) && !looksGenerated(v)) return null;
  if (encodesPlaceholder(v)) return null;
  return { confidence: strong ? 'medium' : 'low' };
};

/**
 * Brackets usually mean code, but generated keys draw from punctuation too (Django's alphabet has
 * `(` and `)`): long, high-entropy values mixing case or digits with four or more distinct
 * punctuation characters, and not made of words, are random, not expressions.
 */
function looksGenerated(v: string): boolean {
  if (v.length < 24 || shannonEntropy(v) < 4) return false;
  if ([/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(v)).length < 2) return false;
  if (new Set(v.replace(/[A-Za-z0-9]/g, '')).size < 4) return false;
  // Punctuation that code uses (member access, calls, indexing, arguments) does not count.
  if (new Set(v.replace(/[\w$.()[\]{},]/g, '')).size < 2) return false;
  // Code is mostly identifiers: over half of it in runs of four or more letters (random keys of
  // that alphabet stay below half in 99% of cases).
  let inWords = 0;
  for (const m of v.matchAll(/[A-Za-z]{4,}/g)) inWords += m[0].length;
  return inWords / v.length < 0.55;
}

/**
 * Letter pairs common in English words and identifiers: the 311 most frequent pairs in the words
 * of TypeScript's DOM and compiler declarations and CPython's standard library, covering 99% of the
 * pairs there. Random letters hit this set less than half the time, words almost always.
 */
const COMMON_PAIRS = new Set(('reerseinenthontedeelorlestntatheesmetietcoaralanlfnendtredecrocepengionotaliitodrailiseaveurriefexamctnafipalancasloadacmaprlltudissnsoprtotfornemgesicaochachpodoutueunmoimrsouulmptyomrrvaevpttocltsrgicttaikelsepckfahihouslyxtplluypolsuspumwifeapnidaossoagidrybuobabblirltbeigienunlweoormfrgscrbauptpebowldppbjquruhtwacsifeeibfubosyxcshdsiaducuffmipseyauwhsambjescrcpiipzirfivddcivirdzeytnfozgiizayoiyseqpuwrmsewxpokovixuitcdlnnegkinvavwogupymmgnflufgrdrubogmuakbioatlbynyofucnkxebrghrvvouaaxnpgltdrkynhreoxieiftudccslbssgksrlskfsugwngaawaftflpdytwyojoggkwhutmwsgtbcymlbkapddtxasfyiswmlcygooecmrpyesreuikoxkllnmdywyluomtrw'.match(/../g) ?? []));

/** Most of its letter pairs are common ones: a word, not a random run. */
function isWordLike(seg: string): boolean {
  const lower = seg.toLowerCase();
  let common = 0;
  for (let i = 0; i < lower.length - 1; i++) if (COMMON_PAIRS.has(lower.slice(i, i + 2))) common++;
  return common / (lower.length - 1) >= 0.75;
}

/**
 * Identifiers and labels made of words: `contextToken`, `InterpolationInJSX`, `VpcPeeringConnections`.
 * Letters only, split at case changes. At least half the letters must be in words of four or more
 * letters; acronyms (`JSX`, `Vpc`) and short function words fill the rest, with no more acronyms
 * than words. Random mixed case passes in under 0.1% of cases (measured on random letter strings).
 */
function isWordCompound(core: string, minWordShare = 0.5): boolean {
  if (!/^[A-Za-z]+$/.test(core)) return false;
  const segments = core.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  if (segments.length < 2) return false;
  let wordy = 0;
  let wordLetters = 0;
  let words = 0;
  let acronyms = 0;
  for (const seg of segments) {
    if (seg.length >= 3 && /^[A-Z]?[a-z]+$/.test(seg) && isWordLike(seg)) {
      wordy += seg.length;
      if (seg.length >= 4) {
        wordLetters += seg.length;
        words++;
      }
    } else if (/^(?:in|on|of|to|is|at|by|or|as|an|if|id|no|up|do|go|my|we|be|it|so|us|me)$/i.test(seg)) {
      wordy += seg.length;
    } else if (/^[A-Z]{2,5}$/.test(seg) || (/^[A-Z][a-z]{1,3}$/.test(seg) && !/[aeiou]/.test(seg.slice(1)))) {
      wordy += seg.length;
      acronyms++;
    }
  }
  return wordy / core.length >= 0.9 && wordLetters / core.length >= minWordShare && words > 0 && acronyms <= words;
}

/** Objects code reads members of: `self.x`, `this.options.token`, `process.env.X`, `config.secret`. */
const RECEIVERS = new Set(['self', 'this', 'cls', 'ctx', 'context', 'config', 'conf', 'cfg', 'settings', 'options', 'opts', 'props', 'state', 'params', 'args', 'env', 'os', 'process', 'window', 'document', 'app', 'module', 'exports', 'request', 'req', 'response', 'res', 'vars', 'var', 'local', 'data', 'secrets']);

/**
 * Names as people write them: snake_case, camelCase, PascalCase, UPPER_CASE, `$el`, and snake names
 * whose parts are words or acronyms (`NID_aes_256_cbc`, `collect_all_And_tokens`) — not random mixed
 * case (`ltTnEZWGXY5`).
 */
function isIdentifierLike(seg: string): boolean {
  if (/^(?:[a-z_$][a-z0-9_$]*|[A-Z_][A-Z0-9_]*|[a-z_$]*[a-z0-9]*(?:[A-Z][a-z0-9]+)+[A-Z]?|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*)$/.test(seg) && !/[A-Z]{2}[a-z]/.test(seg.replace(/^[A-Z]+(?=[A-Z][a-z])/, ''))) return true;
  if (isWordCompound(seg.replace(/[0-9]/g, ''))) return true;
  const parts = seg.split('_').filter(Boolean);
  return parts.length >= 2 && parts.every((part) => /^[a-z0-9]+$/.test(part) || /^[A-Z0-9]+$/.test(part) || /^[A-Z][a-z]+[0-9]*$/.test(part) || isWordCompound(part.replace(/[0-9]/g, '')));
}

/**
 * Filler typed on the home row (`askfjh234as9sd8`, `sdf23409df`): lower case and digits, mostly
 * `asdfghjkl` with a run of neighbouring keys. Hex is left alone (its letters sit on that row by chance).
 */
function isKeyboardMash(v: string): boolean {
  if (!/^[a-z0-9]+$/.test(v) || /^[0-9a-f]+$/.test(v)) return false;
  const letters = v.replace(/[0-9]/g, '');
  if (letters.length < 5) return false;
  const home = letters.replace(/[^asdfghjkl]/g, '').length;
  return home / letters.length >= 0.75 && /as|sd|df|fg|gh|hj|jk|kl|lk|kj|jh|hg|gf|fd|ds|sa/.test(letters);
}


/**
 * A path is made of names: every segment is a word, a lower-case name, a number or a file name.
 * Base64 that starts with `/` has segments of random mixed case instead.
 */
function isPath(v: string): boolean {
  return v.split(/[/\\]/).every((seg) => /^[A-Za-z]?[a-z0-9_.~-]*$/.test(seg) || /^[A-Z0-9_.-]+$/.test(seg));
}

function decodePercent(v: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(v)) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function unescapeXml(v: string): string {
  return v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Values people make up for tests and demos: lower-case words and a number, one of them saying so
 * (`test-token-123`, `fake_api_key`, `local-dev-secret`).
 */
function isTestValue(value: string): boolean {
  const v = value.toLowerCase();
  if (!/^[a-z]+(?:[_.-][a-z]+)*[_.-]?[0-9]{0,6}$/.test(v)) return false;
  return /(?:^|[_.-])(?:test(?:ing)?|fake|mock|dummy|demo|stub|sample|local|dev|example|changeit|default)(?:$|[_.-]|[0-9])/.test(v);
}

/** Encrypted values are meant to be committed: SOPS, jasypt, Vault transit, AWS KMS blobs, Ansible Vault. */
function isCiphertext(v: string): boolean {
  return /^(?:ENC\[|ENC\(|vault:v[0-9]{1,3}:|AQICA[EH][A-Za-z0-9+/]{40}|\$ANSIBLE_VAULT)/.test(v);
}

/**
 * Identifiers of other things: ARNs and URNs, and `scheme:path` references to secret stores
 * (`vault:secret/data/app#password`, `ssm:/app/db`) written in lower case with no random part.
 */
function isReference(v: string): boolean {
  if (/^(?:arn|urn):/i.test(v)) return true;
  return /^[a-z][a-z0-9+.-]{1,24}:[a-z0-9_./#@:-]*[/#][a-z0-9_./#@:-]*$/.test(v);
}

/**
 * In code, an unquoted value that ends its statement, argument or object entry (`token = next;`,
 * `f(apiKey, secretKey)`, `{ token: token2 }`) is a variable or an expression, not a literal; a
 * value spelled exactly like the name it is assigned to is a label (`TOKEN_TYPE = "TOKEN_TYPE"`).
 */
function isCodeReference(v: string, before: string, after: string): boolean {
  const quoted = /["'`]\s*$/.test(before);
  // An unquoted camelCase name (`charString1`): a variable, not a literal.
  if (!quoted && /^[a-z]+(?:[A-Z][a-z]+)+[0-9]{0,2}$/.test(v)) return true;
  const bare = v.replace(/[)\]}]+$/, '');
  if (!quoted && /^[ \t)\]}]*[;,)\]}]/.test(v.slice(bare.length) + after) && /^[*&!~-]*[A-Za-z_$][\w$.]*(?:[-+*/%][\w$.]+)*$/.test(bare)) return true;
  // Query parameters of image URLs are display tokens (coverage and CI badges), not credentials;
  // URLs on documentation domains (RFC 2606: example.com, .example, .test, .invalid) are examples.
  if (/\.(?:svg|png|gif|jpe?g|webp)\?(?:[^\s?#]*&)?[\w.-]*=$/i.test(before)) return true;
  if (/:\/\/(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))(?::[0-9]+)?(?:[/?][^\s"'`]*)?$/i.test(before)) return true;
  const name = /([A-Za-z_$][\w$.-]*)["'`\]]?\s*(?:=|:=|:|=>|\?\?=)\s*["'`]?$/.exec(before)?.[1];
  if (name === undefined) return false;
  const fold = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const label = fold(name.slice(name.lastIndexOf('.') + 1));
  return label.length > 0 && label === fold(v);
}

/** Base64 of a placeholder (a Kubernetes Secret holding `changeme`) is still a placeholder. */
function encodesPlaceholder(v: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v) || v.replace(/=+$/, '').length % 4 === 1) return false;
  // `user:` (an empty password) counts as its words.
  const decoded = Buffer.from(v, 'base64').toString('utf8').replace(/[:=]+$/, '');
  // eslint-disable-next-line no-control-regex -- only readable text can be a placeholder
  if (decoded.length < 4 || /[\x00-\x1f\x7f\ufffd]/.test(decoded)) return false;
  return isPlaceholder(decoded) || /^[a-z]+(?:[_.-][a-z]+)*$/.test(decoded);
}

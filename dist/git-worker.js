import { createRequire as __sprawlguardCreateRequire } from 'node:module';
const require = __sprawlguardCreateRequire(import.meta.url);

// src/sources/git/git-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/findings/fingerprint.ts
import { createHash, createHmac, scrypt, scryptSync } from "node:crypto";

// src/findings/strength.ts
var GUESSABLE_BELOW_BITS = 64;
function poolSize(chars) {
  let digits = false;
  let lower = false;
  let upper = false;
  let symbols = false;
  let other = false;
  for (const c of chars) {
    if (c >= "0" && c <= "9") digits = true;
    else if (c >= "a" && c <= "z") lower = true;
    else if (c >= "A" && c <= "Z") upper = true;
    else if (c >= "!" && c <= "~") symbols = true;
    else other = true;
  }
  return (digits ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + (symbols ? 33 : 0) + (other ? 100 : 0);
}
function period(chars) {
  const n = chars.length;
  const fail = new Array(n).fill(0);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && chars[i] !== chars[k]) k = fail[k - 1];
    if (chars[i] === chars[k]) k++;
    fail[i] = k;
  }
  return n - (fail[n - 1] ?? 0);
}
function effectiveLength(chars) {
  let length = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].codePointAt(0);
    const prev = i > 0 ? chars[i - 1].codePointAt(0) : void 0;
    const prev2 = i > 1 ? chars[i - 2].codePointAt(0) : void 0;
    const repeat = prev === c;
    const step = prev !== void 0 && prev2 !== void 0 && Math.abs(c - prev) === 1 && c - prev === prev - prev2;
    length += repeat || step ? 0.25 : 1;
  }
  return length;
}
function estimatedBits(secret) {
  const chars = [...secret];
  if (chars.length === 0) return 0;
  const bitsPerChar = Math.log2(Math.max(2, poolSize(chars)));
  const p = period(chars);
  const unit = p < chars.length ? chars.slice(0, p) : chars;
  const repeats = p < chars.length ? Math.log2(chars.length / p) : 0;
  return effectiveLength(unit) * bitsPerChar + repeats;
}
function isGuessable(secret) {
  return estimatedBits(secret) < GUESSABLE_BELOW_BITS;
}

// src/findings/fingerprint.ts
function fingerprintSecret(secret, key) {
  const input = canonicalSecret(secret);
  if (key !== void 0 && key !== "") return keyedFingerprint(input, key);
  if (isGuessable(input)) return slowFingerprint(input);
  return plainFingerprint(input);
}
function keyedFingerprint(input, key) {
  return `sha256:${createHmac("sha256", key).update(input, "utf8").digest("hex")}`;
}
function plainFingerprint(input) {
  return `sha256:${createHash("sha256").update(input, "utf8").digest("hex")}`;
}
var SCRYPT_PARAMETERS = { N: 2 ** 12, r: 8, p: 1, keyLength: 32, salt: "sprawlguard fingerprint v1" };
var SCRYPT_OPTIONS = { N: SCRYPT_PARAMETERS.N, r: SCRYPT_PARAMETERS.r, p: SCRYPT_PARAMETERS.p, maxmem: 256 * SCRYPT_PARAMETERS.N * SCRYPT_PARAMETERS.r };
var FINGERPRINT_SCHEME = `scrypt-N${SCRYPT_PARAMETERS.N}-r${SCRYPT_PARAMETERS.r}-p${SCRYPT_PARAMETERS.p}-below-64-bits`;
var MAX_CACHED = 1e4;
var slowCache = /* @__PURE__ */ new Map();
function slowFingerprint(input) {
  const cached = slowCache.get(input);
  if (cached !== void 0) return cached;
  const fingerprint = `scrypt:${scryptSync(input, SCRYPT_PARAMETERS.salt, SCRYPT_PARAMETERS.keyLength, SCRYPT_OPTIONS).toString("hex")}`;
  remember(input, fingerprint);
  return fingerprint;
}
function remember(input, fingerprint) {
  if (slowCache.size >= MAX_CACHED) slowCache.delete(slowCache.keys().next().value);
  slowCache.set(input, fingerprint);
}
var PENDING = "pending:";
var deferred = /* @__PURE__ */ new Map();
var derivations = /* @__PURE__ */ new Map();
var nextPending = 0;
function fingerprintSecretDeferred(secret, key) {
  const input = canonicalSecret(secret);
  if (key !== void 0 && key !== "") return keyedFingerprint(input, key);
  if (!isGuessable(input)) return plainFingerprint(input);
  const cached = slowCache.get(input) ?? deferred.get(input);
  if (cached !== void 0) return cached;
  const id = `${PENDING}${nextPending++}`;
  const fingerprint = new Promise((resolve, reject) => {
    scrypt(input, SCRYPT_PARAMETERS.salt, SCRYPT_PARAMETERS.keyLength, SCRYPT_OPTIONS, (error, digest) => error ? reject(error) : resolve(`scrypt:${digest.toString("hex")}`));
  });
  fingerprint.catch(() => void 0);
  deferred.set(input, id);
  derivations.set(id, { input, fingerprint });
  return id;
}
async function settleFingerprints(findings) {
  for (const finding of findings) {
    if (!finding.fingerprint.startsWith(PENDING)) continue;
    const derivation = derivations.get(finding.fingerprint);
    if (derivation === void 0) throw new Error("internal: a finding reached another thread before its fingerprint was derived");
    finding.fingerprint = await derivation.fingerprint;
    remember(derivation.input, finding.fingerprint);
  }
}
function canonicalSecret(secret) {
  if (!secret.startsWith("-----BEGIN")) return secret;
  return secret.replace(/\\r|\\n|\s+/g, "");
}

// src/engine/entropy.ts
var counts = new Int32Array(128);
var firstSeen = new Int32Array(128);
function shannonEntropy(text2) {
  const n = text2.length;
  if (n === 0) return 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = text2.charCodeAt(i);
    if (c >= 128) {
      for (let k = 0; k < distinct; k++) counts[firstSeen[k]] = 0;
      return entropyOfAnyText(text2);
    }
    if (counts[c] === 0) firstSeen[distinct++] = c;
    counts[c] = counts[c] + 1;
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = firstSeen[k];
    const p = counts[c] / n;
    bits -= p * Math.log2(p);
    counts[c] = 0;
  }
  return bits;
}
function entropyOfAnyText(text2) {
  const n = text2.length;
  const byUnit = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const c = text2.charCodeAt(i);
    byUnit.set(c, (byUnit.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of byUnit.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// src/engine/placeholders.ts
var STOP_SUBSTRINGS = [
  "example",
  "sample",
  "placeholder",
  "dummy",
  "changeme",
  "change_me",
  "change-me",
  "replace_me",
  "replace-me",
  "replaceme",
  "insert_",
  "insert-",
  "your_",
  "your-",
  "yourkey",
  "yoursecret",
  "yourtoken",
  "redacted",
  "obfuscated",
  "removed",
  "xxxx",
  "****",
  "••••",
  "...",
  "…",
  "<your",
  "[filtered]",
  "not_a_real",
  "not-a-real",
  "notarealkey",
  "fake_",
  "fakekey",
  "faketoken",
  "fakesecret",
  "qwerty",
  "asdfgh"
];
var STOP_SUBSTRING = new RegExp(STOP_SUBSTRINGS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
var STOP_VALUES = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "secret",
  "token",
  "apikey",
  "api_key",
  "api-key",
  "key",
  "none",
  "null",
  "nil",
  "undefined",
  "true",
  "false",
  "empty",
  "required",
  "optional",
  "string",
  "test",
  "testing",
  "admin",
  "root",
  "user",
  "username",
  "todo",
  "tbd",
  "fixme",
  "secret123",
  "password123",
  "hunter2"
]);
var DOCUMENTED_EXAMPLES = /* @__PURE__ */ new Set([
  "s6BhdRkqt3",
  "gX1fBat3bV",
  "czZCaGRSa3F0MzpnWDFmQmF0M2JW",
  "2YotnFZFEjr1zCsicMWpAA",
  "tGzv3JOkF0XG5Qx2TlKWIA",
  "SplxlOBeZQQYbYS6WxSbIA",
  "mF_9.B5f-4.1JqM",
  "7Fjfp0ZBr1KtDRbnfVdmIw",
  "dpf43f3p2l4k3l03",
  "kd94hf93k423kf44",
  "nnch734d00sl2jdk",
  "pfkkdhi9sl3r4s00",
  "hh5s93j4hdidpola",
  "hdk48Djdsa",
  "hdhd0244k9j7ao03",
  "xyz4992k83j47x0b",
  "kkk9d7dh3k39sjv7"
]);
var TEMPLATE = new RegExp(
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
    String.raw`^secrets\.[a-z_]`
  ].join("|"),
  "i"
);
var ASCENDING = "0123456789abcdefghijklmnopqrstuvwxyz";
var WEAK_PASSWORDS = /* @__PURE__ */ new Set(["admin", "root"]);
function isPlaceholder(secret, extraStopwords = [], options = {}) {
  const lower = secret.toLowerCase();
  if (STOP_VALUES.has(lower) && !(options.weakPasswords === true && WEAK_PASSWORDS.has(lower)) || DOCUMENTED_EXAMPLES.has(secret)) return true;
  if (STOP_SUBSTRING.test(lower)) return true;
  for (const word of extraStopwords) if (lower.includes(word)) return true;
  if (TEMPLATE.test(secret)) return true;
  return isLowVariety(lower);
}
function isLowVariety(lower) {
  const n = lower.length;
  if (n < 4) return false;
  for (let unit = 1; unit <= 4 && unit * 2 <= n; unit++) {
    let i = unit;
    while (i < n && lower.charCodeAt(i) === lower.charCodeAt(i - unit)) i++;
    if (i === n) return true;
  }
  if (n >= 8 && ASCENDING.includes(lower)) return true;
  if (n >= 6 && isAscendingRuns(lower)) return true;
  if (n >= LONG_ASCENDING_RUN && hasLongAscendingRun(lower)) return true;
  const last = lower.charCodeAt(n - 1);
  if (n < 6 || last === 61) return false;
  for (let i = n - 2; i >= n - 6; i--) if (lower.charCodeAt(i) !== last) return false;
  return true;
}
var LONG_ASCENDING_RUN = 12;
function hasLongAscendingRun(lower) {
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    const prev = lower.charCodeAt(i - 1);
    if (lower.charCodeAt(i) === prev + 1 && (prev >= 48 && prev <= 56 || prev >= 97 && prev <= 121)) {
      if (++run >= LONG_ASCENDING_RUN) return true;
    } else run = 1;
  }
  return false;
}
function isAscendingRuns(lower) {
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

// src/engine/refine/key-body.ts
var SPLIT_AFTER_BEGIN = /^-----BEGIN [^-\n]{0,80}-----(?:\\r)?(?:\\n)?(["'`])/;
var MARKER = /-----(?:BEGIN|END)[^-\n]{0,80}-----|---- (?:BEGIN|END) [^-\n]{0,80} ----/g;
function keyBody(armoured) {
  return keyLines(armoured).filter((line) => !/^[ \t]*[A-Za-z0-9-]+:/.test(line)).join("").replace(/\s+/g, "");
}
function keyLines(armoured) {
  return literalContent(armoured).replace(MARKER, "\n").replace(/\\r\\n|\\[rn]/g, "\n").split(/\r?\n/);
}
function literalContent(armoured) {
  const quote = SPLIT_AFTER_BEGIN.exec(armoured)?.[1];
  if (quote === void 0) return armoured;
  return armoured.split(quote).filter((_, i) => i % 2 === 0).join("");
}
function isSplitOverLiterals(armoured) {
  return literalContent(armoured) !== armoured;
}

// src/engine/resolve.ts
var CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 };
function dropVetoedGeneric(candidates, vetoed) {
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i];
    if (!c.compiled.rule.generic) continue;
    for (let v = 0; v < vetoed.length; v += 2) {
      if (c.start < vetoed[v + 1] && c.end > vetoed[v]) {
        candidates.splice(i, 1);
        break;
      }
    }
  }
}
function resolveOverlaps(candidates) {
  if (candidates.length < 2) return candidates;
  const sorted = [...candidates].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept = [];
  for (const c of sorted) {
    let dropped = false;
    for (let k = kept.length - 1; k >= 0 && k >= kept.length - 32; k--) {
      const other = kept[k];
      if (other.end <= c.start || other.start >= c.end) continue;
      const winner = preferred(c, other);
      if (winner === other) {
        dropped = true;
        break;
      }
      if (winner === c) kept.splice(k, 1);
    }
    if (!dropped) kept.push(c);
  }
  return kept;
}
function preferred(a, b) {
  const ga = a.compiled.rule.generic;
  const gb = b.compiled.rule.generic;
  if (ga !== gb) return ga ? b : a;
  if (!ga && !(a.start === b.start && a.end === b.end)) return void 0;
  const byConfidence = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
  if (byConfidence !== 0) return byConfidence > 0 ? a : b;
  const byContext = a.context - b.context;
  if (byContext !== 0) return byContext > 0 ? a : b;
  const byLength = a.end - a.start - (b.end - b.start);
  if (byLength !== 0) return byLength > 0 ? a : b;
  return a.compiled.rule.id <= b.compiled.rule.id ? a : b;
}
function locateMatches(text2, candidates) {
  candidates.sort((x, y) => x.start - y.start || x.end - y.end || x.compiled.rule.id.localeCompare(y.compiled.rule.id));
  const matches = [];
  let line = 1;
  let lineStart = 0;
  let cursor = 0;
  for (const c of candidates) {
    for (; ; ) {
      const nl = text2.indexOf("\n", cursor);
      if (nl < 0 || nl >= c.start) break;
      line++;
      lineStart = nl + 1;
      cursor = nl + 1;
    }
    let endLine = line;
    let endLineStart = lineStart;
    for (let i = text2.indexOf("\n", c.start); i >= 0 && i < c.end - 1; i = text2.indexOf("\n", i + 1)) {
      endLine++;
      endLineStart = i + 1;
    }
    const match = {
      rule: c.compiled.rule,
      secret: c.secret,
      start: c.start,
      end: c.end,
      line,
      column: c.start - lineStart + 1,
      endLine,
      endColumn: c.end - endLineStart,
      confidence: c.confidence,
      lifetime: c.lifetime,
      ...c.expiresAt !== void 0 ? { expiresAt: c.expiresAt } : {},
      ...c.expired !== void 0 ? { expired: c.expired } : {},
      ...c.facts !== void 0 ? { facts: c.facts } : {}
    };
    matches.push(match);
  }
  return matches;
}

// src/engine/accept.ts
var INLINE_ALLOW = /sprawlguard:allow|gitleaks:allow/;
var INLINE_ALLOW_DETAIL = "sprawlguard:allow or gitleaks:allow on its line";
var CandidateFilter = class {
  constructor(allowSecretRegexes, inlineAllow, now, onReject) {
    this.allowSecretRegexes = allowSecretRegexes;
    this.inlineAllow = inlineAllow;
    this.now = now;
    this.onReject = onReject;
  }
  /** Where rejections go; swapped while decoded text is scanned, to report them at the encoded value. */
  onReject;
  /** The path of the text being scanned, for refiners that weigh a value by the kind of file it is in. */
  path;
  /**
   * The candidate for a match of `compiled` at text[start, end), or undefined when a check drops it
   * (and onReject is told why). A specific rule that drops a value on its structure pushes the span
   * onto `vetoed`, so no generic rule reports it either.
   */
  accept(compiled, secret, start, end, text2, context, vetoed) {
    const rule = compiled.rule;
    const reject = this.onReject && ((reason, detail) => this.onReject?.({ rule, secret, start, end, reason, detail }));
    if (rule.entropy !== void 0) {
      const entropy = shannonEntropy(secret);
      if (entropy < rule.entropy) return void reject?.("entropy", `entropy ${entropy.toFixed(2)} is below the rule's ${rule.entropy}: too regular for a generated secret`);
    }
    if (isPlaceholder(rule.placeholder_scope === "key-body" ? keyBody(secret) : secret, compiled.stopwords, { weakPasswords: rule.generic })) {
      if (!rule.generic) vetoed.push(start, end);
      return void reject?.("placeholder", "a placeholder, example or filler (a stopword, a template, a repeated or ascending run)");
    }
    let confidence = rule.confidence;
    if (compiled.checksum && !compiled.checksum.check(secret)) {
      if (compiled.checksum.established) {
        vetoed.push(start, end);
        return void reject?.("checksum", `its ${rule.checksum ?? ""} checksum does not match: a made-up or mistyped value`);
      }
      if (confidence === "high") confidence = "medium";
    }
    let lifetime = rule.lifetime;
    let expiresAt;
    let expired;
    let facts;
    if (compiled.refine) {
      const refined = compiled.refine(secret, refineContext(text2, start, end, this.now, this.path));
      if (refined === null) {
        if (!rule.generic) vetoed.push(start, end);
        return void reject?.("context", `the ${rule.refine ?? ""} check judged it no credential, by its structure or the code around it`);
      }
      if (refined.lifetime) lifetime = refined.lifetime;
      if (refined.confidence) confidence = lowerConfidence(confidence, refined.confidence);
      expiresAt = refined.expiresAt;
      expired = refined.expired;
      facts = refined.facts;
    }
    for (let i = 0; i < this.allowSecretRegexes.length; i++) {
      const allow = this.allowSecretRegexes[i];
      allow.lastIndex = 0;
      if (allow.test(secret)) return void reject?.("allowlist", `matches allowlist.regexes[${i}]`);
    }
    if (this.inlineAllow && hasInlineAllow(text2, start, end)) return void reject?.("inline-allow", INLINE_ALLOW_DETAIL);
    return { compiled, secret, start, end, context, confidence, lifetime, expiresAt, expired, facts };
  }
};
var INLINE_ALLOW_REACH = 4096;
var CONTEXT_CHARS = 256;
function refineContext(text2, start, end, now, path) {
  const before = text2.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const after = text2.slice(end, end + CONTEXT_CHARS);
  const newlineBefore = before.lastIndexOf("\n");
  const newlineAfter = after.indexOf("\n");
  return {
    now,
    path,
    before: newlineBefore < 0 ? before : before.slice(newlineBefore + 1),
    after: newlineAfter < 0 ? after : after.slice(0, newlineAfter),
    // Some formats name a value on the line above it (.NET's `<setting name="…">` over its
    // `<value>`); only the refiner that reads it pays for finding it.
    get previous() {
      if (newlineBefore < 0) return void 0;
      const previous = before.slice(before.lastIndexOf("\n", newlineBefore - 1) + 1, newlineBefore);
      return previous.endsWith("\r") ? previous.slice(0, -1) : previous;
    }
  };
}
function hasInlineAllow(text2, start, end) {
  const from = Math.max(0, start - INLINE_ALLOW_REACH);
  const to = Math.min(text2.length, end + INLINE_ALLOW_REACH);
  const before = text2.slice(from, start);
  const after = text2.slice(Math.max(start, end - 1), to);
  const newlineBefore = before.lastIndexOf("\n");
  const newlineAfter = after.indexOf("\n");
  const a = newlineBefore < 0 ? from : from + newlineBefore + 1;
  const b = newlineAfter < 0 ? to : Math.max(start, end - 1) + newlineAfter;
  const around = text2.slice(a, b);
  return around.includes(":allow") && INLINE_ALLOW.test(around);
}
function lowerConfidence(a, b) {
  return CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
}

// src/engine/checksums.ts
import { createHash as createHash2 } from "node:crypto";
var CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
function crc32(ascii) {
  let crc = 4294967295;
  for (let i = 0; i < ascii.length; i++) {
    crc = CRC_TABLE[(crc ^ ascii.charCodeAt(i)) & 255] ^ crc >>> 8;
  }
  return (crc ^ 4294967295) >>> 0;
}
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
var BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
function encodeUnsigned(value, alphabet, width) {
  const radix = alphabet.length;
  let out = "";
  let v = value;
  do {
    out = alphabet[v % radix] + out;
    v = Math.floor(v / radix);
  } while (v > 0);
  return out.padStart(width, alphabet[0]);
}
var RFC4648_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32Encode(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += RFC4648_BASE32[buffer >>> bits - 5 & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += RFC4648_BASE32[buffer << 5 - bits & 31];
  return out;
}
function base32Decode(text2) {
  const out = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text2.replace(/=+$/, "")) {
    const v = RFC4648_BASE32.indexOf(ch);
    if (v < 0) return void 0;
    buffer = (buffer << 5 | v) & 65535;
    bits += 5;
    if (bits >= 8) {
      out.push(buffer >>> bits - 8 & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}
function prefixedCrc32Base62(secret) {
  const underscore = secret.indexOf("_");
  if (underscore < 0) return false;
  const body = secret.slice(underscore + 1);
  if (body.length < 7) return false;
  const entropy = body.slice(0, -6);
  return encodeUnsigned(crc32(entropy), BASE62, 6) === body.slice(-6);
}
function githubFineGrained(secret) {
  if (secret.length !== 93) return false;
  const digest = createHash2("sha256").update(secret.slice(0, 77), "latin1").digest();
  return base32Encode(digest).slice(0, 8) === secret.slice(77, 85);
}
function gitlabRoutable(secret) {
  const match = /^([a-z]+-)([A-Za-z0-9_-]{27,300})\.01\.([0-9a-z]{2})([0-9a-z]{7})$/.exec(secret);
  if (!match) return false;
  const [, , payload, length, checksum] = match;
  if (encodeUnsigned(payload.length, BASE36, 2) !== length) return false;
  return encodeUnsigned(crc32(secret.slice(0, -7)), BASE36, 7) === checksum;
}
function atlassianCloud(secret) {
  if (secret.length < 16) return false;
  const expected = crc32(secret.slice(0, -8)).toString(16).toUpperCase().padStart(8, "0");
  return expected === secret.slice(-8);
}
function crc16Xmodem(bytes) {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++) crc = crc & 32768 ? (crc << 1 ^ 4129) & 65535 : crc << 1 & 65535;
  }
  return crc;
}
function nkeyCrc16(secret) {
  const raw = base32Decode(secret);
  if (!raw || raw.length < 4) return false;
  const data2 = raw.subarray(0, raw.length - 2);
  const stored = raw[raw.length - 2] | raw[raw.length - 1] << 8;
  return crc16Xmodem(data2) === stored;
}
var VALIDATORS = [
  { name: "github-crc32", established: true, check: prefixedCrc32Base62 },
  { name: "npm-crc32", established: true, check: prefixedCrc32Base62 },
  { name: "github-fine-grained", established: false, check: githubFineGrained },
  { name: "gitlab-routable", established: true, check: gitlabRoutable },
  { name: "atlassian-crc32", established: true, check: atlassianCloud },
  { name: "nkey-crc16", established: true, check: nkeyCrc16 }
];
var BY_NAME = new Map(VALIDATORS.map((v) => [v.name, v]));
function checksumValidator(name) {
  return BY_NAME.get(name);
}

// src/engine/path-globs.ts
function compilePathGlobs(globs) {
  const alternatives = globs.map((glob) => {
    const clean = glob.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    return `(?:^|/)${globToSource(clean)}$`;
  });
  return new RegExp(alternatives.join("|"), "i");
}
function globToSource(glob) {
  let out = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") {
          i++;
          out += "(?:[^/]*/)*";
        } else out += ".*";
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "{") {
      braces++;
      out += "(?:";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (c === "," && braces > 0) out += "|";
    else out += c.replace(/[.+^$()|[\]\\]/g, "\\$&");
  }
  return out;
}

// src/engine/char-class.ts
function charTable(classBody) {
  const member = new RegExp(`[${classBody}]`);
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (member.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}

// src/engine/prechecks.ts
var NAME = charTable("\\w.-");
var BACKSLASH = 92;
var SPACE = 32;
var TAB = 9;
function isQuote(c) {
  return c === 34 || c === 39 || c === 96;
}
function nameEnd(text2, at, max) {
  const limit = Math.min(text2.length, at + max + 1);
  let i = at;
  while (i < limit) {
    const c = text2.charCodeAt(i);
    if (c >= 128 || NAME[c] === 0) break;
    i++;
  }
  return i === at || i - at > max ? -1 : i;
}
function nameThenAssignment(text2, at) {
  let i = nameEnd(text2, at, 40);
  if (i < 0) return false;
  let c = text2.charCodeAt(i);
  if (c === BACKSLASH) c = text2.charCodeAt(++i);
  if (isQuote(c)) c = text2.charCodeAt(++i);
  if (c === 93) c = text2.charCodeAt(++i);
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 40; blanks++) c = text2.charCodeAt(++i);
  if (c === 61 || c === 58 || c === 63 || c === 123) return true;
  if (c === 60) return text2.charCodeAt(i + 1) === 45 || text2.charCodeAt(i + 1) === 60 && text2.charCodeAt(i + 2) === 45;
  return c === 115 || c === 83 ? text2.slice(i, i + 6).toLowerCase() === "string" : c === 91 && text2.startsWith("[]byte", i);
}
function nameThenArgumentOrFallback(text2, at) {
  const end = nameEnd(text2, at, 40);
  if (end < 0) return false;
  let i = end;
  let c = text2.charCodeAt(i);
  if (c === BACKSLASH) c = text2.charCodeAt(++i);
  if (isQuote(c)) {
    c = text2.charCodeAt(++i);
    for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text2.charCodeAt(++i);
    if (c === 44) return true;
    if (c === 41 || c === 93) {
      c = text2.charCodeAt(++i);
      for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text2.charCodeAt(++i);
      const d = text2.charCodeAt(i + 1);
      if (isFallback(c, d) || c === 111 && d === 114 && (text2.charCodeAt(i + 2) === SPACE || text2.charCodeAt(i + 2) === TAB)) return true;
    }
  }
  i = end;
  c = text2.charCodeAt(i);
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text2.charCodeAt(++i);
  return isFallback(c, text2.charCodeAt(i + 1));
}
function isFallback(c, d) {
  return c === 63 && (d === 63 || d === 58) || c === 124 && d === 124;
}
var WORD_MAX = 16;
function wordThenBlank(text2, at) {
  const limit = Math.min(text2.length, at + WORD_MAX + 1);
  let i = at;
  for (let c2 = text2.charCodeAt(i); i < limit && (c2 >= 65 && c2 <= 90 || c2 >= 97 && c2 <= 122); c2 = text2.charCodeAt(++i)) ;
  if (i === at || i - at > WORD_MAX) return false;
  const c = text2.charCodeAt(i);
  return c === SPACE || c === TAB || c === 10 || c === 13 || c === 11 || c === 12 || c > 127 && /\s/.test(text2.charAt(i));
}
function nameThenComparison(text2, at) {
  let i = nameEnd(text2, at, 60);
  if (i < 0) return false;
  let c = text2.charCodeAt(i);
  if (c === 40) return text2.slice(at, i).includes(".equals");
  if (isQuote(c) && text2.charCodeAt(i + 1) === 93) {
    i += 2;
    if (text2.startsWith(".equals", i)) return true;
    c = text2.charCodeAt(i);
  }
  for (let blanks = 0; (c === SPACE || c === TAB) && blanks < 3; blanks++) c = text2.charCodeAt(++i);
  return (c === 61 || c === 33) && text2.charCodeAt(i + 1) === 61;
}
var PRECHECKS = {
  "name-then-assignment": nameThenAssignment,
  "name-then-argument-or-fallback": nameThenArgumentOrFallback,
  "word-then-blank": wordThenBlank,
  "name-then-comparison": nameThenComparison
};
function precheck(name) {
  return Object.hasOwn(PRECHECKS, name) ? PRECHECKS[name] : void 0;
}
var PRECHECK_NAMES = Object.keys(PRECHECKS);

// src/engine/refine/aws-key-id.ts
var awsAccessKeyId = (secret) => {
  const prefix = secret.slice(0, 4);
  const facts = {};
  const account = decodeAwsAccountId(secret);
  if (account !== void 0) facts.awsAccount = account;
  switch (prefix) {
    case "ASIA":
      return { lifetime: "short-lived", facts: { ...facts, keyKind: "sts-temporary" } };
    case "ABIA":
      return { lifetime: "short-lived", facts: { ...facts, keyKind: "sts-service-bearer" } };
    case "AKIA":
      return { lifetime: "long-lived", facts: { ...facts, keyKind: "iam-long-term" } };
    default:
      return { facts };
  }
};
function decodeAwsAccountId(keyId) {
  if (keyId.length !== 20) return void 0;
  const first = keyId[4];
  if (first === "I" || first === "J") return void 0;
  const bytes = base32Decode(keyId.slice(4));
  if (!bytes || bytes.length < 6) return void 0;
  let z = 0;
  for (let i = 0; i < 6; i++) z = z * 256 + bytes[i];
  const account = Math.floor(z % 2 ** 47 / 128);
  if (account >= 1e12) return void 0;
  return String(account).padStart(12, "0");
}

// src/engine/refine/lifetime.ts
var HOUR = 3600;
var DAY = 24 * HOUR;
function lifetimeFromValidity(seconds) {
  if (seconds <= HOUR + 300) return "ephemeral";
  if (seconds <= 31 * DAY) return "short-lived";
  return "expiring";
}
function expiryFacts(expSeconds, context, issuedSeconds) {
  const expiresAt = new Date(expSeconds * 1e3).toISOString();
  const expired = expSeconds * 1e3 < context.now;
  const lifetime = issuedSeconds !== void 0 ? lifetimeFromValidity(expSeconds - issuedSeconds) : "expiring";
  return { lifetime, expiresAt, expired };
}

// src/engine/refine/azure-sas.ts
var azureSas = (secret, context) => {
  const se = /(?:^|[?&])se=([0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}(?::|%3A)[0-9]{2}(?:(?::|%3A)[0-9]{2})?Z?)?)/i.exec(secret);
  if (!se) return { lifetime: "expiring" };
  const when = Date.parse(decodeURIComponent(se[1]));
  if (Number.isNaN(when)) return { lifetime: "expiring" };
  return { ...expiryFacts(Math.floor(when / 1e3), context), lifetime: "expiring" };
};

// src/engine/generic/names.ts
var NAME_CHAR = charTable("\\w$.:@-");
function isNameChar(c) {
  return c < 128 && NAME_CHAR[c] === 1;
}
function mayBeWrapped(before, end) {
  let j = end;
  while (j > 0 && /\s/.test(before[j - 1])) j--;
  const c = before[j - 1];
  return c === "[" || c === "(" || j === end && c !== void 0 && "bBrRuU@".includes(c);
}
var WRAPPER = /(?:(?<=[\s=:,([])(?:\[\]byte|bytes|bytearray|Buffer\.from|String::from|Secret(?:Str|String|::new)?|new\s+String|SecureString|str)?[[(]\s*|(?<=[\s=:,([])(?:[bBrRuU]{1,2}|@))$/;
function siteBefore(before) {
  let i = before.length;
  let quote = "";
  const q = before[i - 1];
  if (q === '"' || q === "'" || q === "`") {
    quote = q;
    i--;
    if (before[i - 1] === "\\") i--;
  }
  if (mayBeWrapped(before, i)) {
    const wrapper = WRAPPER.exec(before.slice(Math.max(0, i - 40), i));
    if (wrapper) i -= wrapper[0].length;
  }
  let blanks = 0;
  while (i > 0 && (before[i - 1] === " " || before[i - 1] === "	")) {
    i--;
    blanks++;
  }
  let operator = "";
  const two = before.slice(Math.max(0, i - 2), i);
  if (two === "<-") {
    operator = "=";
    i -= before[i - 3] === "<" ? 3 : 2;
  } else if (two === "=>" || two === ":=" || two === "??" || two === "||" || two === "?:") {
    operator = two === "?:" ? "??" : two;
    i -= 2;
    if (two === "??" && before[i - 1] === "?") i--;
  } else if (i > 0 && "=:,>(".includes(before[i - 1])) {
    operator = before[i - 1];
    i--;
    if (operator === "=" && before[i - 1] === "?") i -= before[i - 2] === "?" ? 2 : 1;
  } else if (blanks > 0) {
    const fallback = two === "or" && /[)\]][ \t]{0,3}$/.test(before.slice(Math.max(0, i - 6), i - 2));
    operator = fallback ? "||" : " ";
    if (fallback) i -= 2;
  }
  while (i > 0 && (before[i - 1] === " " || before[i - 1] === "	")) i--;
  if (before[i - 1] === "]" || before[i - 1] === ")" && (operator === "??" || operator === "||")) i--;
  if (before[i - 1] === '"' || before[i - 1] === "'" || before[i - 1] === "`") {
    i--;
    if (before[i - 1] === "\\") i--;
  }
  if (before[i - 1] === "}") {
    const open = before.lastIndexOf("{", i);
    if (open > 0 && /^\{\s*get;[^}]*\}$/.test(before.slice(open, i))) {
      i = open;
      while (i > 0 && before[i - 1] === " ") i--;
    }
  }
  const end = i;
  if (operator === ">") {
    const open = before.lastIndexOf("<", end);
    const tag = open >= 0 ? before.slice(open + 1, end) : "";
    const element = /^[\w.:-]+$/.test(tag) ? tag.slice(tag.lastIndexOf(":") + 1) : "";
    return { name: element, operator, quote, lineStart: open >= 0 && /^\s*$/.test(before.slice(0, open)), flag: false };
  }
  while (i > 0 && isNameChar(before.charCodeAt(i - 1))) i--;
  let raw = before.slice(i, end);
  let head = before.slice(0, i);
  if (operator === "=" && TYPE_NAME.test(raw)) {
    const typed = TYPED_NAME.exec(head);
    if (typed) {
      raw = typed[1];
      head = head.slice(0, typed.index);
    }
  }
  const name = raw.replace(/^[-$@:.]+/, "");
  const lineStart = /^\s*(?:(?:export|set|setenv|declare|local|readonly|var|let|const|val|my|private|public|static|final|\$)\s+)*(?:-\s+)?[{(["'`]?\s*$/.test(head);
  return { name, operator, quote, lineStart, flag: /^-{1,2}[A-Za-z]/.test(raw) };
}
var TYPE_NAME = /^(?:string|String|str|Str|bytes|ByteArray|CharArray|SecretStr|SecretString|SecureString)$/;
var TYPED_NAME = /([\w.$-]{1,80})(?:[ \t]*:[ \t]*&?(?:'static[ \t]+)?|[ \t]+)$/;
var PASSWORD_NAME = /pass(?:w(?:or)?d|wort|phrase|code)?s?(?![a-z])|passw|pwd|(?<![a-z])(?:root)?pw(?![a-z])|passphrase|passcode|(?<![a-z])psk(?![a-z])|parola|(?<![a-z])parol(?![a-z])|senha|contrasena|motdepasse|kennwort|wachtwoord|haslo|sifre|salasana|l[oö]senord|adgangskode|heslo|jelsz[oó]|passord/;
var NAMED_KEY = /(?:api|access|auth|private|priv|encryption|decryption|enc|signing|sign|master|app|session|hmac|jwt|aes|cipher|crypto|data|secret|license|licence|consumer|client|account|service|shared|webhook|validation|machine|storage|admin|root|server|subscription|developer|partner|merchant|integration|write|read|management|mgmt|deploy|ssh|gpg|pgp|rsa|ecdsa|ed25519)[_.-]?key/;
function nameKind(name) {
  const lower = name.toLowerCase();
  if (lower === "") return "none";
  const parts = lower.split(/[.:]+/).filter(Boolean);
  const tail = parts[parts.length - 1] ?? lower;
  const last = tail === "key" && parts.length > 1 ? `${parts[parts.length - 2]}_key` : tail;
  if (PASSWORD_NAME.test(last) && !/passport|passenger|passage|passive|bypass|compass|passthr/.test(last)) return "password";
  if (/secret|token|credential|creds?(?![a-z])|auth/.test(last)) return "secret";
  if (/licen[cs]e$/.test(last)) return "weak-key";
  if (/key/.test(last)) {
    if (/[a-z0-9][_.-]keys?$/.test(last) || NAMED_KEY.test(last)) return "secret";
    return "weak-key";
  }
  return "secret";
}
var CODE_EXTENSIONS = /* @__PURE__ */ new Set([
  "js",
  "mjs",
  "cjs",
  "jsx",
  "ts",
  "mts",
  "cts",
  "tsx",
  "vue",
  "svelte",
  "py",
  "pyi",
  "rb",
  "php",
  "java",
  "kt",
  "kts",
  "scala",
  "groovy",
  "gradle",
  "go",
  "rs",
  "c",
  "h",
  "cc",
  "cpp",
  "hpp",
  "cxx",
  "cs",
  "fs",
  "vb",
  "swift",
  "m",
  "mm",
  "dart",
  "lua",
  "pl",
  "pm",
  "r",
  "jl",
  "ex",
  "exs",
  "erl",
  "clj",
  "elm",
  "hs",
  "ml",
  "nim",
  "zig",
  "sol",
  "coffee",
  "ipynb"
]);
function fileKind(path) {
  if (path === void 0 || path === "" || path === "-") return "unknown";
  const base = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const dot = base.lastIndexOf(".");
  if (dot <= 0) return "other";
  return CODE_EXTENSIONS.has(base.slice(dot + 1)) ? "code" : "other";
}

// src/engine/generic/words.ts
function looksGenerated(v) {
  if (v.length < 24 || shannonEntropy(v) < 4) return false;
  if ([/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(v)).length < 2) return false;
  if (new Set(v.replace(/[A-Za-z0-9]/g, "")).size < 4) return false;
  if (new Set(v.replace(/[\w$.()[\]{},]/g, "")).size < 2) return false;
  let inWords = 0;
  for (const m of v.matchAll(/[A-Za-z]{4,}/g)) inWords += m[0].length;
  return inWords / v.length < 0.55;
}
var COMMON_PAIRS = new Set("reerseinenthontedeelorlestntatheesmetietcoaralanlfnendtredecrocepengionotaliitodrailiseaveurriefexamctnafipalancasloadacmaprlltudissnsoprtotfornemgesicaochachpodoutueunmoimrsouulmptyomrrvaevpttocltsrgicttaikelsepckfahihouslyxtplluypolsuspumwifeapnidaossoagidrybuobabblirltbeigienunlweoormfrgscrbauptpebowldppbjquruhtwacsifeeibfubosyxcshdsiaducuffmipseyauwhsambjescrcpiipzirfivddcivirdzeytnfozgiizayoiyseqpuwrmsewxpokovixuitcdlnnegkinvavwogupymmgnflufgrdrubogmuakbioatlbynyofucnkxebrghrvvouaaxnpgltdrkynhreoxieiftudccslbssgksrlskfsugwngaawaftflpdytwyojoggkwhutmwsgtbcymlbkapddtxasfyiswmlcygooecmrpyesreuikoxkllnmdywyluomtrw".match(/../g) ?? []);
function isWordLike(seg) {
  return commonPairShare(seg) >= 0.75;
}
function commonPairShare(seg) {
  const lower = seg.toLowerCase();
  let common = 0;
  for (let i = 0; i < lower.length - 1; i++) if (COMMON_PAIRS.has(lower.slice(i, i + 2))) common++;
  return common / (lower.length - 1);
}
function isRandomLetters(v) {
  return v.length >= 10 && /^[a-z]+$/.test(v) && commonPairShare(v) < 0.6;
}
function isWordCompound(core, minWordShare = 0.5) {
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
    } else if (/^[A-Z]{2,5}$/.test(seg) || /^[A-Z][a-z]{1,3}$/.test(seg) && !/[aeiou]/.test(seg.slice(1))) {
      wordy += seg.length;
      acronyms++;
    }
  }
  return wordy / core.length >= 0.9 && wordLetters / core.length >= minWordShare && words > 0 && acronyms <= words;
}
function isIdentifierLike(seg) {
  if (/^(?:[a-z_$][a-z0-9_$]*|[A-Z_][A-Z0-9_]*|[a-z_$]*[a-z0-9]*(?:[A-Z][a-z0-9]+)+[A-Z]?|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*)$/.test(seg) && !/[A-Z]{2}[a-z]/.test(seg.replace(/^[A-Z]+(?=[A-Z][a-z])/, ""))) return true;
  if (isWordCompound(seg.replace(/[0-9]/g, ""))) return true;
  const parts = seg.split("_").filter(Boolean);
  if (parts.length >= 2 && parts.every((part) => /^[a-z0-9]+$/.test(part) || /^[A-Z0-9]+$/.test(part) || /^[A-Z][a-z]+[0-9]*$/.test(part) || isWordCompound(part.replace(/[0-9]/g, "")))) return true;
  return /[A-Z]{2}/.test(seg) && isCamelWords(seg);
}
function isCamelWords(seg) {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(seg)) return false;
  const parts = seg.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  if (parts.length < 2) return false;
  let words = 0;
  for (const part of parts) {
    if (/^[0-9]+$/.test(part) || /^[A-Z]{1,5}$/.test(part)) continue;
    if (part.length < 2 || part.length === 2 && !/^[A-Z]/.test(part) || !isWordLike(part)) return false;
    words++;
  }
  return words > 0;
}
function isKeyboardMash(v) {
  if (!/^[a-z0-9]+$/.test(v) || /^[0-9a-f]+$/.test(v)) return false;
  const letters = v.replace(/[0-9]/g, "");
  if (letters.length < 5) return false;
  const home = letters.replace(/[^asdfghjkl]/g, "").length;
  return home / letters.length >= 0.75 && /as|sd|df|fg|gh|hj|jk|kl|lk|kj|jh|hg|gf|fd|ds|sa/.test(letters);
}
function wordShare(v) {
  let inWords = 0;
  for (const m of v.matchAll(/[A-Z]?[a-z]{3,}|[A-Z]{4,}(?![a-z])/g)) if (isWordLike(m[0])) inWords += m[0].length;
  return v.length === 0 ? 0 : inWords / v.length;
}
function isTestValue(value) {
  const v = value.toLowerCase();
  if (!/^[a-z]+(?:[_.-][a-z]+)*[_.-]?[0-9]{0,6}$/.test(v)) return false;
  return /(?:^|[_.-])(?:test(?:ing)?|fake|mock|dummy|demo|stub|sample|local|dev|example|changeit|default)(?:$|[_.-]|[0-9])/.test(v);
}

// src/engine/generic/code.ts
var TYPE_NAMES = /* @__PURE__ */ new Set([
  "string",
  "str",
  "int",
  "integer",
  "bool",
  "boolean",
  "number",
  "float",
  "double",
  "any",
  "object",
  "char",
  "bytes",
  "byte",
  "buffer",
  "secretstr",
  "secretbytes",
  "optional",
  "unknown",
  "void",
  "text",
  "varchar",
  "password",
  "passwordfield",
  "charfield",
  "textfield",
  "uuid",
  "hidden",
  "masked",
  "sensitive",
  "secure",
  "required",
  "default",
  "value",
  "empty",
  "blank",
  "dummy",
  "sample",
  "mock",
  "stub",
  "bearer",
  "basic"
]);
var RECEIVERS = /* @__PURE__ */ new Set(["self", "this", "cls", "ctx", "context", "config", "conf", "cfg", "settings", "options", "opts", "props", "state", "params", "args", "env", "os", "process", "window", "document", "app", "module", "exports", "request", "req", "response", "res", "vars", "var", "local", "data", "secrets"]);
var MARKER2 = /^@[\w.-]+@$|^#\{[^}]*\}#?$|#\{|^#{2,}[\w.-]+#{2,}$|^__[A-Z][\w]*__$|^%%[\w.-]+%%$|<%|^\[\[[\w.\s-]+\]\]$|^(?:var|local|module|data)\.[a-z_][\w.]*$|\blookup\(|^\$\$?[A-Za-z_{(]|^%\{[\w.]+\}$|^@[A-Z][A-Z0-9_]*@?$/;
function isMarker(v) {
  return MARKER2.test(v);
}
function notALiteral(v, site, before, after, path) {
  if (isCode(v)) return true;
  if (isMarker(v)) return true;
  if (site.quote === "" && v.charCodeAt(0) === 64 && /^@{1,2}[a-z_][a-z_]*$/.test(v)) return true;
  const decoded = decodePercent(v);
  if (decoded !== v && /^[\x20-\x7e]+$/.test(decoded) && (isPlaceholder(decoded) || /^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(decoded))) return true;
  if (isKeyboardMash(v)) return true;
  if (/^[A-Za-z_][\w.]*(?:\|[A-Za-z_][\w.]*)+$/.test(v) || (v.match(/%[sdr]/g) ?? []).length >= 2) return true;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(v)) return true;
  if (isCiphertext(v) || isReference(v) || isPublicKeyDer(v)) return true;
  if (/^(?:\\x[0-9a-fA-F]{2}){4,}$/.test(v) && /^[\x20-\x7e]+$/.test(v.replace(/\\x([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))))) return true;
  if (/^(?:pk(?:_(?:live|test)_|\.eyJ)|phc_)/.test(v)) return true;
  if (/[^\u0020-\u007e]/.test(v)) return true;
  if (/^(?:true|false|null|none|nil|undefined|yes|no|on|off|enabled|disabled)$/i.test(v)) return true;
  if (v.charCodeAt(1) === 45 && /^x-[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/i.test(v) && !looksGenerated(v.replace(/-/g, ""))) return true;
  if (v.length <= 7 && /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)$/.test(v)) return true;
  if (TYPE_NAMES.has(v.toLowerCase())) return true;
  const first = v.charCodeAt(0);
  if ((first === 42 || first === 91 || v.startsWith("map[")) && /^(?:\*|\[[0-9]*\]\*?|map\[[\w.*]+\]\*?)+[A-Za-z_][\w]*(?:\.[A-Z]\w*)?$/.test(v)) return true;
  if (v.includes(",") && /^[\w.=-]+(?:,[\w.=-]*){2,}$/.test(v) && v.split(",").every((item) => item === "" || /^[a-z0-9_.=-]+$/.test(item))) return true;
  if (first >= 48 && first <= 57 && /^[0-9]{4}-?[0-9]{2}-?[0-9]{2}(?:[T ][0-9]{2}:?[0-9]{2}(?::?[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/.test(v)) return true;
  const typed = /^([A-Za-z][\w[\], ]*)=/.exec(v)?.[1];
  if (typed !== void 0 && (TYPE_NAMES.has(typed.toLowerCase()) || /^Optional\[/.test(typed))) return true;
  if (/^[A-Za-z]{0,2}[0-9]+(?:\.[0-9]+)+[A-Za-z]?$/.test(v.replace(/\.$/, ""))) return true;
  if (/^(?:[~^]|[<>]=?|=)[ \t]?v?[0-9]+(?:\.(?:[0-9]+|x|\*)){1,3}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(v)) return true;
  if (isCodeReference(v, site, before, after, path)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v) && isPath(v)) return true;
  if (/\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml|[cm]?js|jsx|ts|tsx|map|py|rb|go|sh|md|html|css|lock|sql|csv|log|php|phtml|java|kt|kts|cs|swift|scala|groovy|gradle|dart|rs|pl|pm|lua|ex|exs|vue|svelte|tf|hcl|ps1|bat)$/i.test(v)) return true;
  if (/^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+$/.test(v)) return true;
  if (/^[\w.*-]+(?:\/[\w.*-]*)+$/.test(v) && /(?:^|\/)[a-z]{3,}(?:\/|$)/.test(v) && v.split("/").every((seg) => seg === "" || seg === "*" || /^[a-z0-9_.-]+$/.test(seg) || /^[A-Z][A-Z0-9_]*$/.test(seg) || isWordCompound(seg))) return true;
  const upper = v.replace(/^[-_]+|[-_]+$/g, "");
  if (/^[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+$/.test(upper) && upper.split(/[-_]/).every((seg) => /^[A-Z]+[0-9]*$|^[0-9]+$/.test(seg))) return true;
  if (/^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v)) return true;
  if (/[<>]/.test(v) || v.endsWith(":")) return true;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w./-]*)?$/.test(v) && /\.[a-z]{2,24}(?:\/|$)/.test(v)) return true;
  if (/[()[\]{}]/.test(v) && !looksGenerated(v)) return true;
  return false;
}
function textValue(bare, path) {
  return /[0-9]/.test(bare) && /[A-Za-z]/.test(bare) && !/[._$]/.test(bare) && fileKind(path) === "other";
}
function isCode(v) {
  if (/^[A-Za-z_][\w]*(?:::[A-Za-z_][\w]*)+(?:[.#][A-Za-z_]\w*[?!]?)*(?:\(|$)/.test(v)) return true;
  const member = v.replace(/\.$/, "").replace(/[?!]$/, "");
  if (/^@{0,2}[A-Za-z_$][\w$]*(?:(?:\??\.|->)[A-Za-z_$][\w$]*)+$/.test(member)) {
    const segments = member.replace(/^@+/, "").split(/\??\.|->/);
    if (RECEIVERS.has(segments[0]) || segments.every(isIdentifierLike)) return true;
    if (/^(?:new|create|build|call|get|fetch|read|load|decode|encode|to_s|to_str|to_sym|strip|value|values|dig)$/.test(segments[segments.length - 1]) && isIdentifierLike(segments[0])) return true;
  }
  if (/^[A-Za-z_$][\w$.?:]*[([{]/.test(v) && !looksGenerated(v)) return true;
  if (isObjectReference(v)) return true;
  return /\.[A-Za-z_$][\w$]{2,}\(/.test(v) || /\\[/dwsbDWS.]/.test(v);
}
function isObjectReference(v) {
  return /^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(v);
}
function isPath(v) {
  return v.split(/[/\\]/).every((seg) => /^[A-Za-z]?[a-z0-9_.~-]*$/.test(seg) || /^[A-Z0-9_.-]+$/.test(seg));
}
function decodePercent(v) {
  if (!/%[0-9A-Fa-f]{2}/.test(v)) return v;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
function isCiphertext(v) {
  return /^(?:ENC\[|ENC\(|vault:v[0-9]{1,3}:|AQICA[EH][A-Za-z0-9+/]{40}|\$ANSIBLE_VAULT)/.test(v);
}
function isPublicKeyDer(v) {
  if (v.length < 60 || !/^M[A-Z][A-Za-z0-9+/]{6}/.test(v)) return false;
  const head = Buffer.from(v.slice(0, 8), "base64");
  if (head[0] !== 48) return false;
  const size = head[1];
  const content = size < 128 ? 2 : 2 + (size & 127);
  return size !== 128 && content < head.length && head[content] === 48;
}
function isReference(v) {
  if (/^(?:arn|urn):/i.test(v)) return true;
  return /^[a-z][a-z0-9+.-]{1,24}:[a-z0-9_./#@:-]*[/#][a-z0-9_./#@:-]*$/.test(v);
}
function isCodeReference(v, site, before, after, path) {
  const quoted = site.quote !== "";
  if (quoted && /^\\?["'`][ \t]*(?:\+|\.{1,2}[ \t]|,[^\n\]]{0,200}\][ \t]*\.join\()/.test(after)) return true;
  if (!quoted && /^[a-z]+(?:[A-Z][a-z]+)+[0-9]{0,2}$/.test(v)) return true;
  if (!quoted) {
    const bare = v.replace(/[)\]}]+$/, "");
    if (/^[ \t)\]}]*[;,)\]}]/.test(v.slice(bare.length) + after) && /^[*&!~-]*[A-Za-z_$][\w$.]*(?:[-+*/%][\w$.]+)*$/.test(bare) && !textValue(bare, path)) return true;
  }
  if (/\.(?:svg|png|gif|jpe?g|webp)\?(?:[^\s?#]*&)?[\w.-]*=$/i.test(before)) return true;
  if (/:\/\/(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))(?::[0-9]+)?(?:[/?][^\s"'`]*)?$/i.test(before)) return true;
  if (site.name === "") return false;
  const fold = (text2) => text2.toLowerCase().replace(/[^a-z0-9]/g, "");
  const label = fold(site.name.slice(site.name.lastIndexOf(".") + 1));
  const value = fold(v);
  if (label.length > 0 && (label === value || value.length >= 8 && label.endsWith(value))) return true;
  if (value.length < 6 || site.operator === "" || !before.toLowerCase().includes(value.slice(-3)) || !/^[\w.-]+$/.test(v)) return false;
  return before.split(/[^A-Za-z0-9_]+/).some((token) => {
    const name = fold(token);
    return name.length > value.length && name.endsWith(value);
  });
}

// src/engine/refine/generic-value.ts
var genericSecretValue = (secret, context) => judgeGenericValue(secret, context);
var genericGeneratedValue = (secret, context) => judgeGenericValue(secret, context, "secret");
var genericPasswordValue = (secret, context) => judgeGenericValue(secret, context, "password");
function judgeGenericValue(secret, context, given) {
  const before = context.before ?? "";
  const after = context.after ?? "";
  const entities = secret.includes("&");
  const unescaped = entities && /&(?:lt|gt|quot|apos|amp);/.test(secret) ? unescapeXml(secret) : secret;
  if (entities && /&[a-z]{2,8};|&(?:[lr][ds]quo|nbsp|[mn]dash|hellip|laquo|raquo)$/.test(unescaped)) return null;
  const query = isQueryValue(before);
  const v = query ? decodePercent(unescaped) : unescaped;
  if (/\s/.test(v)) return null;
  const site = siteBefore(before);
  const paired = /^value$/i.test(site.name) ? PAIRED_NAME.exec(before)?.[1] : void 0;
  const kind = given ?? nameKind(paired ?? site.name);
  if (v.length < (kind === "password" ? 4 : 8)) return null;
  if (notALiteral(v, site, before, after, context.path)) return null;
  if (isPlaceholder(v, [], { weakPasswords: kind === "password" })) return null;
  if (encodesPlaceholder(v)) return null;
  if (given === void 0 && !site.flag && !query && site.quote === "" && !unquotedValueEnds(site, after)) return null;
  if (site.operator === " " && DEFINE.test(before) && macroNotAValue(v, site, context.path)) return null;
  if (site.quote === "" && before.endsWith("::") && /^[A-Za-z_]/.test(v)) return null;
  if (site.quote === "" && given === void 0 && !query && !site.flag && (site.operator === "=" || site.operator === ":=" || site.operator === " " && site.lineStart) && /^[A-Za-z_$][\w$]*$/.test(v) && fileKind(context.path) === "code") return null;
  if (site.operator === ":" && site.quote !== "" && /^[A-Z][\w.]*(?:\[[\w., []*\]?\])?$/.test(v) && /\.pyi?$/.test(context.path ?? "") && /(?<![\w"'`\]])[A-Za-z_]\w*[ \t]*:[ \t]*["']$/.test(before.slice(-80))) return null;
  if (site.operator === ":" && phraseKey(before) && !looksGenerated(v)) return null;
  if (kind === "password") return passwordValue(v, site, context, given === void 0);
  return generatedValue(v, kind, before);
}
function phraseKey(before) {
  const end = before.slice(-24);
  const tail = /(["'])[ \t]*:[ \t]*["']?$/.exec(end);
  if (tail === null) return false;
  const close = before.length - end.length + tail.index;
  const open = before.lastIndexOf(tail[1], close - 1);
  if (open < 0) return false;
  const key = before.slice(open + 1, close);
  return !key.includes("\n") && /[A-Za-z][ \t]+[A-Za-z]/.test(key);
}
var DEFINE = /^[ \t]*#[ \t]*define[ \t]+[\w]+[ \t]+\\?["']?$/;
function macroNotAValue(v, site, path) {
  if (/[_-](?:param|info|error|check|const|string|len|length|size|max|min|type|flag|mask|id|oid|nid|tag|attr|mode|state|status)$/i.test(site.name)) return true;
  return site.quote === "" && fileKind(path) === "code" && !looksGenerated(v);
}
var QUERY_NAME = charTable("\\w.-");
function isQueryValue(before) {
  let i = before.length - 1;
  if (before.charCodeAt(i) !== 61) return false;
  for (i--; i >= 0; i--) {
    const c = before.charCodeAt(i);
    if (c < 128 && QUERY_NAME[c] === 1) continue;
    return c === 63 || c === 38;
  }
  return false;
}
var PAIRED_NAME = /\b(?:name|key)["']?\s{0,3}[:=]\s{0,3}["']?([\w.:-]{1,80})["']?\s{0,3}[,;]?\s{0,3}["']?value["']?\s{0,3}[:=]\s{0,3}["']?$/i;
function unquotedValueEnds(site, after) {
  if (!/^[ \t]+\S/.test(after) || /^[ \t]+(?:\\\s*$|#|\/\/|;|--?[A-Za-z])/.test(after)) return true;
  return site.operator === "=" && /^[A-Z][A-Z0-9_]*$/.test(site.name);
}
function notAChosenPassword(v) {
  return notAPassword(v) || isPlaceholder(v, [], { weakPasswords: true });
}
function notAPassword(v) {
  const lower = v.toLowerCase();
  if (/^(?:[0-9]+|0x[0-9a-f]+)$/i.test(v)) return true;
  const plain = lower.replace(/[-_ ]/g, "").replace(/^[^a-z0-9]+|[=:]+$/g, "");
  if (NOT_A_PASSWORD.has(plain) || NOT_A_PASSWORD.has(unleet(plain))) return true;
  if (/^[a-z0-9]*(?:passw(?:or)?d|passphrase)[a-z]*[0-9]*$/.test(lower) || /^[a-z]*(?:passw(?:or)?d|passphrase)[a-z]*$/.test(unleet(lower))) return true;
  if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) && isWordCompound(v)) return true;
  if (/fake|dummy|mock|stub|sample|example|placeholder|redacted|replaced|hidden|masked|secret_?here|password_?here|(?:^|[-_])(?:my|your)[-_]?(?:super)?[-_]?(?:secret|pass)/.test(lower)) return true;
  if (/pass|pwd/.test(lower) && (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(v) || /^[A-Za-z]+(?:[_.][A-Za-z]+)+$/.test(v))) return true;
  if (/^(?:user|your|my|the|db|database|admin|root|some|secret|strong|new|old|current|default|service|app|account|login|example)[-_ ]?pass(?:word|wd)?$/.test(lower)) return true;
  if (/^your\W|^--?[a-z][a-z-]*$|\\x[0-9a-f]{2}/i.test(v)) return true;
  if (/^-?anon(?:ymous)?@?$/i.test(v)) return true;
  if (/^(?:test|fake|mock|dummy|demo|local|dev|stub|sample|example)[-_](?:password|passwd|pass|pwd|secret|token|key)[-_]?[0-9]*$/.test(lower)) return true;
  return false;
}
var urlPassword = (secret, context) => {
  const password = decodePercent(secret);
  if (notAPassword(password)) return null;
  const user = /([^\s:/?#@"'<>`]{1,128}):$/.exec(context.before ?? "")?.[1] ?? "";
  const after = context.after ?? "";
  const goDsn = /^@(?:tcp6?|unix)\(/.test(after);
  const host = /^@unix\(/.test(after) ? "localhost" : /^@(?:tcp6?\()?(\[[0-9a-f:]*\]|[\w.-]*)/i.exec(after)?.[1] ?? "";
  if (/^(?:localhost|127\.[0-9.]+|0\.0\.0\.0|\[::1?\])$/i.test(host)) {
    if (isPlaceholder(password) || password === user) return null;
    if (goDsn ? isPlaceholder(password, [], { weakPasswords: true }) : /^[a-z]+$/.test(password)) return null;
  }
  return {};
};
function passwordValue(v, site, context, byName) {
  if (notAPassword(v)) return null;
  if (site.flag && site.operator === " " && /^[a-z]+$/.test(v) && !isRandomLetters(v)) return null;
  if (site.quote === "" && /[.,;:]$/.test(v)) return null;
  if (byName && site.operator === "," && !site.flag && !LOOKUP_CALL.test(context.before ?? "") && !strongLooking(v)) return null;
  if (/(?:fake|dummy|mock|example|sample|placeholder)[_.-]?[A-Za-z]*$|askpass$/i.test(site.name) || /::[A-Z]\w*$/.test(site.name)) return null;
  if (NAME_WORD_HINT.test(site.name)) {
    const parts = site.name.split(/[_.-]|(?<=[a-z0-9])(?=[A-Z])/).map((part) => part.toLowerCase());
    if (parts.some((part) => CONDITION_WORDS.has(part))) return null;
    if (ATTRIBUTE_WORDS.has(parts[parts.length - 1]) || /pass[_.-]?thr(?:ough|u)/i.test(site.name)) return null;
  }
  if (site.quote !== "" && /[([][ \t]*\\?["'`]$/.test(context.before ?? "") && /^\\?["'`][ \t]*,[ \t]*\\?["'`]/.test(context.after ?? "") && /^[a-z]+(?:[_-][a-z]+)*$/.test(v) && !isRandomLetters(v)) return null;
  if (/^![A-Za-z0-9]{20,}$/.test(v)) return null;
  if (byName && site.quote === "" && /^(?:=|:|:=|=>)$/.test(site.operator)) {
    const file = fileKind(context.path);
    if (file === "code" && !looksGenerated(v)) return null;
    if (file === "unknown" && !site.lineStart) return null;
    if (file === "unknown" && /^[a-z]+_[a-z_]+$/.test(v)) return null;
  }
  return { confidence: strongLooking(v) ? "medium" : "low" };
}
var ATTRIBUTE_WORDS = /* @__PURE__ */ new Set(["check", "checker", "charset", "encoding", "algorithm", "algo", "scheme", "method", "folder", "directory", "column", "attribute", "attr", "widget", "sent"]);
var CONDITION_WORDS = /* @__PURE__ */ new Set(["err", "errcode", "error", "invalid", "incorrect", "wrong", "bad", "missing", "mismatch", "mismatched", "expired", "msg"]);
var NAME_WORD_HINT = new RegExp(`${[...CONDITION_WORDS, ...ATTRIBUTE_WORDS].join("|")}|thr`, "i");
function isRandomNumber(v) {
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
function strongLooking(v) {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  return classes >= 3 && v.length >= 10 && shannonEntropy(v) >= 3.2;
}
var LOOKUP_CALL = /(?:env|getenv|environ(?:\.get)?|fetch|get|getProperty|setProperty|getOrDefault|getString|put|set|add|setdefault|SetDefault|setDefault|set_default|config|option|setting|param|header|define|getValue|setValue|Set|Get|Add|Put|fill|type)\s*\(\s*\\?["'`][\w.:#-]+\\?["'`]\s*,\s*\\?["'`]$/;
var LEET = /[@4310!|$57]/;
function unleet(v) {
  if (!LEET.test(v)) return v;
  return v.replace(/[@4]/g, "a").replace(/3/g, "e").replace(/[1!|]/g, "i").replace(/0/g, "o").replace(/[$5]/g, "s").replace(/7/g, "t");
}
var NOT_A_PASSWORD = /* @__PURE__ */ new Set([
  "password",
  "passwd",
  "passwort",
  "passphrase",
  "pass",
  "pwd",
  "motdepasse",
  "contrasena",
  "wachtwoord",
  "kennwort",
  "parola",
  "senha",
  "required",
  "optional",
  "hidden",
  "visible",
  "masked",
  "plain",
  "plaintext",
  "cleartext",
  "text",
  "string",
  "secret",
  "secrets",
  "invalid",
  "valid",
  "blank",
  "empty",
  "missing",
  "incorrect",
  "mismatch",
  "mismatched",
  "unknown",
  "weak",
  "strong",
  "medium",
  "short",
  "long",
  "tooshort",
  "toolong",
  "toosimple",
  "tooweak",
  "reset",
  "forgot",
  "forgotten",
  "change",
  "changed",
  "update",
  "updated",
  "new",
  "old",
  "current",
  "confirm",
  "confirmed",
  "confirmation",
  "show",
  "hide",
  "toggle",
  "input",
  "field",
  "label",
  "hint",
  "error",
  "errors",
  "success",
  "login",
  "logout",
  "signin",
  "signup",
  "register",
  "submit",
  "cancel",
  "save",
  "default",
  "auto",
  "manual",
  "prompt",
  "ask",
  "env",
  "environment",
  "file",
  "stdin",
  "vault",
  "keychain",
  "keyring",
  "secretsmanager",
  "ssm",
  "kms",
  "bcrypt",
  "argon2",
  "argon2id",
  "argon2i",
  "scrypt",
  "pbkdf2",
  "sha256",
  "sha512",
  "sha1",
  "md5",
  "hash",
  "hashed",
  "digest",
  "encrypted",
  "encrypt",
  "decrypt",
  "newpassword",
  "currentpassword",
  "oldpassword",
  "confirmpassword",
  "onetimecode",
  "off",
  "none",
  "disabled",
  "enabled",
  "set",
  "unset",
  "notset",
  "nopassword",
  "nopass",
  "nopasswd",
  "expired",
  "locked",
  "unlock",
  "random",
  "generated",
  "generate",
  "auto",
  "inherit",
  "anonymous",
  "guestaccess",
  "sensitive",
  "secure",
  "insecure",
  "value",
  "values",
  "true",
  "false",
  "null",
  "nil",
  "salt",
  "pepper",
  "nonce",
  "key",
  "iv",
  "passed",
  "failed",
  "skipped",
  "pending",
  "failure",
  "fail",
  "different",
  "other",
  "another",
  "same",
  "match",
  "nomatch",
  "asdf",
  "qwer",
  "zxcv",
  "asdfasdf",
  "qwerqwer",
  "qwerty",
  "undefined",
  "mypassword",
  "notasecret",
  "notsecret",
  "nosecret",
  "unsafe",
  "name",
  "username",
  "user",
  "login",
  "email",
  "flags",
  "flag",
  "with",
  "changeit"
]);
function generatedValue(v, kind, before) {
  if (/passw(?:or)?d|p[a@4]ssw[o0]rd|secret|token/i.test(v)) return null;
  if (isTestValue(v)) return null;
  if (/^(?:0x[0-9a-f]+|[0-9]+(?:\.[0-9]+)?)$/i.test(v) && !isRandomNumber(v)) return null;
  if (/(?:^|[^A-Za-z])(?:invalid|fake|dummy|mock|test|example|sample|wrong|bad|bogus|expired|revoked)[_.-]?[A-Za-z]*["'`\]]?\s*(?:=|:=|:|=>)\s*["'`]?$/i.test(before)) return null;
  const core = v.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (/^[0-9]+$/.test(core)) return isRandomNumber(core) ? { confidence: "low" } : null;
  if (/^[a-z]+(?:[^a-z0-9\s][a-z]+)*$/.test(core)) return kind !== "weak-key" && isRandomLetters(v) ? { confidence: "low" } : null;
  if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(core)) {
    const parts = core.split(/[-_.]/);
    if (parts.some((part) => /^[a-z]{3,}$/.test(part) && /[g-z]/.test(part) && isWordLike(part)) && !parts.some(randomPart)) return null;
  }
  if (isWordCompound(core.replace(/(?<=[A-Za-z])[0-9]+(?=[A-Za-z])/g, ""))) return null;
  if (/^[A-Za-z]+$/.test(core) && isCamelWords(core)) return null;
  if (/^[A-Z]?[a-z]+$/.test(core)) return null;
  if (wordShare(v) >= 0.6) return null;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length;
  const bits = shannonEntropy(v);
  if (classes < 2 || bits < 2.5) return null;
  if (v.length < 10 && classes < 3) return null;
  if (kind === "weak-key" && (!stronglyRandom(v) || PUBLIC_KEY_WORDS.test(before))) return null;
  const strong = classes >= 3 && v.length >= 10 && bits >= 3.2 || v.length >= 24 && bits >= 4;
  return { confidence: strong ? "medium" : "low" };
}
function randomPart(part) {
  return part.length >= 16 && /[0-9]/.test(part) && /[a-z]/.test(part) || isRandomLetters(part);
}
var PUBLIC_KEY_WORDS = /(?:gpg|pgp|gnupg|public|pub|host|ssh|release|fingerprint|verify|verification)[\s_.-]*key\b[^=:]*[=:]?\s*["'`]?$/i;
function stronglyRandom(v) {
  if (/^(?:[0-9a-f]{32,}|[0-9A-F]{32,})$/.test(v)) return shannonEntropy(v) >= 3;
  const body = v.replace(/^base64:/, "").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/_-]{24,}$/.test(body)) return false;
  return /[a-z]/.test(body) && /[A-Z]/.test(body) && /[0-9]/.test(body) && shannonEntropy(body) >= 4;
}
function unescapeXml(v) {
  return v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
function encodesPlaceholder(v) {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v) || v.replace(/=+$/, "").length % 4 === 1) return false;
  const decoded = Buffer.from(v, "base64").toString("utf8").replace(/[:=]+$/, "");
  if (decoded.length < 4 || /[\x00-\x1f\x7f\ufffd]/.test(decoded)) return false;
  return isPlaceholder(decoded) || /^[a-z]+(?:[_.-][a-z]+)*$/.test(decoded) || /^[A-Za-z][a-z]*(?: [A-Za-z][a-z]*){2,11}[.!]?$/.test(decoded);
}

// src/engine/refine/basic-auth.ts
var basicAuth = (secret) => {
  let decoded;
  try {
    decoded = Buffer.from(secret, "base64").toString("utf8");
  } catch {
    return null;
  }
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1 || /[\x00-\x1f\ufffd]/.test(decoded)) return null;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password.length < 4 || /^(?:password|pass|secret|changeme|\*+|x+)$/i.test(password)) return null;
  return { facts: { username: user.slice(0, 100) } };
};
var basicCredentialsPassword = (secret, context) => {
  const refined = basicAuth(secret, context);
  if (refined === null) return null;
  const decoded = Buffer.from(secret, "base64").toString("utf8");
  const password = decoded.slice(decoded.indexOf(":") + 1);
  if (/[^\x20-\x7e]/.test(decoded) || isPlaceholder(password, [], { weakPasswords: true }) || notAPassword(password)) return null;
  return refined;
};
var basicCredentials = (secret, context) => {
  const refined = basicCredentialsPassword(secret, context);
  if (refined !== null) return refined;
  let decoded;
  try {
    decoded = Buffer.from(secret, "base64").toString("utf8");
  } catch {
    return null;
  }
  const key = /^([\w.-]{20,200}):$/.exec(decoded)?.[1];
  if (key === void 0 || isPlaceholder(key) || shannonEntropy(key) < 4 || !/[0-9]/.test(key) || !/[A-Za-z]/.test(key)) return null;
  return { facts: { username: "an API key" } };
};

// src/engine/refine/credential-file.ts
var PASSWORD_NAME2 = /(?:pass(?:word|wd|phrase)?|pwd|psw)["']?[ \t]*[=:]?[ \t]*["']?$/i;
function notACredential(value) {
  if (value.length === 0 || isPlaceholder(value)) return true;
  if (/^(?:\$[{(]|%\w+%$|`|@\w+@$)|\{[\w.]*\}/.test(value)) return true;
  if (isMarker(value) || isReference(value)) return true;
  if (/[A-Za-z_]\w*\[(?:["'`]|$)|^[A-Za-z_][\w.]*\.[A-Za-z_]\w*\(/.test(value)) return true;
  if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$/.test(value)) return true;
  if (/^[(<[][a-z]/i.test(value)) return true;
  if (/\*{3,}/.test(value) || isTestValue(value)) return true;
  return isCiphertext(value) || /^\{[A-Za-z0-9+/=]{16,}\}$|^enc:/.test(value);
}
function unquote(secret) {
  return secret.replace(/^["']/, "").replace(/["'`]?[,;)\]}]*$/, "");
}
var credentialFilePassword = (secret) => notACredential(secret) || notACredential(unquote(secret)) ? null : {};
var credentialFileValue = (secret, context) => {
  const value = unquote(secret);
  if (notACredential(secret) || notACredential(value)) return null;
  if (PASSWORD_NAME2.test(context.before ?? "")) return {};
  if (value.length < 8 || /^[a-z]+(?:[-_. ][a-z]+)*$/.test(value)) return null;
  return {};
};
var WINSCP_MAGIC = 163;
var WINSCP_FLAG = 255;
var winscpPassword = (secret) => {
  if (!/^(?:[0-9A-F]{2})+$/i.test(secret)) return null;
  const bytes = [];
  for (let i = 0; i < secret.length; i += 2) bytes.push(~(Number.parseInt(secret.slice(i, i + 2), 16) ^ WINSCP_MAGIC) & 255);
  let at = 0;
  const next = () => bytes[at++] ?? -1;
  const flag = next();
  let length = flag;
  if (flag === WINSCP_FLAG) {
    next();
    length = next();
  }
  const shift = next();
  if (length <= 0 || shift < 0) return null;
  at += shift;
  if (at + length > bytes.length) return null;
  for (let i = 0; i < length; i++) {
    const c = next();
    if (c < 32 || c === 127) return null;
  }
  return { facts: { encoding: "winscp-obfuscated" } };
};

// src/engine/refine/discord.ts
var discordBotToken = (secret) => {
  const first = secret.split(".")[0] ?? "";
  let decoded;
  try {
    decoded = Buffer.from(first, "base64url").toString("latin1");
  } catch {
    return null;
  }
  if (!/^[0-9]{15,21}$/.test(decoded)) return null;
  return { facts: { botUserId: decoded } };
};

// src/engine/refine/jwk.ts
var MIN_BYTES = 16;
var jwkPrivateMember = (secret, context) => {
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) return null;
  const bytes = Math.floor(secret.length * 6 / 8);
  if (bytes < MIN_BYTES || shannonEntropy(secret) < 3.5) return null;
  const member = /["']?(d|p|q|dp|dq|qi|k)["']?\s*:\s*["']$/.exec(context.before ?? "")?.[1];
  return { facts: { jwkMember: member ?? "d", keyBits: String(bytes * 8) } };
};

// src/engine/refine/jwt.ts
import { createHmac as createHmac2 } from "node:crypto";
function decodeBase64Json(segment) {
  try {
    const text2 = Buffer.from(segment, "base64url").toString("utf8");
    if (!text2.startsWith("{")) return void 0;
    return JSON.parse(text2);
  } catch {
    return void 0;
  }
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var jwt = (secret, context) => {
  const parts = secret.split(".");
  if (parts.length < 2) return null;
  const header = decodeBase64Json(parts[0]);
  const payload = decodeBase64Json(parts[1]);
  if (!isRecord(header) || !isRecord(payload)) return null;
  const facts = {};
  if (typeof header.alg === "string") facts.alg = header.alg;
  if (typeof payload.iss === "string") facts.issuer = payload.iss.slice(0, 200);
  const unsigned = typeof header.alg === "string" && header.alg.toLowerCase() === "none";
  const handMade = !unsigned && typeof header.alg === "string" && !signatureFits(header.alg, parts[2] ?? "");
  if (handMade) facts.signature = "does not fit the algorithm";
  else if (typeof header.alg === "string" && signedWithPublishedKey(header.alg, parts)) facts.signature = "made with a published example key";
  const confidence = unsigned || handMade ? "low" : void 0;
  if (typeof payload.exp === "number" && Number.isFinite(payload.exp)) {
    const iat = typeof payload.iat === "number" ? payload.iat : void 0;
    return { ...expiryFacts(payload.exp, context, iat), facts, confidence };
  }
  return { lifetime: "long-lived", facts, confidence };
};
var PUBLISHED_HMAC_KEYS = ["secret", "your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "your-secret-key", "secretkey", "mysecret", "my-secret", "supersecret", "password", "key", "shhhhh", "changeme", "test"];
function signedWithPublishedKey(alg, parts) {
  const hash = { HS256: "sha256", HS384: "sha384", HS512: "sha512" }[alg];
  if (hash === void 0 || parts.length !== 3) return false;
  const signingInput = `${parts[0]}.${parts[1]}`;
  return PUBLISHED_HMAC_KEYS.some((key) => createHmac2(hash, key).update(signingInput).digest("base64url") === parts[2]);
}
function signatureFits(alg, signature) {
  const bytes = Math.floor(signature.length * 3 / 4);
  const exact = { HS256: 32, HS384: 48, HS512: 64, ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, ES256K: 64 };
  const size = exact[alg];
  if (size !== void 0) return bytes === size;
  if (/^[RP]S(?:256|384|512)$/.test(alg)) return bytes >= 128 && bytes <= 1024;
  return true;
}
var jwtRule = (secret, context) => {
  const refined = jwt(secret, context);
  if (refined === null || refined.facts?.signature !== void 0) return null;
  return refined;
};

// src/engine/refine/nkey.ts
var ROLES = { U: "user", A: "account", O: "operator", N: "server", C: "cluster", X: "curve", P: "private" };
var nkeySeed = (secret) => {
  const role = ROLES[secret[1] ?? ""];
  return role === void 0 ? null : { facts: { nkeyRole: role } };
};

// src/engine/refine/ntlm-authenticate.ts
var ntlmAuthenticate = (secret) => {
  const bytes = Buffer.from(secret, "base64");
  if (bytes.length < 64 || bytes.toString("latin1", 0, 8) !== "NTLMSSP\0" || bytes.readUInt32LE(8) !== 3) return null;
  const field2 = (at) => ({ length: bytes.readUInt16LE(at), offset: bytes.readUInt32LE(at + 4) });
  const nt = field2(20);
  if (nt.length < 24 || nt.offset + nt.length > bytes.length) return null;
  const user = field2(36);
  const domain = field2(28);
  const text2 = (f) => f.length > 0 && f.offset + f.length <= bytes.length ? bytes.toString("utf16le", f.offset, f.offset + f.length).replace(/[^\x20-\x7e]/g, "") : "";
  const facts = { response: nt.length === 24 ? "NTLMv1" : "NTLMv2" };
  const name = [text2(domain), text2(user)].filter(Boolean).join("\\");
  if (name !== "") facts.username = name.slice(0, 100);
  return { facts };
};

// src/engine/refine/ntlm.ts
var SIGNATURE = "NTLMSSP\0";
function field(message, at) {
  return { length: message.readUInt16LE(at), offset: message.readUInt32LE(at + 4) };
}
function text(message, buffer, unicode) {
  const bytes = message.subarray(buffer.offset, buffer.offset + buffer.length);
  return (unicode ? bytes.toString("utf16le") : bytes.toString("latin1")).replace(/[^\x20-\x7e]/g, "?").slice(0, 100);
}
var ntlmResponse = (secret) => {
  const message = Buffer.from(secret, "base64");
  if (message.length < 64 || message.toString("latin1", 0, 8) !== SIGNATURE || message.readUInt32LE(8) !== 3) return null;
  const nt = field(message, 20);
  const domain = field(message, 28);
  const user = field(message, 36);
  for (const f of [nt, domain, user]) if (f.offset + f.length > message.length) return null;
  if (nt.length === 0 || user.length === 0) return null;
  const flags = message.length >= 64 ? message.readUInt32LE(60) : 0;
  const unicode = (flags & 1) === 1;
  const facts = { ntlm: nt.length === 24 ? "NetNTLMv1" : "NetNTLMv2", username: text(message, user, unicode) };
  if (domain.length > 0) facts.domain = text(message, domain, unicode);
  return { facts, lifetime: "long-lived" };
};

// src/engine/refine/cisco-type7.ts
var KEY_STREAM = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
function decodeType7(encoded) {
  if (!/^[0-9]{2}(?:[0-9A-Fa-f]{2})+$/.test(encoded)) return null;
  const offset = Number(encoded.slice(0, 2));
  if (offset > 15) return null;
  let plain = "";
  for (let i = 2, k = offset; i < encoded.length; i += 2, k++) {
    const code = parseInt(encoded.slice(i, i + 2), 16) ^ KEY_STREAM.charCodeAt(k % KEY_STREAM.length);
    if (code < 32 || code > 126) return null;
    plain += String.fromCharCode(code);
  }
  return plain;
}
var ciscoType7 = (secret) => {
  const plain = decodeType7(secret);
  if (plain === null || plain.length < 4) return null;
  return { lifetime: "long-lived", facts: { encoding: "Cisco type 7 (reversible)" } };
};

// src/engine/refine/otp-seed.ts
var otpSeed = (secret) => {
  const compact = secret.replace(/[\s-]/g, "").replace(/=+$/, "").toUpperCase();
  if (!/^[A-Z2-7]{16,128}$/.test(compact) || isPlaceholder(compact)) return null;
  if (/secret|token|passw|example|test|seed/i.test(secret) || !/[2-7]/.test(compact)) return null;
  const bytes = base32Decode(compact);
  if (!bytes || bytes.length < 10) return null;
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (/^[A-Za-z]{5}$/.test(head)) return null;
  return { facts: { seedBits: String(bytes.length * 8) } };
};

// src/engine/refine/prose-secret.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var DIGEST_OR_ID = /\b(?:sha-?(?:1|224|256|384|512)|h1|md5|checksum|digest|hash(?:es)?|fingerprint|commit|revision|rev|sha|id|ids|identifier|uuid|guid|nonce|salt|iv|hmac|page|cursor|continuation|csrf|xsrf|idempotency)\b/i;
var EXAMPLE = /\b(?:e\.g\.|eg\.|for example|examples?|such as|like|sample|format|looks?|begins?|starts?|prefix(?:ed)?|ends?)\b/i;
var KEY_AND_COLON = /(?:key|token|secret)s?`?[ \t]{0,3}:[ \t]{0,3}[`*]{0,2}$/i;
var proseSecret = (v, context) => {
  const before = context.before ?? "";
  if (KEY_AND_COLON.test(before) || UUID.test(v) || DIGEST_OR_ID.test(before) || EXAMPLE.test(before)) return null;
  if (notALiteral(v, siteBefore(before), before, context.after ?? "", context.path)) return null;
  if (/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+$/.test(v)) return null;
  if (!plainlyGenerated(v) || isPlaceholder(v)) return null;
  return { confidence: "low" };
};
function plainlyGenerated(v) {
  if (/^[0-9a-f]{32,}$/i.test(v)) return /[0-9]/.test(v) && /[a-f]/i.test(v) && shannonEntropy(v) >= 3;
  if (v.length < 16 || !/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v)) return false;
  return shannonEntropy(v) >= 3.5 && wordShare(v) < 0.4;
}

// src/engine/refine/paseto.ts
var SIGNATURE_BYTES = { v1: 256, v2: 64, v3: 96, v4: 64 };
var KEY_BYTES = { "k1.local": 32, "k2.local": 32, "k3.local": 32, "k4.local": 32, "k2.secret": 64, "k4.secret": 64, "k3.secret": 48 };
var pasetoToken = (secret, context) => {
  const parts = secret.split(".");
  if (parts.length < 3 || parts.length > 4) return null;
  const [version, purpose, payload] = parts;
  const bytes = Buffer.from(payload, "base64url");
  const signature = SIGNATURE_BYTES[version] ?? 64;
  if (bytes.length < (purpose === "local" ? 56 : signature + 2)) return null;
  const refinement = { facts: { paseto: `${version}.${purpose}` }, lifetime: "expiring" };
  if (purpose !== "public") return refinement;
  let claims;
  try {
    claims = JSON.parse(bytes.subarray(0, bytes.length - signature).toString("utf8"));
  } catch {
    return null;
  }
  const exp = typeof claims === "object" && claims !== null ? claims.exp : void 0;
  const when = typeof exp === "string" ? Date.parse(exp) : Number.NaN;
  if (Number.isNaN(when)) return refinement;
  return { ...refinement, expiresAt: new Date(when).toISOString(), expired: when < context.now };
};
var paserkKey = (secret) => {
  const cut = secret.indexOf(".", 3);
  const type = secret.slice(0, cut);
  const bytes = Buffer.from(secret.slice(cut + 1), "base64url");
  const expected = KEY_BYTES[type];
  if (expected !== void 0 ? bytes.length !== expected : bytes.length < 32) return null;
  return { facts: { paserk: type } };
};

// src/engine/refine/password-hash.ts
import { createHash as createHash3 } from "node:crypto";
var SCHEMES = [
  { name: "bcrypt", test: /^(?:\$wp)?\$2[abxy]\$/, length: 53 },
  { name: "django-bcrypt-sha256", test: /^bcrypt(?:_sha256)?\$/ },
  { name: "md5-crypt", test: /^\$1\$/, length: 22 },
  { name: "apr1", test: /^\$apr1\$/, length: 22 },
  { name: "sha256-crypt", test: /^\$5\$/, length: 43 },
  { name: "sha512-crypt", test: /^\$6\$/, length: 86 },
  { name: "yescrypt", test: /^\$g?y\$/, length: 43 },
  { name: "scrypt-crypt", test: /^\$7\$/, length: 43 },
  { name: "sunmd5", test: /^\$md5/, length: 22 },
  { name: "netbsd-sha1-crypt", test: /^\$sha1\$/, length: 28 },
  { name: "argon2", test: /^(?:argon2)?\$argon2/ },
  { name: "phpass", test: /^\$[PH]\$/ },
  { name: "drupal7", test: /^\$S\$/ },
  { name: "passlib", test: /^\$(?:pbkdf2|scrypt)/ },
  { name: "django-pbkdf2", test: /^pbkdf2_sha/ },
  { name: "django-scrypt", test: /^scrypt\$/ },
  { name: "django-salted-digest", test: /^(?:sha1|md5)\$/ },
  { name: "werkzeug", test: /^(?:pbkdf2|scrypt):/ },
  { name: "ldap", test: /^\{/ },
  { name: "mysql-native", test: /^\*[0-9A-F]{40}$/ },
  { name: "postgres-md5", test: /^md5[0-9a-f]{32}$/ },
  { name: "postgres-scram-sha-256", test: /^SCRAM-SHA-256\$/ },
  { name: "des-crypt", test: /^[./0-9A-Za-z]{13}$/ },
  { name: "hex-digest", test: /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i }
];
var SAMPLE_WORDS = ["", "password", "passwd", "secret", "changeme"];
var sampleDigests = (() => {
  const out = /* @__PURE__ */ new Set();
  for (const word of SAMPLE_WORDS) {
    for (const algorithm of ["md5", "sha1", "sha256", "sha512"]) {
      const digest = createHash3(algorithm).update(word).digest();
      out.add(digest.toString("hex"));
      out.add(digest.toString("base64"));
    }
    const mysql = createHash3("sha1").update(createHash3("sha1").update(word).digest()).digest("hex").toUpperCase();
    out.add(`*${mysql}`);
  }
  return out;
})();
function hashField(secret) {
  const cut = Math.max(secret.lastIndexOf("$"), secret.lastIndexOf("}"), secret.lastIndexOf(":"));
  return cut < 0 ? secret : secret.slice(cut + 1);
}
var passwordHash = (secret) => {
  if (/^[!*]/.test(secret) && !/^\*[0-9A-F]{40}$/.test(secret)) return null;
  const scheme = SCHEMES.find((s) => s.test.test(secret));
  if (scheme === void 0) return null;
  const field2 = hashField(secret);
  if (field2.length === 0 || isPlaceholder(field2)) return null;
  if (sampleDigests.has(secret.toLowerCase()) || sampleDigests.has(secret) || sampleDigests.has(field2) || sampleDigests.has(field2.toLowerCase())) return null;
  const facts = { scheme: scheme.name };
  const refinement = { facts };
  if (scheme.name === "bcrypt") {
    const cost = Number(/\$2[abxy]\$([0-9]{2})\$/.exec(secret)?.[1]);
    if (!(cost >= 4 && cost <= 31)) return null;
    facts.cost = String(cost);
  }
  if (scheme.name === "des-crypt" || scheme.name === "hex-digest") {
    if (/^[a-z]+$/i.test(field2) || /^[0-9]+$/.test(field2)) return null;
    refinement.confidence = "medium";
  }
  if (scheme.length !== void 0 && field2.length !== scheme.length) refinement.confidence = "medium";
  return refinement;
};

// src/engine/refine/private-key.ts
var privateKey = (secret) => {
  const sshcom = secret.startsWith("---- BEGIN SSH2 ");
  const header = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY(?: BLOCK)?-----/.exec(secret);
  const kind = sshcom ? "SSH.COM" : (header?.[1] ?? "").trim() || "PKCS8";
  const body = keyBody(secret);
  if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body)) return null;
  const encrypted = kind === "ENCRYPTED" || /Proc-Type: 4,ENCRYPTED/.test(secret) || isEncryptedOpenSsh(kind, body) || sshcom && isEncryptedSshCom(body);
  const facts = { keyType: kind };
  if (encrypted) facts.encrypted = "true";
  if (isSplitOverLiterals(secret)) facts.written = "split over string literals";
  return { lifetime: "long-lived", facts, confidence: encrypted ? "medium" : "high" };
};
function isEncryptedOpenSsh(kind, body) {
  if (kind !== "OPENSSH") return false;
  const head = Buffer.from(body.slice(0, 64), "base64").toString("latin1");
  if (!head.startsWith("openssh-key-v1\0")) return false;
  return !head.slice(15, 23).includes("none");
}
function isEncryptedSshCom(body) {
  const head = Buffer.from(body.slice(0, 1024), "base64");
  if (head.length < 16 || head.readUInt32BE(0) !== 1064303083) return false;
  const typeEnd = 12 + head.readUInt32BE(8);
  if (typeEnd + 4 > head.length) return false;
  const cipherLength = head.readUInt32BE(typeEnd);
  if (typeEnd + 4 + cipherLength > head.length) return false;
  return head.toString("latin1", typeEnd + 4, typeEnd + 4 + cipherLength) !== "none";
}

// src/engine/refine/pypi.ts
var pypiMacaroon = (secret, context) => {
  let bytes;
  try {
    bytes = Buffer.from(secret.replace(/^pypi-/, ""), "base64url");
  } catch {
    return null;
  }
  if (bytes[0] !== 2) return null;
  const text2 = bytes.toString("latin1");
  const facts = {};
  const location = /\x01\x08([a-z.]{8})/.exec(text2);
  if (location) facts.registry = location[1];
  const expiry = /\[0,\s*([0-9]{9,11}),\s*([0-9]{9,11})\]/.exec(text2) ?? /"exp":\s*([0-9]{9,11})/.exec(text2);
  if (expiry) {
    const exp = Number(expiry[1]);
    const nbf = expiry[2] !== void 0 ? Number(expiry[2]) : void 0;
    return { ...expiryFacts(exp, context, nbf), facts };
  }
  return { lifetime: "long-lived", facts };
};

// src/engine/refine/ldif-password.ts
var ldifUserPassword = (secret, context) => {
  let value = secret;
  if (/::[ \t]*$/.test(context.before ?? "")) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length % 4 !== 0) return null;
    value = Buffer.from(secret, "base64").toString("utf8");
    if (!/^[\x20-\x7e]{1,256}$/.test(value)) return null;
  }
  if (/^\{[A-Za-z0-9-]{2,20}\}/.test(value) || isPlaceholder(value)) return null;
  return value === secret ? {} : { facts: { encoding: "base64" } };
};

// src/engine/refine/sql-password.ts
var SERVER_HASH = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$|\*[0-9A-F]{40}$|\$[0-9a-z]{1,6}\$)/;
var sqlStatementPassword = (secret, context) => {
  if (SERVER_HASH.test(secret) || isPlaceholder(secret)) return null;
  if (/^(?:null|none|default|expire[ds]?|values?|password|external|globally)$/i.test(secret)) return null;
  if (!/["'`]$/.test(context.before ?? "") && /^(?:a|an|the|in|on|at|to|of|for|by|as|is|it|its|be|and|or|if|so|via|their|there|these|those|which|where|when|with|from|after|before|again|below|above|account|name|email)$/.test(secret)) return null;
  return {};
};

// src/engine/refine/named-elsewhere.ts
var REFERENCE_NAME = /\$\{([\w.-]{1,120})(?::[-=]?|[-=])$/;
var KEYED_TAG = /<([\w:-]{1,40})\b[^<>]{0,300}?\b(?:key|name)[ \t]{0,3}=[ \t]{0,3}["']([^"'<>]{1,120})["'][^<>]{0,200}>$/;
var DESCRIBES = /(?:hint|label|title|error|message|msg|text|description|desc|prompt|placeholder|summary|caption|tooltip|help|header|heading|button|btn|link|toggle|field|input|length|min|max|policy|pattern|regex|format|type|kind|file|path|url|uri|id|name|enabled|required|expired?|expiry|ttl|timeout|size|count|invalid|wrong|incorrect|forgot|reset|changed?|mismatch|empty|missing|strength|score|level|mode|state|status|visible|visibility|shown|hidden|service|address|host|hostname|port|server|provider|manager|handler|store|storage|source|config|settings|options|version|prefix|suffix|params?|data|info|meta|rules?|validator|check|hash|salt)s?$/i;
function judgeAsNamed(secret, name, context, generatedOnly = false) {
  if (name === void 0 || DESCRIBES.test(name)) return null;
  const password = nameKind(name) === "password";
  if (password && !generatedOnly) return judgeGenericValue(secret, { ...context, before: `${name} = "`, after: '"' }, "password");
  return judgeGenericValue(secret, { ...context, before: `${password ? "secret" : name} = "`, after: '"' });
}
var referenceDefault = (secret, context) => judgeAsNamed(secret, REFERENCE_NAME.exec(context.before ?? "")?.[1], context);
var keyedElementValue = (secret, context) => {
  const before = VALUE_LINE.test(context.before ?? "") ? (context.previous ?? "").trimEnd() : context.before ?? "";
  const tag = KEYED_TAG.exec(before);
  return judgeAsNamed(secret, tag?.[2], context, tag?.[1]?.toLowerCase() === "string");
};
var VALUE_LINE = /^[ \t]*<value>$/;
var COMPARED_NAME = /([\w.$-]{1,120})(?:["'`]\])?(?:[ \t]{0,3}(?:===?|!==?)[ \t]{0,3}|\.equals(?:IgnoreCase)?\([ \t]{0,3})["'`]$/;
var comparedValue = (secret, context) => {
  if (/^[a-z]+$/.test(secret) || /^[;,()[\]{}]/.test(secret)) return null;
  const name = COMPARED_NAME.exec(context.before ?? "")?.[1];
  return name !== void 0 && NAME_PART.test(name) ? judgeAsNamed(secret, name, context) : null;
};
var NAME_PART = /(?:^|[_.$-])(?:[Pp]ass|[Pp]wd|[Ss]ecret|[Tt]oken|[Aa]pi_?[Kk]ey|[Cc]redential|PASS|PWD|SECRET|TOKEN|API_?KEY|CREDENTIAL)|(?<=[a-z0-9])(?:Pass|Pwd|Secret|Token|ApiKey|Credential)/;
var STATEMENT_NAMES = [
  /\blet!?\([ \t]{0,3}:(\w{1,80})[ \t]{0,3}\)[ \t]{0,3}\{[ \t]{0,3}["']$/,
  /\b(?:strn?cpy|strlcpy|strn?cpy_s|wcsn?cpy)[ \t]{0,3}\([ \t]{0,3}[\w.>[\]-]{0,80}?(\w{1,80})\]?[ \t]{0,3},[ \t]{0,3}(?:[\w .()>-]{1,60},[ \t]{0,3})?L?"$/,
  /\bget_?(\w{1,80})[ \t]{0,3}\([ \t]{0,3}(?:self)?[ \t]{0,3}\)(?:[ \t]{0,3}\)[ \t]{0,3}\.thenReturn[ \t]{0,3}\([ \t]{0,3}|[^\n"'=]{0,40}?(?:(?:\{|:|=>)[ \t]{0,3}return[ \t]{1,3}|(?<![=!<>])=[ \t]{0,3}))["']$/,
  // React state and its first value: `const [password, setPassword] = useState("`.
  /\[[ \t]{0,3}(\w{1,80})[ \t]{0,3},[ \t]{0,3}set\w{1,60}[ \t]{0,3}\][ \t]{0,3}=[ \t]{0,3}(?:React\.)?useState(?:<\w{1,20}>)?\([ \t]{0,3}["'`]$/,
  // An XML element whose text is a CDATA section: `<password><![CDATA[`.
  /<(?:[\w-]{1,20}:)?([\w.-]{1,80})>[ \t]{0,3}<!\[CDATA\[$/
];
var DOCUMENT_NAMES = [
  /\|[ \t]{0,3}[`*]{0,2}([\w .-]{1,60}?)[`*]{0,2}[ \t]{0,3}\|[ \t]{0,3}[`*]{0,2}$/,
  /<t[dh]\b[^<>]{0,60}>[ \t]{0,3}([\w .-]{1,60}?)[ \t]{0,3}<\/t[dh]>[ \t]{0,3}<td\b[^<>]{0,60}>[ \t]{0,3}(?:<code>)?$/,
  /(?:\*\*|__)([\w .-]{1,60}?):?(?:\*\*|__):?[ \t]{0,3}`?$/,
  /([\w.-]{1,60}):[ \t]{0,3}<code>$/
];
var givenName = (secret, context) => {
  const before = context.before ?? "";
  for (const shape of STATEMENT_NAMES) {
    const name = shape.exec(before)?.[1];
    if (name !== void 0) return judgeAsNamed(secret, name, context);
  }
  for (const shape of DOCUMENT_NAMES) {
    const name = shape.exec(before)?.[1];
    if (name === void 0) continue;
    if (/^[a-z]+(?:_[a-z]+)+$/.test(secret)) return null;
    return judgeAsNamed(secret, name.trim().replace(/[ \t]+/g, "_"), context);
  }
  return null;
};

// src/engine/refine/password-literal.ts
var PASSWORD_WORD = /(?<![A-Za-z])[Pp][Aa@4][Ss$5]{2}|(?<=[a-z0-9])P[Aa@4][Ss$5]{2}|(?<![A-Za-z])[Pp][Ww][Dd]?(?![a-z])|(?<=[a-z])P[Ww]d?(?![a-z])/;
var LEET_WORD = /p[@4][s$5]{2}|pa(?:[$5][s$5]|s[$5])|passw0rd/i;
var ENGLISH = /passport|passage|passenger|passive|passing|passed|passes|passthr|bypass|compass|trespass|surpass|impass|overpass|underpass/i;
var SYMBOL = /[!@#$%^&*+?~:]/;
var passwordLiteral = (secret) => {
  if (!PASSWORD_WORD.test(secret) || ENGLISH.test(secret) || !/[0-9]/.test(secret)) return null;
  if (secret.length >= 24 && shannonEntropy(secret) >= 4.3) return null;
  const leet = LEET_WORD.test(secret);
  if (!leet && !/[0-9](?![A-Za-z0-9])/.test(secret)) return null;
  if (/%[0-9A-Fa-f]{2}/.test(secret) || /@[\^~<>=v]{0,2}[0-9]+\.[0-9]/.test(secret) || /^[^@]+@[\w-]+\.[\w.-]+$/.test(secret)) return null;
  const netloc = /^[^:@\s]+:([^@\s]+)@[\w-]+(?:\.[\w-]+)*(?::[0-9]{1,5})?$/.exec(secret);
  if (notAChosenPassword(secret) || netloc && notAChosenPassword(netloc[1])) return null;
  if (!leet) {
    if (/^[A-Za-z0-9]+$/.test(secret)) return null;
    if (/^[a-z0-9]+(?:[-_.][a-z0-9]+)+$/.test(secret)) return null;
    if (/^[A-Z0-9]+(?:[-_.][A-Z0-9]+)+$/.test(secret)) return null;
  }
  if (/^[#.]/.test(secret) || /^[A-Za-z_][\w-]*(?:(?:\.|::)[\w-]+)+$/.test(secret)) return null;
  if (/^urn:/i.test(secret) || isObjectReference(secret)) return null;
  if (!leet && !/[A-Z]/.test(secret) && !SYMBOL.test(secret)) return null;
  return { confidence: "low" };
};

// src/engine/refine/prose-password.ts
function notAProsePassword(v) {
  return /^[A-Za-z]+v?[0-9]+\.[0-9.]+$/.test(v) || notAChosenPassword(v);
}
var prosePassword = (v) => {
  if (v.length < 6 || !/[0-9]/.test(v) || !/[A-Za-z]/.test(v)) return null;
  if (!/[!@#$%^&*+?~]/.test(v) && !(/[a-z]/.test(v) && /[A-Z]/.test(v))) return null;
  return notAProsePassword(v) ? null : { confidence: "low" };
};
var DIRECTLY_AFTER_WORD = /(?:pass(?:word|phrase|wd)|pwd|pw)s?[ \t]{1,3}$/i;
var statedPassword = (v, context) => {
  if (v.length < 6) return null;
  if (DIRECTLY_AFTER_WORD.test(context.before ?? "")) {
    if (v.length < 8 || prosePassword(v, context) === null || /[/\\]/.test(v) || /^[0-9]+[:.]/.test(v)) return null;
    if (!/^["'`*]{0,2}[.,;!?)]?[ \t]*(?:$|\(|#|\/\/)/.test(context.after ?? "")) return null;
  }
  if (!(/[A-Za-z]/.test(v) && /[0-9!@#$%^&*+?~]/.test(v)) && !isRandomLetters(v)) return null;
  if (/^[a-z0-9]+(?:-[a-z]+)+$/.test(v) || /[${}]|^%|:\/\//.test(v)) return null;
  return notAProsePassword(v) ? null : { confidence: "low" };
};

// src/engine/refine.ts
var REFINERS = /* @__PURE__ */ new Map([
  ["generic-secret-value", genericSecretValue],
  ["generic-password-value", genericPasswordValue],
  ["generic-generated-value", genericGeneratedValue],
  ["basic-auth", basicAuth],
  ["basic-credentials", basicCredentials],
  ["ntlm-authenticate", ntlmAuthenticate],
  ["url-password", urlPassword],
  ["aws-access-key-id", awsAccessKeyId],
  ["jwt", jwtRule],
  ["azure-sas", azureSas],
  ["discord-bot-token", discordBotToken],
  ["private-key", privateKey],
  ["pypi-macaroon", pypiMacaroon],
  ["password-hash", passwordHash],
  ["credential-file-password", credentialFilePassword],
  ["credential-file-value", credentialFileValue],
  ["winscp-password", winscpPassword],
  ["nkey-seed", nkeySeed],
  ["otp-seed", otpSeed],
  ["jwk-private-member", jwkPrivateMember],
  ["ntlm-response", ntlmResponse],
  ["paseto-token", pasetoToken],
  ["paserk-key", paserkKey],
  ["sql-statement-password", sqlStatementPassword],
  ["ldif-user-password", ldifUserPassword],
  ["reference-default", referenceDefault],
  ["keyed-element-value", keyedElementValue],
  ["compared-value", comparedValue],
  ["given-name", givenName],
  ["password-literal", passwordLiteral],
  ["prose-password", prosePassword],
  ["stated-password", statedPassword],
  ["prose-secret", proseSecret],
  ["cisco-type7", ciscoType7]
]);
function refiner(name) {
  return REFINERS.get(name);
}

// src/engine/keyword-scan-wasm.ts
var KEYWORD_SCAN_WASM = "AGFzbQEAAAABGgJgBn9/f39/fwF/YAt/f39/f39/f39/fwF/AwMCAAEFAwEAAQcRAgZtZW1vcnkCAARzY2FuAAEKuQMCTgECfyADIAAgBW5BAnRqKAIAIQYCQANAIAQgBkECdGooAgAhByAHQQBIDQEgAiAHNgIAIAIgATYCBCACQQhqIQIgBkEBaiEGDAALCyACC+cCAQx/IAAgAWohDiAAIAFBAXZqIQ0gACELIA0gA2shDCAMIABIBEAgACEMCyAAIAJqIRUgDSAVIA0gFUsbIRYgCSETIAohFAJAA0AgCyANTw0BIAUgD2ogBCALLQAAQQJ0aigCAGooAgAhESAFIBBqIAQgDC0AAEECdGooAgBqKAIAIRIgC0EBaiELIAxBAWohDCARQQBOBEAgESEPBSARQX9zIQ8gCyAVSwRAIA8gCyAAayATIAYgByAIEAAhEwsLIBJBAE4EQCASIRAFIBJBf3MhECAMIBZLBEAgECAMIABrIBQgBiAHIAgQACEUCwsMAAsLAkADQCAMIA5PDQEgBSAQaiAEIAwtAABBAnRqKAIAaigCACESIAxBAWohDCASQQBOBEAgEiEQBSASQX9zIRAgDCAWSwRAIBAgDCAAayAUIAYgByAIEAAhFAsLDAALC0EAIBQgCmtBA3Y2AgAgEyAJa0EDdgs=";

// src/engine/keyword-wasm.ts
var WASM_BLOCK = 256 * 1024;
var PAGE = 65536;
var wasmApi = globalThis.WebAssembly;
var WasmKeywordScanner = class {
  memory;
  scanBlock;
  u8;
  i32;
  loaded;
  layout;
  constructor(api, module) {
    const instance = new api.Instance(module, {});
    this.memory = instance.exports.memory;
    this.scanBlock = instance.exports.scan;
    this.u8 = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }
  /**
   * Scan `bytes` with the automaton of `tables`, calling `take(hits, count, offset)` for each
   * block's hits (flat [keyword, end] pairs in `hits`, ends relative to `offset`), in text order.
   * Stops after the block in which `keepGoing()` turns false. Only hits ending after `startAfter`
   * are taken (the first block starts early enough to see keywords that cross it).
   */
  scan(tables, bytes, take, keepGoing, startAfter = 0) {
    const layout = this.load(tables);
    const overlap = Math.max(0, tables.maxLength - 1);
    const n = bytes.length;
    for (let start = startAfter; start < n && keepGoing(); start += WASM_BLOCK) {
      const from = Math.max(0, start - overlap);
      const to = Math.min(n, start + WASM_BLOCK);
      this.u8.set(bytes.subarray(from, to), layout.text);
      const first = this.scanBlock(
        layout.text,
        to - from,
        start - from,
        overlap,
        layout.cls,
        layout.delta,
        layout.os,
        layout.outs,
        tables.classes * 4,
        layout.hits1,
        layout.hits2
      );
      const second = this.i32[0];
      take(this.i32, layout.hits1 >> 2, first, from);
      take(this.i32, layout.hits2 >> 2, second, from);
    }
  }
  /** Copy an automaton's tables into memory (growing it as needed), unless they are there already. */
  load(tables) {
    if (this.loaded === tables && this.layout) return this.layout;
    const overlap = Math.max(0, tables.maxLength - 1);
    const hitBytes = (WASM_BLOCK / 2 + 2 * overlap + 16) * tables.maxOutputs * 8;
    const cls = 16;
    const delta = cls + 256 * 4;
    const os = delta + tables.delta.length * 4;
    const outs = os + tables.outputStart.length * 4;
    const hits1 = align(outs + tables.outputs.length * 4);
    const hits2 = hits1 + hitBytes;
    const text2 = hits2 + hitBytes;
    const end = text2 + WASM_BLOCK + overlap;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      this.memory.grow(Math.ceil((end - have) / PAGE));
      this.u8 = new Uint8Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
    const i32 = this.i32;
    for (let b = 0; b < 256; b++) i32[(cls >> 2) + b] = tables.classOf[b] * 4;
    const d = tables.delta;
    const base = delta >> 2;
    for (let k = 0; k < d.length; k++) {
      const v = d[k];
      i32[base + k] = v >= 0 ? v * 4 : ~(~v * 4);
    }
    i32.set(tables.outputStart, os >> 2);
    i32.set(tables.outputs, outs >> 2);
    this.loaded = tables;
    this.layout = { cls, delta, os, outs, hits1, hits2, text: text2 };
    return this.layout;
  }
};
function align(offset) {
  return offset + 15 & ~15;
}
var shared;
function wasmKeywordScanner() {
  if (shared === void 0) {
    try {
      shared = wasmApi ? new WasmKeywordScanner(wasmApi, new wasmApi.Module(Buffer.from(KEYWORD_SCAN_WASM, "base64"))) : null;
    } catch {
      shared = null;
    }
  }
  return shared ?? void 0;
}
function disableWasmKeywordScanner() {
  shared = null;
}

// src/engine/keywords.ts
var DEFAULT_LIMIT = 1 << 20;
var BLOCK = 4096;
var WASM_MIN_BYTES = 512;
var KeywordAutomaton = class {
  keywords;
  /** Most keywords that can end at one position (keywords that are suffixes of one another). */
  maxHitsPerPosition;
  search;
  constructor(keywords) {
    this.keywords = keywords;
    const classOf = new Uint8Array(256);
    let classes = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c === 0 || c >= 128) throw new Error(`keyword ${JSON.stringify(keyword)} is not printable ASCII`);
        const lower = foldAscii(c);
        if (classOf[lower] === 0) {
          classOf[lower] = classes++;
          if (lower >= 97 && lower <= 122) classOf[lower - 32] = classOf[lower];
        }
      }
    }
    let maxStates = 1;
    for (const keyword of keywords) maxStates += keyword.length;
    const firstChild = new Int32Array(maxStates).fill(-1);
    const nextSibling = new Int32Array(maxStates).fill(-1);
    const edgeClass = new Int32Array(maxStates);
    const terminal = /* @__PURE__ */ new Map();
    let stateCount = 1;
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf[keyword.charCodeAt(i)];
        let child = firstChild[state];
        while (child >= 0 && edgeClass[child] !== c) child = nextSibling[child];
        if (child < 0) {
          child = stateCount++;
          edgeClass[child] = c;
          nextSibling[child] = firstChild[state];
          firstChild[state] = child;
        }
        state = child;
      }
      const list = terminal.get(state);
      if (list) list.push(index);
      else terminal.set(state, [index]);
    });
    const delta = new Int32Array(stateCount * classes);
    const fail = new Int32Array(stateCount);
    const hasOutputs = new Uint8Array(stateCount);
    const merged = /* @__PURE__ */ new Map();
    const queue = new Int32Array(stateCount);
    let tail = 0;
    const entry = (child) => hasOutputs[child] === 1 ? ~(child * classes) : child * classes;
    for (let child = firstChild[0]; child >= 0; child = nextSibling[child]) {
      fail[child] = 0;
      if (terminal.has(child)) hasOutputs[child] = 1;
      delta[edgeClass[child]] = entry(child);
      queue[tail++] = child;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head];
      const failState = fail[state];
      const own = terminal.get(state);
      const inherited = merged.get(failState);
      if (own || inherited) merged.set(state, [...own ?? [], ...inherited ?? []]);
      const base = state * classes;
      const failBase = failState * classes;
      delta.copyWithin(base, failBase, failBase + classes);
      for (let child = firstChild[state]; child >= 0; child = nextSibling[child]) {
        const c = edgeClass[child];
        const viaFail = delta[failBase + c];
        const childFail = (viaFail < 0 ? ~viaFail : viaFail) / classes;
        fail[child] = childFail;
        if (terminal.has(child) || hasOutputs[childFail] === 1) hasOutputs[child] = 1;
        delta[base + c] = entry(child);
        queue[tail++] = child;
      }
    }
    const outputStart = new Int32Array(stateCount).fill(-1);
    const outputs = [];
    for (const [state, list] of [...merged].sort((x, y) => x[0] - y[0])) {
      outputStart[state] = outputs.length;
      outputs.push(...list, -1);
    }
    this.maxHitsPerPosition = Math.max(1, ...[...merged.values()].map((list) => list.length));
    this.search = makeSearch({
      delta,
      classOf,
      classes,
      outputStart,
      outputs: Int32Array.from(outputs),
      maxOutputs: this.maxHitsPerPosition,
      maxLength: Math.max(0, ...keywords.map((keyword) => keyword.length))
    });
  }
  /**
   * Find every keyword occurrence in a string. `limit` caps the number of hits kept (a pathological
   * text cannot make us allocate without bound); `truncated` says it was reached, and a caller that
   * wants the rest scans again from where the kept hits end (`startAfter`: only hits ending after
   * that offset are returned). `ascii`, when given, must be the text's bytes, all below 0x80 (so
   * byte offsets are character offsets): a text of WASM_MIN_BYTES or more is then searched by the
   * WebAssembly loop, with the same hits.
   */
  scan(text2, limit = DEFAULT_LIMIT, ascii, startAfter = 0) {
    return this.search(text2, limit, ascii, startAfter);
  }
};
function makeSearch(tables) {
  const { delta, classOf, classes, outputStart, outputs, maxOutputs, maxLength } = tables;
  let scratch = new Int32Array(1024);
  const reserve = (pairs) => {
    let size = scratch.length;
    if (pairs * 2 <= size) return scratch;
    while (pairs * 2 > size) size *= 2;
    const grown = new Int32Array(size);
    grown.set(scratch);
    scratch = grown;
    return grown;
  };
  const result = (count, limit) => count > limit ? { hits: scratch, count: limit, truncated: true } : { hits: scratch, count, truncated: false };
  const withWasm = (wasm, bytes, limit, startAfter) => {
    let count = 0;
    wasm.scan(
      tables,
      bytes,
      (source, from, taken, offset) => {
        const hits = reserve(count + taken);
        for (let k = 0; k < taken; k++) {
          hits[(count + k) * 2] = source[from + k * 2];
          hits[(count + k) * 2 + 1] = source[from + k * 2 + 1] + offset;
        }
        count += taken;
      },
      () => count <= limit,
      startAfter
    );
    return result(count, limit);
  };
  return (text2, limit, ascii, startAfter) => {
    if (ascii !== void 0 && ascii.length - startAfter >= WASM_MIN_BYTES) {
      const wasm = wasmKeywordScanner();
      if (wasm) {
        try {
          return withWasm(wasm, ascii, limit, startAfter);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          disableWasmKeywordScanner();
        }
      }
    }
    let count = 0;
    let row = 0;
    const n = text2.length;
    for (let i = Math.max(0, startAfter - maxLength + 1); i < startAfter && i < n; i++) {
      const c = text2.charCodeAt(i);
      const next = delta[row + (c < 256 ? classOf[c] : 0)];
      row = next >= 0 ? next : ~next;
    }
    for (let from = startAfter; from < n && count <= limit; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      const hits = reserve(count + (to - from) * maxOutputs);
      for (let i = from; i < to; i++) {
        const c = text2.charCodeAt(i);
        const next = delta[row + (c < 256 ? classOf[c] : 0)];
        if (next >= 0) {
          row = next;
          continue;
        }
        row = ~next;
        for (let o = outputStart[row / classes | 0]; ; o++) {
          const keyword = outputs[o];
          if (keyword < 0) break;
          hits[count * 2] = keyword;
          hits[count * 2 + 1] = i + 1;
          count++;
        }
      }
    }
    return result(count, limit);
  };
}
function foldAscii(c) {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

// src/engine/windows.ts
var DEFAULT_BEFORE = 512;
var DEFAULT_AFTER = 1024;
function windowShape(before, after, multiline) {
  return { before, after, multiline };
}
var HIT_BATCH = 1 << 20;
var TOKEN_EXTENSION = 4096;
var TOKEN_CLASS = "A-Za-z0-9+/=_.~%-";
var TOKEN_CHAR = charTable(TOKEN_CLASS);
var NON_ASCII = /[\u0080-\uffff]/;
function escapeRegExp(literal) {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function isTokenChar(c) {
  return c < 128 && TOKEN_CHAR[c] === 1;
}
var KeywordGates = class {
  constructor(rules, decoders, hitBatch) {
    this.rules = rules;
    this.shapes = [...rules, ...decoders];
    const keywordIndex = /* @__PURE__ */ new Map();
    const gatesByKeyword = [];
    const ungated = [];
    const addGate = (keywords, gate) => {
      for (const keyword of new Set(keywords)) {
        let k = keywordIndex.get(keyword);
        if (k === void 0) {
          k = gatesByKeyword.length;
          keywordIndex.set(keyword, k);
          gatesByKeyword.push([]);
        }
        gatesByKeyword[k].push(gate);
      }
    };
    const scriptGated = [];
    rules.forEach((compiled, ruleIndex) => {
      const { keywords, script_keywords: scriptKeywords } = compiled.rule;
      if (scriptKeywords.length > 0) scriptGated.push({ rule: ruleIndex, probe: new RegExp(scriptKeywords.map(escapeRegExp).join("|"), "iu") });
      else if (keywords.length === 0) ungated.push(ruleIndex);
      addGate(keywords, ruleIndex);
    });
    this.scriptGated = scriptGated;
    decoders.forEach((decoder, d) => addGate(decoder.keywords, rules.length + d));
    this.automaton = new KeywordAutomaton([...keywordIndex.keys()]);
    this.keywordLength = Int32Array.from(this.automaton.keywords, (k) => k.length);
    const anchored = (gate) => gate < rules.length && rules[gate].anchored;
    [this.anchoredFrom, this.anchoredGates] = flatten(gatesByKeyword.map((gates) => gates.filter(anchored)));
    [this.windowedFrom, this.windowedGates] = flatten(gatesByKeyword.map((gates) => gates.filter((gate) => !anchored(gate))));
    this.ungated = ungated;
    this.hitBatch = Math.max(2 * this.automaton.maxHitsPerPosition, hitBatch ?? HIT_BATCH);
  }
  automaton;
  /** For each keyword index, its length and the gates it opens: anchored rules, and window gates (rule indices, then decoders at rules.length + d). */
  keywordLength;
  /** Gates of keyword k: anchored rules at anchoredGates[anchoredFrom[k] … anchoredFrom[k + 1]), window gates likewise. */
  anchoredFrom;
  anchoredGates;
  windowedFrom;
  windowedGates;
  /** Window shapes of every gate: rules first, then decoders. */
  shapes;
  /** Rules without keywords run on the whole text. */
  ungated;
  /** Rules with script keywords, each with one case-insensitive search for them (see collect). */
  scriptGated;
  hitBatch;
  /**
   * Fill `gates` for `text`: for window gates, flat [start, end, …] windows, merged and in text
   * order; for anchored rules, the start offsets of their keyword hits, in text order.
   */
  collect(text2, ascii, gates, blocked) {
    gates.reset();
    const n = text2.length;
    for (const ruleIndex of this.ungated) if (blocked[ruleIndex] === 0) gates.set(ruleIndex, 0, n);
    if (this.scriptGated.length > 0 && ascii === void 0 && NON_ASCII.test(text2)) {
      for (const { rule, probe } of this.scriptGated) if (blocked[rule] === 0 && probe.test(text2)) gates.set(rule, 0, n);
    }
    const edges = new WindowEdges(text2);
    for (let after = 0; ; ) {
      const batch = this.automaton.scan(text2, this.hitBatch, ascii, after);
      let count = batch.count;
      if (batch.truncated) {
        const last = batch.hits[count * 2 - 1];
        while (count > 1 && batch.hits[count * 2 - 1] === last) count--;
      }
      this.addHits(text2, batch.hits, count, gates, edges);
      if (!batch.truncated) break;
      after = batch.hits[count * 2 - 1];
    }
    const { lists, lengths, touched } = gates;
    for (const gate of touched) {
      if (gate < this.rules.length && this.rules[gate].anchored) continue;
      lengths[gate] = finishWindows(text2, lists[gate], lengths[gate]);
    }
  }
  /** Add one batch of keyword hits (flat [keyword, end] pairs, in order of their end) to the gates' lists. */
  addHits(text2, hits, count, gates, edges) {
    const n = text2.length;
    const keywordLength = this.keywordLength;
    const anchoredFrom = this.anchoredFrom;
    const anchoredGates = this.anchoredGates;
    const windowedFrom = this.windowedFrom;
    const windowedGates = this.windowedGates;
    const shapes = this.shapes;
    const { lists, lengths, touched } = gates;
    for (let h = 0; h < count; h++) {
      const keywordIdx = hits[h * 2];
      const hitEnd = hits[h * 2 + 1];
      const hitStart = hitEnd - keywordLength[keywordIdx];
      for (let g2 = anchoredFrom[keywordIdx], gEnd2 = anchoredFrom[keywordIdx + 1]; g2 < gEnd2; g2++) {
        const gate = anchoredGates[g2];
        const length = lengths[gate];
        let list = lists[gate];
        if (length === 0) touched.push(gate);
        else if (list[length - 1] === hitStart) continue;
        if (length === list.length) list = gates.grow(gate);
        list[length] = hitStart;
        lengths[gate] = length + 1;
      }
      let g = windowedFrom[keywordIdx];
      const gEnd = windowedFrom[keywordIdx + 1];
      if (g === gEnd) continue;
      edges.moveTo(hitStart);
      for (; g < gEnd; g++) {
        const gate = windowedGates[g];
        const shape = shapes[gate];
        let before = shape.before;
        let after = shape.after;
        if (shape.longLine && edges.clipped(hitStart - before, hitEnd + after)) {
          before = shape.longLine.before;
          after = shape.longLine.after;
        }
        const rawEnd = shape.multiline ? Math.min(n, hitEnd + after) : edges.rawEnd(hitEnd, after);
        const length = lengths[gate];
        let list = lists[gate];
        let start;
        if (length > 0) {
          const last = list[length - 1];
          const lastEnd = last < 0 ? ~last : last;
          start = shape.multiline ? Math.max(0, hitStart - before) : edges.roughStart(hitStart, before);
          if (start > lastEnd && !shape.multiline) start = edges.start(hitStart, before);
          if (start <= lastEnd) {
            if ((rawEnd < 0 ? ~rawEnd : rawEnd) > lastEnd) list[length - 1] = rawEnd;
            continue;
          }
        } else {
          touched.push(gate);
          start = shape.multiline ? Math.max(0, hitStart - before) : edges.start(hitStart, before);
        }
        if (length + 2 > list.length) list = gates.grow(gate);
        list[length] = start;
        list[length + 1] = rawEnd;
        lengths[gate] = length + 2;
      }
    }
  }
};
var GateLists = class {
  lists;
  lengths;
  /** Gates with a non-empty list, in the order they were first filled. */
  touched = [];
  constructor(gates) {
    this.lists = Array.from({ length: gates }, () => new Int32Array(8));
    this.lengths = new Int32Array(gates);
  }
  reset() {
    for (const gate of this.touched) this.lengths[gate] = 0;
    this.touched.length = 0;
  }
  /** Make the list of `gate` exactly [a, b]. */
  set(gate, a, b) {
    if (this.lengths[gate] === 0) this.touched.push(gate);
    const list = this.lists[gate];
    list[0] = a;
    list[1] = b;
    this.lengths[gate] = 2;
  }
  /** Double the list of `gate`, keeping its entries. */
  grow(gate) {
    const old = this.lists[gate];
    const grown = new Int32Array(old.length * 2);
    grown.set(old);
    this.lists[gate] = grown;
    return grown;
  }
};
var NOT_TOKEN = new RegExp(`[^${TOKEN_CLASS}]`);
function tokenEnd(text2, from) {
  const ceiling = Math.min(text2.length, from + TOKEN_EXTENSION);
  const stop = text2.slice(from, ceiling).search(NOT_TOKEN);
  return stop < 0 ? ceiling : from + stop;
}
function tokenStart(text2, floor, to) {
  let a = to;
  while (a > floor && isTokenChar(text2.charCodeAt(a - 1))) a--;
  return a;
}
function finishWindows(text2, list, length) {
  let out = 0;
  for (let w = 0; w < length; w += 2) {
    const a = list[w];
    let b = list[w + 1];
    if (b < 0) b = tokenEnd(text2, ~b);
    if (out > 0 && a <= list[out - 1]) {
      if (b > list[out - 1]) list[out - 1] = b;
      continue;
    }
    list[out] = a;
    list[out + 1] = b;
    out += 2;
  }
  return out;
}
function flatten(lists) {
  const from = new Int32Array(lists.length + 1);
  lists.forEach((list, k) => from[k + 1] = from[k] + list.length);
  return [from, Int32Array.from(lists.flat())];
}
var WindowEdges = class {
  constructor(text2) {
    this.text = text2;
  }
  lineStart = 0;
  lineEnd = -1;
  /** Per reach (`before` value, a handful per rule set): the last token scan it made. */
  memos = /* @__PURE__ */ new Map();
  /** Make the line holding `pos` current. Positions must come in non-decreasing line order. */
  moveTo(pos) {
    if (pos <= this.lineEnd) return;
    const text2 = this.text;
    this.lineStart = text2.lastIndexOf("\n", pos - 1) + 1;
    const nl = text2.indexOf("\n", pos);
    this.lineEnd = nl < 0 ? text2.length : nl;
  }
  /** True when [a, b) is less than the whole current line. */
  clipped(a, b) {
    return a > this.lineStart || b < this.lineEnd;
  }
  memo(reach) {
    let memo = this.memos.get(reach);
    if (memo === void 0) {
      memo = { clip: -1, edge: -1 };
      this.memos.set(reach, memo);
    }
    return memo;
  }
  /** Window start for a hit on the current line before any token extension (never before the line start). */
  roughStart(hitStart, before) {
    return Math.max(this.lineStart, hitStart - before);
  }
  /** Window start for a hit starting at `hitStart` on the current line, reaching `before` back. */
  start(hitStart, before) {
    const clip = hitStart - before;
    if (clip <= this.lineStart) return this.lineStart;
    const text2 = this.text;
    const floor = Math.max(this.lineStart, clip - TOKEN_EXTENSION);
    const memo = this.memo(before);
    let a = clip;
    if (a <= memo.clip && a >= memo.edge) a = Math.max(memo.edge, floor);
    if (a > floor && isTokenChar(text2.charCodeAt(a - 1))) a = tokenStart(text2, floor, a);
    memo.clip = clip;
    memo.edge = a;
    return a;
  }
  /**
   * Window end for a hit ending at `hitEnd` on the current line, reaching `after` forward, before
   * any token extension: the line end, or ~clip when the window is cut inside the line (a cut that
   * finishWindows moves past the token it falls in).
   */
  rawEnd(hitEnd, after) {
    const clip = hitEnd + after;
    return clip >= this.lineEnd ? this.lineEnd : ~clip;
  }
};

// src/engine/compile.ts
var RuleCompileError = class extends Error {
  constructor(ruleId, field2, message) {
    super(`${ruleId}: ${field2}: ${message}`);
    this.ruleId = ruleId;
    this.field = field2;
  }
};
function captureGroupCount(pattern) {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") {
      if (pattern[i + 1] !== "?") count++;
      else if (pattern[i + 2] === "<" && pattern[i + 3] !== "=" && pattern[i + 3] !== "!") count++;
    }
  }
  return count;
}
function compileRule(rule) {
  let regex;
  try {
    regex = new RegExp(rule.pattern, `gd${rule.ignore_case ? "i" : ""}`);
  } catch (error) {
    throw new RuleCompileError(rule.id, "pattern", `does not compile: ${error.message}`);
  }
  const groups = captureGroupCount(rule.pattern);
  if (groups !== 1) {
    throw new RuleCompileError(
      rule.id,
      "pattern",
      `must have exactly one capture group (the secret), found ${groups}; use (?:…) for the others`
    );
  }
  let checksum;
  if (rule.checksum !== void 0) {
    checksum = checksumValidator(rule.checksum);
    if (!checksum) throw new RuleCompileError(rule.id, "checksum", `unknown checksum validator "${rule.checksum}"`);
  }
  let precheck2;
  if (rule.precheck !== void 0) {
    precheck2 = precheck(rule.precheck);
    if (!precheck2) throw new RuleCompileError(rule.id, "precheck", `unknown precheck "${rule.precheck}"`);
  }
  let refine;
  if (rule.refine !== void 0) {
    refine = refiner(rule.refine);
    if (!refine) throw new RuleCompileError(rule.id, "refine", `unknown refiner "${rule.refine}"`);
  }
  return {
    rule,
    regex,
    checksum,
    refine,
    precheck: precheck2,
    ...rule.paths ? { paths: compilePathGlobs(rule.paths) } : {},
    ...windowShape(rule.window?.before ?? DEFAULT_BEFORE, rule.window?.after ?? DEFAULT_AFTER, rule.window?.multiline ?? false),
    stopwords: rule.stopwords.map((w) => w.toLowerCase()),
    anchored: rule.anchored ?? startsAtKeywords(rule, regex),
    sticky: new RegExp(rule.pattern, `yd${rule.ignore_case ? "i" : ""}`)
  };
}
function startsAtKeywords(rule, regex) {
  if (rule.keywords.length === 0 || rule.script_keywords.length > 0 || rule.examples.length === 0) return false;
  for (const example of rule.examples) {
    const lower = example.toLowerCase();
    regex.lastIndex = 0;
    let matched = false;
    for (let m = regex.exec(example); m !== null; m = regex.exec(example)) {
      if (m[0].length === 0) regex.lastIndex++;
      matched = true;
      const at = m.index;
      if (!rule.keywords.some((k) => lower.startsWith(k, at))) return false;
    }
    if (!matched) return false;
  }
  return true;
}

// src/engine/decode/base64.ts
var MAX_ENCODED_CANDIDATE = 65536;
var BASE64_KIND = (() => {
  const table = new Uint8Array(256);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") table[ch.charCodeAt(0)] = 1;
  for (const ch of "abcdefghijklmnopqrstuvwxyz") table[ch.charCodeAt(0)] = 2;
  for (const ch of "0123456789+/_-") table[ch.charCodeAt(0)] = 4;
  return table;
})();
var ALL_KINDS = 7;
var MIN_BASE64_RUN = 16;
function asciiWindow(text2, from, to) {
  const bytes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const c = text2.charCodeAt(i);
    bytes[i - from] = c < 128 ? c : 0;
  }
  return bytes;
}
function base64Values(text2, from, to, bytes, base, out, budget) {
  const n = to;
  let i = from;
  while (i + MIN_BASE64_RUN <= n) {
    const probe = i + MIN_BASE64_RUN - 1;
    if (BASE64_KIND[bytes[probe - base]] === 0) {
      i = probe + 1;
      continue;
    }
    let start = probe;
    while (start > i && BASE64_KIND[bytes[start - 1 - base]] !== 0) start--;
    let bodyEnd = probe + 1;
    while (bodyEnd < n && BASE64_KIND[bytes[bodyEnd - base]] !== 0) bodyEnd++;
    if (bodyEnd - start < MIN_BASE64_RUN) {
      i = bodyEnd + 1;
      continue;
    }
    let kinds = 0;
    for (let k = start; k < bodyEnd && kinds !== ALL_KINDS; k++) kinds |= BASE64_KIND[bytes[k - base]];
    let end = bodyEnd;
    let pad = 0;
    while (pad < 2 && end < n && bytes[end - base] === 61) {
      end++;
      pad++;
    }
    i = pad > 0 ? end : end + 1;
    if (end - start > MAX_ENCODED_CANDIDATE) continue;
    if ((bodyEnd - start) % 4 === 1 || pad === 0 && kinds !== ALL_KINDS) continue;
    addBase64(text2, start, end, out, budget);
  }
}
function addBase64(text2, start, end, out, budget) {
  const next = text2.charCodeAt(end);
  if (next === 61 || next === 40 || start > 0 && text2.charCodeAt(start - 1) === 46) return;
  if (budget) {
    if (budget.spent) return budget.skip(start);
    budget.chars += end - start;
  }
  const decoded = decodeBase64Text(text2.slice(start, end));
  if (decoded !== void 0) out.push({ start, end, kind: "base64", decoded });
}
function decodeBase64Text(run) {
  const bytes = Buffer.from(run, "base64");
  if (bytes.length < 8) return void 0;
  const allowed = bytes.length * 0.05;
  let unprintable = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte >= 32 && byte < 127 || byte === 9 || byte === 10 || byte === 13 || byte >= 128) continue;
    if (++unprintable > allowed) return void 0;
  }
  const text2 = bytes.toString("utf8");
  if (text2.includes("�")) return void 0;
  return text2;
}

// src/engine/decode/percent.ts
var MAX_PERCENT_RUN = 8192;
var URL_CHAR = charTable("A-Za-z0-9%._~+/=:@!$&*,;-");
var MIN_PERCENT_RUN = 6;
var PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;
function percentValues(text2, from, to, windowText, first, base64, out, budget) {
  let floor = from;
  let b = 0;
  for (let w = first; w >= 0; ) {
    const i = from + w;
    let start = i;
    while (start > floor && isUrlChar(text2.charCodeAt(start - 1))) start--;
    let end = i;
    while (end < to && isUrlChar(text2.charCodeAt(end))) end++;
    floor = end;
    w = end < to ? windowText.indexOf("%", end - from) : -1;
    const overlapsBase64 = (a, z) => {
      while (b < base64.length && base64[b].end <= a) b++;
      return b < base64.length && base64[b].start < z;
    };
    if (end - start <= MAX_PERCENT_RUN && !overlapsBase64(start, end)) {
      addPercent(text2, start, end, out, budget);
      continue;
    }
    for (let piece = start; piece < end; ) {
      const pieceEnd = nextPiece(text2, piece, end);
      if (!overlapsBase64(piece, pieceEnd)) addPercent(text2, piece, pieceEnd, out, budget);
      piece = pieceEnd;
    }
  }
}
function nextPiece(text2, piece, end) {
  const limit = Math.min(end, piece + MAX_PERCENT_RUN);
  const amp = text2.slice(piece, limit).indexOf("&");
  if (amp >= 0) return piece + amp + 1;
  if (limit === end) return end;
  if (text2.charCodeAt(limit - 1) === 37) return limit - 1;
  if (text2.charCodeAt(limit - 2) === 37) return limit - 2;
  return limit;
}
function isUrlChar(c) {
  return c < 128 && URL_CHAR[c] === 1;
}
function addPercent(text2, start, end, out, budget) {
  if (end - start < MIN_PERCENT_RUN) return;
  const run = text2.slice(start, end);
  if (!PERCENT_ESCAPE.test(run)) return;
  if (budget) {
    if (budget.spent) return budget.skip(start);
    budget.chars += end - start;
  }
  let decoded;
  try {
    decoded = decodeURIComponent(run);
  } catch {
    return;
  }
  if (decoded !== run) out.push({ start, end, kind: "percent", decoded });
}

// src/engine/decode/encoded-values.ts
function encodedValues(text2, from = 0, to = text2.length, ascii, budget) {
  const base64 = [];
  if (ascii) base64Values(text2, from, to, ascii, 0, base64, budget);
  else base64Values(text2, from, to, asciiWindow(text2, from, to), from, base64, budget);
  const windowText = from === 0 && to === text2.length ? text2 : text2.slice(from, to);
  const first = windowText.indexOf("%");
  if (first < 0) return base64;
  const percent = [];
  percentValues(text2, from, to, windowText, first, base64, percent, budget);
  return percent.length === 0 ? base64 : mergeByStart(base64, percent);
}
function mergeByStart(a, b) {
  if (a.length === 0) return b;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || i < a.length && a[i].start <= b[j].start) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

// src/engine/decode/gates.ts
var DECODER_GATES = [
  {
    // Credential words, not every word that contains one (`author`, `private` alone, `connection`
    // gated too many ordinary lines). The window reaches 64 characters back and the default
    // distance forward on the line. On a line longer than the default window (a minified bundle, where credential words recur every
    // thousand characters and windows would merge into the whole file), only a value just after
    // the word (or just before it) is decoded: in the bench corpus, the 5% of bytes on such lines
    // made up 57% of the text the decoder looked at. Only 64 characters back on any line: the
    // encoded value follows the word that names it (or holds it, as `%2F` sits in a URL).
    keywords: ["secret", "token", "passw", "pwd", "credential", "apikey", "api_key", "api-key", "private_key", "privatekey", "private-key", "auth_", "auth:", "auth=", 'auth"', "auth'", "authorization", "base64", "b64", "%2f", "%3a", "%40", "%3d", "%2b"],
    ...windowShape(64, DEFAULT_AFTER, false),
    longLine: { before: 32, after: 256 }
  },
  {
    keywords: ["kind: secret", 'kind: "secret"', '"kind": "secret"', ".dockerconfigjson", "client-key-data", "stringdata"],
    ...windowShape(65536, 65536, true)
  }
];
var TABLE_GATE = { keywords: ["insert into"], ...windowShape(0, 0, false) };
function decoderWindows(gates, from, to) {
  const lists = [];
  for (const gate of gates.touched) {
    if (gate >= from && gate < to) lists.push(gates.lists[gate].subarray(0, gates.lengths[gate]));
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const out = [];
  const add = (a, b) => {
    if (out.length > 0 && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  };
  const positions = lists.map(() => 0);
  for (; ; ) {
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const at2 = positions[l];
      const list2 = lists[l];
      if (at2 < list2.length && (pick < 0 || list2[at2] < lists[pick][positions[pick]])) pick = l;
    }
    if (pick < 0) return out;
    const list = lists[pick];
    const at = positions[pick];
    add(list[at], list[at + 1]);
    positions[pick] = at + 2;
  }
}

// src/engine/decode/span-cursor.ts
var SpanCursor = class {
  /** `spans()` gives flat [start, end, …] pairs sorted by start; it is called on the first question only (most texts decode nothing). */
  constructor(makeSpans) {
    this.makeSpans = makeSpans;
  }
  next = 0;
  maxEnd = -1;
  lastEnd = -1;
  spans;
  /** True when a span overlaps [start, end). Values must come in order and not overlap each other; otherwise it starts over. */
  overlaps(start, end) {
    const spans = this.spans ??= this.makeSpans();
    if (end < this.lastEnd) {
      this.next = 0;
      this.maxEnd = -1;
    }
    this.lastEnd = end;
    while (this.next < spans.length && spans[this.next] < end) {
      this.maxEnd = Math.max(this.maxEnd, spans[this.next + 1]);
      this.next += 2;
    }
    return this.maxEnd > start;
  }
};

// src/engine/decode/nested.ts
function specificSpans(candidates) {
  const count = candidates.length;
  return new SpanCursor(() => {
    const spans = [];
    const specific = candidates.slice(0, count).filter((c) => !c.compiled.rule.generic);
    specific.sort((x, y) => x.start - y.start);
    for (const c of specific) spans.push(c.start, c.end);
    return spans;
  });
}
function relocated(inner, encoded) {
  const chain = inner.facts?.encoding ? `${encoded.kind}>${inner.facts.encoding}` : encoded.kind;
  return { ...inner, start: encoded.start, end: encoded.end, facts: { ...inner.facts, encoding: chain } };
}

// src/engine/decode/tables.ts
var MAX_VALUES = 1e4;
var MAX_FIELD = 256;
var CREDENTIAL_COLUMN = /pass(?:word|wd|phrase)?|pwd|secret|token|api[_ -]?key|private[_ -]?key|credential/i;
var COLUMN_NAME = /^[A-Za-z_][\w .-]{0,40}$/;
function tableValues(text2, path, inserts = true) {
  const out = [];
  if (path !== void 0 && /\.(?:csv|tsv|psv)$/i.test(path)) delimitedValues(text2, out);
  if (inserts) insertValues(text2, out);
  return out.sort((x, y) => x.start - y.start);
}
function splitLine(text2, from, to, delimiter) {
  const fields = [];
  let i = from;
  for (; ; ) {
    if (text2[i] === '"') {
      let value = "";
      let j = i + 1;
      for (; ; ) {
        if (j >= to) return void 0;
        if (text2[j] === '"') {
          if (text2[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text2[j];
        j++;
      }
      fields.push({ start: i + 1, end: j, value });
      i = j + 1;
      if (i < to && text2[i] !== delimiter) return void 0;
    } else {
      let j = text2.indexOf(delimiter, i);
      if (j < 0 || j > to) j = to;
      fields.push({ start: i, end: j, value: text2.slice(i, j) });
      i = j;
    }
    if (i >= to) return fields;
    i++;
  }
}
function lineEnd(text2, from) {
  const nl = text2.indexOf("\n", from);
  const end = nl < 0 ? text2.length : nl;
  return end > from && text2[end - 1] === "\r" ? end - 1 : end;
}
function nextLine(text2, from) {
  const nl = text2.indexOf("\n", from);
  return nl < 0 ? text2.length : nl + 1;
}
function delimitedValues(text2, out) {
  for (let at = 0; at < text2.length && out.length < MAX_VALUES; ) {
    const end = lineEnd(text2, at);
    const header = headerOf(text2, at, end);
    at = nextLine(text2, at);
    if (header === void 0) continue;
    while (at < text2.length && out.length < MAX_VALUES) {
      const rowEnd = lineEnd(text2, at);
      if (rowEnd === at) break;
      const fields = splitLine(text2, at, rowEnd, header.delimiter);
      if (fields === void 0 || fields.length !== header.width) break;
      for (const column of header.columns) addValue(out, fields[column.index], column.name);
      at = nextLine(text2, at);
    }
  }
}
function credentialColumns(names) {
  return names.flatMap((name, index) => CREDENTIAL_COLUMN.test(name) ? [{ index, name }] : []);
}
function headerOf(text2, from, to) {
  if (to - from > 2e3) return void 0;
  const line = text2.slice(from, to);
  if (!CREDENTIAL_COLUMN.test(line)) return void 0;
  for (const delimiter of [",", "	", ";", "|"]) {
    if (!line.includes(delimiter)) continue;
    const fields = splitLine(text2, from, to, delimiter);
    if (fields === void 0 || fields.length < 2) continue;
    const names = fields.map((f) => f.value.trim());
    if (!names.every((name) => COLUMN_NAME.test(name))) continue;
    const columns = credentialColumns(names);
    if (columns.length > 0) return { delimiter, width: fields.length, columns };
  }
  return void 0;
}
function insertValues(text2, out) {
  const statement = /\binsert\s+into\s+[\w.`"[\]]{1,128}\s*\(([^()]{1,2000})\)\s*values\s*/gi;
  for (let m = statement.exec(text2); m !== null && out.length < MAX_VALUES; m = statement.exec(text2)) {
    const names = m[1].split(",").map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ""));
    if (!names.every((name) => /^[A-Za-z_]\w{0,63}$/.test(name))) continue;
    const columns = credentialColumns(names);
    if (columns.length === 0) continue;
    statement.lastIndex = tuples(text2, statement.lastIndex, names.length, columns, out);
  }
}
function tuples(text2, at, width, columns, out) {
  let i = at;
  for (; ; ) {
    i = skip(text2, i, BLANK_OR_NEWLINE);
    if (text2[i] !== "(") return i;
    const values = [];
    i++;
    for (; ; ) {
      i = skip(text2, i, BLANK);
      const literal = sqlValue(text2, i);
      if (literal === void 0) return i;
      values.push(literal.field);
      i = skip(text2, literal.next, BLANK);
      if (text2[i] === ",") {
        i++;
        continue;
      }
      if (text2[i] === ")") {
        i++;
        break;
      }
      return i;
    }
    if (values.length === width) {
      for (const column of columns) {
        const field2 = values[column.index];
        if (field2 !== void 0) addValue(out, field2, column.name);
      }
    }
    i = skip(text2, i, BLANK_OR_NEWLINE);
    if (text2[i] !== "," || out.length >= MAX_VALUES) return i;
    i++;
  }
}
var BLANK = /[ \t]/;
var BLANK_OR_NEWLINE = /\s/;
function skip(text2, at, chars) {
  let i = at;
  while (i < text2.length && chars.test(text2[i])) i++;
  return i;
}
function sqlValue(text2, at) {
  const quote = text2[at];
  if (quote === "'" || quote === '"') {
    let value = "";
    let j2 = at + 1;
    for (; ; ) {
      if (j2 >= text2.length || j2 - at > MAX_FIELD || text2[j2] === "\n") return void 0;
      const c = text2[j2];
      if (c === "\\" && j2 + 1 < text2.length) {
        value += text2[j2 + 1];
        j2 += 2;
        continue;
      }
      if (c === quote) {
        if (text2[j2 + 1] === quote) {
          value += quote;
          j2 += 2;
          continue;
        }
        break;
      }
      value += c;
      j2++;
    }
    return { field: { start: at + 1, end: j2, value }, next: j2 + 1 };
  }
  let depth = 0;
  let j = at;
  for (; j < text2.length && j - at <= MAX_FIELD; j++) {
    const c = text2[j];
    if (c === "\n") return void 0;
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
    else if (c === "'" || c === '"') {
      const inner = sqlValue(text2, j);
      if (inner === void 0) return void 0;
      j = inner.next - 1;
    }
  }
  return j === at ? void 0 : { next: j };
}
function addValue(out, field2, column) {
  const value = field2.value;
  if (value.length === 0 || value.length > MAX_FIELD || /[\n\r]/.test(value) || field2.end - field2.start !== value.length) return;
  const quote = value.includes('"') ? value.includes("'") ? void 0 : "'" : '"';
  if (quote === void 0) return;
  const name = column.replace(/[^\w]+/g, "_");
  out.push({ start: field2.start, end: field2.end, assignment: `${name} = ${quote}${value}${quote}`, offset: name.length + 4 });
}

// src/engine/search-budget.ts
var SEARCH_BASE = 1 << 20;
var SEARCH_PER_CHAR = 32;
function searchBudget(length) {
  return SEARCH_BASE + SEARCH_PER_CHAR * length;
}
function patternExtent(pattern) {
  const { reach, lines: lines2 } = new PatternReader(pattern).alternation();
  return { reach, lines: lines2 };
}
var LineLimits = class {
  constructor(text2) {
    this.text = text2;
  }
  breaks = [];
  head = 0;
  /** text[0, searched) has been searched for line breaks. */
  searched = 0;
  extent(at, reach, lines2) {
    const text2 = this.text;
    const limit = Math.min(text2.length, at + reach);
    if (lines2 === Infinity) return limit - at;
    const breaks = this.breaks;
    while (this.head < breaks.length && breaks[this.head] < at) this.head++;
    if (this.head > 4096) {
      breaks.splice(0, this.head);
      this.head = 0;
    }
    this.searched = Math.max(this.searched, at);
    while (breaks.length - this.head <= lines2 && this.searched < limit) {
      const nl = text2.indexOf("\n", this.searched);
      if (nl < 0) {
        this.searched = text2.length;
        break;
      }
      breaks.push(nl);
      this.searched = nl + 1;
    }
    const last = breaks[this.head + lines2];
    return last === void 0 || last >= limit ? limit - at : last + 1 - at;
  }
};
var crossesLine = /* @__PURE__ */ new Map();
function matchesLineBreak(source) {
  let known = crossesLine.get(source);
  if (known === void 0) {
    try {
      known = new RegExp(`^(?:${source})$`).test("\n");
    } catch {
      known = true;
    }
    crossesLine.set(source, known);
  }
  return known;
}
var UNBOUNDED = { len: Infinity, reach: Infinity, lines: Infinity };
var PatternReader = class {
  constructor(p) {
    this.p = p;
  }
  i = 0;
  /** Alternatives up to the closing `)` of the current group (or the end). */
  alternation() {
    let best = this.sequence();
    while (this.p[this.i] === "|") {
      this.i++;
      const next = this.sequence();
      best = { len: Math.max(best.len, next.len), reach: Math.max(best.reach, next.reach), lines: Math.max(best.lines, next.lines) };
    }
    return best;
  }
  sequence() {
    let len = 0;
    let reach = 0;
    let lines2 = 0;
    while (this.i < this.p.length && this.p[this.i] !== "|" && this.p[this.i] !== ")") {
      const span = this.quantified(this.atom());
      reach = Math.max(reach, len + span.reach);
      len += span.len;
      lines2 += span.lines;
    }
    return { len, reach: Math.max(reach, len), lines: lines2 };
  }
  atom() {
    const p = this.p;
    const from = this.i;
    const c = p[this.i++];
    switch (c) {
      case "\\":
        return this.escape(from);
      case "[":
        this.skipClass();
        return this.character(from);
      case "(":
        return this.group();
      case "^":
        return { len: 0, reach: 0, lines: 0 };
      case "$":
        return { len: 0, reach: 1, lines: 0 };
      default:
        return this.character(from);
    }
  }
  /** One character matched by the source from `from` to here. */
  character(from) {
    return { len: 1, reach: 1, lines: matchesLineBreak(this.p.slice(from, this.i)) ? 1 : 0 };
  }
  escape(from) {
    const p = this.p;
    const c = p[this.i++] ?? "";
    if (c === "b" || c === "B") return { len: 0, reach: 1, lines: 0 };
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(p[this.i] ?? "")) this.i++;
      return UNBOUNDED;
    }
    if (c === "k" && p[this.i] === "<") {
      this.i = p.indexOf(">", this.i) + 1 || p.length;
      return UNBOUNDED;
    }
    const hex = (count) => new RegExp(`^[0-9A-Fa-f]{${count}}`).test(p.slice(this.i, this.i + count));
    if (c === "x" && hex(2)) this.i += 2;
    else if (c === "u" && hex(4)) this.i += 4;
    else if (c === "c" && /[A-Za-z]/.test(p[this.i] ?? "")) this.i += 1;
    return this.character(from);
  }
  skipClass() {
    const p = this.p;
    while (this.i < p.length && p[this.i] !== "]") this.i += p[this.i] === "\\" ? 2 : 1;
    this.i++;
  }
  group() {
    const p = this.p;
    let kind = "plain";
    if (p[this.i] === "?") {
      const next = p[this.i + 1];
      if (next === "=" || next === "!") {
        kind = "ahead";
        this.i += 2;
      } else if (next === "<" && (p[this.i + 2] === "=" || p[this.i + 2] === "!")) {
        kind = "behind";
        this.i += 3;
      } else if (next === "<") {
        this.i = p.indexOf(">", this.i) + 1;
      } else {
        this.i = p.indexOf(":", this.i) + 1;
      }
    }
    const inner = this.alternation();
    this.i++;
    if (kind === "ahead") return { len: 0, reach: inner.reach, lines: inner.lines };
    if (kind === "behind") return { len: 0, reach: 0, lines: 0 };
    return inner;
  }
  /** Apply a quantifier after an atom, if there is one. */
  quantified(span) {
    const p = this.p;
    let max;
    const c = p[this.i];
    if (c === "*" || c === "+") {
      max = Infinity;
      this.i++;
    } else if (c === "?") {
      max = 1;
      this.i++;
    } else if (c === "{") {
      const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(p.slice(this.i, this.i + 24));
      if (m === null) return span;
      max = m[2] === void 0 ? Number(m[1]) : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length;
    } else {
      return span;
    }
    if (p[this.i] === "?") this.i++;
    if (max === 0) return { len: 0, reach: 0, lines: 0 };
    if (max === Infinity) {
      if (span.len === 0) return span;
      return { len: Infinity, reach: Infinity, lines: span.lines > 0 ? Infinity : 0 };
    }
    return { len: max * span.len, reach: max === 1 ? span.reach : (max - 1) * span.len + span.reach, lines: max * span.lines };
  }
};

// src/engine/run-rules.ts
var RuleRuns = class {
  constructor(rules, filter) {
    this.rules = rules;
    this.filter = filter;
    this.extents = new Array(rules.length);
  }
  /** Per rule: how far one run of its pattern may look, worked out when first needed. */
  extents;
  /** How far one run of rule `gate` may look (see search-budget.ts), worked out on first use. */
  extentOf(gate) {
    let extent = this.extents[gate];
    if (extent === void 0) {
      extent = patternExtent(this.rules[gate].rule.pattern);
      this.extents[gate] = extent;
    }
    return extent;
  }
  /**
   * Run an anchored rule as a sticky regex at each of its keyword hits, each run charged how far it
   * may look against the rule's budget for the scan; past the budget, hits before the point the
   * previous run could look to are coalesced into it (not searched), and the scan is told where
   * that began.
   */
  anchored(gate, text2, list, length, out, vetoed, state) {
    const compiled = this.rules[gate];
    const sticky = compiled.sticky;
    const precheck2 = compiled.precheck;
    for (let i = 1; i < length; i++) {
      if (list[i] < list[i - 1]) {
        list.subarray(0, length).sort();
        break;
      }
    }
    const { reach, lines: lines2 } = this.extentOf(gate);
    const lineLimits = reach * length <= state.left(gate) - SEARCH_BASE ? void 0 : new LineLimits(text2);
    let runs = 0;
    let nextRun = -1;
    let coalesced = 0;
    let coalescedFrom = -1;
    let covered = -1;
    let prev = -1;
    for (let i = 0; i < length; i++) {
      const at = list[i];
      if (at < covered || at === prev) continue;
      prev = at;
      if (precheck2 && !precheck2(text2, at)) continue;
      if (lineLimits === void 0) runs++;
      else {
        if (at < nextRun) {
          if (coalesced++ === 0) coalescedFrom = at;
          continue;
        }
        const extent = lineLimits.extent(at, reach, lines2);
        if (!state.charge(gate, extent)) nextRun = at + extent;
      }
      sticky.lastIndex = at;
      const m = sticky.exec(text2);
      if (m === null) continue;
      covered = at + m[0].length;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === void 0 || span === void 0 || secret.length === 0) continue;
      const candidate = this.filter.accept(compiled, secret, span[0], span[1], text2, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
    if (runs > 0) state.charge(gate, runs * Math.min(reach, text2.length));
    if (coalesced > 0) {
      state.work.coalesced += coalesced;
      state.limit("rule-search", coalescedFrom, coalesced, compiled.rule.id);
    }
  }
  windowed(compiled, text2, a, b, out, vetoed) {
    const regex = compiled.regex;
    const slice = a === 0 && b === text2.length ? text2 : text2.slice(a, b);
    const requires = compiled.rule.requires;
    if (requires.length > 0 && !includesAny(slice, requires)) return;
    regex.lastIndex = 0;
    let m;
    while ((m = regex.exec(slice)) !== null) {
      if (m[0].length === 0) regex.lastIndex++;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === void 0 || span === void 0 || secret.length === 0) continue;
      const candidate = this.filter.accept(compiled, secret, a + span[0], a + span[1], text2, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
  }
};
function includesAny(text2, needles) {
  for (const needle of needles) if (text2.includes(needle)) return true;
  return false;
}

// src/engine/decode/budget.ts
var DecodeBudget = class {
  constructor(limit) {
    this.limit = limit;
  }
  /** Characters of encoded text handed to a decoder so far, over all depths (what a decoded value can hold at most). */
  chars = 0;
  /** Encoded values left undecoded because the budget was spent. */
  skipped = 0;
  /** Offset in the scanned text of the first value left undecoded, or -1. */
  stoppedAt = -1;
  /** While decoding text that was itself decoded: the offset, in the scanned text, of the outermost encoded value. */
  nestedAt = -1;
  get spent() {
    return this.chars >= this.limit;
  }
  /** Record a value at `at` (an offset in the text being decoded) left undecoded. */
  skip(at) {
    this.skipped++;
    if (this.stoppedAt < 0) this.stoppedAt = this.nestedAt >= 0 ? this.nestedAt : at;
  }
};

// src/engine/scan-work.ts
var MAX_DECODED_CHARS = 1 << 20;
var ScanState = class {
  /** `searchLeft` holds one entry per rule; it is the detector's, reused from scan to scan. */
  constructor(searchLeft, length) {
    this.searchLeft = searchLeft;
    this.budget = searchBudget(length);
    searchLeft.fill(this.budget);
  }
  work = { searched: 0, decoded: 0, coalesced: 0, busiestRule: 0 };
  limits = [];
  decode = new DecodeBudget(MAX_DECODED_CHARS);
  /**
   * What each anchored rule may still search in this scan: one budget for the scanned text and
   * everything decoded from it, so many small decoded texts cannot each start a budget afresh.
   */
  budget;
  /** What rule `gate` may still search. */
  left(gate) {
    return this.searchLeft[gate];
  }
  /** Charge `chars` of searching to rule `gate`; false once its budget is spent. */
  charge(gate, chars) {
    this.work.searched += chars;
    const left = this.searchLeft[gate] - chars;
    this.searchLeft[gate] = left;
    if (this.budget - left > this.work.busiestRule) this.work.busiestRule = this.budget - left;
    return left >= 0;
  }
  /** Record a cut: one entry per kind and rule per scan, at the first offset, counting them all. */
  limit(kind, offset, count, ruleId) {
    const nestedAt = this.decode.nestedAt;
    const at = nestedAt >= 0 ? nestedAt : offset;
    const same = this.limits.find((l) => l.kind === kind && l.ruleId === ruleId);
    if (same === void 0) this.limits.push({ kind, ruleId, offset: at, count });
    else {
      same.count += count;
      same.offset = Math.min(same.offset, at);
    }
  }
};

// src/engine/detector.ts
var Detector = class {
  rules;
  /** The keyword pass and the gates each keyword opens: rules, then decoders at rules.length + d. */
  keywordGates;
  /** Reusable per-gate lists, one set per decoding depth (a nested detect must not clobber its caller's). */
  gateLists = [];
  decodeDepth;
  /** Rules with `paths`, and for the text being scanned, 1 for each of them its path does not match. */
  pathRules;
  blocked;
  /** Per rule, what it may still search in the current scan (see ScanState). */
  searchLeft;
  /** The checks every match passes (accept.ts); holds where rejections go and the path of the text being scanned. */
  filter;
  runs;
  /** Gates at rules.length … decoderGatesEnd are the decoders'; the one at decoderGatesEnd is TABLE_GATE's. */
  decoderGatesEnd;
  constructor(rules, options = {}) {
    const extraStopwords = options.stopwords ?? [];
    this.rules = rules.map((rule) => {
      const compiled = compileRule(rule);
      return extraStopwords.length === 0 ? compiled : { ...compiled, stopwords: [...compiled.stopwords, ...extraStopwords] };
    });
    this.decodeDepth = options.decodeDepth ?? 2;
    const decoders = this.decodeDepth > 0 ? DECODER_GATES : [];
    this.decoderGatesEnd = rules.length + decoders.length;
    const pathRules = [];
    this.rules.forEach((compiled, ruleIndex) => {
      if (compiled.paths) pathRules.push(ruleIndex);
    });
    this.keywordGates = new KeywordGates(this.rules, [...decoders, TABLE_GATE], options.hitBatch);
    this.pathRules = pathRules;
    this.blocked = new Uint8Array(this.rules.length);
    this.searchLeft = new Float64Array(this.rules.length);
    this.filter = new CandidateFilter(options.allowSecretRegexes ?? [], options.inlineAllow ?? true, options.now ?? Date.now(), options.onReject);
    this.runs = new RuleRuns(this.rules, this.filter);
  }
  /**
   * All matches in `text`, ordered by position. `ascii`, when given, must be the bytes of `text`
   * and all below 0x80 (so byte i is character i): the keyword pass then reads bytes, which is
   * faster than reading characters from the string. `path` (relative, `/`-separated) is where the
   * text comes from: rules with `paths` run only when it matches one of their globs, and refiners
   * judge some values by the kind of file (code or configuration).
   */
  scan(text2, ascii, path) {
    return this.scanWithWork(text2, ascii, path).matches;
  }
  /** All matches in `text` (as scan), with what the scan cost and what its budgets cut short. */
  scanWithWork(text2, ascii, path) {
    if (ascii !== void 0 && ascii.length !== text2.length) throw new Error("ascii bytes do not match the text");
    for (const ruleIndex of this.pathRules) {
      const paths = this.rules[ruleIndex].paths;
      this.blocked[ruleIndex] = path !== void 0 && paths.test(path) ? 0 : 1;
    }
    this.filter.path = path;
    const state = new ScanState(this.searchLeft, text2.length);
    const matches = locateMatches(text2, this.detect(text2, 0, state, ascii));
    const decode = state.decode;
    state.work.decoded = decode.chars;
    if (decode.skipped > 0) state.limit("decoding", decode.stoppedAt, decode.skipped);
    state.limits.sort((x, y) => x.offset - y.offset);
    return { matches, work: state.work, limits: state.limits };
  }
  /** Candidates (not yet located) in `text`; `depth` counts decoding levels above this text. */
  detect(text2, depth, state, ascii) {
    let gates = this.gateLists[depth];
    if (gates === void 0) {
      gates = new GateLists(this.keywordGates.shapes.length);
      this.gateLists[depth] = gates;
    }
    this.keywordGates.collect(text2, ascii, gates, this.blocked);
    const candidates = [];
    const vetoed = [];
    const ruleCount = this.rules.length;
    const { lists, lengths, touched } = gates;
    const blocked = this.blocked;
    for (const gate of touched) {
      if (gate >= ruleCount || blocked[gate] === 1) continue;
      const list = lists[gate];
      const length = lengths[gate];
      const compiled = this.rules[gate];
      if (compiled.anchored) {
        this.runs.anchored(gate, text2, list, length, candidates, vetoed, state);
        continue;
      }
      for (let w = 0; w < length; w += 2) {
        const a = list[w];
        const b = list[w + 1];
        state.work.searched += b - a;
        this.runs.windowed(compiled, text2, a, b, candidates, vetoed);
      }
    }
    if (vetoed.length > 0) dropVetoedGeneric(candidates, vetoed);
    if (depth === 0) this.scanTables(text2, lengths[this.decoderGatesEnd] > 0, candidates, state);
    if (depth < this.decodeDepth) {
      const direct = specificSpans(candidates);
      if (depth > 0) {
        this.decodeWindow(text2, 0, text2.length, depth, direct, candidates, state);
      } else {
        const windows = decoderWindows(gates, ruleCount, this.decoderGatesEnd);
        for (let w = 0; w < windows.length; w += 2) {
          this.decodeWindow(text2, windows[w], windows[w + 1], depth, direct, candidates, state, ascii);
        }
      }
    }
    return resolveOverlaps(candidates);
  }
  /**
   * Values in credential columns of tables (decode/tables.ts), judged as `column = "value"` and
   * reported where the value is; a value a specific rule already matched directly is left alone.
   */
  scanTables(text2, inserts, out, state) {
    const values = tableValues(text2, this.filter.path, inserts);
    if (values.length === 0) return;
    const direct = specificSpans(out);
    for (const value of values) {
      if (direct.overlaps(value.start, value.end)) continue;
      for (const found of this.detect(value.assignment, 1, state)) {
        const start = value.start + found.start - value.offset;
        const end = value.start + found.end - value.offset;
        if (start >= value.start && end <= value.end) out.push({ ...found, start, end });
      }
    }
  }
  /**
   * Decode each base64 or percent-encoded value in a window and scan what it hides. Values that a
   * specific rule already matched directly (`direct`: sorted spans) are left alone, so nothing is
   * reported twice; a generic match on the encoded text does not stop decoding, a provider token
   * inside wins.
   */
  decodeWindow(text2, a, b, depth, direct, out, state, ascii) {
    for (const encoded of encodedValues(text2, a, b, ascii, state.decode)) {
      const start = encoded.start;
      const end = encoded.end;
      if (direct.overlaps(start, end)) continue;
      const outerAt = state.decode.nestedAt;
      if (outerAt < 0) state.decode.nestedAt = start;
      const filter = this.filter;
      const outer = filter.onReject;
      if (outer) filter.onReject = (r) => outer({ ...r, start, end });
      let inner;
      try {
        inner = this.detect(encoded.decoded, depth + 1, state);
      } finally {
        filter.onReject = outer;
        state.decode.nestedAt = outerAt;
      }
      if (inner.length === 0) continue;
      if (filter.inlineAllow && hasInlineAllow(text2, start, end)) {
        for (const found of inner) outer?.({ rule: found.compiled.rule, secret: found.secret, start, end, reason: "inline-allow", detail: INLINE_ALLOW_DETAIL });
        continue;
      }
      for (const found of inner) out.push(relocated(found, encoded));
    }
  }
};

// src/findings/redact.ts
function redact(secret) {
  if (secret.startsWith("-----BEGIN")) return redactPem(secret);
  if (isGuessable(secret)) return "…";
  const chars = [...secret];
  const n = chars.length;
  if (n >= 24) return `${chars.slice(0, 6).join("")}…${chars.slice(-4).join("")}`;
  if (n >= 12) return `${chars.slice(0, 3).join("")}…${chars.slice(-2).join("")}`;
  if (n >= 2) return `${chars[0]}…`;
  return "…";
}
function redactPem(secret) {
  const header = /-----BEGIN [A-Z0-9 ]+-----/.exec(secret)?.[0] ?? "-----BEGIN-----";
  const body = secret.replace(/-----(?:BEGIN|END)[^-]*-----/g, "").replace(/\\[rn]|\s+/g, "");
  return `${header}…${body.slice(-4)}`;
}

// src/findings/build.ts
function buildFinding(match, origin, options = {}) {
  const rule = match.rule;
  const baseLine = origin.line ?? 1;
  const baseColumn = origin.column ?? 1;
  const { line: _line, column: _column, ...rest } = origin;
  const finding = {
    ruleId: rule.id,
    provider: rule.provider,
    title: rule.name,
    severity: rule.severity,
    lifetime: match.lifetime,
    confidence: match.confidence,
    fingerprint: options.deferSlowFingerprints ? fingerprintSecretDeferred(match.secret, options.fingerprintKey) : fingerprintSecret(match.secret, options.fingerprintKey),
    redacted: redact(match.secret),
    location: {
      ...rest,
      line: baseLine + match.line - 1,
      // Only the chunk's first line is shifted by the chunk's starting column.
      column: match.line === 1 ? baseColumn + match.column - 1 : match.column,
      endLine: baseLine + match.endLine - 1,
      endColumn: match.endLine === 1 ? baseColumn + match.endColumn - 1 : match.endColumn
    },
    remediation: rule.remediation.trim()
  };
  if (rule.kind !== "credential") finding.kind = rule.kind;
  if (options.showSecrets) finding.secret = match.secret;
  if (match.expiresAt !== void 0) finding.expiresAt = match.expiresAt;
  if (match.expired !== void 0) finding.expired = match.expired;
  if (match.facts !== void 0 && Object.keys(match.facts).length > 0) finding.facts = { ...match.facts };
  return finding;
}

// src/scan/code-comments.ts
var COMMENT_START = /^[ \t]*(?:#(?![!{[])(?![ \t]*(?:define|include|if|ifdef|ifndef|else|elif|endif|pragma|undef|error|warning|region|endregion|import|line)\b)|\/\/|\/\*|\*(?!\/)|<!--|--[ \t])/;
var BLOCK_COMMENT_FILE = /\.(?:[cm]?js|jsx|[cm]?ts|tsx|vue|svelte|php|java|kts?|scala|groovy|gradle|go|rs|c|h|cc|cpp|hpp|cxx|cs|swift|m|mm|dart|sol)$/i;
var CodeComments = class {
  constructor(text2, path) {
    this.text = text2;
    this.code = fileKind(path) === "code";
    if (path === void 0) this.blocks = void 0;
    else if (/\.pyi?$/i.test(path)) this.blocks = docstringRanges;
    else if (/\.p[lm]$/i.test(path)) this.blocks = podRanges;
    else if (BLOCK_COMMENT_FILE.test(path)) this.blocks = blockCommentRanges;
  }
  code;
  /** How this language writes comments that span lines, or undefined when it has none we read. */
  blocks;
  /** Flat [start, end) pairs of the block comments' (or docstrings') contents, in order. */
  ranges;
  /** Whether text[at] is inside a comment. */
  has(at) {
    if (!this.code) return false;
    const lineStart = this.text.lastIndexOf("\n", at - 1) + 1;
    if (COMMENT_START.test(this.text.slice(lineStart, Math.min(at, lineStart + 120)))) return true;
    if (this.blocks === void 0) return false;
    this.ranges ??= this.blocks(this.text);
    const ranges = this.ranges;
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (ranges[mid * 2] <= at) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && at < ranges[hi * 2 + 1];
  }
};
function blockCommentRanges(text2) {
  const out = [];
  const opens = /^[ \t]*\/\*/gm;
  for (let m = opens.exec(text2); m !== null; m = opens.exec(text2)) {
    const start = m.index + m[0].length;
    const close = text2.indexOf("*/", start);
    if (close < 0) break;
    out.push(start, close);
    opens.lastIndex = close + 2;
  }
  return out;
}
function podRanges(text2) {
  const out = [];
  const opens = /^=[a-zA-Z]/gm;
  const cut = /^=cut\b/gm;
  for (let m = opens.exec(text2); m !== null; m = opens.exec(text2)) {
    cut.lastIndex = m.index + 1;
    const end = cut.exec(text2);
    out.push(m.index, end === null ? text2.length : end.index);
    if (end === null) break;
    opens.lastIndex = end.index + 4;
  }
  return out;
}
function docstringRanges(text2) {
  const out = [];
  const quotes = /"""|'''/g;
  for (let m = quotes.exec(text2); m !== null; m = quotes.exec(text2)) {
    const open = m.index;
    const close = text2.indexOf(m[0], open + 3);
    if (close < 0) break;
    const lineStart = text2.lastIndexOf("\n", open - 1) + 1;
    if (/^[ \t]*(?:[\w.]*(?:EXAMPLES?|DOCUMENTATION|USAGE|HELPS?|EPILOG|__doc__|epilog|usage|helps?|examples?)(?:\[[^\]\n]{0,120}\])?[ \t]*=[ \t]*)?[rRuU]?$/.test(text2.slice(lineStart, open))) out.push(open + 3, close);
    quotes.lastIndex = close + 3;
  }
  return out;
}

// src/findings/rejection.ts
var MAX_LISTED_REJECTIONS = 1e3;
function rejectionOf(finding, reason, detail) {
  const out = {
    ruleId: finding.ruleId,
    reason,
    detail,
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    location: finding.location
  };
  if (finding.secret !== void 0) out.secret = finding.secret;
  return out;
}
function locateRejections(chunk, rejected, matches, options) {
  const limit = chunk.acceptBefore ?? Number.POSITIVE_INFINITY;
  const maxEnd = [];
  for (const m of matches) maxEnd.push(Math.max(m.end, maxEnd.at(-1) ?? 0));
  const overlapsMatch = (s, e) => {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (matches[mid].start < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > s;
  };
  const seen = /* @__PURE__ */ new Set();
  const kept = rejected.filter((r) => {
    const key = `${r.rule.id}\0${r.start}\0${r.end}\0${r.reason}`;
    if (r.start >= limit || seen.has(key) || r.rule.generic && overlapsMatch(r.start, r.end)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.start - b.start);
  const out = [];
  const text2 = chunk.text;
  let line = 1;
  let lineStart = 0;
  for (const r of kept) {
    for (let nl = text2.indexOf("\n", lineStart); nl >= 0 && nl < r.start; nl = text2.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    let endLine = line;
    let endLineStart = lineStart;
    for (let i = text2.indexOf("\n", r.start); i >= 0 && i < r.end - 1; i = text2.indexOf("\n", i + 1)) {
      endLine++;
      endLineStart = i + 1;
    }
    const match = {
      rule: r.rule,
      secret: r.secret,
      start: r.start,
      end: r.end,
      line,
      column: r.start - lineStart + 1,
      endLine,
      endColumn: r.end - endLineStart,
      confidence: r.rule.confidence,
      lifetime: r.rule.lifetime
    };
    const finding = buildFinding(match, chunk.origin, options);
    if (chunk.lineMap) {
      finding.location.line = chunk.lineMap[match.line - 1] ?? finding.location.line;
      finding.location.endLine = chunk.lineMap[match.endLine - 1] ?? finding.location.endLine;
    }
    out.push(rejectionOf(finding, r.reason, r.detail));
  }
  return out;
}

// src/scan/chunk-scanner.ts
var ChunkScanner = class {
  constructor(config) {
    this.config = config;
    this.detector = new Detector(config.rules, {
      allowSecretRegexes: config.allowSecretRegexes.map((r) => new RegExp(r)),
      stopwords: config.stopwords,
      inlineAllow: config.inlineAllow,
      now: config.now,
      onReject: config.explain ? (r) => this.pending.push(r) : void 0
    });
  }
  detector;
  /** The engine's rejections in the chunk being scanned (explain only). */
  pending = [];
  rejected = [];
  notListed = 0;
  /** Parts of scanned chunks a budget kept from being searched in full, until taken. */
  limits = [];
  /** The rejections collected since the last call (explain only), at most MAX_LISTED_REJECTIONS listed. */
  takeRejections() {
    const taken = { rejected: this.rejected, notListed: this.notListed };
    this.rejected = [];
    this.notListed = 0;
    return taken;
  }
  scan(chunk) {
    this.pending.length = 0;
    const { matches, limits } = this.detector.scanWithWork(chunk.text, chunk.ascii, chunk.origin.path);
    for (const limit2 of limits) this.limits.push(describeLimit(limit2, chunk));
    const findings = [];
    const limit = chunk.acceptBefore ?? Number.POSITIVE_INFINITY;
    let comments;
    for (const match of matches) {
      if (match.start >= limit) continue;
      const finding = buildFinding(match, chunk.origin, {
        showSecrets: this.config.includeSecrets,
        fingerprintKey: this.config.fingerprintKey,
        deferSlowFingerprints: this.config.deferSlowFingerprints
      });
      comments ??= new CodeComments(chunk.text, chunk.origin.path);
      if (comments.has(match.start)) finding.location.comment = true;
      if (chunk.lineMap) {
        finding.location.line = chunk.lineMap[match.line - 1] ?? finding.location.line;
        finding.location.endLine = chunk.lineMap[match.endLine - 1] ?? finding.location.endLine;
      }
      findings.push(finding);
    }
    if (this.pending.length > 0) {
      const options = { showSecrets: this.config.includeSecrets, fingerprintKey: this.config.fingerprintKey };
      for (const r of locateRejections(chunk, this.pending, matches, options)) {
        if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push(r);
        else this.notListed++;
      }
      this.pending.length = 0;
    }
    return findings;
  }
  /**
   * What the budgets cut short in the chunks scanned since the last call, as `budget` problems
   * (the file, the rule, line, column and offset): sources report them like any other skip.
   */
  takeLimits() {
    const taken = this.limits;
    this.limits = [];
    return taken;
  }
};
function describeLimit(limit, chunk) {
  const { text: text2, origin } = chunk;
  let line = 1;
  let lineStart = 0;
  for (let nl = text2.indexOf("\n"); nl >= 0 && nl < limit.offset; nl = text2.indexOf("\n", nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  const column = limit.offset - lineStart + 1;
  const fileLine = chunk.lineMap ? chunk.lineMap[line - 1] ?? line : (origin.line ?? 1) + line - 1;
  const fileColumn = line === 1 && !chunk.lineMap ? (origin.column ?? 1) + column - 1 : column;
  const whole = !chunk.lineMap && (origin.line ?? 1) === 1 && (origin.column ?? 1) === 1;
  const where = `${origin.ticket !== void 0 ? `${origin.ticket}, ` : ""}line ${fileLine}, column ${fileColumn}${whole ? ` (offset ${limit.offset})` : ""}`;
  const reason = limit.kind === "rule-search" ? `rule ${limit.ruleId ?? "?"}: keyword hits too dense to search one by one from ${where}; ${limit.count} hits were coalesced and a secret among them may be missed` : `decoding budget spent at ${where}; ${limit.count} encoded values were not decoded`;
  return { code: "budget", path: origin.commit ? `${origin.path}@${origin.commit.slice(0, 12)}` : origin.path, message: reason };
}

// src/sources/path-filter.ts
import { createRequire } from "node:module";
function pathMatcher(globs, base = "") {
  if (globs.length === 0) return () => false;
  const { Minimatch } = createRequire(import.meta.url)("minimatch");
  const matchers = globs.map((raw) => {
    const glob = raw.replace(/^\.?\/+/, "").replace(/\/+$/, "");
    return new Minimatch(glob, { dot: true, matchBase: !glob.includes("/") });
  });
  const matches = (p) => matchers.some((m) => m.match(p));
  const directories = /* @__PURE__ */ new Map();
  const directoryMatches = (dir) => {
    let answer = directories.get(dir);
    if (answer === void 0) {
      if (directories.size >= MAX_REMEMBERED_DIRECTORIES) directories.clear();
      answer = matches(dir);
      directories.set(dir, answer);
    }
    return answer;
  };
  const prefix = base.replace(/^\.?\/+/, "").replace(/\/+$/, "");
  return (relPath) => {
    const clean = (prefix === "" ? relPath : `${prefix}/${relPath}`).replace(/\/+$/, "");
    if (matches(clean)) return true;
    for (let slash = clean.indexOf("/"); slash > 0; slash = clean.indexOf("/", slash + 1)) {
      if (directoryMatches(clean.slice(0, slash))) return true;
    }
    return false;
  };
}
var MAX_REMEMBERED_DIRECTORIES = 1e4;

// src/sources/git/git.ts
import { spawn } from "node:child_process";

// src/errors.ts
var SprawlguardError = class extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
};

// src/sources/git/git.ts
var CONFIG = ["-c", "core.quotepath=off", "-c", "core.pager=cat", "-c", "color.ui=never"];
var NO_LAZY_FETCH = { GIT_NO_LAZY_FETCH: "1" };
function gitEnvironment(extra = {}) {
  return { ...process.env, GIT_TERMINAL_PROMPT: "0", GCM_INTERACTIVE: "never", ...extra };
}
var GitError = class extends SprawlguardError {
  constructor(args, code, stderr) {
    super("internal", `git ${args.join(" ")} failed${code !== null ? ` (exit ${code})` : ""}: ${stderr.trim() || "no output"}`);
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
};
function spawnGit(dir, args, options = {}) {
  return spawn("git", [...CONFIG, ...args], {
    cwd: dir,
    stdio: ["pipe", "pipe", "pipe"],
    env: gitEnvironment(options.env),
    signal: options.signal,
    ...options.timeoutMs !== void 0 ? { timeout: options.timeoutMs, killSignal: "SIGKILL" } : {}
  });
}
function streamGitLines(repo, args, onLine, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repo, args, { env: options.env, signal: options.signal });
    const err = [];
    let pending = [];
    let failed = false;
    child.stderr.on("data", (d) => {
      if (err.length < 64) err.push(d);
    });
    child.stdout.on("data", (data2) => {
      if (failed) return;
      try {
        let start = 0;
        let nl = data2.indexOf(10);
        if (nl >= 0 && pending.length > 0) {
          pending.push(data2.subarray(0, nl));
          const line = Buffer.concat(pending);
          onLine(line, 0, line.length);
          pending = [];
          start = nl + 1;
          nl = data2.indexOf(10, start);
        }
        for (; nl >= 0; nl = data2.indexOf(10, start)) {
          onLine(data2, start, nl);
          start = nl + 1;
        }
        if (start < data2.length) pending.push(data2.subarray(start));
      } catch (error) {
        failed = true;
        child.kill();
        reject(error);
      }
    });
    child.on("error", (e) => {
      if (!failed) reject(new GitError(args, null, e.message));
      failed = true;
    });
    child.on("close", (code) => {
      if (failed) return;
      if (pending.length > 0) {
        try {
          const line = Buffer.concat(pending);
          onLine(line, 0, line.length);
        } catch (error) {
          reject(error);
          return;
        }
      }
      if (code === 0) resolve();
      else reject(new GitError(args, code, Buffer.concat(err).toString("utf8")));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}

// src/sources/git/cat-file.ts
var NOT_FETCHED = "not fetched into this partial clone";
var ObjectReader = class {
  /**
   * @param dir where git runs
   * @param absent objects known to be absent (a partial clone's), answered without asking git
   */
  constructor(dir, absent = /* @__PURE__ */ new Set()) {
    this.dir = dir;
    this.absent = absent;
  }
  child;
  stderr = [];
  pending;
  queue = Promise.resolve();
  /** The object `oid`; content above `limit` bytes is not kept (only its size is reported). */
  read(oid, limit = Number.POSITIVE_INFINITY) {
    const next = this.queue.then(() => this.readNow(oid, limit));
    this.queue = next.catch(() => void 0);
    return next;
  }
  close() {
    this.child?.stdin.end();
    this.child = void 0;
  }
  readNow(oid, limit) {
    if (this.absent.has(oid)) return Promise.resolve({ kind: "missing", reason: NOT_FETCHED });
    const child = this.child ?? this.start();
    return new Promise((resolve, reject) => {
      this.pending = { oid, limit, resolve, reject, header: [], size: 0, remaining: 0, parts: [] };
      child.stdin.write(`${oid}
`);
    });
  }
  start() {
    const child = spawnGit(this.dir, ["cat-file", "--batch"], { env: NO_LAZY_FETCH });
    this.child = child;
    this.stderr = [];
    child.stdout.on("data", (data2) => this.onData(data2));
    child.stderr.on("data", (data2) => {
      if (this.stderr.length < 16) this.stderr.push(data2);
    });
    child.stdin.on("error", () => void 0);
    child.on("error", (error) => {
      const pending = this.pending;
      this.pending = void 0;
      pending?.reject(new Error(`git cat-file: ${error.message}`));
    });
    child.on("close", () => {
      if (this.child === child) this.child = void 0;
      const pending = this.pending;
      if (!pending) return;
      this.pending = void 0;
      const said = Buffer.concat(this.stderr).toString("utf8").trim().split("\n").pop() ?? "";
      pending.resolve({ kind: "missing", reason: said.replace(/^(fatal|error): /, "") || "git could not read it" });
    });
    return child;
  }
  onData(chunk) {
    let data2 = chunk;
    while (data2.length > 0 && this.pending) {
      const p = this.pending;
      if (p.type === void 0) {
        const nl = data2.indexOf(10);
        if (nl < 0) {
          p.header.push(data2);
          return;
        }
        p.header.push(data2.subarray(0, nl));
        data2 = data2.subarray(nl + 1);
        const [, type = "", size = "0"] = Buffer.concat(p.header).toString("utf8").split(" ");
        if (type !== "commit" && type !== "tree" && type !== "blob" && type !== "tag") {
          this.finish({ kind: "missing", reason: type === "missing" ? "missing from the repository" : type || "unreadable" });
          continue;
        }
        p.type = type;
        p.size = Number(size);
        p.remaining = p.size + 1;
      }
      const take = Math.min(p.remaining, data2.length);
      if (p.size <= p.limit) p.parts.push(data2.subarray(0, take));
      p.remaining -= take;
      data2 = data2.subarray(take);
      if (p.remaining === 0) {
        if (p.size > p.limit) this.finish({ kind: "too-large", type: p.type, size: p.size });
        else this.finish({ kind: "present", type: p.type, size: p.size, data: Buffer.concat(p.parts).subarray(0, p.size) });
      }
    }
  }
  finish(object) {
    const pending = this.pending;
    this.pending = void 0;
    pending?.resolve(object);
  }
};

// src/sources/git/partial-clone.ts
async function absentObjects(dir, commits, signal) {
  const absent = /* @__PURE__ */ new Set();
  try {
    await streamGitLines(
      dir,
      ["rev-list", "--objects", "--missing=print", "--no-walk", "--stdin"],
      (buf, start, end) => {
        if (buf[start] === 63) absent.add(buf.toString("latin1", start + 1, end));
      },
      { input: commits.map((c) => `${c}
${c}^@
`).join(""), signal, env: NO_LAZY_FETCH }
    );
  } catch (error) {
    if (!(error instanceof GitError) || signal?.aborted) throw error;
  }
  return absent;
}

// src/sources/path-display.ts
import { isUtf8 } from "node:buffer";
function displayName(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buf)) return buf.toString("utf8");
  let out = "";
  let from = 0;
  let i = 0;
  while (i < buf.length) {
    const n = sequenceLength(buf, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += `${buf.toString("utf8", from, i)}\\x${buf[i].toString(16).toUpperCase().padStart(2, "0")}`;
    i++;
    from = i;
  }
  return out + buf.toString("utf8", from);
}
function sequenceLength(buf, i) {
  const lead = buf[i];
  if (lead < 128) return 1;
  const n = lead >= 194 && lead <= 223 ? 2 : lead >= 224 && lead <= 239 ? 3 : lead >= 240 && lead <= 244 ? 4 : 0;
  return n > 0 && i + n <= buf.length && isUtf8(buf.subarray(i, i + n)) ? n : 0;
}

// src/sources/git/patch-parser.ts
var PATCH_FLAGS = [
  "-U0",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/"
];
var COMMIT_MARK = "";
var FIELD_SEP = "";
var COMMIT_FORMAT = `${"%x1e"}%H${"%x1f"}%an${"%x1f"}%ae${"%x1f"}%aI${"%x1f"}%ct`;
var PIECE_CHARS = 4 * 1024 * 1024;
var PatchParser = class {
  constructor(events, maxFileBytes = Number.POSITIVE_INFINITY) {
    this.events = events;
    this.maxFileBytes = maxFileBytes;
  }
  commit;
  path;
  inHunk = false;
  /** Parents of the current hunk's diff: 1 for a plain diff, more for a merge's combined diff. */
  parents = 1;
  nextLine = 0;
  lines = [];
  lineMap = [];
  chars = 0;
  bytes = 0;
  /** Added bytes of the current file so far, for the size cap. */
  fileBytes = 0;
  capped = false;
  /** Path named by the `diff --git` header, for files without a `+++` line (binary). */
  headerPath;
  /**
   * Feed one line as bytes (`buf[start, end)`, no newline). Inside a hunk only added lines are
   * decoded; removed lines, the bulk of many patches, are skipped by their first byte.
   */
  lineBytes(buf, start, end) {
    if (this.inHunk && this.parents === 1) {
      const c2 = buf[start];
      if (c2 === 43) {
        this.added(buf.toString("utf8", start + 1, end));
        return;
      }
      if (c2 === 45 || c2 === 92) return;
    }
    const c = buf[start];
    this.line(c === 43 || c === 100 || c === 66 ? displayName(buf.subarray(start, end)) : buf.toString("utf8", start, end));
  }
  /** One line of output, without its trailing newline (an added or removed line of a one-parent hunk is taken by lineBytes). */
  line(text2) {
    const c = text2.charCodeAt(0);
    if (this.inHunk) {
      if (this.parents === 1) {
        if (c === 32) {
          this.nextLine++;
          return;
        }
      } else if (c === 43 || c === 45 || c === 32) {
        this.combinedLine(text2);
        return;
      } else if (c === 92) return;
      this.inHunk = false;
    }
    if (c === 64 && text2.startsWith("@@")) {
      const m = /^(@{2,}) (?:-[0-9]+(?:,[0-9]+)? )+\+([0-9]+)(?:,[0-9]+)? @{2,}/.exec(text2);
      if (m && this.path !== void 0) {
        this.inHunk = true;
        this.parents = m[1].length - 1;
        this.nextLine = Number(m[2]);
      }
      return;
    }
    if (text2.startsWith(COMMIT_MARK)) {
      this.flushFile();
      this.path = void 0;
      const [hash = "", name = "", email = "", date = "", committed = "0"] = text2.slice(1).split(FIELD_SEP);
      this.commit = { commit: hash, author: email ? `${name} <${email}>` : name, date, committedAt: Number(committed) };
      this.events.commit?.(this.commit);
      return;
    }
    if (text2.startsWith("diff --git ") || text2.startsWith("diff --cc ") || text2.startsWith("diff --combined ")) {
      this.flushFile();
      this.path = void 0;
      this.headerPath = parseHeaderPath(text2);
      return;
    }
    if (text2.startsWith("+++ ")) {
      const target = text2.slice(4);
      this.path = target === "/dev/null" ? void 0 : stripPrefix(unquote2(target));
      return;
    }
    if (text2.startsWith("Binary files ")) {
      const path = this.headerPath;
      if (path !== void 0 && !text2.endsWith("/dev/null differ")) this.events.skip?.("binary", path, "binary file", this.commit);
    }
  }
  /**
   * A line of a merge's combined diff: one marker column per parent. A line with `-` in any column
   * is not in the result; one with `+` in every column is in no parent, so the merge itself added
   * it (a conflict resolution or an "evil merge"); anything else came from one of the parents.
   */
  combinedLine(text2) {
    const markers = text2.slice(0, this.parents);
    if (markers.includes("-")) return;
    if (markers === "+".repeat(this.parents)) this.added(text2.slice(this.parents));
    else this.nextLine++;
  }
  /** End of input: emit what is pending. */
  end() {
    this.flushFile();
  }
  added(content) {
    if (this.capped) return;
    const bytes = Buffer.byteLength(content) + 1;
    if (this.fileBytes + bytes > this.maxFileBytes) {
      this.capped = true;
      this.flushPiece();
      this.events.skip?.("too-large", this.path ?? "", `additions larger than the size cap (${this.maxFileBytes} bytes); the rest was not scanned`, this.commit);
      return;
    }
    this.fileBytes += bytes;
    this.bytes += bytes;
    this.lines.push(content);
    this.lineMap.push(this.nextLine++);
    this.chars += content.length + 1;
    if (this.chars >= PIECE_CHARS) this.flushPiece();
  }
  flushPiece() {
    if (this.lines.length === 0 || this.path === void 0) {
      this.lines = [];
      this.lineMap = [];
      this.chars = 0;
      this.bytes = 0;
      return;
    }
    this.events.chunk({
      commit: this.commit,
      path: this.path,
      text: this.lines.join("\n"),
      lineMap: this.lineMap,
      bytes: this.bytes
    });
    this.lines = [];
    this.lineMap = [];
    this.chars = 0;
    this.bytes = 0;
  }
  flushFile() {
    this.flushPiece();
    this.inHunk = false;
    this.fileBytes = 0;
    this.capped = false;
  }
};
function parseHeaderPath(header) {
  const rest = header.replace(/^diff --(?:git|cc|combined) /, "");
  if (rest.startsWith('"')) {
    const parts = rest.match(/"(?:[^"\\]|\\.)*"/g);
    const last = parts?.[parts.length - 1];
    return last ? stripPrefix(unquote2(last)) : void 0;
  }
  const b = rest.lastIndexOf(" b/");
  return b >= 0 ? rest.slice(b + 3) : stripPrefix(rest);
}
function stripPrefix(p) {
  const clean = p.endsWith("	") ? p.slice(0, -1) : p;
  return clean.startsWith("b/") || clean.startsWith("a/") ? clean.slice(2) : clean;
}
function unquote2(p) {
  const trimmed = p.endsWith("	") ? p.slice(0, -1) : p;
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"')) return trimmed;
  const body = trimmed.slice(1, -1);
  const bytes = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i];
    if (next === void 0) break;
    if (/[0-7]/.test(next)) {
      const oct = body.slice(i, i + 3);
      bytes.push(parseInt(oct, 8));
      i += 2;
      continue;
    }
    const simple = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
    bytes.push(simple[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}

// src/sources/git/added-lines.ts
var PIECE_CHARS2 = 4 * 1024 * 1024;
function addedText(path, commit, next, previous, maxBytes) {
  const known = /* @__PURE__ */ new Set();
  for (const old of previous) for (const line of lines(old)) known.add(line);
  const chunks = [];
  let piece = [];
  let lineMap = [];
  let chars = 0;
  let bytes = 0;
  let total = 0;
  const flush = () => {
    if (piece.length > 0) chunks.push({ commit, path, text: piece.join("\n"), lineMap, bytes });
    piece = [];
    lineMap = [];
    chars = 0;
    bytes = 0;
  };
  const all = lines(next);
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (known.has(line)) continue;
    const size = Buffer.byteLength(line) + 1;
    if (total + size > maxBytes) {
      flush();
      return { chunks, capped: `additions larger than the size cap (${maxBytes} bytes); the rest was not scanned` };
    }
    total += size;
    bytes += size;
    piece.push(line);
    lineMap.push(i + 1);
    chars += line.length + 1;
    if (chars >= PIECE_CHARS2) flush();
  }
  flush();
  return { chunks };
}
function lines(content) {
  const text2 = content.toString("utf8");
  if (text2 === "") return [];
  const split = text2.split("\n");
  if (text2.endsWith("\n")) split.pop();
  return split;
}

// src/sources/git/objects.ts
function parseCommit(oid, data2) {
  const end = data2.indexOf("\n\n");
  const header = data2.toString("utf8", 0, end < 0 ? data2.length : end);
  let tree;
  const parents = [];
  let author = { name: "", date: "", seconds: 0 };
  let committedAt = 0;
  for (const line of header.split("\n")) {
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "tree") tree = value;
    else if (key === "parent") parents.push(value);
    else if (key === "author") author = parseIdent(value);
    else if (key === "committer") committedAt = parseIdent(value).seconds;
  }
  if (tree === void 0) return void 0;
  return { tree, parents, meta: { commit: oid, author: author.name, date: author.date, committedAt } };
}
function parseIdent(ident) {
  const m = /^(.*?) ?<([^>]*)> (-?\d+) ([+-])(\d\d)(\d\d)$/.exec(ident);
  if (!m) return { name: ident, date: "", seconds: 0 };
  const [, name = "", email = "", seconds = "0", sign = "+", hh = "00", mm = "00"] = m;
  const offset = (sign === "-" ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60;
  const local = new Date((Number(seconds) + offset) * 1e3).toISOString().slice(0, 19);
  return { name: email ? `${name} <${email}>` : name, date: `${local}${sign}${hh}:${mm}`, seconds: Number(seconds) };
}
function parseTree(data2, oidHexLength) {
  const idBytes = oidHexLength / 2;
  const entries = [];
  let at = 0;
  while (at < data2.length) {
    const space = data2.indexOf(32, at);
    const nul = data2.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > data2.length) break;
    entries.push({
      mode: data2.toString("latin1", at, space),
      name: displayName(data2.subarray(space + 1, nul)),
      oid: data2.toString("hex", nul + 1, nul + 1 + idBytes)
    });
    at = nul + 1 + idBytes;
  }
  return entries;
}
var isTree = (mode) => mode === "40000" || mode === "040000";
var isGitlink = (mode) => mode === "160000";
async function diffTrees(objects, tree, parents, events, prefix = "") {
  const current = await objects.read(tree);
  if (current.kind !== "present" || current.type !== "tree") {
    events.unreadableTree(prefix, tree, current.kind === "missing" ? current.reason : "not a tree");
    return;
  }
  const before = [];
  for (const parent of parents) {
    const old = await objects.read(parent);
    before.push(old.kind === "present" && old.type === "tree" ? new Map(parseTree(old.data, parent.length).map((e) => [e.name, e])) : /* @__PURE__ */ new Map());
  }
  for (const entry of parseTree(current.data, tree.length)) {
    if (isGitlink(entry.mode)) continue;
    const olds = before.map((m) => m.get(entry.name)).filter((e) => e !== void 0);
    if (olds.some((o) => o.oid === entry.oid && isTree(o.mode) === isTree(entry.mode))) continue;
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (isTree(entry.mode)) {
      await diffTrees(objects, entry.oid, olds.filter((o) => isTree(o.mode)).map((o) => o.oid), events, path);
    } else {
      const previous = olds.filter((o) => !isTree(o.mode) && !isGitlink(o.mode)).map((o) => o.oid);
      await events.file({ path, oid: entry.oid, previous });
    }
  }
}

// src/sources/text-decode.ts
var SNIFF_BYTES = 8e3;
function isBinary(bytes) {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  return bytes.subarray(0, end).indexOf(0) >= 0;
}

// src/sources/git/commit-objects.ts
function unreadableReason(what, why, consequence) {
  return `${what} cannot be read (${why}): ${consequence}`;
}
function unreadableCode(why) {
  return why.includes(NOT_FETCHED) ? "not-fetched" : "unreadable-object";
}
async function scanCommitObjects(objects, commit, events, maxFileBytes) {
  const object = await objects.read(commit);
  const parsed = object.kind === "present" && object.type === "commit" ? parseCommit(commit, object.data) : void 0;
  if (!parsed) {
    const why = object.kind === "missing" ? object.reason : "not a commit";
    events.skip?.(unreadableCode(why), commit, unreadableReason("commit object", why, "not scanned"));
    return;
  }
  const meta = parsed.meta;
  events.commit?.(meta);
  const parentTrees = [];
  for (const parent of parsed.parents) {
    const p = await objects.read(parent);
    const tree = p.kind === "present" && p.type === "commit" ? parseCommit(parent, p.data)?.tree : void 0;
    if (tree !== void 0) parentTrees.push(tree);
  }
  await diffTrees(objects, parsed.tree, parentTrees, {
    unreadableTree: (path, oid, reason) => {
      if (path === "") events.skip?.(unreadableCode(reason), commit, unreadableReason(`its tree ${oid}`, reason, "not scanned"));
      else events.skip?.(unreadableCode(reason), `${path}/`, unreadableReason(`tree ${oid}`, reason, "files under it were not scanned"), meta);
    },
    file: (change) => scanChangedFile(objects, change, meta, events, maxFileBytes)
  });
}
async function scanChangedFile(objects, { path, oid, previous }, commit, events, maxFileBytes) {
  const blob = await objects.read(oid, maxFileBytes);
  if (blob.kind === "missing") {
    events.skip?.(unreadableCode(blob.reason), path, unreadableReason(`blob ${oid}`, blob.reason, "not scanned"), commit);
    return;
  }
  if (blob.kind === "too-large") {
    events.skip?.("too-large", path, `larger than the size cap (${blob.size} > ${maxFileBytes} bytes)`, commit);
    return;
  }
  if (isBinary(blob.data)) {
    events.skip?.("binary", path, "binary file", commit);
    return;
  }
  const before = [];
  for (const old of previous) {
    const o = await objects.read(old, maxFileBytes);
    if (o.kind === "present") before.push(o.data);
  }
  const added = addedText(path, commit, blob.data, before, maxFileBytes);
  for (const chunk of added.chunks) events.chunk(chunk);
  if (added.capped) events.skip?.("too-large", path, added.capped, commit);
}

// src/sources/git/commits.ts
async function scanCommitBatch(repo, commits, scanner2, options) {
  const sink = new BatchSink(scanner2, options);
  let objects;
  try {
    if (options.fromObjects) {
      objects = new ObjectReader(repo, await absentObjects(repo, commits, options.signal));
      for (let i = 0; i < commits.length; i++) {
        options.signal?.throwIfAborted();
        sink.begin(i);
        await scanCommitObjects(objects, commits[i], sink.events, options.maxFileBytes);
      }
      return sink.finish();
    }
    for (let start = 0; start < commits.length; ) {
      const failed = await scanPatches(repo, commits, start, sink, options);
      if (failed === void 0) break;
      sink.rewind(failed);
      objects ??= new ObjectReader(repo);
      sink.begin(failed);
      await scanCommitObjects(objects, commits[failed], sink.events, options.maxFileBytes);
      start = failed + 1;
    }
    return sink.finish();
  } finally {
    objects?.close();
  }
}
async function scanPatches(repo, commits, start, sink, options) {
  let position = -1;
  const parser = new PatchParser(
    {
      commit: () => sink.begin(start + ++position),
      chunk: (chunk) => sink.events.chunk(chunk),
      skip: (code, path, reason, commit) => sink.events.skip?.(code, path, reason, commit)
    },
    options.maxFileBytes
  );
  try {
    await streamGitLines(
      repo,
      // --cc: merges show only what differs from every parent, so a secret added while resolving a
      // conflict is seen; what a merge brings in from its parents was scanned in their commits.
      ["log", "-p", "--cc", ...PATCH_FLAGS, "--no-renames", `--format=${COMMIT_FORMAT}`, "--no-walk=unsorted", "--stdin"],
      (buf, lineStart, end) => parser.lineBytes(buf, lineStart, end),
      { input: `${commits.slice(start).join("\n")}
`, signal: options.signal, env: NO_LAZY_FETCH }
    );
  } catch (error) {
    if (!(error instanceof GitError) || options.signal?.aborted || options.strict) throw error;
    return start + Math.max(position, 0);
  }
  parser.end();
  return void 0;
}
var BatchSink = class {
  constructor(scanner2, options) {
    this.scanner = scanner2;
    this.events = {
      chunk: (chunk) => {
        if (options.excluded?.(chunk.path)) return;
        this.result.bytes += chunk.bytes;
        this.result.chunks++;
        for (const finding of scanner2.scan(toScanChunk(chunk, options.source))) {
          this.result.findings.push({ finding, order: options.firstOrder + this.current });
        }
      },
      skip: (code, path, reason, commit) => this.result.skipped.push(skipEntry(code, path, reason, commit))
    };
  }
  result = { findings: [], commits: 0, bytes: 0, chunks: 0, skipped: [] };
  current = -1;
  mark = { findings: 0, skipped: 0, commits: 0, bytes: 0, chunks: 0 };
  events;
  /** Commit `index` of the batch starts. */
  begin(index) {
    const r = this.result;
    this.current = index;
    this.mark = { findings: r.findings.length, skipped: r.skipped.length, commits: r.commits, bytes: r.bytes, chunks: r.chunks };
    r.commits++;
  }
  /** Forget what commit `index` gave so far (nothing, when it never started). */
  rewind(index) {
    if (this.current !== index) return;
    const r = this.result;
    r.findings.length = this.mark.findings;
    r.skipped.length = this.mark.skipped;
    r.commits = this.mark.commits;
    r.bytes = this.mark.bytes;
    r.chunks = this.mark.chunks;
  }
  /** The batch's results, with what the scanner's budgets cut short. */
  finish() {
    this.result.skipped.push(...this.scanner.takeLimits());
    return this.result;
  }
};
function toScanChunk(chunk, source) {
  const origin = {
    source,
    path: chunk.path,
    line: chunk.lineMap[0] ?? 1,
    ...chunk.commit ? commitOrigin(chunk.commit) : {}
  };
  return { text: chunk.text, origin, lineMap: chunk.lineMap };
}
function commitOrigin(meta) {
  return { commit: meta.commit, author: meta.author, date: meta.date };
}
function skipEntry(code, path, reason, commit) {
  if (!commit) return { code, path, message: reason };
  return { code, path: `${path}@${commit.commit.slice(0, 12)}`, message: reason, entry: commit.commit };
}

// src/scan/worker-pool.ts
function failure(error) {
  return { failed: error instanceof Error ? error.stack ?? error.message : String(error) };
}

// src/sources/git/git-worker.ts
var port = parentPort;
if (!port) throw new Error("git worker started outside a worker thread");
var data = workerData;
var scanner = new ChunkScanner(data.config);
var excluded = pathMatcher(data.excludeGlobs);
port.on("message", (batch) => {
  scanCommitBatch(data.repo, batch.commits, scanner, {
    source: data.source,
    firstOrder: batch.firstOrder,
    maxFileBytes: data.maxFileBytes,
    excluded,
    fromObjects: data.fromObjects,
    strict: data.strict
  }).then(async (result) => {
    await settleFingerprints(result.findings.map((f) => f.finding));
    return result;
  }).then(
    (result) => port.postMessage(result),
    (error) => port.postMessage(failure(error))
  );
});

/**
 * Words, identifiers and random runs told apart by their letters: English words and the names
 * people give things are made of common letter pairs; generated values are not.
 */
import { shannonEntropy } from '../entropy.js';

/**
 * Brackets usually mean code, but generated keys draw from punctuation too (Django's alphabet has
 * `(` and `)`): long, high-entropy values mixing case or digits with four or more distinct
 * punctuation characters, and not made of words, are random, not expressions.
 */
export function looksGenerated(v: string): boolean {
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
export function isWordLike(seg: string): boolean {
  return commonPairShare(seg) >= 0.75;
}

/** The share of a run's letter pairs that are common in words (see COMMON_PAIRS). */
function commonPairShare(seg: string): number {
  const lower = seg.toLowerCase();
  let common = 0;
  for (let i = 0; i < lower.length - 1; i++) if (COMMON_PAIRS.has(lower.slice(i, i + 2))) common++;
  return common / (lower.length - 1);
}

/**
 * Ten or more lower-case letters whose pairs are mostly rare ones: drawn at random, as some
 * generators and people making a secret do, not a word, a name or words run together. Words and
 * identifiers stay above 0.6; uniformly random letters average under half.
 */
export function isRandomLetters(v: string): boolean {
  return v.length >= 10 && /^[a-z]+$/.test(v) && commonPairShare(v) < 0.6;
}

/**
 * Identifiers and labels made of words: `contextToken`, `InterpolationInJSX`, `VpcPeeringConnections`.
 * Letters only, split at case changes. At least half the letters must be in words of four or more
 * letters; acronyms (`JSX`, `Vpc`) and short function words fill the rest, with no more acronyms
 * than words. Random mixed case passes in under 0.1% of cases (measured on random letter strings).
 */
export function isWordCompound(core: string, minWordShare = 0.5): boolean {
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

/**
 * Names as people write them: snake_case, camelCase, PascalCase, UPPER_CASE, `$el`, and snake names
 * whose parts are words or acronyms (`NID_aes_256_cbc`, `collect_all_And_tokens`) — not random mixed
 * case (`ltTnEZWGXY5`).
 */
export function isIdentifierLike(seg: string): boolean {
  if (/^(?:[a-z_$][a-z0-9_$]*|[A-Z_][A-Z0-9_]*|[a-z_$]*[a-z0-9]*(?:[A-Z][a-z0-9]+)+[A-Z]?|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*)$/.test(seg) && !/[A-Z]{2}[a-z]/.test(seg.replace(/^[A-Z]+(?=[A-Z][a-z])/, ''))) return true;
  if (isWordCompound(seg.replace(/[0-9]/g, ''))) return true;
  const parts = seg.split('_').filter(Boolean);
  if (parts.length >= 2 && parts.every((part) => /^[a-z0-9]+$/.test(part) || /^[A-Z0-9]+$/.test(part) || /^[A-Z][a-z]+[0-9]*$/.test(part) || isWordCompound(part.replace(/[0-9]/g, '')))) return true;
  // Go and .NET names that keep initialisms in capitals (`APIKey`, `HasSSHKey`, `OpsGenieAPIKey`).
  return /[A-Z]{2}/.test(seg) && isCamelWords(seg);
}

/**
 * A name in camelCase or PascalCase whose parts are words or initialisms (`OptOutLists`,
 * `AWSAccessKeyId`, `HasSSHKey2`): every part is an initialism of up to five capitals, a number, or
 * a run of letters words use (two letters only when capitalised, like `Id`). Random runs split into
 * parts words do not use (`Qj`, `xK`) and fail.
 */
export function isCamelWords(seg: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(seg)) return false;
  const parts = seg.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  if (parts.length < 2) return false;
  let words = 0;
  for (const part of parts) {
    if (/^[0-9]+$/.test(part) || /^[A-Z]{1,5}$/.test(part)) continue;
    if (part.length < 2 || (part.length === 2 && !/^[A-Z]/.test(part)) || !isWordLike(part)) return false;
    words++;
  }
  return words > 0;
}

/**
 * Filler typed on the home row (`askfjh234as9sd8`, `sdf23409df`): lower case and digits, mostly
 * `asdfghjkl` with a run of neighbouring keys. Hex is left alone (its letters sit on that row by chance).
 */
export function isKeyboardMash(v: string): boolean {
  if (!/^[a-z0-9]+$/.test(v) || /^[0-9a-f]+$/.test(v)) return false;
  const letters = v.replace(/[0-9]/g, '');
  if (letters.length < 5) return false;
  const home = letters.replace(/[^asdfghjkl]/g, '').length;
  return home / letters.length >= 0.75 && /as|sd|df|fg|gh|hj|jk|kl|lk|kj|jh|hg|gf|fd|ds|sa/.test(letters);
}


/**
 * The share of a value's characters that sit in runs of four or more letters reading as words
 * (`source`, `Metrics`, `LOOKUP`). Prose, paths, identifiers and URLs are mostly words; generated
 * keys have short letter runs of uncommon pairs.
 */
export function wordShare(v: string): number {
  let inWords = 0;
  for (const m of v.matchAll(/[A-Z]?[a-z]{3,}|[A-Z]{4,}(?![a-z])/g)) if (isWordLike(m[0])) inWords += m[0].length;
  return v.length === 0 ? 0 : inWords / v.length;
}

/**
 * Values people make up for tests and demos: lower-case words and a number, one of them saying so
 * (`test-token-123`, `fake_api_key`, `local-dev-secret`).
 */
export function isTestValue(value: string): boolean {
  const v = value.toLowerCase();
  if (!/^[a-z]+(?:[_.-][a-z]+)*[_.-]?[0-9]{0,6}$/.test(v)) return false;
  return /(?:^|[_.-])(?:test(?:ing)?|fake|mock|dummy|demo|stub|sample|local|dev|example|changeit|default)(?:$|[_.-]|[0-9])/.test(v);
}

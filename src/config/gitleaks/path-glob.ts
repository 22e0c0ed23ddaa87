/**
 * gitleaks path regexes as sprawlguard path globs. gitleaks tests each regex against a file's path
 * (unanchored: anywhere in it); sprawlguard's `allowlist.paths` are minimatch globs. The shapes
 * path allowlists are written in translate exactly or nearly so: literal names and directories,
 * extensions (`\.(?:png|jpe?g)$`), `(?:^|/)` segment starts, `^` and `$`. Anything else (classes
 * of unknown extent such as `\d+`, wildcards that are not at an end) is refused with the reason,
 * so nothing is allowlisted that the user did not see translated.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { translateRe2 } from './re2.js';

export type GlobTranslation = { ok: true; globs: string[]; notes: string[] } | { ok: false; reason: string };

/** More alternatives than this are not worth a glob each: the regex is refused instead. */
const MAX_VARIANTS = 64;
/** `*` in a literal: a wildcard that stays within one path segment. */
const WILDCARD = '\u0000';

class Refusal extends Error {}

export function pathRegexToGlobs(source: string): GlobTranslation {
  const js = translateRe2(source, { ignoreCaseFlag: true });
  if (!js.ok) return js;
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(js.pattern, 0, js.pattern.length, { unicode: false });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const notes = new Set<string>();
  const globs = new Set<string>();
  try {
    for (const alternative of ast.alternatives) {
      for (const glob of alternativeGlobs(alternative, notes)) {
        globs.add(glob);
        if (js.ignoreCase) {
          globs.add(glob.toLowerCase());
          globs.add(glob.toUpperCase());
        }
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
  if (js.ignoreCase) notes.add('case-insensitive: translated as written, in lower case and in upper case (mixed case is not matched)');
  if (globs.size > MAX_VARIANTS) return { ok: false, reason: `expands to ${globs.size} globs (more than ${MAX_VARIANTS})` };
  return { ok: true, globs: [...globs], notes: [...notes] };
}

function alternativeGlobs(alternative: Alternative, notes: Set<string>): string[] {
  const elements = [...alternative.elements];
  let start: 'root' | 'segment' | 'anywhere' = 'anywhere';
  let anchoredEnd = false;
  const first = elements[0];
  if (first?.type === 'Assertion' && first.kind === 'start') {
    start = 'root';
    elements.shift();
  } else if (first && isSegmentStart(first)) {
    start = 'segment';
    elements.shift();
  } else if (first && isAnyRun(first)) {
    elements.shift();
  }
  const last = elements[elements.length - 1];
  if (last?.type === 'Assertion' && last.kind === 'end') {
    anchoredEnd = true;
    elements.pop();
  } else if (last && isAnyRun(last)) {
    elements.pop();
  }
  const literals = expand(elements, notes);
  return literals.map((literal) => {
    if (literal === '' && start === 'anywhere' && !anchoredEnd) throw new Refusal('matches every path');
    return toGlob(literal, start, anchoredEnd, notes);
  });
}

function toGlob(literal: string, start: 'root' | 'segment' | 'anywhere', anchoredEnd: boolean, notes: Set<string>): string {
  let body = [...literal].map((c) => (c === WILDCARD ? '*' : /[*?[\]{}()!+@\\]/.test(c) ? `\\${c}` : c)).join('');
  if (!anchoredEnd) body = body.endsWith('/') ? `${body}**` : `${body}*`;
  const hasSlash = body.includes('/');
  if (start === 'root') {
    if (!hasSlash) notes.add('a name anchored at the root (^name) also matches that name in subdirectories');
    return body;
  }
  if (start === 'segment') return hasSlash ? `**/${body}` : body;
  return hasSlash ? `**/*${body}` : `*${body}`;
}

/** Every literal string `elements` can match, when that is a short list. */
function expand(elements: readonly Element[], notes: Set<string>): string[] {
  let results = [''];
  for (const element of elements) {
    const options = expandElement(element, notes);
    const next: string[] = [];
    for (const prefix of results) for (const option of options) next.push(prefix + option);
    if (next.length > MAX_VARIANTS) throw new Refusal(`expands to more than ${MAX_VARIANTS} paths`);
    results = next;
  }
  return results;
}

function expandElement(element: Element, notes: Set<string>): string[] {
  switch (element.type) {
    case 'Character':
      return [String.fromCodePoint(element.value)];
    case 'Group':
    case 'CapturingGroup':
      return element.alternatives.flatMap((alt) => expand(alt.elements, notes));
    case 'CharacterClass': {
      if (element.negate) break;
      const chars: string[] = [];
      for (const item of element.elements) {
        if (item.type === 'Character') chars.push(String.fromCodePoint(item.value));
        else if (item.type === 'CharacterClassRange' && item.max.value - item.min.value < 26) {
          for (let code = item.min.value; code <= item.max.value; code++) chars.push(String.fromCodePoint(code));
        } else throw new Refusal(`the class "${element.raw}" stands for too many characters to list`);
      }
      return chars;
    }
    case 'Quantifier': {
      if (isAnyRun(element)) {
        notes.add('".*" inside the path became "*", which does not cross "/"');
        return [WILDCARD];
      }
      if (element.max <= 1) {
        const inner = expandElement(element.element, notes);
        return element.min === 0 ? ['', ...inner] : inner;
      }
      if (element.min === element.max && element.max <= 8) {
        let out = [''];
        for (let n = 0; n < element.min; n++) out = out.flatMap((prefix) => expandElement(element.element, notes).map((s) => prefix + s));
        return out;
      }
      break;
    }
    default:
      break;
  }
  throw new Refusal(`"${element.raw}" matches paths of no fixed shape`);
}

/** `(?:^|/)`: the start of the path or of one of its segments. */
function isSegmentStart(element: Element): boolean {
  if (element.type !== 'Group' && element.type !== 'CapturingGroup') return false;
  const kinds = element.alternatives.map((alt) => {
    const only = alt.elements.length === 1 ? alt.elements[0] : undefined;
    if (only?.type === 'Assertion' && only.kind === 'start') return 'start';
    if (only?.type === 'Character' && only.value === 0x2f) return 'slash';
    return 'other';
  });
  return kinds.length === 2 && kinds.includes('start') && kinds.includes('slash');
}

/** `.*`, `.*?` or `.+` (alone or in a group of its own, as in `(.*?)`): any run of characters. */
function isAnyRun(element: Element): boolean {
  if ((element.type === 'Group' || element.type === 'CapturingGroup') && element.alternatives.length === 1) {
    const only = element.alternatives[0]?.elements;
    return only?.length === 1 && only[0] !== undefined && isAnyRun(only[0]);
  }
  return (
    element.type === 'Quantifier' &&
    element.max === Infinity &&
    element.min <= 1 &&
    element.element.type === 'CharacterSet' &&
    element.element.kind === 'any'
  );
}

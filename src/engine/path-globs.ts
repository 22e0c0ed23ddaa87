/**
 * Path conditions of rules (`paths:`): globs a file's path must match for the rule to run on it,
 * for formats a file's name identifies (a Rails `config/master.key` holds 32 hex characters and
 * nothing else; a line of `.pgpass` is a password whatever its port). A rule does not know where a
 * scan started, so a glob is matched against the end of the path: without a `/` against the file
 * name (`.pgpass`, `*.htpasswd`), with one against the last segments (`config/master.key` matches
 * `web/config/master.key`). `*` and `?` stay within a segment, `**` crosses them, `{a,b}` is either;
 * letter case does not matter.
 *
 * Compiled here to one regular expression per rule rather than with minimatch (which the config's
 * path allowlist uses): loading minimatch costs tens of milliseconds, which every pre-commit run
 * would pay for the built-in rules; these globs need nothing minimatch adds.
 */

/** One regular expression for a list of globs, tested against a `/`-separated path. */
export function compilePathGlobs(globs: readonly string[]): RegExp {
  const alternatives = globs.map((glob) => {
    const clean = glob.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    return `(?:^|/)${globToSource(clean)}$`;
  });
  // Case-insensitive: the files these globs name are written `WinSCP.ini` or `winscp.ini`, and on
  // Windows and macOS both are the same file.
  return new RegExp(alternatives.join('|'), 'i');
}

/** Why a glob cannot be compiled, or undefined when it can. */
export function pathGlobProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty';
  if (/[\\]/.test(glob)) return 'uses a backslash: write paths with /';
  let depth = 0;
  for (const c of glob) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return 'closes a { it did not open';
    else if (c === '[' || c === ']') return 'uses a character class ([…]), which rule globs do not support';
  }
  if (depth !== 0) return 'leaves a { open';
  return undefined;
}

function globToSource(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` is any number of whole segments; a trailing `**` anything.
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:[^/]*/)*';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return out;
}

/**
 * A path a glob list matches, for checking a rule's examples: the first glob with each wildcard
 * filled in (`*.htpasswd` → `x.htpasswd`, `{a,b}` → `a`).
 */
export function samplePath(globs: readonly string[]): string {
  const glob = (globs[0] ?? '').replace(/^\.?\/+/, '');
  return glob
    .replace(/\{([^,}]*)[^}]*\}/g, '$1')
    .replace(/\*\*\//g, '')
    .replace(/\*+/g, 'x')
    .replace(/\?/g, 'x');
}

/**
 * The text of sprawlguard's pre-commit hook line, and where it goes in a hook that already exists.
 *
 * The line is placed after the hook's opening lines (shebang, comments, `set`, sourced files,
 * variable assignments) and before its first command. Appending it instead would be unsafe twice
 * over: a hook that ends in `exit 0` or `exec …` never reaches a line after that, and a hook whose
 * last command decides its exit status (`npm test`) would have that status replaced by ours. Git
 * and husky run hooks from the top of the work tree, so a relative `node_modules/.bin` is the
 * project's own install.
 */

/** Marks the line we own, so uninstall never touches anything else. */
export const HOOK_MARKER = '# sprawlguard pre-commit';

/**
 * The command the hook runs: the project's installed sprawlguard (no `npx`, which costs a second or
 * two per commit), else the one on PATH, else a message and a blocked commit: a hook that cannot
 * find its scanner must not let the commit through as if it had scanned.
 */
export const HOOK_COMMAND =
  'if [ -x node_modules/.bin/sprawlguard ]; then node_modules/.bin/sprawlguard scan --staged; ' +
  'elif command -v sprawlguard >/dev/null 2>&1; then sprawlguard scan --staged; ' +
  'else echo "sprawlguard is not installed (npm install --save-dev sprawlguard); to commit without the scan: git commit --no-verify" >&2; false; fi';

/** One line: the command, an exit when it fails (so later lines cannot hide it), and our marker. */
export function hookLine(): string {
  return `${HOOK_COMMAND} || exit $? ${HOOK_MARKER}`;
}

/** A whole new hook file; husky's hook files are sourced by husky and carry no shebang. */
export function newHookFile(husky: boolean): string {
  return husky ? `${hookLine()}\n` : `#!/bin/sh\n${hookLine()}\n`;
}

/** Lines that only prepare the environment: safe to keep ahead of our line (HUSKY=0 is honoured by husky.sh, say). */
const SETUP_LINE = [
  /^set\s+[-+][A-Za-z]+(\s+[-+]?[A-Za-z]+)*$/,
  /^(\.|source)\s+\S.*$/,
  /^(export\s+|readonly\s+)?[A-Za-z_][A-Za-z0-9_]*=("[^"]*"|'[^']*'|\$\([^()]*\)|[^\s;&|"'`$()]*)$/,
  /^(export|unset)\s+[A-Za-z_][A-Za-z0-9_]*(\s+[A-Za-z_][A-Za-z0-9_]*)*$/,
];

function isSetupLine(line: string): boolean {
  const text = line.trim();
  // A continued line, a here-document or a second command on the line is not plain setup.
  if (/\\$|<<|&&|\|\||;|\b(exit|exec)\b/.test(text)) return false;
  return SETUP_LINE.some((re) => re.test(text));
}

const isComment = (line: string): boolean => line.trim().startsWith('#');
const isBlank = (line: string): boolean => line.trim() === '';

/** `existing` with our line added after its setup lines. */
export function withHookLine(existing: string): string {
  const lines = existing.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let at = lines[0]?.startsWith('#!') ? 1 : 0;
  // The header comment stays on top; a comment further down may describe the command under it.
  while (at < lines.length && isComment(lines[at] as string)) at++;
  for (let i = at; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlank(line) || isComment(line)) continue;
    if (!isSetupLine(line)) break;
    at = i + 1;
  }
  lines.splice(at, 0, hookLine());
  return `${lines.join('\n')}\n`;
}

/** `existing` without our line (and nothing else changed). */
export function withoutHookLine(existing: string): string {
  return existing
    .split('\n')
    .filter((line) => !line.includes(HOOK_MARKER))
    .join('\n');
}

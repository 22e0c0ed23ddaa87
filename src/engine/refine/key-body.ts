/**
 * The base64 body of an armoured key (PEM, OpenSSH, PuTTY, PGP) however it is written: in a file,
 * on one line with `\n` escapes (JSON, .env), or split over concatenated string literals in code
 * (`"-----BEGIN RSA PRIVATE KEY-----\n" + "MIIE…" + …` in Java, JavaScript, Go, C#; adjacent
 * literals in Python; an array of lines joined at run time). Header lines (`Proc-Type:`,
 * `Comment:`, PuTTY's `Public-Lines:` and `Private-MAC:`) and the armour markers are not part of it.
 */

/** A BEGIN marker whose string literal ends right after it: `-----BEGIN … KEY-----\n" +`. */
const SPLIT_AFTER_BEGIN = /^-----BEGIN [^-\n]{0,80}-----(?:\\r)?(?:\\n)?(["'`])/;
/** The armour lines: PEM's five dashes, and the ssh.com format's four dashes and a blank. */
const MARKER = /-----(?:BEGIN|END)[^-\n]{0,80}-----|---- (?:BEGIN|END) [^-\n]{0,80} ----/g;

export function keyBody(armoured: string): string {
  return keyLines(armoured)
    .filter((line) => !/^[ \t]*[A-Za-z0-9-]+:/.test(line))
    .join('')
    .replace(/\s+/g, '');
}

/** The key's text as lines, with string-literal syntax and `\n` escapes undone. */
function keyLines(armoured: string): string[] {
  return literalContent(armoured).replace(MARKER, '\n').replace(/\\r\\n|\\[rn]/g, '\n').split(/\r?\n/);
}

/**
 * When the key is split over string literals, the text inside them. The literal holding the BEGIN
 * marker closes right after it (after a `\n` escape at most), so splitting at that quote character
 * gives literal contents at even positions and code (`+`, `,`, line breaks, indentation) at odd
 * ones. Any other block is returned as it is.
 */
function literalContent(armoured: string): string {
  const quote = SPLIT_AFTER_BEGIN.exec(armoured)?.[1];
  if (quote === undefined) return armoured;
  return armoured
    .split(quote)
    .filter((_, i) => i % 2 === 0)
    .join('');
}

/** True when the block was written as concatenated string literals rather than as a PEM text. */
export function isSplitOverLiterals(armoured: string): boolean {
  return literalContent(armoured) !== armoured;
}

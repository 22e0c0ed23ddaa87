/**
 * Whether output gets ANSI colour. One decision for every command, in this order:
 * `--no-color` > NO_COLOR > FORCE_COLOR > whether the stream is a terminal.
 *
 * picocolors decides once, at import, from the environment and `process.argv`; its colours are not
 * used directly here (formatters call `createColors(enabled)` with this answer), so what it decided
 * at import does not matter, and a test can ask with any environment.
 */
export interface ColorStream {
  isTTY?: boolean;
}

/**
 * `flag` is the value of a command's `--no-color` option (false when given). NO_COLOR turns colour
 * off when set to anything but the empty string (no-color.org); FORCE_COLOR turns it on when set,
 * except to `0` or `false` (Node's own reading of it), which turn it off.
 */
export function colorEnabled(flag: boolean | undefined, stream: ColorStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
